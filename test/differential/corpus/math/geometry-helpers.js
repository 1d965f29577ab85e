const dist = (a, b) => Math.hypot(b.x - a.x, b.y - a.y);
const polygonArea = (pts) => Math.abs(pts.reduce((s, p, i) => {
  const q = pts[(i + 1) % pts.length];
  return s + p.x * q.y - q.x * p.y;
}, 0)) / 2;
const centroid = (pts) => ({ x: pts.reduce((s, p) => s + p.x, 0) / pts.length, y: pts.reduce((s, p) => s + p.y, 0) / pts.length });
const square = [{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 4 }, { x: 0, y: 4 }];
[dist(square[0], square[2]), polygonArea(square), centroid(square), polygonArea([{ x: 0, y: 0 }, { x: 3, y: 0 }, { x: 0, y: 4 }])]
