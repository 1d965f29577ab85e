/**
 * The run-configuration store lists the scenarios once the bridge is up, even when a view asked
 * for them before (the Testing view mounts before a slow connection completes): a refresh that
 * failed for want of a connection must not answer every later refresh.
 */
import { describe, expect, it } from 'vitest';
import type { CapsuleApi } from '../../preload/api';
import { connect } from '../../renderer/src/stores/bridge';
import { refreshScenarios, runconfig } from '../../renderer/src/stores/runconfig';

const SUITE = { file: 'a.scenarios.json', script: 'a.js', scenarios: [] };

function fakeApi(): { api: CapsuleApi; lists: number } {
  const state = { lists: 0, api: null as unknown as CapsuleApi };
  state.api = {
    invoke: async (method: string) => {
      if (method === 'app.info') return { appVersion: 'test', mode: 'browser', platform: 'linux', coreVersion: 'test' };
      if (method === 'scenario.list') {
        state.lists++;
        return { suites: [SUITE], problems: [] };
      }
      throw new Error(`unexpected ${method}`);
    },
    on: () => () => {},
  } as unknown as CapsuleApi;
  return state;
}

describe('run-configuration store', () => {
  it('lists the scenarios after a refresh that came before the connection', async () => {
    await refreshScenarios();
    expect(runconfig.error).toMatch(/Not connected/);
    expect(runconfig.loaded).toBe(false);

    const fake = fakeApi();
    (globalThis as { window?: unknown }).window = { capsule: fake.api };
    await connect(); // wakes the store's whenConnected listener, which refreshes
    await refreshScenarios(); // and a view's own refresh
    expect(runconfig.error).toBeNull();
    expect(runconfig.loaded).toBe(true);
    expect(runconfig.suites).toEqual([SUITE]);
    expect(fake.lists).toBeGreaterThanOrEqual(1);
  });
});
