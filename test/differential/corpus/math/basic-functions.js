[
  Math.abs(-5.5), Math.abs(-0), Math.abs('-3'), Math.abs(null), Math.abs([]), Math.abs({}),
  Math.floor(-1.5), Math.ceil(-1.5), Math.round(-1.5), Math.round(1.5), Math.round(-0.5), Math.round(2.4999999999999996), Math.trunc(-0.9),
  Math.sign(-3), Math.sign(0), Math.sign('7'), Math.sign(NaN), Math.max(), Math.min(), Math.max(1, '3', 2), Math.min(0, -0),
]
