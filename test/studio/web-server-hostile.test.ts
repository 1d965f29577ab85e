/**
 * Browser mode's WebSocket under a hostile client (issue 10, item 4): a token replayed from
 * another launch, oversized and binary frames, invalid JSON and request shapes, unknown and
 * prototype-named methods, huge and deeply nested params, a flood of requests. Each gets a
 * clear refusal (an HTTP status, a close code, or an error reply), and a good client connected
 * the whole time keeps being served. (Token, Origin and Host checks themselves are in
 * web-server.test.ts.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CORE_VERSION } from '../../core/version';
import { createServices, type Services } from '../../main/services';
import { startWebServer, type WebServer } from '../../main/web-server';
import { SOCKET_PATH } from '../../preload/api';

let rendererDir: string;
let services: Services;
let first: WebServer;
let second: WebServer;
/** A well-behaved client of `second`, open for the whole file. */
let good: WebSocket;
let goodId = 1;

function socketUrl(server: WebServer, token: string | null): string {
  const url = new URL(SOCKET_PATH, `ws://127.0.0.1:${server.port}`);
  if (token !== null) url.searchParams.set('token', token);
  return url.href;
}

/** Attempts an upgrade: 101 when accepted, else the HTTP status of the refusal. */
function upgradeStatus(url: string, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    ws.on('error', reject);
  });
}

async function open(server: WebServer): Promise<WebSocket> {
  const ws = new WebSocket(socketUrl(server, server.token), { origin: server.origin });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return ws;
}

interface Reply {
  type: 'response';
  id: number;
  ok: boolean;
  result?: unknown;
  error?: { message: string };
}

/** Sends one raw frame and resolves with the reply to `id`, or the close code if the server closes. */
function exchange(ws: WebSocket, frame: string | Buffer, id: number | null, binary = false): Promise<{ reply?: Reply; closed?: number; reason?: string }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString()) as Reply;
      if (m.type === 'response' && m.id === id) {
        ws.off('message', onMessage);
        resolve({ reply: m });
      }
    };
    ws.on('message', onMessage);
    ws.once('close', (code: number, reason: Buffer) => resolve({ closed: code, reason: reason.toString() }));
    ws.on('error', () => {}); // the close event carries the outcome
    ws.send(frame, { binary });
  });
}

/** The good client is still served: a real request answered correctly. */
async function goodClientServed(): Promise<void> {
  const id = goodId++;
  const r = await exchange(good, JSON.stringify({ type: 'request', id, method: 'app.info' }), id);
  expect(r.reply).toMatchObject({ ok: true, result: { mode: 'browser', coreVersion: CORE_VERSION } });
}

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'capsule-web-hostile-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Capsule Studio</title>');
  services = createServices({ mode: 'browser' });
  // two launches, each with its own random token (no token option: as `npm run start:web` does)
  first = await startWebServer({ rendererDir, services });
  second = await startWebServer({ rendererDir, services });
  good = await open(second);
});

