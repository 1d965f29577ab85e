// id: species-regexp
// technique: RegExp subclasses overriding exec / Symbol.replace / Symbol.split / flags used by String methods
// source: SES 'RegExp.prototype[Symbol.replace] uses exec' taming; V8 RegExp species bugs
// expect: result
class R2 extends RegExp { exec(s) { tryChain('exec this', this); return null; } get flags() { return 'g'; } }
attempt('replace', () => 'abc'.replace(new R2('b'), 'x'));
attempt('split', () => 'a,b'.split(new R2(',')));
attempt('matchAll', () => [...'aa'.matchAll(new R2('a', 'g'))]);
class R3 extends RegExp { static get [Symbol.species]() { return (() => 0).constructor; } }
attempt('split with species Function', () => 'a,b'.split(new R3(',')));
const fake = { [Symbol.replace]: (s, r) => (() => 0).constructor };
attempt('Symbol.replace on plain object', () => 'x'.replace(fake, 'y'));
R
