const s = 'line1\nline2\t"quoted"\\ \u0001 \u2028';
const json = JSON.stringify(s);
const back = JSON.parse(json);
[
  json, back === s, JSON.stringify('😀'), JSON.stringify('\ud800'),
  JSON.stringify('\u007f'),
]
