const r = [];
r.push(await Promise.resolve('v').then(5).then('x').then((x) => x + '!'));
r.push(await Promise.reject(new Error('e')).then(() => 'no', 7).catch((e) => 'passed ' + e.message));
r.push(await Promise.resolve(1).finally(42));
r
