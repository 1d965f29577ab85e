/**
 * The UI bench (`npm run bench:ui`, and the `ui` section of `npm run bench`): does the studio's
 * renderer stay responsive on big data? It builds the app when out/ is older than its sources,
 * starts browser mode (the e2e tests' server code) on a generated temporary workspace, drives
 * real Chromium with Playwright and, per scenario, records how long the page's main thread was
 * blocked: `longtask` entries (a PerformanceObserver, buffered: every task over 50 ms) and the
 * longest gap between two requestAnimationFrame callbacks (what the user sees as a frozen frame,
 * style/layout/paint included). docs/BENCH.md has the method and the latest figures.
 *
 * Scenarios: a script holding 10 000 guest objects paused at a breakpoint, its heap in the Heap
 * panel (graph, table, sort, search, retainers, a comparison of two pauses); a 1 000-node timeline
 * file loaded in the Timeline panel, nodes selected by click and keyboard (bench/ui-timeline.ts).
 * Nothing here is asserted: it prints a table, it is not a test.
 *
 * Environment: BENCH_UI_RUNS (default 3) runs, each on a fresh server and page; BENCH_UI_PROFILE=DIR
 * writes a CPU profile per scenario; BENCH_UI_SCREENSHOTS=DIR a screenshot after the heap and the
 * timeline scenarios; BENCH_UI_HEADED=1 shows the browser; CAPSULE_CHROMIUM picks it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath, root, startStudio } from '../test/e2e/server';
import { fmtMs, median, table } from './stats';
import { TIMELINE_NODES, TIMELINE_SCRIPT, timelineScenarios, writeTimelineWorkspace } from './ui-timeline';

/** One scenario's figures in one run. */
export interface UiSample {
  scenario: string;
  /** Longest `longtask` entry, ms (0 when none: no task over 50 ms). */
  longestTaskMs: number;
  /** Longest time between two animation frames, ms. */
  longestFrameGapMs: number;
  /**
   * CPU time of the page's longest task on its main thread (Chromium's trace: thread time of
   * the longest top-level task), ms: what the task costs whatever else the machine runs.
   */
  longestTaskCpuMs: number;
  longTasks: number;
  /** Wall time of the scenario's action until its result showed, ms. */
  wallMs: number;
  /** Set when the scenario could not run. */
  error?: string;
}

/** One scenario over every run (runs where it failed are left out; `error` says why). */
export interface UiRow {
  scenario: string;
  runs: UiSample[];
  error?: string;
}

/** The bound the issue sets: the UI thread is never blocked for longer than this. */
export const UI_BOUND_MS = 100;

export const HEAP_OBJECTS = 10_000;
const HEAP_SCRIPT = 'heap-10k.js';
/** The lines of the two breakpoints in {@link heapSource}. */
const PAUSE_LINES = [6, 9];

/**
 * 10 000 objects in a binary tree (each holds its parent), a breakpoint; 1 000 more and 100
 * changed, a breakpoint. (Breakpoints set with F9, as a user sets them; a `debugger;`
 * statement would stop there too.)
 */
function heapSource(): string {
  return [
    `// The UI bench's heap: ${HEAP_OBJECTS} objects, each holding its parent (a binary tree).`,
    'const items = [];',
    `for (let i = 0; i < ${HEAP_OBJECTS}; i++) {`,
    "  items.push({ id: i, name: 'item ' + i, parent: i > 0 ? items[(i - 1) >> 1] : null });",
    '}',
    'const extra = [];',
    'for (let i = 0; i < 1000; i++) extra.push({ id: 10000 + i, of: items[i * 10] });',
    "for (let i = 0; i < 100; i++) items[i].name = 'renamed ' + i;",
    'const total = items.length + extra.length;',
    'total',
    '',
  ].join('\n');
}

/** Writes the generated workspace into a new temporary folder: the heap script, and the timeline script with its file. */
function makeWorkspace(print: (line: string) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'capsule-uibench-')), 'workspace');
  mkdirSync(join(dir, '.capsule'), { recursive: true });
  writeFileSync(join(dir, HEAP_SCRIPT), heapSource());
  writeFileSync(join(dir, '.capsule/settings.json'), `${JSON.stringify({ openOnStart: [HEAP_SCRIPT] }, null, 2)}\n`);
  const ms = writeTimelineWorkspace(dir);
  print(`ui: workspace ${dir}: ${HEAP_SCRIPT}, ${TIMELINE_SCRIPT} and its ${TIMELINE_NODES}-node timeline (made in ${(ms / 1000).toFixed(1)} s)`);
  return dir;
}

