// stacks are host-specific, so programs log error fields, never the error object
try {
  null.x;
} catch (e) {
  console.error(e.name + ': ' + e.message);
  console.log(String(e));
  console.log({ name: e.name, isType: e instanceof TypeError });
}
'ok'
