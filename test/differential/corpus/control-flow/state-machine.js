function tokenize(src) {
  const tokens = [];
  let state = 'start', buf = '';
  for (const ch of src + ' ') {
    switch (state) {
      case 'start':
        if (/\d/.test(ch)) { state = 'num'; buf = ch; }
        else if (/[a-z]/i.test(ch)) { state = 'id'; buf = ch; }
        else if (ch !== ' ') tokens.push({ op: ch });
        break;
      case 'num':
        if (/\d/.test(ch)) buf += ch;
        else { tokens.push({ num: Number(buf) }); state = 'start'; if (ch !== ' ') tokens.push({ op: ch }); }
        break;
      case 'id':
        if (/\w/.test(ch)) buf += ch;
        else { tokens.push({ id: buf }); state = 'start'; if (ch !== ' ') tokens.push({ op: ch }); }
        break;
    }
  }
  return tokens;
}
tokenize('x1 = 42+y*(7 - z)')
