const STORES = [
  { name: 'north', lat: 52.52, lon: 13.405 },
  { name: 'south', lat: 48.137, lon: 11.575 },
  { name: 'west', lat: 50.937, lon: 6.96 },
];
const toRad = (d) => (d * Math.PI) / 180;
function haversine(a, b) {
  const R = 6371;
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
async function geocode(city) {
  await null;
  return { frankfurt: { lat: 50.11, lon: 8.682 }, hamburg: { lat: 53.551, lon: 9.993 } }[city];
}
const customers = ['frankfurt', 'hamburg'];
const nearest = await Promise.all(customers.map(async (c) => {
  const loc = await geocode(c);
  const ranked = STORES.map((s) => ({ store: s.name, km: Math.round(haversine(loc, s)) })).sort((a, b) => a.km - b.km);
  return { customer: c, nearest: ranked[0] };
}));
nearest
