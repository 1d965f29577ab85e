/**
 * The heat map store: per-line instruction counts of the active script, from a profiling run
 * (`profile { action: 'start' }`) in a session of its own with the script's mocks, so it never
 * disturbs a debug session. The editor draws them (editor/heatmap.ts) while the toggle is on.
 */
import { reactive, watch } from 'vue';
import type { CapsuleApi, SessionStartParams, SessionView } from '../../../preload/api';
import { activeEditor, activePath } from '../editor/active';
import { setHeat, type HeatData, type LineHeat } from '../editor/heatmap';
import { api, messageOf } from './bridge';
import { mocksFor } from './mocks';
import { selectedConfig } from './runconfig';
import { documents } from './workspace';

/** What `profile` returns when the run completes (core/debug/profile.ts `Profile`, the parts used here). */
interface ProfileResult {
  status: 'completed' | 'suspended';
  profile?: {
    lines: LineHeat[];
    functions: { index: number; name: string; line: number; instructions: number }[];
    unattributed: number;
    outcome: { status: string; instructions?: number };
    samples: { instructions: number }[];
  };
}

export const heatmap = reactive({
  /** The toggle: the active script's heat map is shown. */
  enabled: false,
  /** A profiling run is on its way. */
  busy: false,
  /** Why the last profiling run gave no heat map (readable). */
  error: null as string | null,
});

/** Profiles by path, with the text they were taken of (a changed text is profiled again; so is another configuration). */
const cache = new Map<string, { key: string; data: HeatData }>();

/** A readable account of why a profiling session did not complete. */
function failure(view: SessionView): string {
  if (view.status === 'waiting') {
    const names = [...new Set((view.calls ?? []).map((c) => c.capability))].join(', ');
    return `The profiling run waits for an answer to ${names || 'a capability call'}: the heat map needs a mock for every capability it calls.`;
  }
  if (view.error) {
    const e = view.error;
    if (e.diagnostics?.length) return `The script has problems: ${e.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`;
    return `The profiling run failed: ${e.kind === 'Runtime' ? `Uncaught ${e.name}` : e.name}: ${e.message}`;
  }
  return `The profiling run ended ${view.status}.`;
}

/** Why a profiling run gave no profile; `sidecar`: its process went away (worth one more try). */
class ProfileError extends Error {
  constructor(
    message: string,
    readonly sidecar: boolean,
  ) {
    super(message);
  }
}

/**
 * Runs the script once under the profiler (with its mocks) and returns its per-line counts.
 * A sidecar that went away (a crash, or its watchdog on a starved machine) is tried once more.
 */
export async function profileScript(bridge: CapsuleApi, params: SessionStartParams): Promise<HeatData> {
  try {
    return await profileOnce(bridge, params);
  } catch (error) {
    if (error instanceof ProfileError && error.sidecar) return profileOnce(bridge, params);
    throw error;
  }
}

async function profileOnce(bridge: CapsuleApi, params: SessionStartParams): Promise<HeatData> {
  const start = await bridge.invoke('session.start', { ...params, debug: true });
  try {
    if (start.status === 'failed') throw new ProfileError(failure(start), start.error?.kind === 'Sidecar');
    const { view, result } = await bridge.invoke('session.debug', { id: start.id, command: 'profile', args: { action: 'start' } });
    const r = result as ProfileResult | null;
    if (!r || r.status !== 'completed' || !r.profile) throw new ProfileError(failure(view), view.error?.kind === 'Sidecar');
    const p = r.profile;
    const total = p.outcome.instructions ?? p.samples.at(-1)?.instructions ?? p.lines.reduce((n, l) => n + l.instructions, 0);
    return { lines: p.lines, total, outcome: p.outcome.status };
  } finally {
    void bridge.invoke('session.close', { id: start.id }).catch(() => {});
  }
}

function show(data: HeatData | null): void {
  activeEditor.value?.dispatch({ effects: setHeat.of(data) });
}

/** Shows the active script's heat map, profiling it first unless its text was profiled already. */
async function refresh(): Promise<void> {
  const path = activePath.value;
  const doc = path === null ? undefined : documents.get(path);
  if (!path || !doc) return;
  const cached = cache.get(path);
  const key = `${selectedConfig(path)?.name ?? ''}\n${doc.text}`;
  if (cached && cached.key === key) {
    show(cached.data);
    return;
  }
  heatmap.busy = true;
  heatmap.error = null;
  try {
    const text = doc.text;
    // the run configuration Run would use: its inputs, limits, seed and clock
    const config = selectedConfig(path);
    const data = await profileScript(api(), {
      source: text,
      mocks: mocksFor(path),
      ...(config ? { inputs: config.inputs, limits: config.limits, seed: config.seed, now: config.now } : {}),
    });
    cache.set(path, { key, data });
    // still wanted, and still the same document?
    if (heatmap.enabled && activePath.value === path) show(data);
  } catch (error) {
    heatmap.error = messageOf(error);
    if (activePath.value === path) show(null);
  } finally {
    heatmap.busy = false;
  }
}

/** The "Heat Map" toggle. Turning it on profiles the active script (again, if it changed). */
export async function toggleHeatMap(): Promise<void> {
  heatmap.enabled = !heatmap.enabled;
  heatmap.error = null;
  if (heatmap.enabled) await refresh();
  else show(null);
}

// Another tab: show (or take) its profile while the heat map is on; editor states keep their
// marks, so a tab last seen with the heat map on is cleared while it is off.
watch(activePath, () => {
  if (heatmap.enabled) void refresh();
  else show(null);
});
