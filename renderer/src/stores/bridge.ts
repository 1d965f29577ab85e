/**
 * The bridge store: the one API object to the main-process services, once connected, and what
 * the status bar says about it. Every other store reaches main through {@link api}.
 */
import { reactive, shallowRef } from 'vue';
import type { AppInfo, CapsuleApi } from '../../../preload/api';
import { connectBridge } from '../bridge';

/** Connection state; `api` is null until connected (and stays null if the bridge is unavailable). */
export const bridge = reactive({
  info: null as AppInfo | null,
  /** Why the bridge is unavailable, or went away. */
  error: null as string | null,
  /** Lines of the Output panel: app notices and connection news, oldest first. */
  output: [] as string[],
});

const current = shallowRef<CapsuleApi | null>(null);

/** The connected API, or null before/without a connection (reactive). */
export function maybeApi(): CapsuleApi | null {
  return current.value;
}

/** The connected API; throws a readable error when there is none. */
export function api(): CapsuleApi {
  const value = current.value;
  if (!value) throw new Error(bridge.error ? `Not connected: ${bridge.error}` : 'Not connected to Capsule Studio yet');
  return value;
}

/** A readable message for any thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const listeners: ((api: CapsuleApi) => void)[] = [];

/** Runs `fn` with the API as soon as the bridge is connected (at once if it already is). */
export function whenConnected(fn: (api: CapsuleApi) => void): void {
  if (current.value) fn(current.value);
  else listeners.push(fn);
}

/** Connects once at start-up (App.vue); fills {@link bridge} and wakes {@link whenConnected} callers. */
export async function connect(): Promise<void> {
  try {
    const connection = await connectBridge();
    current.value = connection.api;
    connection.api.on('app.notice', (notice) => bridge.output.push(`[${notice.level}] ${notice.message}`));
    void connection.disconnected?.then((reason) => {
      bridge.error = reason;
      bridge.output.push(reason);
    });
    const info = await connection.api.invoke('app.info');
    bridge.info = info;
    bridge.output.push(`Capsule Studio ${info.appVersion} (${info.mode}) on ${info.platform}, interpreter core ${info.coreVersion}`);
    for (const fn of listeners.splice(0)) fn(connection.api);
  } catch (error) {
    bridge.error = messageOf(error);
    bridge.output.push(`Bridge unavailable: ${bridge.error}`);
  }
}
