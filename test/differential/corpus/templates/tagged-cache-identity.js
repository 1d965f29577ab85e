function getStrings(strings) {
  return strings;
}
const sites = [];
for (let i = 0; i < 3; i++) sites.push(getStrings`same site ${i}`);
const other = getStrings`same site ${0}`;
const fn = () => getStrings`in function`;
[
  sites[0] === sites[1],
  sites[1] === sites[2],
  sites[0] === other,
  fn() === fn(),
  Object.isFrozen(sites[0]),
  Object.isFrozen(sites[0].raw),
  Array.isArray(sites[0]),
]
