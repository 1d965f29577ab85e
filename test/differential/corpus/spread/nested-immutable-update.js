const state = {
  user: { name: 'Ann', prefs: { theme: 'dark', lang: 'en' } },
  items: [{ id: 1, qty: 1 }, { id: 2, qty: 5 }],
};
const next = {
  ...state,
  user: { ...state.user, prefs: { ...state.user.prefs, theme: 'light' } },
  items: state.items.map((it) => (it.id === 2 ? { ...it, qty: it.qty + 1 } : it)),
};
[next, state.user.prefs.theme, next.items[0] === state.items[0], next.user === state.user]
