/**
 * Capabilities: the named host functions a program may call. Each has an optional JSON
 * Schema for its argument list and for its result, checked with ajv on the host side of
 * the boundary. A call is a suspension point (see vm/hostcalls.ts): in async code it
 * returns a guest promise; in synchronous code it suspends the VM and evaluates to the
 * answer.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { primitiveArgs, toGuest, toHostStrict } from './boundary';
import { FnFlags } from './chunk';
import { CapabilityError } from './errors';
import { CapabilityData, JSError, NativeFunction } from './objects';
import { Attr } from './shape';
import type { Value } from './value';
import { Cont } from './vm/frame';
import { BREAK_AFTER_CALL_CODE, HOST_WAIT_CODE, HostCall } from './vm/hostcalls';
import type { VM } from './vm/interpreter';
import { registerNative } from './vm/natives';
import { GuestError, type ErrorType } from './vm/throw';

/** A JSON Schema (draft-07, as ajv's default). */
export type JSONSchema = Record<string, unknown> | boolean;

/** What a host declares about one capability. */
export interface CapabilityDecl {
  name: string;
  description?: string;
  /** JSON Schema of the argument list, which is validated as an array (e.g. `{type:'array', items:[{type:'string'}]}`). */
  args?: JSONSchema;
  /** JSON Schema of the result. */
  result?: JSONSchema;
}

/** A host implementation: sync or async, called with the structured arguments. */
export type CapabilityHandler = (...args: unknown[]) => unknown;

/** A declaration with its implementation (for `run()` and `--host`). */
export interface Capability extends CapabilityDecl {
  handler?: CapabilityHandler;
}

/** How a host may pass capabilities: an array of declarations, or a record by name. */
export type CapabilitiesOption = readonly Capability[] | Readonly<Record<string, Capability | CapabilityHandler | Omit<Capability, 'name'>>>;

/** A problem at the boundary the host should see (the guest sees a TypeError). */
export interface CapabilityDiagnostic {
  capability: string;
  callId: number | null;
  direction: 'args' | 'result';
  message: string;
}

const NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Normalizes the capability option into declarations with handlers. */
export function normalizeCapabilities(option: CapabilitiesOption | undefined): Capability[] {
  if (!option) return [];
  const list: Capability[] = Array.isArray(option)
    ? (option as readonly Capability[]).map((c) => ({ ...c }))
    : Object.entries(option as Record<string, Capability | CapabilityHandler>).map(([name, c]) =>
        typeof c === 'function' ? { name, handler: c } : { ...c, name },
      );
  const seen = new Set<string>();
  for (const c of list) {
    if (typeof c.name !== 'string' || !NAME.test(c.name)) throw new CapabilityError(`invalid capability name ${JSON.stringify(c.name)}`);
    if (seen.has(c.name)) throw new CapabilityError(`capability ${c.name} is declared twice`);
    seen.add(c.name);
    if (c.handler !== undefined && typeof c.handler !== 'function') throw new CapabilityError(`capability ${c.name}: handler must be a function`);
  }
  return list;
}

let ajv: Ajv | null = null;
const compiled = new WeakMap<object, ValidateFunction>();

function validator(schema: JSONSchema | undefined, what: string): ValidateFunction | null {
  if (schema === undefined || schema === true) return null;
  if (typeof schema === 'boolean') schema = { not: {} };
  let v = compiled.get(schema);
  if (!v) {
    ajv ??= new Ajv({ allErrors: false, strict: false });
    try {
      v = ajv.compile(schema);
    } catch (e) {
      throw new CapabilityError(`${what}: invalid JSON Schema: ${(e as Error).message}`);
    }
    compiled.set(schema, v);
  }
  return v;
}

function schemaMessage(v: ValidateFunction, root: string): string {
  const e = v.errors?.[0];
  if (!e) return 'does not match its schema';
  const where = e.instancePath ? `${root}${e.instancePath.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')}` : root;
  return `${where} ${e.message ?? 'is invalid'}`;
}

/** The host side of a VM's capabilities: declarations, validators and diagnostics. */
export class CapabilitySet {
  readonly byName = new Map<string, { decl: Capability; args: ValidateFunction | null; result: ValidateFunction | null }>();
  readonly diagnostics: CapabilityDiagnostic[] = [];
  onDiagnostic: ((d: CapabilityDiagnostic) => void) | null = null;

  constructor(readonly list: Capability[]) {
    for (const c of list) {
      this.byName.set(c.name, {
        decl: c,
        args: validator(c.args, `capability ${c.name} args`),
        result: validator(c.result, `capability ${c.name} result`),
      });
    }
  }

  get names(): string[] {
    return this.list.map((c) => c.name);
  }

  report(d: CapabilityDiagnostic): void {
    this.diagnostics.push(d);
    this.onDiagnostic?.(d);
  }

  /** Null when the argument list is valid, else the message. */
  checkArgs(name: string, args: unknown[]): string | null {
    const v = this.byName.get(name)?.args;
    if (!v || v(args)) return null;
    return schemaMessage(v, 'arguments');
  }

  checkResult(name: string, value: unknown): string | null {
    const v = this.byName.get(name)?.result;
    if (!v || v(value)) return null;
    return schemaMessage(v, 'result');
  }
}

