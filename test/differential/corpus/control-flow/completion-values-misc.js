const arr = [];
switch (arr.length) {
  case 0:
    'empty';
    break;
  default:
    'nonempty';
}
