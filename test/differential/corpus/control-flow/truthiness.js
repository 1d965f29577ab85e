const values = [0, -0, 0n, '', ' ', '0', 'false', null, undefined, NaN, [], {}, [0], Infinity, -1, 1n];
values.map((v) => {
  if (v) return true;
  return false;
})
