import { chromium } from '@playwright/test';
import { chromiumArgs } from '/work/wt-uib/test/e2e/server';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
await page.setContent('<script>globalThis.__name = (f) => f;</script><div id="c" style="width:1200px;height:300px"></div>');
await page.addScriptTag({ path: '/work/wt-uib/node_modules/cytoscape/dist/cytoscape.min.js' });
const variants = ['warm', 'chunked', 'prefit', 'prefit-noel', 'chunked', 'prefit', 'prefit-noel', 'chunked', 'prefit', 'prefit-noel'];
for (const variant of variants) {
const r = await page.evaluate(async (variant) => {
  const cy = (window as any).cytoscape;
  const els: any[] = [{ data: { id: 'frame', label: '<script>\nitems\nthis', w: 60, h: 39 }, position: { x: 0, y: 0 } }];
  for (let i = 0; i < 40; i++) els.push({ data: { id: 'n' + i, w: 120, h: 52, label: `object #${i}\n{id, name, parent}\n56 B · retains 56 B\n+1 hidden` }, position: { x: (i % 8) * 150 - 600, y: 100 + Math.floor(i / 8) * 110 } });
  for (let i = 0; i < 40; i++) els.push({ data: { id: 'e' + i, source: i ? 'n' + ((i - 1) >> 1) : 'frame', target: 'n' + i, label: String(i) } });
  const nl = variant === 'nolabel';
  const style = [{ selector: 'node', style: { shape: 'round-rectangle', label: nl ? '' : 'data(label)', 'text-wrap': variant === 'nowrap' ? 'none' : 'wrap', 'text-valign': 'center', 'text-halign': 'center', 'font-family': 'monospace', 'font-size': 10, width: 'data(w)', height: 'data(h)', padding: '6px', 'border-width': 1 } },
    { selector: 'edge', style: { width: 1, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', label: nl || variant === 'prefit-noel' ? '' : 'data(label)', 'font-size': 9, 'text-background-opacity': 1, 'text-background-color': '#222', 'text-rotation': 'autorotate' } }];
  document.getElementById('c')!.innerHTML = '';
  let gap = 0, last = performance.now(), stop = false;
  const tick = () => { const n = performance.now(); gap = Math.max(gap, n - last); last = n; if (!stop) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const t0 = performance.now();
  const c = cy({ container: document.getElementById('c'), style });
  const t1 = performance.now();
  if (variant === 'single' || variant === 'warm') { c.add(els); c.fit(undefined, 20); }
  else {
    const pre = variant.startsWith('prefit');
    if (pre) { const W = c.width(), H = c.height(); const x1 = -680, x2 = 520, y1 = -30, y2 = 590; const z = Math.min((W - 40) / (x2 - x1), (H - 40) / (y2 - y1)); c.viewport({ zoom: z, pan: { x: (W - z * (x1 + x2)) / 2, y: (H - z * (y1 + y2)) / 2 } }); }
    for (let i = 0; i < els.length; i += 12) { if (i) await new Promise((r) => setTimeout(r, 0)); c.add(els.slice(i, i + 12)).boundingBox(); }
    if (!pre) c.fit(undefined, 20);
  }
  const t2 = performance.now();
  await new Promise((r) => setTimeout(r, 600));
  stop = true;
  return { variant, init: Math.round(t1 - t0), addfit: Math.round(t2 - t1), maxGap: Math.round(gap) };
}, variant);
console.log(JSON.stringify(r));
}
await browser.close();
