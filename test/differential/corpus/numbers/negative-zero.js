const nz = -0;
[
  Object.is(nz, 0), nz === 0, 1 / nz, Math.sign(nz), Object.is(Math.round(-0.4), -0), Object.is(-0 + 0, 0), Object.is(0 * -1, -0),
  Object.is(Math.max(-0, 0), 0), Object.is(Math.min(-0, 0), -0), JSON.stringify(-0), String(-0), `${-0}`, [-0].includes(0), [-0].indexOf(0),
  new Set([-0]).has(0), Object.is([...new Set([-0])][0], 0), Object.is(Math.abs(-0), 0), Object.is(parseFloat('-0'), -0), Object.is(-0 % 5, -0),
]
