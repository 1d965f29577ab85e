class Range {
  constructor(start, end, step = 1) {
    Object.assign(this, { start, end, step });
  }
  [Symbol.iterator]() {
    let cur = this.start;
    const { end, step } = this;
    return {
      next: () => {
        if (cur >= end) return { done: true, value: undefined };
        const value = cur;
        cur += step;
        return { done: false, value };
      },
      [Symbol.iterator]() { return this; },
    };
  }
}
const r = new Range(0, 10, 3);
[[...r], Array.from(r), [...r].length, Math.max(...new Range(5, 8))]
