const text = 'the cat and the hat and the bat';
const countSub = (s, sub) => s.split(sub).length - 1;
const countOverlap = (s, sub) => {
  let n = 0;
  for (let i = s.indexOf(sub); i !== -1; i = s.indexOf(sub, i + 1)) n++;
  return n;
};
[countSub(text, 'the'), countSub(text, 'at'), (text.match(/\bthe\b/g) || []).length, countOverlap('aaaa', 'aa'), countSub('aaaa', 'aa')]
