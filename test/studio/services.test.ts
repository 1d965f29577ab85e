import { describe, expect, it, vi } from 'vitest';
import { CORE_VERSION } from '../../core/version';
import { EventHub } from '../../main/services/events';
import { createServices } from '../../main/services';
import { version } from '../../package.json';

describe('createServices', () => {
  it('answers app.info with versions, platform and the host mode', async () => {
    const services = createServices({ mode: 'browser' });
    await expect(services.handle('app.info', undefined)).resolves.toEqual({
      ok: true,
      result: { appVersion: version, coreVersion: CORE_VERSION, platform: process.platform, mode: 'browser' },
    });
    const electron = await createServices({ mode: 'electron' }).handle('app.info', null);
    expect(electron).toMatchObject({ ok: true, result: { mode: 'electron' } });
  });

  it('refuses parameters for a method that takes none', async () => {
    const reply = await createServices({ mode: 'browser' }).handle('app.info', { x: 1 });
    expect(reply).toEqual({ ok: false, error: { message: 'This method takes no parameters' } });
  });

  it.each([['app.nope'], ['constructor'], ['__proto__'], ['toString'], [42], [null], [{ method: 'app.info' }]])(
    'refuses unknown method %j without throwing',
    async (method) => {
      const reply = await createServices({ mode: 'browser' }).handle(method, undefined);
      expect(reply.ok).toBe(false);
      expect(reply).toMatchObject({ error: { message: expect.stringMatching(/^Unknown method/) } });
    },
  );
});

describe('EventHub', () => {
  it('delivers to subscribers until they unsubscribe', () => {
    const hub = new EventHub();
    const seen = vi.fn();
    const unsubscribe = hub.subscribe(seen);
    hub.emit('app.notice', { level: 'info', message: 'one' });
    unsubscribe();
    hub.emit('app.notice', { level: 'info', message: 'two' });
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen).toHaveBeenCalledWith({ event: 'app.notice', payload: { level: 'info', message: 'one' } });
  });
});
