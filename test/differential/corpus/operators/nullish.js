const cfg = { zero: 0, empty: '', nil: null, undef: undefined, f: false };
[
  cfg.zero ?? 10, cfg.empty ?? 'e', cfg.nil ?? 'n', cfg.undef ?? 'u', cfg.f ?? true, cfg.missing ?? 'm',
  cfg.zero || 10, cfg.empty || 'e',
  (null ?? undefined) ?? 'chain',
  (cfg.nil || undefined) ?? 'mixed',
]
