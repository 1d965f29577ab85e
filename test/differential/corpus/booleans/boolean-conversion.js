const values = [0, -0, 0n, NaN, '', 'false', '0', ' ', null, undefined, [], {}, [0], Symbol(), () => {}, new Boolean(false)];
const converted = values.map((v) => Boolean(v));
const doubleNot = values.map((v) => !!v);
[
  converted, converted.every((b, i) => b === doubleNot[i]),
  typeof Boolean(1), typeof new Boolean(1), Boolean(), new Boolean(false).valueOf(),
]
