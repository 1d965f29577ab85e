[
  JSON.stringify('quote " backslash \\ slash /'),
  JSON.stringify('\b\f\n\r\t'),
  JSON.stringify('\u0000\u001f\u0020'),
  JSON.stringify('\u2028\u2029'),
  JSON.stringify('\ud83d\ude00 and lone \udead'),
  JSON.stringify({ 'key"with': 'q', 'new\nline': 1 }),
]
