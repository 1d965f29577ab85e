class K {
  field = 1;
  method() {}
  static sm() {}
  get g() { return 1; }
}
const k = new K();
const inLoop = [];
for (const key in k) inLoop.push(key);
[
  inLoop,
  Object.keys(K.prototype),
  Object.getOwnPropertyNames(K.prototype),
  Object.getOwnPropertyDescriptor(K.prototype, 'method').enumerable,
  Object.getOwnPropertyDescriptor(K, 'prototype').writable,
  Object.getOwnPropertyNames(K).sort(),
]
