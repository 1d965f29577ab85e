const data = [2, 4, 4, 4, 5, 5, 7, 9];
const mean = data.reduce((a, b) => a + b) / data.length;
const variance = data.reduce((a, b) => a + (b - mean) ** 2, 0) / data.length;
const sorted = data.toSorted((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
const mode = [...data.reduce((m, x) => m.set(x, (m.get(x) || 0) + 1), new Map())].sort((a, b) => b[1] - a[1])[0][0];
({ mean, variance, stdDev: Math.sqrt(variance), median, mode, range: Math.max(...data) - Math.min(...data) })
