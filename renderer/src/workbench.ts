/** Workbench vocabulary shared by the layout components: side bar views and bottom panel tabs. */

/** Side bar views, switched from the activity bar. */
export type ViewId = 'explorer' | 'search' | 'run';

/** Activity bar entries in display order; `icon` is an SVG path in a 24×24 box, drawn as a stroke. */
export const VIEWS: readonly { id: ViewId; label: string; icon: string }[] = [
  { id: 'explorer', label: 'Explorer', icon: 'M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V8zM14 3v5h5' },
  { id: 'search', label: 'Search', icon: 'M10.5 4.5a6 6 0 1 1 0 12a6 6 0 0 1 0-12zM15 15l5.5 5.5' },
  { id: 'run', label: 'Run and Debug', icon: 'M7.5 4.5v15l12-7.5z' },
];

/** Bottom panel tabs in display order. */
export type PanelId = 'problems' | 'output' | 'console';

export const PANELS: readonly { id: PanelId; label: string }[] = [
  { id: 'problems', label: 'Problems' },
  { id: 'output', label: 'Output' },
  { id: 'console', label: 'Debug Console' },
];
