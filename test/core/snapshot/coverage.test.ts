/**
 * A guard for the snapshot codec: every field of the VM's state classes is either stored
 * by core/snapshot/codec.ts or deliberately left out. A field added later fails here until
 * the codec stores it (or it is listed as not part of a snapshot, with the reason).
 */
import { describe, expect, it } from 'vitest';
import * as O from '../../../core/objects';
import { start } from '../../../core/execution';
import { Cont, Frame } from '../../../core/vm/frame';
import { HostCall, HostCalls } from '../../../core/vm/hostcalls';

const BASE = ['proto', 'shape', 's0', 's1', 's2', 's3', 'more', 'slotCount', 'extensible', 'cls'];
/** Not stored for any object: allocation ids are not observable, the rest are caches and marks. */
const BASE_NOT_STORED: Record<string, string> = { id: 'allocation order', protoShape: 'cache (root shape of inheritors)', markEpoch: 'heap mark' };

/** Fields the codec stores, and fields it leaves out on purpose (→ why). */
const CLASSES: Record<string, { fields: () => object; stored: string[]; notStored?: Record<string, string> }> = {
  VM: {
    fields: () => start('1', { sliceInstructions: 1 }).vm,
    stored: ['stack', 'sp', 'frames', 'frame', 'jobs', 'jobHead', 'instructions', 'allocations', 'heapBytes', 'sinceMark', 'markEvery', 'liveBytes', 'templateCache', 'host', 'rng', 'realm', 'program', 'pendingThrow'],
    notStored: {
      runningJob: 'set only while runJob starts a job, null between steps',
      onThrow: 'debugger hook',
      onCapabilityCall: 'debugger hook',
      stopAt: 'set by every step',
      sliceEnd: 'set by every step',
      deadline: 'set by every step',
      workSinceClock: 'when a long built-in loop next reads the clock: time is not part of the state (a restored run gets a fresh time budget)',
      signal: 'host option',
      capabilities: 'host declarations, re-supplied on restore',
      onConsole: 'host callback',
      onDebugger: 'debugger hook',
      nextTimeCheck: 'set by every step',
      untrusted: 'set by restore itself (a restored VM checks the driver states it resumes)',
      clock: 'host option',
      limits: 'host option',
      hostResult: 'only inside callHost',
      hostDone: 'only inside callHost',
      uncaught: 'null between steps of a live execution',
      hostError: 'only inside callHost',
      maxStringLength: 'constant',
      privatePushed: 'only inside one instruction',
      freeFrame: 'finished frames kept for reuse: no state',
      poolFrames: 'host-side switch (off while a debugger steps)',
      fuseCode: 'host-side switch (off while a debugger or profiler patches code; no effect on guest state)',
      arrayPushFn: 'cache of the shared Array.prototype.push',
      scratch: 'reused argument arrays of natives: no state between calls',
      peakDepth: 'a figure for the budget view, not guest state: a restored run reports its peak since the restore',
    },
  },
  Frame: {
    fields: () => new Frame(null as never, null as never, 0, 0, null, undefined, undefined, Cont.Normal, null),
    stored: ['fn', 'code', 'base', 'retSlot', 'env', 'thisValue', 'newTarget', 'cont', 'contData', 'pc', 'tryStack', 'tryEnvs', 'gen', 'asyncFirst', 'resumeMode', 'outerCont', 'outerData'],
    notStored: { nextFree: "link of the VM's free list: null in a running frame" },
  },
  HostCall: {
    fields: () => new HostCall(1, 'x', null as never, null),
    stored: ['id', 'capability', 'args', 'promise', 'done', 'ok', 'value'],
    notStored: { hostArgs: 'cache of the host copy of args' },
  },
  HostCalls: { fields: () => new HostCalls(), stored: ['nextId', 'inflight', 'queued', 'answered'] },
  Execution: {
    fields: () => start('1', { sliceInstructions: 1 }),
    stored: ['vm', 'program', 'seed', 'outcome', 'phase', 'result', 'usedMs', 'capabilityList'],
    notStored: {
      options: 're-supplied on restore',
      caps: 're-supplied on restore (names checked)',
      failed: 'finished executions are not snapshotted',
      pauseRequested: 'reset by every step',
      cancelled: 'a host decision of the process',
      restored: 'set by restore itself (a restored state is checked as it runs)',
    },
  },
  JSObject: { fields: () => new O.JSObject(null), stored: BASE },
  JSArray: { fields: () => new O.JSArray(null), stored: [...BASE, 'elements', 'writable'] },
  JSFunction: { fields: () => new O.JSFunction(null, null as never, null), stored: [...BASE, 'code', 'env', 'home', 'fieldInit'] },
  NativeFunction: { fields: () => new O.NativeFunction(null, 0, null, false), stored: [...BASE, 'nativeId', 'data', 'ctor'] },
  JSPrimitiveObject: { fields: () => new O.JSPrimitiveObject(null, 0, 1), stored: [...BASE, 'value'] },
  JSError: { fields: () => new O.JSError(null), stored: [...BASE, 'stackText'] },
  JSDate: { fields: () => new O.JSDate(null, 0), stored: [...BASE, 'time'] },
  JSCollection: { fields: () => new O.JSCollection(null), stored: [...BASE, 'keys', 'values', 'index', 'size', 'base', 'seqs', 'nextSeq'] },
  JSPromise: { fields: () => new O.JSPromise(null), stored: [...BASE, 'state', 'result', 'reactions', 'handled'] },
  JSRegExp: { fields: () => new O.JSRegExp(null, '', '', null), stored: [...BASE, 'source', 'flags', 'compiled'] },
  JSGenerator: { fields: () => new O.JSGenerator(null), stored: [...BASE, 'state', 'frame', 'promise', 'queue'] },
  JSIterator: { fields: () => new O.JSIterator(null, undefined, 0), stored: [...BASE, 'target', 'kind', 'pos', 'done'] },
  Env: { fields: () => new O.Env(1, null), stored: ['vars', 'parent'], notStored: { markEpoch: 'heap mark' } },
  SavedFrame: { fields: () => new O.SavedFrame(null as never, 0, [], null, undefined, undefined, [], []), stored: ['fn', 'pc', 'values', 'env', 'thisValue', 'newTarget', 'tryStack', 'tryEnvs'] },
  Reaction: { fields: () => new O.Reaction(null, undefined, undefined, null), stored: ['capability', 'onFulfilled', 'onRejected', 'resume'] },
  ForInState: { fields: () => new O.ForInState([], null), stored: ['pos', 'keys', 'obj'] },
  Accessor: { fields: () => new O.Accessor(undefined, undefined), stored: ['get', 'set'] },
  BoundData: { fields: () => new O.BoundData(null as never, undefined, []), stored: ['target', 'boundThis', 'args'] },
  PromiseResolveData: { fields: () => new O.PromiseResolveData(null as never, { resolved: false }, false), stored: ['promise', 'state', 'reject'] },
  CapabilityData: { fields: () => new O.CapabilityData('x'), stored: ['name'] },
};

describe('every field of the VM state is stored or deliberately left out', () => {
  for (const [name, c] of Object.entries(CLASSES)) {
    it(name, () => {
      const known = new Set([...c.stored, ...Object.keys(c.notStored ?? {}), ...(c.stored.includes('shape') ? Object.keys(BASE_NOT_STORED) : [])]);
      const unknown = Object.keys(c.fields()).filter((k) => !known.has(k));
      expect(unknown, `${name} has fields the snapshot codec does not know: store them in core/snapshot/codec.ts or list them here`).toEqual([]);
    });
  }
});
