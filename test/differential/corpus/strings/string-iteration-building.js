const words = ['alpha', 'beta', 'gamma', 'delta'];
let acronym = '';
for (const w of words) acronym += w[0].toUpperCase();
const reversed = [...'stressed'].reverse().join('');
const isPalindrome = (s) => {
  const clean = s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return clean === [...clean].reverse().join('');
};
const freq = {};
for (const ch of 'mississippi') freq[ch] = (freq[ch] || 0) + 1;
[acronym, reversed, isPalindrome('A man, a plan, a canal: Panama'), isPalindrome('nope'), freq]
