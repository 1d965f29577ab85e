const path = String.raw`C:\Users\name\file.txt`;
const r = [
  path, path.length, String.raw`\n`.length, '\n'.length, 'tab\there', 'quote\'s', "dq\"s", 'back\\slash', '\x41\u0042\u{43}', '\0'.charCodeAt(0),
];
r.push(String.raw`a${1}b${2}c`, `\``);
r
