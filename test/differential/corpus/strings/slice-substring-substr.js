const s = 'abcdefgh';
[
  s.slice(2), s.slice(2, 5), s.slice(-3), s.slice(-3, -1), s.slice(5, 2), s.slice(),
  s.substring(2, 5), s.substring(5, 2), s.substring(-3), s.substring(2, NaN), s.substring(),
  s.substr(2, 3), s.substr(-3, 2), s.substr(1),
]
