const d = new Date('2024-02-29T12:34:56.789Z');
const payload = { created: d, list: [new Date(0)] };
const json = JSON.stringify(payload);
const revived = JSON.parse(json, (k, v) => (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? new Date(v).getTime() : v));
[json, revived, d.toJSON(), new Date(NaN).toJSON(), Date.prototype.toJSON.call({ toISOString: () => 'custom' })]
