// Array.prototype is an Array exotic object (empty): IsArray says so, and so do
// JSON.stringify, concat's spreading, flat and a replacer list.
const AP = Array.prototype;
const out = [];
out.push(Array.isArray(AP), AP.length, Object.prototype.toString.call(AP));
out.push(JSON.stringify(AP), JSON.stringify({ a: AP, b: [AP, 1] }));
out.push(JSON.stringify({ a: AP }, null, 2));
out.push(JSON.stringify({ a: 1, b: 2 }, AP));
out.push(JSON.stringify({ a: [AP] }, (k, v) => v));
out.push([].concat(AP, 1, [2]).length, [0].concat(AP));
out.push([AP, [1, AP], [[AP]]].flat(2).length, [AP, [1, AP]].flat(Infinity));
out.push([1, [AP]].flatMap((x) => x).length);
out.push(String(AP), `${[AP, AP]}`);
out
