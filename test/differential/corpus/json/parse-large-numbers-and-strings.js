const t = '[9007199254740993, 1.0000000000000001, 123456789012345678901234567890, 5e-324, 2e-324, "\\ud83d\\ude00"]';
const parsed = JSON.parse(t);
const longStr = JSON.stringify('x'.repeat(50));
const nestedDepth = JSON.parse('['.repeat(50) + ']'.repeat(50));
let depth = 0;
for (let cur = nestedDepth; Array.isArray(cur) && cur.length; cur = cur[0]) depth++;
[parsed, longStr.length, depth + 1]
