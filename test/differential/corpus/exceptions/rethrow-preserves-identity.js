const original = new SyntaxError('orig');
let same = false;
try {
  try {
    throw original;
  } catch (e) {
    e.message += ' (annotated)';
    throw e;
  }
} catch (e2) {
  same = e2 === original;
}
[same, original.message, original.name]
