function describe(n) {
  const out = [];
  switch (n) {
    case 1:
      out.push('one');
    case 2:
      out.push('two');
      break;
    case 3:
    case 4:
      out.push('three-or-four');
    case 5:
      out.push('five');
      break;
    default:
      out.push('other');
  }
  return out.join('+');
}
[1, 2, 3, 4, 5, 6].map(describe)
