/**
 * "Did you mean ...?" for unknown globals: the closest known name by edit distance, if it
 * is close enough to be a plausible typo (`Maths` → `Math`, `json` → `JSON`).
 */

/** The best candidate for `name`, or undefined when nothing is plausibly a typo of it. */
export function suggestName(name: string, candidates: Iterable<string>): string | undefined {
  const budget = name.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    // A case-only difference (`json`, `MAP`) is always the best guess.
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, candidate, budget);
    if (distance <= budget && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning budget + 1) once it must exceed `budget`. */
function editDistance(a: string, b: string, budget: number): number {
  if (Math.abs(a.length - b.length) > budget) return budget + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > budget) return budget + 1;
    previous = current;
  }
  return previous[b.length]!;
}
