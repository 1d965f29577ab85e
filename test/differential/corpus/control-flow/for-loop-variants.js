const out = [];
for (let i = 0; i < 3; i++) out.push(i);
for (let i = 10, j = 0; i > j; i -= 4, j++) out.push(`${i}/${j}`);
let k = 0;
for (; k < 2; ) k++;
out.push(k);
let n = 0;
for (;;) {
  if (++n > 4) break;
}
out.push(n);
for (const x = 'once'; ; ) {
  out.push(x);
  break;
}
out
