// number to string uses the shortest round-trip form, switching to exponent at 1e21 and 1e-7
const values = [
  1e21, 1e20, 123456789012345678901, 0.1, 0.000001, 0.0000001, 1.2e-7, 5e-324, 2 ** 63, -1e-7,
  100, 1.0, 1.10, 0.1 * 3, 1 / 7, 1e300 * 10, 4.35, 0.57 * 100, 1.23e+5, 9.999999999999999e22,
];
values.map(String)
