// id: pollution-cross-run
// technique: prototype pollution that would survive into the next run sharing the same built-ins (realms reused between runs)
// source: node:vm contexts reused between tenants; SES lockdown rationale (shared intrinsics across compartments)
// expect: result
const OP = Object.getPrototypeOf({});
attempt('pollute for next run', () => { OP['crossRun'] = 'leak'; });
attempt('freeze check', () => Object.isFrozen(OP));
attempt('define on Array', () => Object.defineProperty([Array][0], 'crossRun', { value: 1 }));
escaped('previous run left pollution', ({}).crossRun !== undefined || Array['crossRun'] !== undefined);
R
