// id: stack-uncaught-error
// technique: an uncaught error with hostile name/message/stack getters and non-string fields: what the host reports
// source: vm2 CVE-2023-37466 (host formats a sandbox error and runs its getters); vm2 issue #175 (getters thrown into host code)
// expect: runtime
// cli: yes
const e = new Error('plain');
Object.defineProperty(e, 'name', { get() { return 'Getter' + (() => 0).constructor; } });
Object.defineProperty(e, 'stack', { value: { toString() { return 'from toString'; } } });
throw e;
