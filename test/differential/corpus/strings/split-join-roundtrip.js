const csv = 'name,age,city\nAnn,30,Paris\nBob,,Berlin\n';
const [header, ...rows] = csv.trimEnd().split('\n').map((l) => l.split(','));
const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] === '' ? null : r[i]])));
const back = [header, ...rows].map((r) => r.join(',')).join('\n');
[records, back === csv.trimEnd()]
