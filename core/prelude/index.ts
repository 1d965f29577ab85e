/**
 * The self-hosted prelude: built-ins that call back into guest code (conversions,
 * iteration, callbacks) are written in JavaScript and compiled by our own compiler,
 * so every frame they run is VM data — suspendable and serializable like guest code.
 * Each module contributes function declarations (sharing one scope, with `$` bound to
 * the realm's internal natives) and the names it exports.
 */
import { CORE_PRELUDE } from './core';

export interface PreludeModule {
  source: string;
  exports: string[];
}

export const PRELUDE_MODULES: PreludeModule[] = [CORE_PRELUDE];

/** Lets built-in modules add prelude code (at import time, before any realm exists). */
export function addPreludeModule(m: PreludeModule): void {
  PRELUDE_MODULES.push(m);
}
