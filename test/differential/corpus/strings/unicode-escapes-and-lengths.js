const samples = ['a', 'é', 'e\u0301', '😀', '👍🏽', '🇯🇵', '\u{10FFFF}', '\uD800', '中文'];
samples.map((s) => ({
  length: s.length,
  codePoints: [...s].length,
  hex: [...s].map((c) => c.codePointAt(0).toString(16)).join(' '),
}))
