/** Types of build/const-enums.mjs (a Vite/Vitest plugin used by test/vitest.config.ts). */
import type { Plugin } from 'vite';

/** Parses core/'s `export const enum`s: group ('core' | 'regex') → enum → member → value. */
export function collectConstEnums(root?: string): Map<string, Map<string, Map<string, number>>>;
/** The plugin inlining those members as numbers in core/ sources. */
export function constEnums(): Plugin;
