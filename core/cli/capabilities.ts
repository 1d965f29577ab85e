/**
 * Capabilities for a CLI run: declarations and mocks from `--mocks`, handlers (and
 * optional declarations) from a `--host` module. A name given by both is a usage error.
 */
import { HostFileError } from '../host/files';
import { importHostModule } from '../host/modules';
import { normalizeCapabilities } from '../capabilities';
import { CapabilityError, CapabilityFailure, type Capability, type CapabilityHandler } from '../index';
import { UsageError, type ParsedArgs } from './args';
import { mockCapabilities, readMocksFile, type MockContext } from './mocks';

export interface ProvidedCapabilities {
  list: Capability[];
  /** A --host module is in play: its handlers may be async, so the run goes through run(). */
  async: boolean;
}

/** Reads --mocks and --host. Every problem is a UsageError (exit 2) before anything runs. */
export async function hostCapabilities(args: ParsedArgs, where: string, ctx: MockContext): Promise<ProvidedCapabilities> {
  const list: Capability[] = [];
  const mocksPath = args.values.mocks;
  if (typeof mocksPath === 'string') {
    list.push(...mockCapabilities(readMocksFile(mocksPath, '--mocks', where), `${where}: --mocks file '${mocksPath}'`, ctx));
  }
  const hostPath = args.values.host;
  if (typeof hostPath !== 'string') return { list, async: false };
  const origin = `${where}: --host module '${hostPath}'`;
  let ns: Record<string, unknown>;
  try {
    ns = await importHostModule(hostPath);
  } catch (err) {
    if (err instanceof HostFileError) throw new UsageError(`${where}: --host: ${err.message}`);
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw new UsageError(`${origin} failed to load (${message.replace(/\s+/g, ' ')})`);
  }
  const exported = ns.capabilities;
  if (exported === null || typeof exported !== 'object') {
    throw new UsageError(`${origin} must export \`capabilities\`: an object of name → (async) function, or of name → { description, args, result, handler }`);
  }
  let fromHost: Capability[];
  try {
    fromHost = normalizeCapabilities(exported as Record<string, Capability>);
  } catch (err) {
    if (err instanceof CapabilityError) throw new UsageError(`${origin}: ${err.message}`);
    throw err;
  }
  for (const c of fromHost) {
    if (typeof c.handler !== 'function') throw new UsageError(`${origin}: capability ${c.name} has no handler function`);
    if (list.some((m) => m.name === c.name)) throw new UsageError(`${where}: capability ${c.name} is given by both --mocks and --host`);
  }
  list.push(...fromHost.map((c) => ({ ...c, handler: recognizeFailures(c.handler!) })));
  return { list, async: true };
}

/** Gives declared-only capabilities a handler that ends the run with a clear CapabilityError. */
export function withMissingHandlers(list: Capability[]): Capability[] {
  return list.map((c) =>
    c.handler
      ? c
      : {
          ...c,
          handler: () => {
            throw new CapabilityError(`capability ${c.name} was called but has no mock or handler (add one with --mocks or --host)`);
          },
        },
  );
}

/**
 * A host module imports CapabilityFailure from the library bundle (out/core/index.mjs),
 * a different copy of the class than the CLI's own; a failure is recognised by its name
 * (and `failureName`) and re-thrown as the CLI's, so the guest sees it as intended.
 */
function recognizeFailures(handler: CapabilityHandler): CapabilityHandler {
  const translate = (e: unknown): unknown => {
    if (e instanceof CapabilityFailure || !(e instanceof Error) || e.name !== 'CapabilityFailure') return e;
    const failureName = (e as { failureName?: unknown }).failureName;
    return new CapabilityFailure(e.message, typeof failureName === 'string' && failureName ? failureName : 'Error');
  };
  return (...args) => {
    let r: unknown;
    try {
      r = handler(...args);
    } catch (e) {
      throw translate(e);
    }
    if (r !== null && (typeof r === 'object' || typeof r === 'function') && typeof (r as { then?: unknown }).then === 'function') {
      return Promise.resolve(r).catch((e: unknown) => {
        throw translate(e);
      });
    }
    return r;
  };
}
