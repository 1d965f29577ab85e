function route(x) {
  const log = [];
  switch (x) {
    case 'a':
      log.push('a');
    default:
      log.push('default');
    case 'b':
      log.push('b');
      break;
    case 'c':
      log.push('c');
  }
  return log;
}
[route('a'), route('b'), route('c'), route('zzz')]
