const pages = { 1: { items: ['a', 'b'], next: 2 }, 2: { items: ['c'], next: 3 }, 3: { items: ['d', 'e'], next: null } };
async function fetchPage(n) {
  await null;
  return pages[n];
}
async function* allItems() {
  let page = 1;
  while (page) {
    const res = await fetchPage(page);
    for (const item of res.items) yield item;
    page = res.next;
  }
}
const items = [];
for await (const item of allItems()) items.push(item);
items
