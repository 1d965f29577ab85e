[
  Math.PI, Math.E, Math.LN2, Math.LN10,
  Math.LOG2E, Math.LOG10E, Math.SQRT2, Math.SQRT1_2,
  typeof Math, Object.prototype.toString.call(Math), Math.PI.toFixed(10),
]
