const boxed = new String('box');
const r = [typeof boxed, boxed.length, boxed[1], boxed.valueOf(), boxed.toString(), boxed == 'box', boxed === 'box', Object.keys(boxed)];
r.push(
  String(), String(''), String(12.0), String([]), String([null]), String(function () {}).length > 0,
);
r
