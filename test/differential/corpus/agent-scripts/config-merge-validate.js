const LAYERS = {
  defaults: { retries: 3, timeoutMs: 1000, features: { cache: true, beta: false }, tags: ['base'] },
  env: { timeoutMs: 2500, features: { beta: true } },
  user: { retries: 0, tags: ['custom'], extra: undefined },
};
async function loadLayer(name) {
  await null;
  return structuredCopy(LAYERS[name]);
}
function structuredCopy(v) {
  return JSON.parse(JSON.stringify(v));
}
function deepMerge(a, b) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && typeof a[k] === 'object' ? deepMerge(a[k], v) : v;
  }
  return out;
}
const layers = await Promise.all(['defaults', 'env', 'user'].map(loadLayer));
const config = layers.reduce(deepMerge, {});
const problems = [];
if (config.retries < 1) problems.push('retries must be >= 1');
if (config.timeoutMs > 2000) problems.push('timeout unusually high');
({ config, problems })
