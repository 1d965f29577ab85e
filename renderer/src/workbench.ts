/** Workbench vocabulary shared by the layout components: side bar views and bottom panel tabs. */

/** Side bar views, switched from the activity bar. */
export type ViewId = 'explorer' | 'search' | 'run' | 'capabilities' | 'testing';

/** Activity bar entries in display order; `icon` is an SVG path in a 24×24 box, drawn as a stroke. */
export const VIEWS: readonly { id: ViewId; label: string; icon: string }[] = [
  { id: 'explorer', label: 'Explorer', icon: 'M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V8zM14 3v5h5' },
  { id: 'search', label: 'Search', icon: 'M10.5 4.5a6 6 0 1 1 0 12a6 6 0 0 1 0-12zM15 15l5.5 5.5' },
  { id: 'run', label: 'Run and Debug', icon: 'M7.5 4.5v15l12-7.5z' },
  { id: 'capabilities', label: 'Capabilities', icon: 'M4 7h16M4 12h16M4 17h10M18 15v6M15 18h6' },
  { id: 'testing', label: 'Testing', icon: 'M9 3h6M10 3v6l-5 9.5A1.7 1.7 0 0 0 6.5 21h11a1.7 1.7 0 0 0 1.5-2.5L14 9V3' },
];

/** Bottom panel tabs in display order. */
export type PanelId = 'problems' | 'output' | 'console' | 'bytecode' | 'heap' | 'budget' | 'timeline';

export const PANELS: readonly { id: PanelId; label: string }[] = [
  { id: 'problems', label: 'Problems' },
  { id: 'output', label: 'Output' },
  { id: 'console', label: 'Debug Console' },
  { id: 'bytecode', label: 'Bytecode' },
  { id: 'heap', label: 'Heap' },
  { id: 'budget', label: 'Budget' },
  { id: 'timeline', label: 'Timeline' },
];
