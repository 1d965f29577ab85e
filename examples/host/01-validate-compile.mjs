// Validate and compile: diagnostics with codes and spans, typed ParseError / ValidationError.
import assert from 'node:assert/strict';
import { compile, disassemble, formatDiagnostic, ParseError, validateSource, ValidationError } from '../../out/core/index.mjs';

// validateSource: every finding, with a code and a 1-based span; hosts declare their globals
const findings = validateSource('eval("1");\nsearchLogs("x")\n', { globals: [] });
for (const d of findings) console.log(formatDiagnostic('job.js', d));
assert.deepEqual(findings.map((d) => d.code), ['CAP1001', 'CAP1013']);

// the same names declared as globals (inputs, capabilities) are fine
assert.deepEqual(validateSource('searchLogs(query)', { globals: ['searchLogs', 'query'] }), []);

// compile throws ParseError (one diagnostic) or ValidationError (all of them)
try {
  compile('let x = ;');
} catch (e) {
  assert.ok(e instanceof ParseError);
  console.log(`${e.name} at ${e.diagnostic.span.line}:${e.diagnostic.span.column}: ${e.message}`);
}
try {
  compile('with_unknown_global + 1');
} catch (e) {
  assert.ok(e instanceof ValidationError && e.kind === 'Validation');
  console.log(`${e.name}: ${e.diagnostics.length} finding(s), first ${e.diagnostics[0].code}`);
}

// a compiled program is reusable: run it many times, export it, disassemble it
const program = compile('function add(a, b) { return a + b }\nadd(1, 2)');
console.log(disassemble(program).split('\n')[0]);
