/**
 * The export service (docs/EXPORT.md): the studio's `capsule export`. `export.check` validates a
 * script, runs every one of its scenarios through the scenario service (in sidecars, as the
 * Testing view does) and builds the manifest the artifact would carry; `export.write` signs and
 * writes the artifact — core's `createArtifact`, so the bytes are the CLI's format — only for a
 * check that passed and only if the script, its mocks and its scenarios files are unchanged since.
 *
 * The signing key is a workspace file (default `.capsule/signing-key.pem`, created on the first
 * export, mode 0600, its public half beside it as `.pub`). Main reads it; the renderer only ever
 * sees its fingerprint and public key.
 */
import { createHash, createPublicKey, randomUUID } from 'node:crypto';
import { createArtifact, generateSigningKeys, keyFingerprint, loadArtifact, type Artifact, type Manifest } from '../../core/artifact';
import { listFiles } from '../../core/host/files';
import { checkMocks, mockCapabilities, type MocksFile } from '../../core/cli/mocks';
import { isSuiteError, loadSuite, SCENARIOS_SUFFIX, type ScenarioSuite } from '../../core/cli/scenarios';
import type { CapabilityDecl } from '../../core/capabilities';
import { DEFAULT_LIMITS } from '../../core/vm/interpreter';
import type { ExportCapability, ExportCheck, ExportKeyInfo, ExportLimits, ExportWritten, ProgramDiagnostic, ScenarioRunResult } from '../../preload/api';
import { RequestError } from './errors';
import type { EventHub } from './events';
import { validateProgram } from './program';
import { filesUnder, type ScenarioService } from './scenarios';
import { WorkspaceError, type WorkspaceService } from './workspace';
import { normalizeRelative, WorkspacePathError } from './workspace-paths';

/** Where Export keeps the workspace's signing key unless the user picks another file. */
export const DEFAULT_KEY_PATH = '.capsule/signing-key.pem';
const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof ExportLimits)[];
/** Checks kept for `export.write` (the newest); older ones must be run again. */
const MAX_CHECKS = 16;

