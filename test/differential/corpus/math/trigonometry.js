const deg = (r) => (r * 180) / Math.PI;
[
  Math.sin(0), Math.sin(Math.PI / 2), Math.cos(Math.PI), Math.tan(Math.PI / 4), Math.sin(Math.PI),
  Math.asin(1), Math.acos(0), Math.atan(1) * 4, Math.atan2(1, 1), Math.atan2(-0, -1), Math.atan2(0, -0),
  Math.sinh(1), Math.cosh(1), Math.tanh(100), Math.asinh(1), Math.acosh(1), Math.atanh(0.5), deg(Math.atan2(1, -1)),
]
