/**
 * Browser mode's server: serves the built renderer on 127.0.0.1 and the bridge over a loopback
 * WebSocket. No Electron import; the services are the same ones the Electron shell uses.
 *
 * Any web page the user visits can try to reach a loopback port, so a socket is only accepted
 * with this launch's random token, from this server's own Origin, under this server's own Host
 * (the last defeats DNS rebinding).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { SOCKET_PART_CHARS, SOCKET_PART_MARK, SOCKET_PATH, type SocketRequest, type SocketServerMessage } from '../preload/api';
import { CONTENT_SECURITY_POLICY } from './csp';
import type { Services } from './services';

/** Options for {@link startWebServer}. */
export interface WebServerOptions {
  /** The built renderer (out/renderer), served as static files. */
  rendererDir: string;
  services: Services;
  /** Port on 127.0.0.1; 0 (the default) lets the system pick a free one. */
  port?: number;
  /** The secret a socket must present; random per launch when omitted. */
  token?: string;
}

/** A running browser-mode server. */
export interface WebServer {
  /** The address to open, with the token in the fragment (never sent to the server by the browser). */
  readonly url: string;
  /** `http://127.0.0.1:PORT`, the only Origin (besides its `localhost` twin) allowed to open a socket. */
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** Closes every socket and stops listening. */
  close(): Promise<void>;
}

const MAX_FRAME_BYTES = 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** Starts the server on 127.0.0.1 and resolves once it listens. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenDigest = digest(token);
  const rendererDir = resolve(options.rendererDir);
  const { services } = options;

  const http = createServer((req, res) => {
    serveStatic(req, res).catch((error: unknown) => {
      console.error('capsule: static file failed', error);
      if (!res.headersSent) send(res, 500, 'Internal error');
    });
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  let port = 0;
  const hosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const origins = () => hosts().map((host) => `http://${host}`);

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hosts().includes(req.headers.host ?? '')) return send(res, 421, 'Unexpected Host');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return send(res, 400, 'Bad request');
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = resolve(rendererDir, `.${pathname}`);
    if (!file.startsWith(rendererDir + sep)) return send(res, 404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(res, 404, 'Not found');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** Why an upgrade is refused, or null to accept it. */
  function refusal(req: IncomingMessage): { status: number; reason: string } | null {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== SOCKET_PATH) return { status: 404, reason: 'Not Found' };
    if (!hosts().includes(req.headers.host ?? '')) return { status: 421, reason: 'Misdirected Request' };
    if (!origins().includes(req.headers.origin ?? '')) return { status: 403, reason: 'Forbidden' };
    const presented = url.searchParams.get('token');
    if (presented === null || !timingSafeEqual(digest(presented), tokenDigest)) {
      return { status: 401, reason: 'Unauthorized' };
    }
    return null;
  }

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refused = refusal(req);
    if (refused) {
      socket.end(`HTTP/1.1 ${refused.status} ${refused.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  });

  sockets.on('connection', (ws: WebSocket) => {
    // A protocol violation (an oversized or invalid frame) is an 'error' on this socket; ws has
    // already closed it with the right code (1009, 1002…). Without a listener the error would be
    // thrown and take the whole server down.
    ws.on('error', () => ws.terminate());
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const request = isBinary ? null : parseRequest(rawText(data));
      if (!request) {
        ws.close(1008, 'Malformed request');
        return;
      }
      void services.handle(request.method, request.params).then((reply) => {
        sendFrame(ws, { type: 'response', id: request.id, ...reply });
      });
    });
  });

  const unsubscribe = services.events.subscribe((message) => {
    for (const client of sockets.clients) sendFrame(client, { type: 'event', ...message });
  });

  await new Promise<void>((resolveListen, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => {
      http.off('error', reject);
      resolveListen();
    });
  });
  port = (http.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${encodeURIComponent(token)}`,
    origin,
    port,
    token,
    async close() {
      unsubscribe();
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((done) => sockets.close(() => done()));
      http.closeAllConnections();
      await new Promise<void>((done) => http.close(() => done()));
    },
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** Sends a frame as ASCII-only JSON, sliced when long (the form is described at {@link SocketServerMessage}). */
function sendFrame(ws: WebSocket, message: SocketServerMessage): void {
  if (ws.readyState !== ws.OPEN) return;
  // non-ASCII characters only occur inside JSON strings, where a \u escape means the same
  // character; escaped, the text is one byte per character, so a slice never splits one
  const text = JSON.stringify(message).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  let at = 0;
  for (; text.length - at > SOCKET_PART_CHARS; at += SOCKET_PART_CHARS) ws.send(SOCKET_PART_MARK + text.slice(at, at + SOCKET_PART_CHARS));
  ws.send(at === 0 ? text : text.slice(at));
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

/** Parses one client frame; null when it is not a well-formed {@link SocketRequest}. */
export function parseRequest(text: string): SocketRequest | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.type !== 'request' || !Number.isSafeInteger(v.id) || typeof v.method !== 'string') return null;
  return { type: 'request', id: v.id as number, method: v.method, params: v.params };
}
