/**
 * Browser mode's transport: the bridge contract over one WebSocket to the browser-mode server.
 * Written against {@link SocketLike} rather than the DOM, so the tests drive it with `ws` in Node.
 */
import { SOCKET_PART_MARK, type CapsuleApi, type Reply, type SocketRequest } from '../../../preload/api';
import { createClient, isEventMessage, isReply } from '../../../preload/client';

/** The part of the WebSocket API used here; the browser's WebSocket and the `ws` package both have it. */
export interface SocketLike {
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'error', listener: () => void): void;
  addEventListener(type: 'close', listener: (event: { code: number }) => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** An open bridge over a socket. */
export interface SocketBridge {
  readonly api: CapsuleApi;
  /** Resolves when the connection ends, with the WebSocket close code. */
  readonly closed: Promise<number>;
  close(): void;
}

/**
 * Waits for `socket` to open and returns the bridge over it. Rejects when the socket closes
 * first, which is what a refused token or Origin looks like from the browser.
 */
export function connectSocket(socket: SocketLike): Promise<SocketBridge> {
  const pending = new Map<number, (reply: Reply) => void>();
  let nextId = 1;
  let open = false;
  let closedCode: number | null = null;

  const client = createClient({
    request(method, params) {
      if (closedCode !== null) return Promise.resolve(disconnected());
      const id = nextId++;
      const frame: SocketRequest = { type: 'request', id, method, params };
      return new Promise<Reply>((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify(frame));
      });
    },
  });

  // a long frame arrives in slices (SocketServerMessage): the ones before its last are kept here
  let slices: string[] = [];
  socket.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') return;
    if (event.data.startsWith(SOCKET_PART_MARK)) {
      slices.push(event.data.slice(SOCKET_PART_MARK.length));
      return;
    }
    let text = event.data;
    if (slices.length) {
      slices.push(text);
      text = slices.join('');
      slices = [];
    }
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      message = null;
    }
    if (typeof message !== 'object' || message === null) return;
    const m = message as Record<string, unknown>;
    const id = m.id;
    if (m.type === 'response' && typeof id === 'number' && isReply(m)) {
      pending.get(id)?.(m.ok ? { ok: true, result: m.result } : { ok: false, error: m.error });
      pending.delete(id);
    } else if (m.type === 'event' && isEventMessage(m)) {
      client.deliver({ event: m.event, payload: m.payload });
    }
  });

  // A failed socket always closes next; the close handler below does the work. (Node's `ws`
  // would also throw an 'error' that nobody listens to.)
  socket.addEventListener('error', () => {});
  const closed = new Promise<number>((resolve) => {
    socket.addEventListener('close', (event) => {
      closedCode = event.code;
      for (const answer of pending.values()) answer(disconnected());
      pending.clear();
      resolve(event.code);
    });
  });

  return new Promise<SocketBridge>((resolve, reject) => {
    socket.addEventListener('open', () => {
      open = true;
      resolve({ api: client.api, closed, close: () => socket.close() });
    });
    void closed.then((code) => {
      if (!open) reject(new Error(`The browser-mode server refused the connection (close code ${code})`));
    });
  });
}

function disconnected(): Reply {
  return { ok: false, error: { message: 'Not connected to the browser-mode server' } };
}
