/**
 * Electron preload: exposes the bridge as `window.capsule` and nothing else.
 *
 * It runs sandboxed with context isolation, so it only reaches `electron`'s renderer modules and
 * is bundled into one CommonJS file. The renderer gets functions, never `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL, REQUEST_CHANNEL, type Reply } from './api';
import { createClient, isEventMessage, isReply } from './client';

const client = createClient({
  async request(method, params) {
    const reply: unknown = await ipcRenderer.invoke(REQUEST_CHANNEL, method, params);
    return isReply(reply) ? reply : ({ ok: false, error: { message: 'Malformed reply from main' } } satisfies Reply);
  },
});

ipcRenderer.on(EVENT_CHANNEL, (_event, message: unknown) => {
  if (isEventMessage(message)) client.deliver(message);
});

contextBridge.exposeInMainWorld('capsule', client.api);
