async function fetchScore(user) {
  await null;
  return { user, score: user.length * 10 };
}
const users = ['ann', 'robert', 'li'];
const scored = await Promise.all(users.map(fetchScore));
const total = scored.reduce((sum, s) => sum + s.score, 0);
const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
({ total, best: best.user, scored })
