const RAW = ['  Hello, World!  ', 'JavaScript is FUN', '', '   multiple   spaces   here '];
const steps = [
  async (s) => s.trim(),
  async (s) => s.replace(/\s+/g, ' '),
  async (s) => s.toLowerCase(),
  async (s) => s.replace(/[^a-z ]/g, ''),
];
async function pipeline(input) {
  let v = input;
  for (const step of steps) v = await step(v);
  return v;
}
const cleaned = await Promise.all(RAW.map(pipeline));
const nonEmpty = cleaned.filter(Boolean);
({ cleaned, wordCounts: nonEmpty.map((s) => s.split(' ').length), longest: nonEmpty.reduce((a, b) => (b.length > a.length ? b : a)) })
