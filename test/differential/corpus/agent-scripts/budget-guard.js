const costs = { summarize: 3, translate: 5, classify: 1, embed: 2 };
let budget = 10;
const log = [];
async function spend(tool) {
  await null;
  if (costs[tool] > budget) {
    log.push(`skip ${tool} (need ${costs[tool]}, have ${budget})`);
    return null;
  }
  budget -= costs[tool];
  log.push(`ran ${tool} (left ${budget})`);
  return tool.toUpperCase();
}
const plan = ['summarize', 'translate', 'embed', 'classify', 'summarize'];
const results = [];
for (const step of plan) results.push(await spend(step));
({ results, budget, log })
