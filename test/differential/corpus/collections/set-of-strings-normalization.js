const tags = ['JS', 'js', ' Js ', 'TypeScript', 'typescript', 'rust'];
const normalized = new Set(tags.map((t) => t.trim().toLowerCase()));
const original = new Set(tags);
const hasAll = ['js', 'rust'].every((t) => normalized.has(t));
[[...normalized], original.size, hasAll, normalized.has('JS')]
