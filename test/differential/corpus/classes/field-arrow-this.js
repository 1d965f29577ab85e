class Button {
  label = 'ok';
  clicks = 0;
  onClick = () => {
    this.clicks++;
    return `${this.label}:${this.clicks}`;
  };
  method() {
    return this?.label;
  }
}
const b = new Button();
const { onClick, method } = b;
let err = null;
try { method(); } catch (e) { err = e.name; }
[onClick(), onClick(), b.clicks, method.call(b), err, Object.keys(b)]
