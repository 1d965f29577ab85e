let reads = 0;
const source = {
  get computed() { reads++; return 'value' + reads; },
  plain: 1,
};
const copy = { ...source };
const copy2 = { ...source };
const desc = Object.getOwnPropertyDescriptor(copy, 'computed');
[copy, copy2, reads, 'get' in desc, desc.value, desc.writable]