// ---------------------------------------------------------------------------------------
// building

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

/** Runs `electron-vite build` when out/ is missing or older than any source it is built from. */
function buildIfNeeded(print: (line: string) => void): void {
  const outputs = ['out/main/web.js', 'out/renderer/index.html'].map((p) => join(root, p));
  const sources = ['main', 'preload', 'renderer', 'core', 'electron.vite.config.ts', 'package.json'].map((p) => join(root, p));
  const built = outputs.every((p) => existsSync(p)) ? Math.min(...outputs.map((p) => statSync(p).mtimeMs)) : 0;
  const newest = Math.max(...sources.filter((p) => existsSync(p)).map(newestMtime));
  if (built >= newest) {
    print('ui: out/ is up to date with its sources; not rebuilding');
    return;
  }
  const t0 = performance.now();
  execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'ignore' });
  print(`ui: built the app with electron-vite in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// ---------------------------------------------------------------------------------------
// measuring in the page

// The functions below run in the page. This file is type-checked without the DOM library (it
// is Node code), so the few page globals they use are declared here, for this module only.
interface PageElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
}
declare const document: { querySelector(selector: string): PageElement | null; querySelectorAll(selector: string): Iterable<PageElement> };
declare const window: { __uiBench: Probe };
declare function requestAnimationFrame(callback: (time: number) => void): number;
declare class PerformanceObserver {
  constructor(callback: (list: { getEntries(): { startTime: number; duration: number }[] }) => void);
  observe(options: { type: string; buffered: boolean }): void;
}

interface Probe {
  reset(): void;
  collect(): { longest: number; count: number; gap: number };
}

/**
 * Installed before the app's own scripts: a buffered longtask observer and a rAF loop. `reset`
 * starts a scenario's window; `collect` reads the long tasks that started in it and the longest
 * frame gap seen since (the gap from `reset` to the first frame counts too).
 */
function installProbe(): void {
  const tasks: { start: number; duration: number }[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  let since = performance.now();
  let last = since;
  let gap = 0;
  const frame = (t: number) => {
    // rAF's timestamp is the frame's start; a callback may run with t slightly before `last`
    const now = Math.max(t, performance.now());
    if (now - last > gap) gap = now - last;
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const probe: Probe = {
    reset() {
      since = performance.now();
      last = since;
      gap = 0;
    },
    collect() {
      const mine = tasks.filter((t) => t.start + t.duration >= since);
      return { longest: Math.max(0, ...mine.map((t) => t.duration)), count: mine.length, gap };
    },
  };
  window.__uiBench = probe;
}

/** Waits for two frames and a quiet moment, so the last gap and the observer's entries are in. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 250)));
      }),
  );
}

/** BENCH_UI_PROFILE=DIR: a CPU profile of each scenario's page (DIR/NN-name.cpuprofile, for DevTools). */
const profileDir = process.env['BENCH_UI_PROFILE']?.trim() || null;
let profiled = 0;
/** BENCH_UI_TRACE=DIR: each scenario's Chromium trace (DIR/NN-name.json, for DevTools' Performance panel). */
const traceDir = process.env['BENCH_UI_TRACE']?.trim() || null;
let traced = 0;

/** Runs one scenario's action between a reset and a collect of the probe. */
async function measure(page: Page, scenario: string, action: () => Promise<void>): Promise<UiSample> {
  await settle(page);
  const cdp = profileDir ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  // BENCH_UI_TRACE: the timeline's own categories too (what each task ran), for DevTools' Performance panel
  await page.context().browser()?.startTracing(page, { categories: traceDir ? ['toplevel', 'devtools.timeline', 'v8.execute', 'blink.user_timing'] : ['toplevel'] });
  await page.evaluate(() => window.__uiBench.reset());
  const t0 = performance.now();
  try {
    await action();
    if (cdp && profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(profileDir, { recursive: true });
      const file = `${String(++profiled).padStart(2, '0')}-${scenario.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.cpuprofile`;
      writeFileSync(join(profileDir, file), JSON.stringify(profile));
      await cdp.detach();
    }
  } catch (error) {
    const shot = join(tmpdir(), `capsule-uibench-failed-${Date.now()}.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    await page.context().browser()?.stopTracing().catch(() => undefined);
    const message = `${(error as Error).message.split('\n')[0]} (screenshot: ${shot})`;
    return { scenario, longestTaskMs: NaN, longestFrameGapMs: NaN, longestTaskCpuMs: NaN, longTasks: 0, wallMs: NaN, error: message };
  }
  const wallMs = performance.now() - t0;
  await settle(page);
  const m = await page.evaluate(() => window.__uiBench.collect());
  const trace = await page.context().browser()?.stopTracing();
  if (trace && traceDir) {
    mkdirSync(traceDir, { recursive: true });
    writeFileSync(join(traceDir, `${String(++traced).padStart(2, '0')}-${scenario.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.json`), trace);
  }
  const longestTaskCpuMs = trace ? longestMainThreadTask(trace) : NaN;
  return { scenario, longestTaskMs: m.longest, longestFrameGapMs: m.gap, longestTaskCpuMs, longTasks: m.count, wallMs };
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** The thread time (ms) of the longest top-level task on a renderer main thread of a Chromium trace. */
function longestMainThreadTask(trace: Buffer): number {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const main = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let longest = 0;
  for (const e of traceEvents) {
    if (e.ph === 'X' && e.tdur !== undefined && main.has(`${e.pid}:${e.tid}`) && /RunTask$/.test(e.name)) longest = Math.max(longest, e.tdur / 1000);
  }
  return longest;
}

/** Waits until `locator` is visible (a scenario's result is on screen). */
async function shown(locator: Locator, timeout = 60_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}

async function statusContains(page: Page, text: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('[aria-label="Status Bar"]')?.textContent?.includes(t) ?? false, text, { timeout });
}

