const doc = `# Title
Some text
## Section
- item one
- item two`;
const headings = [...doc.matchAll(/^(#+)\s+(.*)$/gm)].map((m) => ({ level: m[1].length, text: m[2] }));
const items = doc.match(/^- .*$/gm).map((s) => s.slice(2));
const words = doc.match(/\b[A-Z]\w*\b/g);
[headings, items, words, /^Some/m.test(doc), /^Some/.test(doc)]
