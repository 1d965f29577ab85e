const items = [1, 2, 3];
items.push(4);
let err;
try {
  items = [];
} catch (e) {
  err = [e.name, e instanceof TypeError];
}
const obj = { n: 1 };
obj.n++;
({ items, err, obj })
