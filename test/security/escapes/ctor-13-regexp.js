// id: ctor-regexp
// technique: constructor chains from regular expressions, match results, groups and indices
// source: JS-in-JS interpreters that hand the host RegExp to guests (sandboxjs, eval5 issues); SES RegExp.prototype.compile taming
// expect: result
const re = /(?<y>\d{4})-(\d\d)/d;
const m = re.exec('on 2024-05');
tryChain('regexp', re);
tryChain('match', m);
tryChain('groups', m.groups);
tryChain('indices', m.indices);
attempt('compile', () => re.compile('x'));
attempt('RegExp.$1', () => RegExp['$' + '1']);
attempt('RegExp.input', () => RegExp['inp' + 'ut']);
attempt('lastMatch', () => RegExp['last' + 'Match']);
attempt('Symbol.replace fn', () => 'x'.replace(/x/, function () { return typeof this; }));
R
