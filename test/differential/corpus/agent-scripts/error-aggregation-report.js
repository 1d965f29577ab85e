class ToolError extends Error {
  constructor(tool, message, retryable) {
    super(message);
    this.name = 'ToolError';
    this.tool = tool;
    this.retryable = retryable;
  }
}
const outcomes = { a: 'ok', b: 'timeout', c: 'forbidden', d: 'ok', e: 'timeout' };
async function invoke(tool) {
  await null;
  const o = outcomes[tool];
  if (o === 'timeout') throw new ToolError(tool, 'timed out', true);
  if (o === 'forbidden') throw new ToolError(tool, 'forbidden', false);
  return tool;
}
const settled = await Promise.allSettled(Object.keys(outcomes).map(invoke));
const errors = settled.filter((s) => s.status === 'rejected').map((s) => s.reason);
const summary = {
  succeeded: settled.filter((s) => s.status === 'fulfilled').map((s) => s.value),
  retryable: errors.filter((e) => e.retryable).map((e) => e.tool),
  fatal: errors.filter((e) => !e.retryable).map((e) => `${e.tool}: ${e.message}`),
  allToolErrors: errors.every((e) => e instanceof ToolError),
};
if (summary.fatal.length) console.error(`fatal: ${summary.fatal.join('; ')}`);
summary
