const log = [];
Promise.resolve('A').finally(() => log.push('finally A')).then((v) => log.push('then ' + v));
Promise.resolve('B').then(() => log.push('then1 B')).then(() => log.push('then2 B')).then(() => log.push('then3 B')).then(() => log.push('then4 B'));
await Promise.resolve().then().then().then().then().then().then();
log
