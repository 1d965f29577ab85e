class Parser {
  #pos = 0;
  constructor(text) { this.text = text; }
  #peek() { return this.text[this.#pos]; }
  #next() { return this.text[this.#pos++]; }
  get #done() { return this.#pos >= this.text.length; }
  static #isDigit(c) { return c >= '0' && c <= '9'; }
  numbers() {
    const out = [];
    let cur = '';
    while (!this.#done) {
      const c = this.#next();
      if (Parser.#isDigit(c)) cur += c;
      else if (cur) { out.push(Number(cur)); cur = ''; }
    }
    if (cur) out.push(Number(cur));
    return out;
  }
}
new Parser('a12b3cc456d').numbers()
