const jobs = [3, 1, 4, 1, 5].map((cost, i) => ({ id: `job-${i}`, cost }));
let completed = 0;
async function run(job) {
  for (let i = 0; i < job.cost; i++) await null;
  completed++;
  console.log(`[${completed}/${jobs.length}] ${job.id} finished (cost ${job.cost})`);
  return job.cost * 100;
}
const outputs = await Promise.all(jobs.map(run));
({ total: outputs.reduce((a, b) => a + b, 0), outputs })
