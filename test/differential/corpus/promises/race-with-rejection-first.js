const r = [];
const rejectSoon = Promise.reject(new Error('first to settle'));
const resolveLater = Promise.resolve().then(() => 'later');
r.push(await Promise.race([rejectSoon, resolveLater]).catch((e) => 'race: ' + e.message));
r.push(await Promise.any([rejectSoon, resolveLater]));
r.push(await Promise.race([resolveLater, rejectSoon]).catch((e) => 'race2: ' + e.message));
r
