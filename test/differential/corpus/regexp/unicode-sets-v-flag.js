const r = [];
r.push(/[\p{L}--[a-z]]/v.test('a'), /[\p{L}--[a-z]]/v.test('A'), /[[a-z]&&[aeiou]]+/v.exec('xyzaei')[0]);
r.push(/^\p{RGI_Emoji}$/v.test('👍🏽'), /[\q{abc|d}]/v.exec('xxabc')[0]);
r.push(new RegExp('[a]', 'v').unicodeSets, /x/u.unicodeSets);
r
