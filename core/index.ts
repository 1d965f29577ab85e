/**
 * Capsule core: a sandboxed interpreter for a bounded JavaScript subset.
 * This module is the library a production host embeds.
 */
export { compile, validateSource, type CompileOptions } from './program';
export type { CompiledProgram } from './chunk';
export { run, runSync, type RunOptions, type RunResult, type ConsoleLevel } from './run';
export { start, Execution, type Outcome, type HostCallRequest, type StartOptions, type ResumeOptions } from './execution';
export type { Answer, Capability, CapabilityDecl, CapabilityHandler, CapabilitiesOption, CapabilityDiagnostic, JSONSchema } from './capabilities';
export { snapshot, restore, programHash, SNAPSHOT_FORMAT_VERSION } from './snapshot/index';
export {
  createArtifact,
  loadArtifact,
  artifactCapabilities,
  checkArtifactInputs,
  generateSigningKeys,
  keyFingerprint,
  programHashOf,
  ARTIFACT_FORMAT_VERSION,
  type Artifact,
  type ArtifactBody,
  type ExportOptions,
  type LoadOptions,
  type Manifest,
  type InputsDecl,
} from './artifact';
export { sourcePosition, type SourceMap, type SourceMapFunction } from './bytecode';
export { disassemble } from './disasm';
export * from './errors';
export type { Diagnostic, Span } from './diagnostics';
export { formatDiagnostic } from './diagnostics';
export { CORE_VERSION } from './version';
export { DEFAULT_LIMITS, type Limits } from './vm/interpreter';
