const log = [];
function find(list, target) {
  for (const item of list) {
    try {
      if (item === target) return `found ${item}`;
      log.push('checked ' + item);
    } finally {
      log.push('finally ' + item);
    }
  }
  return 'missing';
}
[find(['a', 'b', 'c'], 'b'), find(['x'], 'y'), log]
