/**
 * The colour theme: the user's choice (Auto follows the OS), kept across launches. Applied as
 * `data-theme` on the root element, which selects the `--cs-*` variables in styles.css.
 */
import { computed, ref, watchEffect } from 'vue';

export type ThemeChoice = 'auto' | 'light' | 'dark';

const STORAGE_KEY = 'capsule.theme';
const query = window.matchMedia('(prefers-color-scheme: dark)');
const osDark = ref(query.matches);
query.addEventListener('change', () => (osDark.value = query.matches));

function stored(): ThemeChoice {
  const value = localStorage.getItem(STORAGE_KEY);
  return value === 'light' || value === 'dark' ? value : 'auto';
}

/** What the user chose. */
export const themeChoice = ref<ThemeChoice>(stored());
/** Whether the dark theme is showing (the editor's own dark flag follows this). */
export const isDark = computed(() => (themeChoice.value === 'auto' ? osDark.value : themeChoice.value === 'dark'));

watchEffect(() => {
  document.documentElement.dataset['theme'] = isDark.value ? 'dark' : 'light';
});

/** Sets and remembers the theme. */
export function setTheme(choice: ThemeChoice): void {
  themeChoice.value = choice;
  if (choice === 'auto') localStorage.removeItem(STORAGE_KEY);
  else localStorage.setItem(STORAGE_KEY, choice);
}

/** Auto → Light → Dark → Auto (the status bar's theme button). */
export function cycleTheme(): void {
  setTheme(themeChoice.value === 'auto' ? 'light' : themeChoice.value === 'light' ? 'dark' : 'auto');
}
