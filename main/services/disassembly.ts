/**
 * Bytecode listings of a script without a session: the Bytecode panel shows the program's
 * functions before (and after) a debug session. Compiling runs no guest code, so it is
 * done here; a source that does not compile is a readable error naming the first problem.
 */
import { CapsuleError, ParseError, ValidationError } from '../../core/errors';
import type { FunctionListing } from '../../core/disasm';
import { listProgram } from '../../core/disasm';
import { compile } from '../../core/program';
import type { BytecodeFunction, ProgramDisassembleParams } from '../../preload/api';
import { RequestError } from './errors';
import { MAX_SOURCE_CHARS } from './program';

/** The core's listing is the bridge's shape (a compile error here if they drift apart). */
const sameShape: (f: FunctionListing) => BytecodeFunction = (f) => f;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function checkParams(p: unknown): ProgramDisassembleParams {
  if (!isObject(p)) throw new RequestError('program parameters must be an object');
  if (typeof p.source !== 'string') throw new RequestError('source must be a string');
  if (p.source.length > MAX_SOURCE_CHARS) throw new RequestError(`The script is too large to list (over ${MAX_SOURCE_CHARS} characters)`);
  if (p.inputs !== undefined && !isObject(p.inputs)) throw new RequestError('inputs must be an object');
  if (p.mocks !== undefined && !(isObject(p.mocks) && (p.mocks.capabilities === undefined || isObject(p.mocks.capabilities)))) {
    throw new RequestError('mocks must be a mocks file: an object with a capabilities object');
  }
  return p as unknown as ProgramDisassembleParams;
}

/** Compiles the script (with its inputs and capabilities as globals) and lists every function. */
export function disassembleProgram(params: unknown): BytecodeFunction[] {
  const p = checkParams(params);
  const caps = isObject(p.mocks) && isObject(p.mocks.capabilities) ? Object.keys(p.mocks.capabilities) : [];
  let program;
  try {
    program = compile(p.source, { globals: [...Object.keys(p.inputs ?? {}), ...caps], capabilities: caps });
  } catch (e) {
    if (e instanceof ParseError) throw new RequestError(`The script does not parse: ${e.diagnostic.span.line}:${e.diagnostic.span.column} ${e.diagnostic.message}`);
    if (e instanceof ValidationError) {
      const d = e.diagnostics[0];
      const more = e.diagnostics.length > 1 ? ` (and ${e.diagnostics.length - 1} more)` : '';
      throw new RequestError(`The script has problems: ${d.span.line}:${d.span.column} ${d.message}${more}`);
    }
    if (e instanceof CapsuleError) throw new RequestError(e.message);
    throw e;
  }
  return listProgram(program).map(sameShape);
}
