const names = ['bob', 'Alice', 'alice', 'Émile', 'zoe', 'Zack', 'adam'];
const byCodeUnit = names.toSorted();
const byLocale = names.toSorted((a, b) => a.localeCompare(b));
const caseFold = names.toSorted((a, b) => a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
[byCodeUnit, byLocale, caseFold, 'a'.localeCompare('B'), 'a' < 'B']