afterAll(async () => {
  good?.close();
  await first?.close();
  await second?.close();
  services?.dispose();
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('browser-mode socket under a hostile client', () => {
  it('a token from another launch does not open this one', async () => {
    expect(first.token).not.toBe(second.token);
    expect(await upgradeStatus(socketUrl(second, first.token), second.origin)).toBe(401);
    expect(await upgradeStatus(socketUrl(first, second.token), first.origin)).toBe(401);
    // each launch's own token still works, and only with its own origin
    expect(await upgradeStatus(socketUrl(first, first.token), first.origin)).toBe(101);
    expect(await upgradeStatus(socketUrl(second, second.token), first.origin)).toBe(403);
    await goodClientServed();
  });

  it('an oversized frame (over the 1 MiB limit, and 100 MB) closes that connection with 1009', async () => {
    const ws = await open(second);
    const r = await exchange(ws, JSON.stringify({ type: 'request', id: 1, method: 'app.info', params: 'x'.repeat(1024 * 1024) }), 1);
    expect(r.closed).toBe(1009);
    const ws2 = await open(second);
    const r2 = await exchange(ws2, Buffer.alloc(100 * 1024 * 1024, 0x20), 1);
    expect(r2.closed).toBe(1009);
    await goodClientServed();
  });

  it('binary frames, invalid JSON and malformed request shapes close that connection with 1008', async () => {
    const frames: [string | Buffer, boolean][] = [
      [Buffer.from(JSON.stringify({ type: 'request', id: 1, method: 'app.info' })), true],
      [Buffer.from([0xff, 0xfe, 0x00, 0x01]), true],
      ['{"type":"request","id":1,"method":"app.info"', false],
      ['', false],
      ['null', false],
      ['[1,2,3]', false],
      ['"app.info"', false],
      ['{"type":"response","id":1,"ok":true}', false],
      ['{"type":"request","id":1.5,"method":"app.info"}', false],
      ['{"type":"request","id":9007199254740993,"method":"app.info"}', false],
      ['{"type":"request","id":1,"method":["app.info"]}', false],
      ['{"type":"request","id":1}', false],
    ];
    for (const [frame, binary] of frames) {
      const ws = await open(second);
      const r = await exchange(ws, frame, 1, binary);
      expect({ frame: String(frame).slice(0, 60), closed: r.closed, reason: r.reason }).toEqual({ frame: String(frame).slice(0, 60), closed: 1008, reason: 'Malformed request' });
    }
    await goodClientServed();
  });

  it('unknown and prototype-named methods get an error reply; the connection stays open', async () => {
    const ws = await open(second);
    const names = ['app.nope', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'x'.repeat(10_000), ''];
    for (const [i, method] of names.entries()) {
      const r = await exchange(ws, JSON.stringify({ type: 'request', id: i + 1, method }), i + 1);
      expect(r.reply?.ok).toBe(false);
      expect(r.reply?.error?.message).toMatch(/^Unknown method: /);
      expect(r.reply!.error!.message.length).toBeLessThan(200);
    }
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
    await goodClientServed();
  });

  it('huge and deeply nested params get a clear error reply, not a crash', async () => {
    const ws = await open(second);
    const deep = '['.repeat(400_000) + ']'.repeat(400_000);
    const cases: [string, unknown][] = [
      ['app.info', { junk: 'x'.repeat(900_000) }],
      ['session.start', { source: 'x'.repeat(900_000), seed: 'not a number' }],
      ['session.start', { source: 1, limits: { instructions: -1 } }],
      ['session.continue', { sessionId: 'nope', answers: Array.from({ length: 30_000 }, (_, i) => ({ id: i, value: i })) }],
      ['session.snapshot', { sessionId: '__proto__' }],
      ['session.close', []],
    ];
    let id = 100;
    for (const [method, params] of cases) {
      const r = await exchange(ws, JSON.stringify({ type: 'request', id: ++id, method, params }), id);
      expect(r.reply, `${method}`).toBeDefined();
      expect(r.reply!.ok, `${method}`).toBe(false);
      expect(r.reply!.error!.message.length).toBeLessThan(500);
      expect(r.reply!.error!.message).not.toMatch(/\/work\/|node_modules|at .*\(.*:\d+:\d+\)/);
    }
    // deep nesting: 800 KB of brackets as params
    const r = await exchange(ws, `{"type":"request","id":999,"method":"session.start","params":${deep}}`, 999);
    expect(r.reply?.ok).toBe(false);
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
    await goodClientServed();
  });

  it('a flood of requests is answered in full, and the good client is served meanwhile', async () => {
    const ws = await open(second);
    const replies: Reply[] = [];
    const all = new Promise<void>((resolve) =>
      ws.on('message', (data) => {
        replies.push(JSON.parse(data.toString()) as Reply);
        if (replies.length === 2000) resolve();
      }),
    );
    for (let i = 1; i <= 2000; i++) ws.send(JSON.stringify({ type: 'request', id: i, method: i % 2 ? 'app.info' : 'app.flood' }));
    await goodClientServed();
    await all;
    expect(new Set(replies.map((r) => r.id)).size).toBe(2000);
    expect(replies.filter((r) => r.ok).length).toBe(1000);
    ws.close();
    await goodClientServed();
  });
});
