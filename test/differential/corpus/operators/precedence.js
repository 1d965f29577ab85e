const a = 2, b = 3, c = 4;
[
  a + b * c, (a + b) * c, a - b - c, a / b / c, a ** b ** 2 / c, (-a) ** 2, -(a ** 2),
  a < b === true, a & b | c, a | b & c, a ^ b & c, a << b + 1, !a == false,
  typeof a + b, a + b + '' + a + b, '' + a + b + c, a * b % c, a || b && c, (a, b), (a ?? b) || c,
  a > b ? 'x' : b > c ? 'y' : 'z', a + +'1', a - -b, -a * -b, !!a + !b,
]
