// id: interpreter-deep-result
// technique: a program result nested deeper than the boundary allows: a typed error for the host, never a host stack overflow
// source: vm2 / isolated-vm: result copying recursion exhausts the host stack
// expect: capability
let deep = [];
for (let i = 0; i < 10000; i++) deep = [deep];
deep
