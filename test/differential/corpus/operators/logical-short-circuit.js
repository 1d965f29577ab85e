const calls = [];
const t = (v) => { calls.push(v); return v; };
const r = [
  t(0) || t('fallback'),
  t(1) && t(2),
  t('') && t('never'),
  t(null) ?? t('nullish'),
  t(0) ?? t('not used'),
  t(false) || t(null) || t(undefined),
  !t(''),
  !!t('x'),
];
[r, calls]
