/** Pane sizes (percent) of the workbench, kept across launches so a resized layout stays put. */

export interface Layout {
  /** Side bar width, percent of the window beside the activity bar. */
  side: number;
  /** Bottom panel height, percent of the editor column. */
  panel: number;
}

const KEY = 'capsule.layout';
const DEFAULTS: Layout = { side: 20, panel: 30 };

function sane(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

/** The saved layout, or the defaults (a corrupt entry is ignored). */
export function loadLayout(): Layout {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Layout>;
    return { side: sane(saved.side, 10, 50, DEFAULTS.side), panel: sane(saved.panel, 8, 80, DEFAULTS.panel) };
  } catch {
    return { ...DEFAULTS };
  }
}

export function saveLayout(layout: Layout): void {
  localStorage.setItem(KEY, JSON.stringify(layout));
}
