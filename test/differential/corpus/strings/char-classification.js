const classify = (ch) => {
  const code = ch.codePointAt(0);
  if (code >= 48 && code <= 57) return 'digit';
  if (/\p{Lu}/u.test(ch)) return 'upper';
  if (/\p{Ll}/u.test(ch)) return 'lower';
  if (/\s/.test(ch)) return 'space';
  if (/\p{Emoji_Presentation}/u.test(ch)) return 'emoji';
  return 'other';
};
[...'aZ9 _é😀Ω'].map((c) => `${c}:${classify(c)}`)
