/**
 * What a guest value costs the host, in bytes: the heap accounting (charges at allocation and
 * the mark phase's measure) uses these so that `limits.heapBytes` tracks the host memory a
 * program holds, not a fraction of it. Measured on Node 20 (V8 11, no pointer compression) by
 * allocating 200 000 of each with the heap measured around them (test/core/vm/heapcost.test.ts
 * checks they stay within reach of the host's real sizes).
 */

/** A plain object: the JSObject fields (shape, four inline slots, proto, id, flags…). */
export const OBJECT_BYTES = 128;

/** An array with no elements: an object plus its elements array and flags. */
export const ARRAY_BYTES = 176;

/** A closure: a function object plus its code, environment and home-object fields. */
export const FUNCTION_BYTES = 160;

/** A scope's environment with no variables. */
export const ENV_BYTES = 104;

/** One property slot, array element or variable. */
export const SLOT_BYTES = 8;

/** A Map or Set with no entries: an object plus its key and value arrays and its index. */
export const COLLECTION_BYTES = 408;

/** One Map or Set entry: its key and value slots and its index entry. */
export const ENTRY_BYTES = 48;
