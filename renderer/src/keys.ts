/**
 * Workbench keyboard shortcuts (VS Code conventions), in one table so they never clash.
 * Features register their bindings with {@link bindKeys}; App.vue installs one listener.
 * Key names: `F5`, `Shift+F11`, `Mod+Shift+F5`, `Mod+S` — `Mod` is Cmd on macOS, Ctrl elsewhere.
 */

/** One shortcut: a key name and what it does. `run` returning false lets the key through. */
export interface KeyBinding {
  key: string;
  run: () => boolean | void;
  /** Shown in tooltips, e.g. "Run (F5)". */
  description?: string;
}

const bindings: KeyBinding[] = [];
const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** Registers bindings; returns the function that removes them. */
export function bindKeys(list: readonly KeyBinding[]): () => void {
  bindings.push(...list);
  return () => {
    for (const b of list) {
      const i = bindings.indexOf(b);
      if (i >= 0) bindings.splice(i, 1);
    }
  };
}

/** The key name of a keyboard event, in the form bindings use. */
export function keyName(event: KeyboardEvent): string {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
  return [mod && 'Mod', event.altKey && 'Alt', event.shiftKey && 'Shift', key].filter(Boolean).join('+');
}

/** How a key name reads on this platform (tooltips): `Mod` → Ctrl or ⌘. */
export function keyLabel(key: string): string {
  return key.replace('Mod', isMac ? '⌘' : 'Ctrl');
}

/** Installs the one window listener (capture phase, so the editor does not swallow F-keys). */
export function installKeys(target: Window = window): () => void {
  const listener = (event: KeyboardEvent) => {
    const name = keyName(event);
    // Newest first: a feature can override a default by binding the same key later.
    for (let i = bindings.length - 1; i >= 0; i--) {
      const binding = bindings[i];
      if (binding?.key !== name) continue;
      if (binding.run() === false) continue;
      event.preventDefault();
      event.stopPropagation();
      return;
    }
  };
  target.addEventListener('keydown', listener, true);
  return () => target.removeEventListener('keydown', listener, true);
}
