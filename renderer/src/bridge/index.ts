/**
 * How the renderer gets its one API object: from the Electron preload when there is one, else
 * over a socket to the browser-mode server, installed as `window.capsule` so both look the same.
 */
import { SOCKET_PATH, type CapsuleApi } from '../../../preload/api';
import { connectSocket } from './socket-client';

/** The bridge and, in browser mode, a promise that settles if the server goes away. */
export interface Bridge {
  readonly api: CapsuleApi;
  readonly disconnected: Promise<string> | null;
}

/** Connects to the main-process services; rejects with a message fit for the status bar. */
export async function connectBridge(): Promise<Bridge> {
  if (window.capsule) return { api: window.capsule, disconnected: null };

  // Browser mode: the server printed a URL with `#token=…`; the fragment never leaves the browser.
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (!token) throw new Error('No access token in the address: open the URL that npm run start:web printed');
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${window.location.host}${SOCKET_PATH}?token=${encodeURIComponent(token)}`;
  const bridge = await connectSocket(new WebSocket(url));
  window.capsule = bridge.api;
  return {
    api: bridge.api,
    disconnected: bridge.closed.then(() => 'The browser-mode server closed the connection'),
  };
}
