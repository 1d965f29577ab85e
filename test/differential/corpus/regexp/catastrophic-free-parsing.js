const log = '2024-02-29T12:00:00Z INFO  [auth] user=ann action=login ok=true\n2024-02-29T12:05:00Z WARN  [db] slow query ms=1200\n2024-02-29T12:06:30Z ERROR [auth] user=bob action=login ok=false';
const lineRe = /^(?<ts>\S+)\s+(?<level>[A-Z]+)\s+\[(?<mod>\w+)\]\s+(?<rest>.*)$/gm;
const entries = [...log.matchAll(lineRe)].map(({ groups: g }) => ({
  ts: g.ts,
  level: g.level,
  mod: g.mod,
  fields: Object.fromEntries([...g.rest.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]])),
}));
[entries.length, entries.filter((e) => e.level !== 'INFO').map((e) => e.mod), entries[2].fields]
