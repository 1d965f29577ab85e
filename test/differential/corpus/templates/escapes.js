const samples = [
  `backtick: \` dollar: \${not} brace: {}`,
  `unicode: \u00e9 \u{1F600} \x41`,
  `newline:\nend`,
  `line continuation \
joined`,
  `$ {spaced} $`,
];
samples.map((s) => [s, s.length])
