function match(v) {
  switch (v) {
    case 1: return 'number one';
    case '1': return 'string one';
    case true: return 'true';
    case null: return 'null';
    case undefined: return 'undefined';
    case NaN: return 'nan (never)';
    default: return 'default';
  }
}
[match(1), match('1'), match(true), match(null), match(undefined), match(NaN), match(0), match(-0 + 1)]