const CAPABILITY_ID = registerNative('%Capability%', (vm, _thisv, args, _nt, self) => {
  const name = (self.data as CapabilityData).name;
  const caps = vm.capabilities;
  const argArray = vm.newArray(args.slice());
  let hostArgs = primitiveArgs(vm, args);
  if (hostArgs === null) {
    try {
      hostArgs = toHostStrict(vm, argArray, `${name}() arguments`) as unknown[];
    } catch (e) {
      if (!(e instanceof CapabilityError)) throw e;
      caps?.report({ capability: name, callId: null, direction: 'args', message: e.message });
      throw new GuestError('TypeError', e.message);
    }
  }
  const bad = caps?.checkArgs(name, hostArgs);
  if (bad) {
    const message = `${name}(): ${bad}`;
    caps!.report({ capability: name, callId: null, direction: 'args', message });
    throw new GuestError('TypeError', message);
  }
  const f = vm.frame;
  const async = f !== null && (f.code.flags & (FnFlags.Async | FnFlags.AsyncCtx)) !== 0;
  const host = vm.host;
  const call = new HostCall(host.nextId++, name, argArray, async ? vm.newPromise() : null);
  call.hostArgs = hostArgs;
  if (host.inflight.length < vm.limits.outstandingHostCalls) host.inflight.push(call);
  else host.queued.push(call);
  if (call.promise) {
    if (vm.onCapabilityCall !== null && vm.onCapabilityCall(name)) {
      return vm.pushCall(vm.makeClosure(BREAK_AFTER_CALL_CODE, null), undefined, [call.promise], Cont.Normal);
    }
    return call.promise;
  }
  return vm.pushCall(vm.makeClosure(HOST_WAIT_CODE, null), undefined, [call.id], Cont.Normal);
});

/** Defines the capability functions as read-only globals of a fresh VM. */
export function installCapabilities(vm: VM, set: CapabilitySet): void {
  vm.capabilities = set;
  const realm = vm.realm;
  for (const c of set.list) {
    const f = new NativeFunction(realm.FunctionPrototype, CAPABILITY_ID, new CapabilityData(c.name), false);
    f.shape = realm.functionShape(realm.FunctionPrototype);
    f.pushSlot(0);
    f.pushSlot(c.name);
    vm.charge(96);
    realm.globalObject.defineOwn(c.name, f, Attr.Enumerable);
  }
}

/** A host answer to one call. */
export type Answer = { id: number; value?: unknown } | { id: number; error: unknown };

const ERROR_TYPES = new Set<string>(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError']);

/**
 * Makes the guest error value for an error answer. Only what the host deliberately put
 * in the answer crosses: `{ name?, message }` (an Error instance's name and message).
 */
export function guestErrorOf(vm: VM, error: unknown): JSError {
  let name = 'Error';
  let message = '';
  if (typeof error === 'string') message = error;
  else if (error !== null && typeof error === 'object') {
    const e = error as { name?: unknown; message?: unknown };
    if (typeof e.message === 'string') message = e.message;
    if (typeof e.name === 'string' && e.name) name = e.name;
  }
  const type = (ERROR_TYPES.has(name) ? name : 'Error') as ErrorType;
  const err = vm.newError(type, message);
  if (type !== name) err.defineOwn('name', name, Attr.Hidden);
  return err;
}

/**
 * Applies the host's answer to in-flight call `id`: checks the result against the
 * schema, copies it into the guest, settles the promise or hands it to the waiting
 * HostWait, and issues queued calls into the freed slot. Throws CapabilityError for an
 * unknown id.
 */
export function answerCall(vm: VM, answer: Answer): void {
  const host = vm.host;
  const inflight = host.inflight;
  let k = inflight.length - 1;
  while (k >= 0 && inflight[k].id !== answer.id) k--;
  if (k < 0) {
    const queued = host.queued.some((c) => c.id === answer.id);
    throw new CapabilityError(
      queued ? `call ${answer.id} has not been issued yet (over the outstanding limit)` : `no outstanding call with id ${answer.id}`,
    );
  }
  const call = host.inflight[k];
  let ok = true;
  let value: Value;
  if ('error' in answer) {
    ok = false;
    value = guestErrorOf(vm, answer.error);
  } else {
    const bad = vm.capabilities?.checkResult(call.capability, answer.value);
    if (bad) {
      const message = `${call.capability}(): ${bad}`;
      vm.capabilities!.report({ capability: call.capability, callId: call.id, direction: 'result', message });
      ok = false;
      value = vm.newError('TypeError', message);
    } else {
      try {
        value = toGuest(vm, answer.value, `${call.capability}() result`);
      } catch (e) {
        if (!(e instanceof CapabilityError)) throw e;
        vm.capabilities?.report({ capability: call.capability, callId: call.id, direction: 'result', message: e.message });
        ok = false;
        value = vm.newError('TypeError', e.message);
      }
    }
  }
  // (not splice: it allocates the removed elements' array, a tenth of an answer's cost)
  for (let i = k + 1; i < inflight.length; i++) inflight[i - 1] = inflight[i];
  inflight.pop();
  if (call.promise) {
    if (ok) vm.resolvePromise(call.promise, value);
    else vm.rejectPromise(call.promise, value);
  } else {
    call.done = true;
    call.ok = ok;
    call.value = value;
    host.answered.push(call);
  }
  while (host.queued.length && host.inflight.length < vm.limits.outstandingHostCalls) host.inflight.push(host.queued.shift()!);
}