/** What a passed (or failed) check remembers for `export.write`. */
interface Ticket {
  ok: boolean;
  refusals: string[];
  script: string;
  /** sha256 of the script, its mocks and scenarios files as the check read them. */
  fingerprint: string;
  capabilities: CapabilityDecl[];
  inputs: string[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A renderer-supplied workspace path, normalised, or a RequestError naming what it is for. */
function pathParam(value: unknown, what: string): string {
  try {
    return normalizeRelative(value);
  } catch (error) {
    if (error instanceof WorkspacePathError) throw new RequestError(`${what}: ${error.message}`);
    throw error;
  }
}

function stemOf(script: string): string {
  return script.replace(/\.[cm]?js$/, '');
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `line:col CODE message` of the first error, for one-line refusals. */
function firstError(diagnostics: ProgramDiagnostic[]): string {
  const d = diagnostics.find((x) => x.severity === 'error');
  return d ? `${d.line}:${d.column} ${d.code} ${d.message}` : '';
}

/** Checks the limits the dialog sends: every known limit, a non-negative safe integer. */
function limitsParam(value: unknown): ExportLimits {
  if (!isObject(value)) throw new RequestError('limits must be an object of the six limits');
  for (const key of Object.keys(value)) if (!(LIMIT_NAMES as string[]).includes(key)) throw new RequestError(`limits.${key} is not a limit (${LIMIT_NAMES.join(', ')})`);
  const out = { ...DEFAULT_LIMITS } as ExportLimits;
  for (const name of LIMIT_NAMES) {
    const v = value[name];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new RequestError(`limits.${name} must be a whole number, 0 or more`);
    out[name] = v;
  }
  return out;
}

export class ExportService {
  private readonly tickets = new Map<string, Ticket>();

  constructor(
    private readonly scenarios: ScenarioService,
    private readonly workspace: WorkspaceService,
    private readonly events: EventHub,
  ) {}

  private root(): string {
    const root = this.workspace.rootPath;
    if (root === null) throw new RequestError('No folder is open: open one to export its scripts');
    return root;
  }

  /** Reads a workspace text file, or null when it does not exist. */
  private async text(path: string): Promise<string | null> {
    if (!(await this.workspace.isFile(path))) return null;
    return (await this.workspace.readBytes(path)).toString('utf8');
  }

  /** The scenarios files of `script`, loaded, and the reasons any of them cannot be used. */
  private suitesOf(script: string): { suites: ScenarioSuite[]; problems: string[] } {
    const root = this.root();
    const files = filesUnder(root);
    const suites: ScenarioSuite[] = [];
    const problems: string[] = [];
    const own = `${stemOf(script)}${SCENARIOS_SUFFIX}`;
    for (const file of listFiles(root, (name) => name.endsWith(SCENARIOS_SUFFIX))) {
      try {
        const suite = loadSuite(files, file);
        if (suite.script === script) suites.push(suite);
      } catch (error) {
        if (!isSuiteError(error)) throw error;
        // a file that cannot be read cannot say which script it tests: its name can
        if (file === own) problems.push(`${file} cannot be used: ${error.message}`);
      }
    }
    return { suites, problems };
  }

  /** sha256 over the texts an export depends on (null for a missing file). */
  private async fingerprintOf(paths: readonly string[]): Promise<string> {
    const hash = createHash('sha256');
    for (const path of paths) {
      const text = await this.text(path);
      hash.update(`${path}\u0000${text === null ? '\u0001missing' : text}\u0000`);
    }
    return hash.digest('hex');
  }

  private dependencies(script: string, mocks: string | null, suites: readonly ScenarioSuite[]): string[] {
    return [script, `${stemOf(script)}${SCENARIOS_SUFFIX}`, ...(mocks ? [mocks] : []), ...suites.map((s) => s.file)];
  }

  /** `export.key`: the key at a workspace path, without ever returning the private key. */
  async key(params: unknown): Promise<ExportKeyInfo> {
    this.root();
    if (!isObject(params)) throw new RequestError('export.key needs { path }');
    return this.keyInfo(pathParam(params.path, 'signing key'));
  }

  private async keyInfo(path: string): Promise<ExportKeyInfo> {
    const pubPath = `${path}.pub`;
    const hasPub = await this.workspace.isFile(pubPath).catch(() => false);
    if (!(await this.workspace.isFile(path))) {
      return { path, exists: false, fingerprint: null, publicKey: null, publicKeyPath: hasPub ? pubPath : null, willCreate: path === DEFAULT_KEY_PATH };
    }
    try {
      const pem = (await this.workspace.readBytes(path)).toString('utf8');
      const publicKey = createPublicKey(pem).export({ format: 'pem', type: 'spki' }).toString();
      return { path, exists: true, fingerprint: keyFingerprint(pem), publicKey, publicKeyPath: hasPub ? pubPath : null, willCreate: false };
    } catch (error) {
      if (error instanceof WorkspaceError) throw new RequestError(error.message);
      throw new RequestError(`${path} is not an Ed25519 private key (PEM); create one with \`capsule keygen -o ${path}\``);
    }
  }

  /** `export.check`: validate, run every scenario, build the manifest. Writes nothing. */
  async check(params: unknown): Promise<ExportCheck> {
    this.root();
    if (!isObject(params)) throw new RequestError('export.check needs { script }');
    const script = pathParam(params.script, 'script');
    if (!/\.[cm]?js$/.test(script)) throw new RequestError(`${script} is not a script (NAME.js)`);
    const token = params.token === undefined ? '' : params.token;
    if (typeof token !== 'string' || !/^[\w-]{0,64}$/.test(token)) throw new RequestError('token must be up to 64 letters, digits, - or _');
    if (params.configuration !== undefined && typeof params.configuration !== 'string') throw new RequestError('configuration must be a name');

    let source: string;
    try {
      const text = await this.text(script);
      if (text === null) throw new RequestError(`${script}: no such file`);
      source = text;
    } catch (error) {
      if (error instanceof WorkspaceError) throw new RequestError(error.message);
      throw error;
    }
    const refusals: string[] = [];
    const warnings: string[] = [];
    const { suites, problems } = this.suitesOf(script);
    refusals.push(...problems);

    // the capabilities: the script's mocks file, read as `capsule export --capabilities` reads it
    const mocks = suites[0]?.mocksFile ?? ((await this.workspace.isFile(`${stemOf(script)}.mocks.json`)) ? `${stemOf(script)}.mocks.json` : null);
    let declared: CapabilityDecl[] = [];
    if (mocks) {
      try {
        const parsed: unknown = JSON.parse((await this.text(mocks)) ?? '');
        const file: MocksFile = checkMocks(parsed, mocks);
        declared = mockCapabilities(file, mocks).map(({ name, description, args, result }) => ({
          name,
          ...(description !== undefined ? { description } : {}),
          ...(args !== undefined ? { args } : {}),
          ...(result !== undefined ? { result } : {}),
        }));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        refusals.push(message.startsWith(mocks) ? message : `${mocks}: ${message}`);
      }
    }
    const fingerprint = await this.fingerprintOf(this.dependencies(script, mocks, suites));

    // inputs: every name a configuration or scenario gives the script
    const inputs = [...new Set(suites.flatMap((s) => [...s.configurations.flatMap((c) => Object.keys(c.inputs)), ...s.scenarios.flatMap((c) => Object.keys(c.inputs))]))];

    const { diagnostics } = validateProgram({ source, globals: [...declared.map((c) => c.name), ...inputs] });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) refusals.push(`${script} does not validate: ${errors.length} error${errors.length === 1 ? '' : 's'} (first at ${firstError(diagnostics)})`);

    // the manifest exactly as an artifact would carry it: build one (ephemeral key) and load it
    let capabilities: ExportCapability[] = [];
    let unusedCapabilities: string[] = [];
    if (errors.length === 0 && refusals.length === 0) {
      try {
        const artifact = loadArtifact(createArtifact(source, { capabilities: declared, inputs, name: baseName(script) }));
        capabilities = manifestCapabilities(artifact.manifest);
        const used = new Set(capabilities.map((c) => c.name));
        unusedCapabilities = declared.map((c) => c.name).filter((n) => !used.has(n));
      } catch (error) {
        refusals.push(`${script} cannot be exported: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (unusedCapabilities.length > 0) warnings.push(`declared in ${mocks} but never called, so left out of the manifest: ${unusedCapabilities.join(', ')}`);

    // default limits: the picked run configuration's over core's defaults
    const configs = suites.flatMap((s) => s.configurations);
    const config = configs.find((c) => c.name === params.configuration) ?? configs[0] ?? null;
    const limits = { ...DEFAULT_LIMITS, ...(config?.limits ?? {}) } as ExportLimits;

    // every scenario, one at a time, with progress
    const list = suites.flatMap((s) => s.scenarios.map((c) => ({ file: s.file, name: c.name })));
    const results: ScenarioRunResult[] = [];
    if (list.length === 0 && problems.length === 0) warnings.push(`${script} has no scenarios: nothing checks what it does (docs/SCENARIOS.md)`);
    if (errors.length === 0 && list.length > 0) {
      for (const [i, s] of list.entries()) {
        if (token) this.events.emit('export.progress', { token, total: list.length, done: i, running: s.name });
        const result = await this.scenarios.run(s);
        results.push(result);
        if (token) this.events.emit('export.progress', { token, total: list.length, done: i + 1, running: null, result });
        if (result.status !== 'passed') refusals.push(`scenario '${s.name}' ${result.status}${result.diff[0] ? `: ${result.diff[0]}` : ''}`);
      }
    } else if (list.length > 0) {
      warnings.push(`${list.length} scenario${list.length === 1 ? ' was' : 's were'} not run: the script does not validate`);
    }
    // a file edited while the scenarios ran makes this check say nothing about what is on disk now
    const after = await this.fingerprintOf(this.dependencies(script, mocks, suites));
    if (after !== fingerprint) refusals.push(`${script}, its mocks or its scenarios changed while they were checked; check again`);

    const checkId = randomUUID();
    this.tickets.set(checkId, { ok: refusals.length === 0, refusals, script, fingerprint, capabilities: declared, inputs });
    while (this.tickets.size > MAX_CHECKS) this.tickets.delete(this.tickets.keys().next().value!);
    return {
      checkId,
      ok: refusals.length === 0,
      refusals,
      warnings,
      script,
      mocks,
      scenariosFile: suites[0]?.file ?? null,
      diagnostics,
      scenarios: results,
      capabilities,
      unusedCapabilities,
      inputs,
      limits,
      configuration: config?.name ?? null,
      output: `dist/${baseName(stemOf(script))}.capsule`,
      key: await this.keyInfo(DEFAULT_KEY_PATH),
    };
  }

  /** `export.write`: sign and write the artifact of a passed, still current check. */
  async write(params: unknown): Promise<ExportWritten> {
    this.root();
    if (!isObject(params) || typeof params.checkId !== 'string') throw new RequestError('export.write needs { checkId, output, key, limits }');
    const ticket = this.tickets.get(params.checkId);
    if (!ticket) throw new RequestError('Export refused: this check is no longer current; check again');
    if (!ticket.ok) throw new RequestError(`Export refused: ${ticket.refusals.join('; ')}`);
    const output = pathParam(params.output, 'output');
    if (!output.endsWith('.capsule')) throw new RequestError(`output: ${output} must end in .capsule`);
    const keyPath = pathParam(params.key, 'signing key');
    if (keyPath === output || keyPath === ticket.script) throw new RequestError('signing key: that is not a key file');
    const limits = limitsParam(params.limits);

    const { suites } = this.suitesOf(ticket.script);
    const mocks = suites[0]?.mocksFile ?? ((await this.workspace.isFile(`${stemOf(ticket.script)}.mocks.json`)) ? `${stemOf(ticket.script)}.mocks.json` : null);
    if ((await this.fingerprintOf(this.dependencies(ticket.script, mocks, suites))) !== ticket.fingerprint) {
      throw new RequestError(`Export refused: ${ticket.script}, its mocks or its scenarios changed since the check; check again`);
    }
    try {
      const source = (await this.text(ticket.script)) ?? '';
      let keyCreated = false;
      if (!(await this.workspace.isFile(keyPath))) {
        if (keyPath !== DEFAULT_KEY_PATH) {
          throw new RequestError(`Export refused: no signing key at ${keyPath}; create one with \`capsule keygen -o ${keyPath}\`, or use ${DEFAULT_KEY_PATH}, which Export creates`);
        }
        await this.createKey(keyPath);
        keyCreated = true;
      }
      const privateKey = (await this.workspace.readBytes(keyPath)).toString('utf8');
      let publicKey: string;
      try {
        publicKey = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
      } catch {
        throw new RequestError(`Export refused: ${keyPath} is not an Ed25519 private key (PEM); create one with \`capsule keygen -o ${keyPath}\``);
      }
      let bytes: Uint8Array;
      try {
        bytes = createArtifact(source, { capabilities: ticket.capabilities, inputs: ticket.inputs, limits, privateKey, name: baseName(ticket.script) });
      } catch (error) {
        throw new RequestError(`Export refused: ${error instanceof Error ? error.message : String(error)}`);
      }
      await this.workspace.writeBytes(output, bytes);
      const publicKeyPath = `${keyPath}.pub`;
      if (!(await this.workspace.isFile(publicKeyPath))) await this.workspace.writeBytes(publicKeyPath, publicKey);
      // read back what is on disk and verify it as a production host would, with the public key
      let artifact: Artifact;
      try {
        artifact = loadArtifact(new Uint8Array(await this.workspace.readBytes(output)), { publicKey });
      } catch (error) {
        throw new RequestError(`The artifact written to ${output} does not verify: ${error instanceof Error ? error.message : String(error)}`);
      }
      return {
        output,
        bytes: bytes.length,
        programHash: artifact.programHash,
        fingerprint: artifact.signer.fingerprint,
        publicKeyPath,
        keyCreated,
        manifest: { capabilities: manifestCapabilities(artifact.manifest), inputs: artifact.manifest.inputs.names, limits: artifact.manifest.limits },
      };
    } catch (error) {
      if (error instanceof WorkspaceError) throw new RequestError(`Export failed: ${error.message}`);
      throw error;
    }
  }

  /**
   * A new Ed25519 key pair, as `capsule keygen -o PATH` writes it (private 0600, public `.pub`),
   * and a `.gitignore` beside it so the private key is not committed by accident.
   */
  private async createKey(path: string): Promise<void> {
    const keys = generateSigningKeys();
    await this.workspace.writeBytes(path, keys.privateKey, { mode: 0o600 });
    await this.workspace.writeBytes(`${path}.pub`, keys.publicKey, { mode: 0o644 });
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    const ignore = dir ? `${dir}/.gitignore` : '.gitignore';
    const existing = (await this.text(ignore)) ?? '';
    const name = baseName(path);
    if (!existing.split(/\r?\n/).includes(name)) {
      await this.workspace.writeBytes(ignore, `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}# the studio's signing key (docs/EXPORT.md): never commit it\n${name}\n`);
    }
  }
}

/** The manifest's capabilities as plain data for the bridge. */
function manifestCapabilities(manifest: Manifest): ExportCapability[] {
  return manifest.capabilities.map((c) => ({
    name: c.name,
    ...(c.description !== undefined ? { description: c.description } : {}),
    ...(c.args !== undefined ? { args: c.args } : {}),
    ...(c.result !== undefined ? { result: c.result } : {}),
  }));
}
