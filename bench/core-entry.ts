/**
 * Entry point of the core bundle the bench measures (built by bench/build-core.ts).
 * It is core/index.ts plus the internal pipeline stages the per-phase breakdown times.
 * Bundling matters: esbuild inlines the VM's `const enum` opcodes only when it sees the
 * whole program, so timing core through tsx would measure property loads on enum objects.
 */
export * from '../core/index';
export { parseProgram } from '../core/parse';
export { validate } from '../core/validator';
export { compileProgram } from '../core/compiler/compiler';
export { createVM } from '../core/run';
export { Debugger } from '../core/debug/debugger';
