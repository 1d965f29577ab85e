const LOGS = {
  'web-1': ['INFO start', 'WARN slow request', 'INFO ok', 'ERROR timeout'],
  'web-2': ['INFO start', 'INFO ok', 'INFO ok'],
  'worker': ['ERROR crash', 'INFO restart', 'ERROR crash'],
};
async function fetchLogs(host) {
  await null;
  return LOGS[host];
}
const hosts = Object.keys(LOGS);
const perHost = await Promise.all(hosts.map(async (h) => {
  const lines = await fetchLogs(h);
  const levels = lines.reduce((acc, l) => {
    const level = l.split(' ')[0];
    acc[level] = (acc[level] ?? 0) + 1;
    return acc;
  }, {});
  return { host: h, ...levels };
}));
const errorHosts = perHost.filter((h) => h.ERROR).sort((a, b) => b.ERROR - a.ERROR).map((h) => h.host);
({ perHost, errorHosts, totalErrors: perHost.reduce((s, h) => s + (h.ERROR ?? 0), 0) })
