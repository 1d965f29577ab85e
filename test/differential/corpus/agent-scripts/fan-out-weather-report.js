const CITY_DATA = {
  paris: { temp: 14.5, rain: 0.2 },
  berlin: { temp: 9.1, rain: 0.6 },
  madrid: { temp: 21.3, rain: 0.0 },
  oslo: { temp: 2.4, rain: 0.4 },
};
async function fetchWeather(city) {
  await null;
  const d = CITY_DATA[city];
  if (!d) throw new Error(`unknown city ${city}`);
  return { city, ...d };
}
const cities = ['paris', 'berlin', 'madrid', 'oslo'];
const results = await Promise.all(cities.map(fetchWeather));
const avg = results.reduce((s, r) => s + r.temp, 0) / results.length;
const warmest = results.reduce((a, b) => (b.temp > a.temp ? b : a));
console.log(`fetched ${results.length} cities`);
({
  average: Number(avg.toFixed(2)),
  warmest: warmest.city,
  rainy: results.filter((r) => r.rain > 0.3).map((r) => r.city),
})
