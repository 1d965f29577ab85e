/**
 * The registry of built-ins implemented in TypeScript. A {@link NativeFunction} holds
 * only the numeric id of its implementation, so heap objects stay plain data and a
 * snapshot refers to built-ins by their stable names.
 */
import type { Value } from '../value';
import type { VM } from './interpreter';
import type { JSArray, NativeFunction } from '../objects';

/**
 * A native implementation. It returns the call's result, or {@link PUSHED} after
 * pushing a guest frame (via `vm.pushCall`) whose return value becomes the result.
 */
export type NativeImpl = (vm: VM, thisv: Value, args: Value[], newTarget: Value, self: NativeFunction) => Value | typeof PUSHED;

export const PUSHED: unique symbol = Symbol('pushed');

const impls: NativeImpl[] = [];
const names: string[] = [];
const byName = new Map<string, number>();

/** Registers an implementation under a stable name; returns its id. Idempotent per name. */
export function registerNative(name: string, impl: NativeImpl): number {
  const existing = byName.get(name);
  if (existing !== undefined) {
    impls[existing] = impl;
    return existing;
  }
  const id = impls.length;
  impls.push(impl);
  names.push(name);
  byName.set(name, id);
  return id;
}

/**
 * Natives that neither keep their argument array nor call anything that could (Map and Set
 * lookups and updates): the interpreter passes them a reused array instead of a fresh one.
 */
const scratchArgs: number[] = [];

export function markScratchArgs(f: NativeFunction): void {
  scratchArgs[f.nativeId] = 1;
}

export function takesScratchArgs(id: number): boolean {
  return scratchArgs[id] === 1;
}

export function nativeImpl(id: number): NativeImpl {
  return impls[id];
}

export function nativeName(id: number): string {
  return names[id];
}

export function nativeIdByName(name: string): number | undefined {
  return byName.get(name);
}

/**
 * A native driver's step (array callback methods, the comparator sort): consumes the result
 * `r` of the callback it called last, then calls the next callback through
 * `vm.callForDriver` (PUSHED) or returns its own result (its state `st` when done).
 * A bytecode callback called this way returns straight into the next step (Cont.Drive)
 * instead of through the prelude loop that started the driver.
 */
export type DriverStep = (vm: VM, st: JSArray, r: Value) => Value | typeof PUSHED;

/** Driver ids: stored as the last element of a driver's state array (stable across builds). */
export const enum Driver {
  ArrayIter = 1,
  Sort = 2,
}

const drivers: DriverStep[] = [];

export function registerDriver(id: Driver, step: DriverStep): void {
  drivers[id] = step;
}

export function driverStep(id: number): DriverStep {
  return drivers[id];
}
