console.log('top level string is raw');
console.log(['a', "it's", 'say "hi"', `back\`tick`]);
console.log({ s: 'text', q: "it's" });
console.log(['line\nbreak', 'tab\there']);
console.log('', 'empty first');
null
