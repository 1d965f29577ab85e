[
  Number(''), Number(' '), Number('12abc'), Number('0x1A'), Number('0b11'), Number('0o17'), Number('1e3'), Number('-Infinity'),
  Number(null), Number(undefined), Number(true), Number([]), Number(['5']), Number([1, 2]), Number({}), Number(new Date(5)),
  Number('  42  '), Number('4 2'), Number('.'), Number('+.5'), Number('-0x10'), Number(12n), Number('1__0'), Number('١'),
]
