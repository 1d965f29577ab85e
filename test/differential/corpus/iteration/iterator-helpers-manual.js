function* zip(...iterables) {
  const its = iterables.map((i) => i[Symbol.iterator]());
  while (true) {
    const results = its.map((i) => i.next());
    if (results.some((r) => r.done)) return;
    yield results.map((r) => r.value);
  }
}
function* enumerate(it, start = 0) {
  let i = start;
  for (const v of it) yield [i++, v];
}
function* chain(...its) {
  for (const it of its) yield* it;
}
[[...zip([1, 2, 3], 'ab', new Set([true, false, null]))], [...enumerate('xyz', 1)], [...chain([1], new Set([2]), 'c')]]
