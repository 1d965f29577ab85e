let total = 0;
for (let i = 0; i < 4; i++) {
  total += i;
  total * 100;
}
