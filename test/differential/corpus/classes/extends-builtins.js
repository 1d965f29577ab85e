class Stack extends Array {
  peek() { return this[this.length - 1]; }
}
const s = new Stack();
s.push(1, 2, 3);
const mapped = s.map((x) => x * 2);
class HttpError extends Error {
  constructor(status, msg) {
    super(msg);
    this.status = status;
  }
  get name() { return 'HttpError'; }
}
const e = new HttpError(404, 'not found');
[s.peek(), s.length, Array.isArray(s), mapped instanceof Stack, mapped.peek(), e.name, e.message, e.status, e instanceof Error, String(e)]
