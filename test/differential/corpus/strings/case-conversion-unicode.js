// case mapping that is not one-to-one (special casing, final sigma)
[
  'straße'.toUpperCase(), 'İ'.toLowerCase().length, 'ǅ'.toLowerCase(), 'ÀÉÎ'.toLowerCase(), 'ﬀ'.toUpperCase(),
  'Σ'.toLowerCase(), 'ΑΣ'.toLowerCase(), 'hello world'.replace(/\b\w/g, (c) => c.toUpperCase()),
]
