class TrackedPromise extends Promise {}
const t = new TrackedPromise((r) => r(1));
const chained = t.then((x) => x + 1);
const r = [t instanceof Promise, t instanceof TrackedPromise, chained instanceof TrackedPromise];
r.push(await chained, await TrackedPromise.resolve(5), (await TrackedPromise.all([1, 2])).length);
r
