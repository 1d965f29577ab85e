// diff: throws
const config = { db: null };
function connect(c) {
  return c.db.host;
}
console.log('connecting');
connect(config)
