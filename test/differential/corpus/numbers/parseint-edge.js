[
  parseInt('42px'), parseInt('  -12  '), parseInt('0x1F'), parseInt('0x1F', 16), parseInt('1F', 16), parseInt('z', 36),
  parseInt('101', 2), parseInt('2', 2), parseInt(''), parseInt('abc'), parseInt('3.99'), parseInt('-0'),
  parseInt('1e3'), parseInt(0.0000005), parseInt(null, 36), parseInt('12', 1), parseInt('12', 37), parseInt('12', 0),
  parseInt('0b11'), parseInt('  +7'), parseInt('٣'), parseInt('123', undefined), parseInt(' \n9'), parseInt('9007199254740993'),
]
