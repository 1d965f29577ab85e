const found = [];
outer: for (let i = 0; i < 5; i++) {
  inner: for (let j = 0; j < 5; j++) {
    if (j === 3) continue outer;
    if (i === 3) break outer;
    if ((i + j) % 2) continue inner;
    found.push(`${i}${j}`);
  }
}
block: {
  found.push('in block');
  if (found.length > 2) break block;
  found.push('never');
}
found
