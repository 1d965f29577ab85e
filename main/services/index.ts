/**
 * The main-process services behind the bridge, with no Electron import: the Electron shell
 * (main/index.ts), browser mode (main/web.ts) and the tests all run this same code.
 */
import type { HostMode, Reply, RequestName, RequestResult } from '../../preload/api';
import { appInfo } from './app-info';
import { disassembleProgram } from './disassembly';
import { RequestError } from './errors';
import { EventHub } from './events';
import { ExportService } from './export';
import { checkMocksFile, exportMocks, validateSchema, type MockDialogs } from './mocks';
import { validateProgram } from './program';
import { ScenarioService, scenariosChecker } from './scenarios';
import { SessionRequestError, SessionService, type SessionServiceOptions } from './sessions';
import { TimelineService } from './timelines';
import { WorkspaceError, WorkspaceService, type WorkspaceServiceOptions } from './workspace';

/**
 * One handler per method in the contract; a method added to `Requests` fails to compile until it
 * is handled here. `params` arrives unchecked from the renderer: each handler validates its own.
 */
type Handlers = { [M in RequestName]: (params: unknown) => RequestResult<M> | Promise<RequestResult<M>> };

/** What the shells need: answer requests and forward events. */
export interface Services {
  /** Answers one request from the renderer. Never rejects: failures come back as `{ ok: false }`. */
  handle(method: unknown, params: unknown): Promise<Reply>;
  readonly events: EventHub;
  /** The sessions and their sidecars. */
  readonly sessions: SessionService;
  /** The open folder. */
  readonly workspace: WorkspaceService;
  /** Scenario runs (their own sessions, not the debugger's). */
  readonly scenarios: ScenarioService;
  /** Stops every session and sidecar. */
  dispose(): Promise<void>;
}

/** Options for {@link createServices}. */
export interface ServicesOptions {
  /** Which shell hosts the services; reported to the renderer through `app.info`. */
  mode: HostMode;
  /** Sidecar and watchdog settings; under Electron, a utilityProcess spawner. */
  sessions?: SessionServiceOptions;
  /** The folder picker (Electron) and test hooks; the folder itself is opened with `workspace.open`. */
  workspace?: WorkspaceServiceOptions;
  /** The host's save dialog for exporting mocks files (Electron; browser mode downloads instead). */
  dialogs?: MockDialogs;
}

export { RequestError };

function expectNoParams(params: unknown): void {
  if (params !== undefined && params !== null) throw new RequestError('This method takes no parameters');
}

/** Creates the services for one shell. */
export function createServices(options: ServicesOptions): Services {
  const events = new EventHub();
  const sessions = new SessionService(events, options.sessions);
  const workspace = new WorkspaceService(events, options.workspace);
  // scenario runs are background work with sessions and events of their own: they never show in
  // the debugger's views (console, budget, call log), which follow the renderer's sessions
  const scenarioSessions = new SessionService(new EventHub(), { ...options.sessions, poolSize: 1 });
  const scenarios = new ScenarioService(scenarioSessions, workspace);
  workspace.addChecker(scenariosChecker(workspace));
  const exporter = new ExportService(scenarios, workspace, events);
  const timelines = new TimelineService(sessions, workspace);
  const handlers: Handlers = {
    'app.info': (params) => {
      expectNoParams(params);
      return appInfo(options.mode);
    },
    'session.start': (params) => sessions.start(params),
    'session.continue': (params) => sessions.continue(params),
    'session.pause': (params) => sessions.pause(params),
    'session.cancel': (params) => sessions.cancel(params),
    'session.snapshot': (params) => sessions.snapshot(params),
    'session.restore': (params) => sessions.restore(params),
    'session.close': (params) => sessions.close(params),
    'session.debug': (params) => sessions.debug(params),
    'timeline.open': (params) => timelines.open(params),
    'timeline.answer': (params) => timelines.answer(params),
    'timeline.restore': (params) => timelines.restore(params),
    'timeline.inspect': (params) => timelines.inspect(params),
    'timeline.save': (params) => timelines.save(params),
    'timeline.close': (params) => timelines.close(params),
    'program.validate': (params) => validateProgram(params),
    'program.disassemble': (params) => disassembleProgram(params),
    'workspace.state': (params) => {
      expectNoParams(params);
      return workspace.state();
    },
    'workspace.openFolder': (params) => workspace.openFolder(params),
    'workspace.read': (params) => workspace.read(params),
    'workspace.write': (params) => workspace.write(params),
    'workspace.journal': (params) => workspace.journal(params),
    'workspace.search': (params) => workspace.search(params),
    'mocks.check': (params) => checkMocksFile(params),
    'mocks.validate': (params) => validateSchema(params),
    'scenario.list': (params) => {
      expectNoParams(params);
      return scenarios.list();
    },
    'scenario.run': (params) => scenarios.run(params),
    'mocks.export': (params) => exportMocks(params, options.dialogs),
    'export.check': (params) => exporter.check(params),
    'export.key': (params) => exporter.key(params),
    'export.write': (params) => exporter.write(params),
  };

  return {
    events,
    sessions,
    workspace,
    scenarios,
    dispose: async () => {
      await timelines.dispose();
      await Promise.all([sessions.dispose(), scenarioSessions.dispose()]);
    },
    async handle(method, params) {
      // Own-property check: a method name like "constructor" or "__proto__" must not reach a handler.
      if (typeof method !== 'string' || !Object.hasOwn(handlers, method)) {
        return { ok: false, error: { message: `Unknown method: ${String(method).slice(0, 100)}` } };
      }
      try {
        const result: unknown = await handlers[method as RequestName](params);
        return { ok: true, result };
      } catch (error) {
        if (error instanceof RequestError || error instanceof SessionRequestError || error instanceof WorkspaceError) return { ok: false, error: { message: error.message } };
        // Internal failures are logged here, not sent: their messages may carry paths and stack details.
        console.error(`capsule: ${method} failed`, error);
        return { ok: false, error: { message: `Internal error in ${method}` } };
      }
    },
  };
}
