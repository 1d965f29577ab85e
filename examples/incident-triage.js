// Incident triage: which service is failing checkout right now, what changed, and who to page.
//
// A Capsule script reaches the outside world only through the capabilities its host grants:
// here searchLogs, queryMetrics, listDeploys and lookupOwner. Independent calls go out together
// with Promise.all, and the value of the last expression is the script's result.

const lastHour = { from: '-1h', to: 'now' };
const services = ['checkout', 'payments', 'inventory'];

// Fan out: one error-log search per service, all in flight at once.
const searches = await Promise.all(
  services.map((service) => searchLogs({ service, level: 'error', ...lastHour, limit: 500 })),
);

// Group messages that differ only in ids and numbers, most frequent first.
function topSignatures(entries, limit) {
  const counts = new Map();
  for (const { message } of entries) {
    const signature = message.replace(/[0-9a-f]{8,}|\d+/gi, '#').slice(0, 120);
    counts.set(signature, (counts.get(signature) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([signature, count]) => ({ signature, count }));
}

const findings = services.map((service, i) => ({
  service,
  errors: searches[i].entries.length,
  top: topSignatures(searches[i].entries, 3),
}));
const worst = findings.reduce((a, b) => (b.errors > a.errors ? b : a));
console.log(`errors in the last hour: ${findings.map((f) => `${f.service} ${f.errors}`).join(', ')}`);

// Second fan-out, only for the service that looks worst.
const [latency, deploys, owner] = await Promise.all([
  queryMetrics({ service: worst.service, metric: 'http.p99_ms', ...lastHour, step: '5m' }),
  listDeploys({ service: worst.service, since: lastHour.from }),
  lookupOwner({ service: worst.service }),
]);

const peakP99 = Math.max(0, ...latency.points.map((point) => point.value));
const suspect = deploys.find((deploy) => deploy.status === 'succeeded') ?? null;
const severity = worst.errors >= 100 || peakP99 >= 2000 ? 'sev2' : worst.errors > 0 ? 'sev3' : 'none';

({
  severity,
  service: worst.service,
  errors: worst.errors,
  peakP99,
  topErrors: worst.top,
  suspectDeploy: suspect && { id: suspect.id, version: suspect.version, at: suspect.finishedAt },
  page: severity === 'sev2' ? owner.onCall : null,
  summary: `${worst.service}: ${worst.errors} errors in the last hour, p99 peak ${peakP99} ms` +
    (suspect ? `, after deploy ${suspect.version}` : ''),
});
