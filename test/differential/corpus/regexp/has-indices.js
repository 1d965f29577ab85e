// the d flag adds start/end index pairs for the match and every group
const m = /(?<word>b+)(c)?/d.exec('aabbbd');
const all = [...'xaya'.matchAll(/a/dg)].map((x) => x.indices[0]);
[
  m.indices[0], m.indices[1], m.indices[2], m.indices.groups.word,
  m.index, m[0], all, /x/.hasIndices,
]
