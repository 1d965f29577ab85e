[
  parseFloat('3.14abc'), parseFloat('.5'), parseFloat('-.5e2'), parseFloat('1e'), parseFloat('1e+'), parseFloat('Infinityx'),
  parseFloat('-Infinity'), parseFloat('  \t 2.5'), parseFloat(''), parseFloat('0x10'), parseFloat('1_000'), parseFloat('-0'),
  parseFloat([]), parseFloat(['7.5', '8']), parseFloat('1.7976931348623159e308'), parseFloat('5e-325'), parseFloat('+.1'),
]
