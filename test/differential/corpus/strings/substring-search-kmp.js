function kmpSearch(text, pattern) {
  const lps = [0];
  for (let i = 1, len = 0; i < pattern.length; ) {
    if (pattern[i] === pattern[len]) lps[i++] = ++len;
    else if (len) len = lps[len - 1];
    else lps[i++] = 0;
  }
  const hits = [];
  for (let i = 0, j = 0; i < text.length; ) {
    if (text[i] === pattern[j]) {
      i++; j++;
      if (j === pattern.length) { hits.push(i - j); j = lps[j - 1]; }
    } else if (j) j = lps[j - 1];
    else i++;
  }
  return hits;
}
const text = 'aabaacaadaabaaba';
[kmpSearch(text, 'aaba'), [...text.matchAll(/(?=aaba)/g)].map((m) => m.index)]
