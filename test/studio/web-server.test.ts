/**
 * Browser mode's server over real sockets on 127.0.0.1: the bridge works for the page it served,
 * and the socket is refused without the token, with a wrong one, and from a foreign Origin or Host.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CORE_VERSION } from '../../core/version';
import { createServices, type Services } from '../../main/services';
import { startWebServer, type WebServer } from '../../main/web-server';
import { SOCKET_PART_CHARS, SOCKET_PART_MARK, SOCKET_PATH } from '../../preload/api';
import { connectSocket } from '../../renderer/src/bridge/socket-client';

const TOKEN = 'test-token-0123456789';
let rendererDir: string;
let services: Services;
let server: WebServer;

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'capsule-web-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Capsule Studio</title>');
  services = createServices({ mode: 'browser' });
  server = await startWebServer({ rendererDir, services, token: TOKEN });
});

afterAll(async () => {
  await server.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

function socketUrl(token: string | null): string {
  const url = new URL(SOCKET_PATH, `ws://127.0.0.1:${server.port}`);
  if (token !== null) url.searchParams.set('token', token);
  return url.href;
}

/** Attempts an upgrade and resolves with the HTTP status: 101 when accepted. */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    ws.on('error', (error) => reject(error));
  });
}

function httpGet(path: string, host = `127.0.0.1:${server.port}`): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser-mode socket', () => {
  it('prints a loopback URL carrying the token in the fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${TOKEN}`);
  });

  it('serves the bridge to its own origin with the right token', async () => {
    const bridge = await connectSocket(new WebSocket(socketUrl(TOKEN), { origin: server.origin }));
    try {
      const info = await bridge.api.invoke('app.info');
      expect(info).toMatchObject({ mode: 'browser', coreVersion: CORE_VERSION });

      const notice = new Promise((resolve) => bridge.api.on('app.notice', resolve));
      services.events.emit('app.notice', { level: 'info', message: 'hello' });
      await expect(notice).resolves.toEqual({ level: 'info', message: 'hello' });

      await expect(bridge.api.invoke('app.nope' as 'app.info')).rejects.toThrow('Unknown method: app.nope');
    } finally {
      bridge.close();
    }
  });

  it('sends a long frame as ASCII slices that the client joins back into the same value', async () => {
    const bridge = await connectSocket(new WebSocket(socketUrl(TOKEN), { origin: server.origin }));
    const raw = new WebSocket(socketUrl(TOKEN), { origin: server.origin });
    try {
      await new Promise((resolve) => raw.once('open', resolve));
      const messages: string[] = [];
      const rawDone = new Promise<void>((resolve) =>
        raw.on('message', (data) => {
          messages.push(data.toString());
          if (!data.toString().startsWith(SOCKET_PART_MARK)) resolve();
        }),
      );
      // non-ASCII (an ellipsis, an arrow, an astral character) spread over several slices
      const message = `${'x'.repeat(SOCKET_PART_CHARS - 3)}…→😀 ${'{…}, '.repeat(40_000)}end`;
      const notice = new Promise((resolve) => bridge.api.on('app.notice', resolve));
      services.events.emit('app.notice', { level: 'info', message });
      await expect(notice).resolves.toEqual({ level: 'info', message });
      await rawDone;
      expect(messages.length).toBeGreaterThan(2);
      expect(messages.every((m) => m.length <= SOCKET_PART_CHARS + 1 && /^[\x00-\x7f]*$/.test(m))).toBe(true);
      expect(messages.slice(0, -1).every((m) => m.startsWith(SOCKET_PART_MARK))).toBe(true);
      expect(JSON.parse(messages.map((m, i) => (i < messages.length - 1 ? m.slice(1) : m)).join(''))).toEqual({ type: 'event', event: 'app.notice', payload: { level: 'info', message } });
      // a short frame is one message, as before
      const short = new Promise((resolve) => bridge.api.on('app.notice', resolve));
      services.events.emit('app.notice', { level: 'info', message: 'café' });
      await expect(short).resolves.toEqual({ level: 'info', message: 'café' });
    } finally {
      bridge.close();
      raw.close();
    }
  });

  it('also accepts the localhost spelling of its own origin', async () => {
    const status = await upgradeStatus(socketUrl(TOKEN), { Origin: `http://localhost:${server.port}` });
    expect(status).toBe(101);
  });

  it('refuses a connection without the token', async () => {
    expect(await upgradeStatus(socketUrl(null), { Origin: server.origin })).toBe(401);
  });

  it('refuses a connection with a wrong token', async () => {
    expect(await upgradeStatus(socketUrl('wrong-token'), { Origin: server.origin })).toBe(401);
    expect(await upgradeStatus(socketUrl(`${TOKEN}x`), { Origin: server.origin })).toBe(401);
  });

  it('refuses a foreign Origin even with the right token', async () => {
    expect(await upgradeStatus(socketUrl(TOKEN), { Origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(socketUrl(TOKEN), { Origin: `http://127.0.0.1:${server.port + 1}` })).toBe(403);
    expect(await upgradeStatus(socketUrl(TOKEN), { Origin: 'null' })).toBe(403);
  });

  it('refuses a connection with no Origin at all', async () => {
    expect(await upgradeStatus(socketUrl(TOKEN), {})).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const status = await upgradeStatus(socketUrl(TOKEN), { Origin: server.origin, Host: `evil.example:${server.port}` });
    expect(status).toBe(421);
  });

  it('rejects the client when the server refuses it', async () => {
    await expect(connectSocket(new WebSocket(socketUrl('wrong'), { origin: server.origin }))).rejects.toThrow(/refused/);
  });

  it('closes a connection that sends a malformed frame', async () => {
    const ws = new WebSocket(socketUrl(TOKEN), { origin: server.origin });
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));
    ws.send('{"type":"request","id":"one","method":"app.info"}');
    expect(await closed).toBe(1008);
  });
});

describe('browser-mode static files', () => {
  it('serves index.html with the CSP and hardening headers', async () => {
    const res = await httpGet('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Capsule Studio</title>');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await httpGet('/../../../etc/passwd')).status).toBe(404);
    expect((await httpGet('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await httpGet('/missing.js')).status).toBe(404);
  });

  it('refuses a foreign Host header', async () => {
    expect((await httpGet('/', 'evil.example')).status).toBe(421);
  });
});
