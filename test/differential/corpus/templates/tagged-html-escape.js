function safe(strings, ...values) {
  const esc = (v) => String(v).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  return strings.reduce((out, s, i) => out + s + (i < values.length ? esc(values[i]) : ''), '');
}
const user = '<script>"x" & y</script>';
const n = 5;
safe`<p title="${user}">${n} items</p>`
