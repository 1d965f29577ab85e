const obj = {
  items: ['p', 'q'],
  *each(prefix) {
    for (const it of this.items) yield prefix + it;
  },
};
function* withDefaults(a = 1, ...rest) {
  yield a;
  yield rest;
}
[[...obj.each('>')], [...withDefaults()], [...withDefaults(5, 6, 7)]]