// ---------------------------------------------------------------------------------------
// scenarios

/** A measured scenario: its name and the action, which resolves once its result is on screen. */
type Scenario = [name: string, action: () => Promise<void>];

/** Runs scenarios in order into `rows`; stops at the first that fails (the later ones build on it). */
async function runScenarios(page: Page, scenarios: Scenario[], rows: UiSample[]): Promise<void> {
  for (const [name, action] of scenarios) {
    const row = await measure(page, name, action);
    rows.push(row);
    if (row.error) return;
  }
}

const GRID = '[role="grid"][aria-label="Heap objects"]';

/** Whether the heap table's column `label` is sorted in `direction` (run in the page). */
function sortedBy({ label, direction }: { label: string; direction: string }): boolean {
  const header = [...document.querySelectorAll('[role="columnheader"]')].find((h) => h.textContent?.includes(label));
  return header?.getAttribute('aria-sort') === direction;
}

function heapScenarios(page: Page): Scenario[] {
  const editor = page.getByRole('textbox', { name: `Editor: ${HEAP_SCRIPT}` });
  const panel = page.getByRole('tabpanel', { name: 'Heap' });
  const search = panel.getByRole('searchbox', { name: 'Search heap' });
  const grid = panel.getByRole('grid', { name: 'Heap objects' });
  // aria-busy while the drawing is being built
  const graph = panel.getByRole('img', { name: /Heap graph: \d+ objects drawn/ }).and(panel.locator('[aria-busy="false"]'));
  const firstRow = grid.locator('[aria-rowindex="2"]');
  return [
    [
      `debug: run to a pause with ${HEAP_OBJECTS} objects`,
      async () => {
        await shown(editor);
        await editor.click();
        for (const line of PAUSE_LINES) {
          await page.keyboard.press('Control+Home');
          for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
          await statusContains(page, `Ln ${line},`);
          await page.keyboard.press('F9');
        }
        await page.keyboard.press('F5');
        await statusContains(page, `${HEAP_SCRIPT}:${PAUSE_LINES[0]}`);
      },
    ],
    [
      'heap: open the panel',
      async () => {
        await page.getByRole('tab', { name: 'Heap', exact: true }).click();
        await shown(panel.getByRole('button', { name: 'Take Snapshot' }));
      },
    ],
    [
      'heap: snapshot → graph (summarised)',
      async () => {
        await panel.getByRole('button', { name: 'Take Snapshot' }).click();
        await shown(graph);
      },
    ],
    [
      'heap: graph search typed (all match) + Enter',
      async () => {
        // every object matches (they are highlighted); Enter selects the first
        await search.click();
        await search.pressSequentially('object', { delay: 30 });
        await search.press('Enter');
        await shown(panel.getByRole('complementary', { name: 'Selected object' }));
        await search.fill('');
      },
    ],
    [
      'heap: table view',
      async () => {
        await panel.getByRole('radio', { name: 'Table' }).click();
        await shown(firstRow);
      },
    ],
    [
      'heap: sort by retained size (asc, desc)',
      async () => {
        const header = grid.getByRole('columnheader', { name: /Retained Size/ });
        await header.click();
        await page.waitForFunction(sortedBy, { label: 'Retained', direction: 'ascending' });
        await header.click();
        await page.waitForFunction(sortedBy, { label: 'Retained', direction: 'descending' });
      },
    ],
    [
      'heap: sort by preview (strings)',
      async () => {
        await grid.getByRole('columnheader', { name: /^Preview/ }).click();
        await page.waitForFunction(sortedBy, { label: 'Preview', direction: 'ascending' });
      },
    ],
    [
      'heap: table scroll to the end and back',
      async () => {
        const body = grid.locator('.body');
        await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
        // the last row (its aria-rowindex is the grid's aria-rowcount) is rendered
        await page.waitForFunction((sel) => {
          const g = document.querySelector(sel);
          return g !== null && g.querySelector(`[aria-rowindex="${g.getAttribute('aria-rowcount')}"]`) !== null;
        }, GRID);
        await body.evaluate((el) => el.scrollTo({ top: 0 }));
        await shown(firstRow);
      },
    ],
    [
      'heap: table search typed',
      async () => {
        await search.click();
        await search.pressSequentially('array', { delay: 30 });
        await page.waitForFunction((sel) => Number(document.querySelector(sel)?.getAttribute('aria-rowcount')) < 200, GRID);
      },
    ],
    [
      'heap: select an object → retainers',
      async () => {
        await firstRow.click();
        await shown(panel.getByRole('list', { name: 'Retainers' }).getByRole('listitem'));
        await search.fill('');
        await page.waitForFunction((sel) => Number(document.querySelector(sel)?.getAttribute('aria-rowcount')) > 1000, GRID);
      },
    ],
    [
      'debug: continue to the second pause',
      async () => {
        await editor.click();
        await page.keyboard.press('F5');
        await statusContains(page, `${HEAP_SCRIPT}:${PAUSE_LINES[1]}`);
      },
    ],
    [
      'heap: second snapshot (table)',
      async () => {
        await panel.getByRole('button', { name: 'Take Snapshot' }).click();
        await page.waitForFunction(() => document.querySelector('select[aria-label="Snapshot"] option:checked')?.getAttribute('value') === '1', undefined, { timeout: 60_000 });
        await shown(firstRow);
      },
    ],
    [
      'heap: compare the two snapshots (diff)',
      async () => {
        await panel.getByRole('combobox', { name: 'Compare with' }).selectOption({ index: 1 });
        await page.waitForFunction(() => /\+\d+ new/.test(document.querySelector('[aria-label="Heap comparison"]')?.textContent ?? ''));
      },
    ],
    [
      'heap: the comparison in the graph',
      async () => {
        await panel.getByRole('radio', { name: 'Graph' }).click();
        await shown(graph);
      },
    ],
  ];
}

