const sources = {
  calendar: [{ at: '2024-02-29T09:00:00Z', what: 'standup' }, { at: '2024-02-29T14:00:00Z', what: 'review' }],
  email: [{ at: '2024-02-29T08:15:00Z', what: 'invoice received' }, { at: '2024-02-29T16:45:00Z', what: 'reply sent' }],
  chat: [{ at: '2024-02-29T09:05:00Z', what: 'ping from bob' }],
};
async function load(name) {
  await null;
  return sources[name].map((e) => ({ ...e, source: name, t: Date.parse(e.at) }));
}
const all = (await Promise.all(Object.keys(sources).map(load))).flat().sort((a, b) => a.t - b.t);
const gaps = all.slice(1).map((e, i) => (e.t - all[i].t) / 60000);
({
  timeline: all.map((e) => `${e.at.slice(11, 16)} [${e.source}] ${e.what}`),
  longestGapMinutes: Math.max(...gaps),
})
