const s = 'Tab\there, x_1 = 42.5; ÿ!';
[
  s.match(/\d/g).join(''), s.match(/\w+/g), s.match(/\s/g).length, s.match(/[^\w\s]/g), s.match(/\b\w/g).join(''),
  s.replace(/\W+/g, '-'), /[\d.]+/.exec(s)[0], 'a-b_c'.match(/[\w-]+/)[0], 'A1b2'.replace(/[^A-Za-z]/g, ''), '[x]'.match(/[\[\]]/g),
]
