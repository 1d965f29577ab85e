import { describe, expect, it, vi } from 'vitest';
import { createClient, isReply } from '../../preload/client';

describe('createClient', () => {
  it('resolves with the result and rejects with the service message', async () => {
    const request = vi
      .fn()
      .mockResolvedValueOnce({ ok: true, result: { mode: 'browser' } })
      .mockResolvedValueOnce({ ok: false, error: { message: 'nope' } });
    const { api } = createClient({ request });
    await expect(api.invoke('app.info')).resolves.toEqual({ mode: 'browser' });
    await expect(api.invoke('app.info')).rejects.toThrow('nope');
    expect(request).toHaveBeenCalledWith('app.info', undefined);
  });

  it('delivers events to each listener, isolating a throwing one', () => {
    const client = createClient({ request: vi.fn() });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const good = vi.fn();
    client.api.on('app.notice', () => {
      throw new Error('listener bug');
    });
    const off = client.api.on('app.notice', good);
    client.deliver({ event: 'app.notice', payload: { level: 'info', message: 'hi' } });
    off();
    client.deliver({ event: 'app.notice', payload: { level: 'info', message: 'again' } });
    expect(good).toHaveBeenCalledTimes(1);
    expect(good).toHaveBeenCalledWith({ level: 'info', message: 'hi' });
    expect(error).toHaveBeenCalledTimes(2); // the throwing listener is still subscribed
    error.mockRestore();
  });

  it('recognises replies', () => {
    expect(isReply({ ok: true, result: 1 })).toBe(true);
    expect(isReply({ ok: false, error: { message: 'x' } })).toBe(true);
    expect(isReply({ ok: false, error: 'x' })).toBe(false);
    expect(isReply({ ok: true })).toBe(false);
    expect(isReply(null)).toBe(false);
  });
});
