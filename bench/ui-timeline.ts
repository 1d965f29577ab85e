/**
 * The UI bench's timeline scenarios (bench/ui.ts): a 1 000-node timeline file made with core's
 * Timeline API (core/debug/timeline.ts) for a script of the generated workspace, loaded through
 * the Timeline panel, then nodes selected by click and by keyboard.
 *
 * The file is signed with the workspace's timeline key (`.capsule/timeline.key`, which the
 * bench writes first, as the studio would), so its nodes restore into the debugger too.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { Timeline } from '../core/debug/timeline';
import { compile } from '../core/index';
import { TIMELINE_KEY_PATH } from '../main/services/timelines';

export const TIMELINE_NODES = 1000;
export const TIMELINE_SCRIPT = 'timeline-1000.js';
const TIMELINE_FILE = `.capsule/timelines/${TIMELINE_SCRIPT.replace(/\.js$/, '')}.timeline`;

/** 40 suspensions per run; answers that differ fork it. */
const SOURCE = [
  "// The UI bench's timeline: every step() waits for an answer; other answers fork the run.",
  'let total = 0;',
  'for (let i = 0; i < 40; i++) total += step(i);',
  'total',
  '',
].join('\n');

const MOCKS = {
  capabilities: {
    step: { description: 'One step of the bench run', args: { type: 'array' }, result: { type: 'number' }, returns: 1 },
  },
};

/**
 * Writes the script, its mocks and a timeline of exactly {@link TIMELINE_NODES} nodes into the
 * workspace: a main run answered to its end, then forks from nodes picked by a fixed LCG (so every
 * run of the bench draws the same tree), each fork a new branch. Returns the generation time, ms.
 */
export function writeTimelineWorkspace(workspace: string): number {
  const t0 = performance.now();
  writeFileSync(join(workspace, TIMELINE_SCRIPT), SOURCE);
  writeFileSync(join(workspace, TIMELINE_SCRIPT.replace(/\.js$/, '.mocks.json')), `${JSON.stringify(MOCKS, null, 2)}\n`);
  const key = randomBytes(32).toString('base64');
  writeFileSync(join(workspace, TIMELINE_KEY_PATH), `${key}\n`, { mode: 0o600 });
  const program = compile(SOURCE, { globals: ['step'], capabilities: ['step'] });
  const timeline = Timeline.start(program, { capabilities: [{ name: 'step' }], seed: 1 }, key);
  const answer = (id: number, value: number) => {
    const call = timeline.node(id).calls[0];
    if (!call) throw new Error(`timeline node ${id} waits for no call`);
    return timeline.answer(id, [{ id: call.id, value }]);
  };
  let seed = 42;
  const next = () => (seed = (seed * 48271) % 2147483647);
  // the main run, then branches: from a random suspended node, a few answers down a new branch
  for (let n = timeline.root; n.status === 'suspended' && timeline.nodes.length < TIMELINE_NODES; ) n = answer(n.id, 1);
  while (timeline.nodes.length < TIMELINE_NODES) {
    const suspended = timeline.nodes.filter((n) => n.status === 'suspended');
    let node = suspended[next() % suspended.length]!;
    for (let k = 0; k < 8 && node.status === 'suspended' && timeline.nodes.length < TIMELINE_NODES; k++) node = answer(node.id, 2 + (next() % 5));
  }
  const file = join(workspace, TIMELINE_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, timeline.save());
  return performance.now() - t0;
}

/** A measured scenario, as in bench/ui.ts. */
type Scenario = [name: string, action: () => Promise<void>];

/** The Timeline panel: open the script, load the file, select nodes by click and by keyboard, restore one. */
export function timelineScenarios(page: Page): Scenario[] {
  const panel = page.getByRole('tabpanel', { name: 'Timeline' });
  const tree = panel.getByRole('application', { name: /Timeline tree/ });
  const details = panel.getByRole('complementary', { name: 'Timeline node' });
  const status = panel.getByRole('status');
  const visible = { state: 'visible', timeout: 60_000 } as const;
  /** Clicks the tree at a fraction of its size (nodes are drawn on a canvas). */
  const clickAt = async (fx: number, fy: number) => {
    const box = await tree.boundingBox();
    if (!box) throw new Error('the timeline tree is not on screen');
    await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
  };
  return [
    [
      'timeline: open the script and the panel',
      async () => {
        await page.getByRole('treeitem', { name: TIMELINE_SCRIPT }).click();
        await page.getByRole('textbox', { name: `Editor: ${TIMELINE_SCRIPT}` }).waitFor(visible);
        await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
        await panel.getByRole('button', { name: 'Load' }).waitFor(visible);
      },
    ],
    [
      `timeline: load ${TIMELINE_NODES} nodes`,
      async () => {
        await panel.getByRole('textbox', { name: 'Timeline file' }).fill(TIMELINE_FILE);
        await panel.getByRole('button', { name: 'Load' }).click();
        await status.filter({ hasText: `Loaded ${TIMELINE_NODES} nodes` }).waitFor(visible);
        await panel.getByRole('application', { name: new RegExp(`^Timeline tree: ${TIMELINE_NODES} nodes`) }).waitFor(visible);
      },
    ],
    [
      'timeline: fit, click nodes',
      async () => {
        await panel.getByRole('button', { name: 'Fit' }).click();
        // clicks across the drawing: some land on nodes (details follow), some on empty space
        for (const [fx, fy] of [
          [0.05, 0.5],
          [0.3, 0.3],
          [0.5, 0.5],
          [0.7, 0.6],
          [0.95, 0.5],
        ] as const) {
          await clickAt(fx, fy);
        }
        await tree.focus();
        await page.keyboard.press('Home');
        await details.waitFor(visible);
      },
    ],
    [
      'timeline: keyboard moves through 40 nodes',
      async () => {
        await tree.focus();
        for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
        for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowDown');
        for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
        await details.waitFor(visible);
      },
    ],
    [
      'timeline: restore the selected node in the debugger',
      async () => {
        await details.getByRole('button', { name: 'Restore in Debugger' }).click();
        await status.filter({ hasText: 'restored into the debugger' }).waitFor(visible);
      },
    ],
    [
      'timeline: zoom in and pan',
      async () => {
        for (let i = 0; i < 4; i++) await panel.getByRole('button', { name: 'Zoom In' }).click();
        const box = await tree.boundingBox();
        if (!box) throw new Error('the timeline tree is not on screen');
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width / 4, box.y + box.height / 2, { steps: 10 });
        await page.mouse.up();
        await panel.getByRole('button', { name: 'Fit' }).click();
      },
    ],
  ];
}
