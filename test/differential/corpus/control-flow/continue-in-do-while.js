let i = 0;
const seen = [];
do {
  i++;
  if (i % 2 === 0) continue;
  seen.push(i);
} while (i < 7);
let j = 0;
let guard = 0;
while (j < 3) {
  guard++;
  j++;
  if (j === 1) continue;
  seen.push('j' + j);
}
[seen, guard]