// ---------------------------------------------------------------------------------------
// the run

/** Runs of every scenario (BENCH_UI_RUNS, default 3): each on a fresh workspace, server and page. */
const RUNS = Math.max(1, Number(process.env['BENCH_UI_RUNS'] ?? 3) || 3);

/** One run: a generated workspace served by browser mode, one page, every scenario in order. */
async function runOnce(browser: Browser, print: (line: string) => void): Promise<UiSample[]> {
  const workspace = makeWorkspace(print);
  const server = await startStudio(workspace);
  const samples: UiSample[] = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // tsx (esbuild, keepNames) wraps named functions in `__name(…)`; functions sent to the page need it too
    await page.addInitScript({ content: `globalThis.__name = (f) => f;\n(${installProbe.toString()})();` });
    await page.goto(server.url);
    const shots = process.env['BENCH_UI_SCREENSHOTS']?.trim();
    for (const [group, scenarios] of [
      ['heap', heapScenarios(page)],
      ['timeline', timelineScenarios(page)],
    ] as const) {
      await runScenarios(page, scenarios, samples);
      if (shots) await page.screenshot({ path: join(shots, `ui-bench-${group}.png`) });
    }
    if (errors.length) print(`ui: page errors: ${errors.join(' | ')}`);
  } finally {
    await context.close();
    await server.stop();
    rmSync(join(workspace, '..'), { recursive: true, force: true });
  }
  return samples;
}

/** Builds if needed, runs every scenario in Chromium {@link RUNS} times, and returns the rows (printed with {@link uiTable}). */
export async function runUiBench(print: (line: string) => void): Promise<UiRow[]> {
  buildIfNeeded(print);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: process.env['BENCH_UI_HEADED'] !== '1' });
  const rows: UiRow[] = [];
  try {
    print(`ui: Chromium ${browser.version()} (${chromiumPath}), 1280×800, ${RUNS} runs; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} cores`);
    for (let run = 0; run < RUNS; run++) {
      for (const sample of await runOnce(browser, print)) {
        let row = rows.find((r) => r.scenario === sample.scenario);
        if (!row) rows.push((row = { scenario: sample.scenario, runs: [] }));
        if (sample.error) row.error = sample.error;
        else row.runs.push(sample);
      }
    }
    print(`ui: load average after ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  } finally {
    await browser.close();
  }
  return rows;
}

/** The printed table: per scenario the worst and the median run, and whether every run stayed within the bound. */
export function uiTable(rows: readonly UiRow[]): string {
  const task = (ms: number) => (ms ? fmtMs(ms) : '< 50');
  const within = (s: UiSample) => s.longestTaskMs <= UI_BOUND_MS && s.longestFrameGapMs <= UI_BOUND_MS;
  const body = rows.map((r) => {
    if (!r.runs.length) return [r.scenario, '—', '—', '—', '—', '—', '—', '—', 'failed (below)'];
    const tasks = r.runs.map((x) => x.longestTaskMs);
    const gaps = r.runs.map((x) => x.longestFrameGapMs);
    const ok = r.runs.every(within) && !r.error;
    return [
      r.scenario,
      task(Math.max(...tasks)),
      task(median(tasks)),
      fmtMs(Math.max(...gaps)),
      fmtMs(median(gaps)),
      fmtMs(Math.max(...r.runs.map((x) => x.longestTaskCpuMs))),
      r.runs.map((x) => x.longTasks).join(' '),
      fmtMs(median(r.runs.map((x) => x.wallMs))),
      ok ? 'yes' : r.error ? 'NO (failed once, below)' : 'NO',
    ];
  });
  const all = rows.flatMap((r) => r.runs);
  if (all.length) {
    const ok = rows.every((r) => !r.error && r.runs.every(within));
    body.push([
      'all scenarios (worst run)',
      task(Math.max(...all.map((x) => x.longestTaskMs))),
      '',
      fmtMs(Math.max(...all.map((x) => x.longestFrameGapMs))),
      '',
      fmtMs(Math.max(...all.map((x) => x.longestTaskCpuMs))),
      String(all.reduce((n, x) => n + x.longTasks, 0)),
      '',
      ok ? 'yes' : 'NO',
    ]);
  }
  const failures = rows.filter((r) => r.error).map((r) => `failed: ${r.scenario}: ${r.error}`);
  return [table(
    ['scenario', 'longest task ms', '(median)', 'longest rAF gap ms', '(median)', 'task CPU ms', 'long tasks per run', 'wall ms', `≤ ${UI_BOUND_MS} ms in every run`],
    body,
    [body.length - 1],
  ), ...failures].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  runUiBench((line) => console.log(line))
    .then((rows) => {
      console.log(uiTable(rows));
      console.log(`ui bench: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
