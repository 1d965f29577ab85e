/**
 * V8's CallPrinter, re-done on meriyah's tree: how V8 writes the callee in "x is not a function"
 * and "x is not a constructor", and a for-of subject in "x is not iterable". V8 prints the expression from its own AST, not the source text:
 * `o["f"]` is `o.f`, `f(1)(2)` is `f(...)`, `(1, g)` is `(1 , g)`, numeric literals are folded
 * (`(1 + 2).x` is `3.x`), and what it does not spell out — a function, an object literal's values,
 * an `await` — is `(intermediate value)`. The differential oracle (V8) compares these messages
 * wherever a program prints a caught error, so core words them the same.
 *
 * Only error paths call this, with the callee's (or the for statement's) span; results are cached
 * per code unit.
 */
import { parse, type ESTree } from 'meriyah';

const INTERMEDIATE = '(intermediate value)';

/** Operators V8's parser folds when both operands are numeric literals. */
const FOLD: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '**': (a, b) => a ** b,
  '|': (a, b) => a | b,
  '&': (a, b) => a & b,
  '^': (a, b) => a ^ b,
  '<<': (a, b) => a << b,
  '>>': (a, b) => a >> b,
  '>>>': (a, b) => a >>> b,
};

/** Comparisons are never collapsed into one n-ary operation (`((a < b) < c)`). */
const COMPARE = new Set(['==', '!=', '===', '!==', '<', '>', '<=', '>=', 'instanceof', 'in']);

/** A literal after V8's constant folding, or undefined when the node is not one. */
function folded(n: ESTree.Node): { value: unknown } | undefined {
  if (n.type === 'Literal') {
    const l = n as ESTree.Literal & { bigint?: string; regex?: unknown };
    if (l.bigint !== undefined || l.regex !== undefined) return undefined;
    return { value: l.value };
  }
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return { value: n.quasis[0].value.cooked };
  if (n.type === 'UnaryExpression') {
    const a = folded(n.argument);
    if (!a) return undefined;
    if (n.operator === '!') return { value: !a.value };
    if (typeof a.value !== 'number') return undefined;
    if (n.operator === '-') return { value: -a.value };
    if (n.operator === '+') return { value: a.value };
    if (n.operator === '~') return { value: ~a.value };
    return undefined;
  }
  if (n.type === 'BinaryExpression' && FOLD[n.operator]) {
    const a = folded(n.left);
    const b = a && typeof a.value === 'number' ? folded(n.right) : undefined;
    if (a && b && typeof b.value === 'number') return { value: FOLD[n.operator](a.value as number, b.value as number) };
  }
  return undefined;
}

/** The printer's state: V8's `num_prints_` decides where `(intermediate value)` goes. */
class Printer {
  out = '';
  prints = 0;
  /**
   * Printing a for-of subject: V8 then leaves out the `(...)` of calls (not of a for-await's:
   * its flag is another one, which the check does not look at).
   */
  constructor(
    private readonly text: string,
    private readonly iterating = false,
  ) {}

  print(s: string): void {
    this.prints++;
    this.out += s;
  }

  /** V8's Find(node, print): visit (when `visit`), and say `(intermediate value)` if that printed nothing. */
  find(n: ESTree.Node | null, visit: boolean): void {
    if (visit && n) {
      const before = this.prints;
      this.visit(n);
      if (this.prints !== before) return;
    }
    this.print(INTERMEDIATE);
  }

  literal(v: unknown): void {
    if (typeof v === 'string') this.print(`"${v}"`);
    else if (v === null || typeof v === 'boolean' || typeof v === 'number') this.print(String(v));
  }

  visit(n: ESTree.Node): void {
    const lit = folded(n);
    if (lit) return this.literal(lit.value);
    switch (n.type) {
      case 'Identifier':
        return this.print(n.name);
      case 'ThisExpression':
        return this.print('this');
      case 'Literal': {
        const r = (n as { regex?: { pattern: string; flags: string } }).regex;
        if (r) this.print(`/${r.pattern}/${[...'dgimsuvy'].filter((f) => r.flags.includes(f)).join('')}`);
        return; // a BigInt prints nothing
      }
      case 'TemplateLiteral':
        for (const e of n.expressions) this.find(e, true);
        return;
      case 'MemberExpression':
        return this.member(n);
      case 'CallExpression':
        this.find(n.callee, true);
        return this.iterating ? undefined : this.print('(...)');
      case 'TaggedTemplateExpression':
        this.find(n.tag, true);
        return this.iterating ? undefined : this.print('(...)');
      case 'NewExpression':
        return this.find(n.callee, false);
      case 'ArrayExpression':
      case 'ArrayPattern':
        this.print('[');
        n.elements.forEach((e, i) => {
          if (i) this.print(',');
          this.find(e, e !== null);
        });
        return this.print(']');
      case 'SpreadElement':
        this.print('(...');
        this.find(n.argument, true);
        return this.print(')');
      case 'ObjectExpression':
      case 'ObjectPattern':
        this.print('{');
        for (let i = 0; i < n.properties.length; i++) this.print(INTERMEDIATE);
        return this.print('}');
      case 'AssignmentExpression':
        return this.find(n.left, true);
      case 'UnaryExpression':
        this.print('(');
        this.print(n.operator);
        if (n.operator === 'typeof' || n.operator === 'void' || n.operator === 'delete') this.print(' ');
        this.find(n.argument, true);
        return this.print(')');
      case 'UpdateExpression':
        this.print('(');
        if (n.prefix) this.print(n.operator);
        this.find(n.argument, true);
        if (!n.prefix) this.print(n.operator);
        return this.print(')');
      case 'BinaryExpression':
      case 'LogicalExpression':
        return this.operation(n.operator, this.operands(n));
      case 'SequenceExpression':
        return this.operation(',', n.expressions);
      case 'ConditionalExpression':
        for (let i = 0; i < 3; i++) this.print(INTERMEDIATE);
        return;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        for (let i = this.statements(n); i > 0; i--) this.print(INTERMEDIATE);
        return;
      case 'ClassExpression': {
        let members = n.superClass ? 1 : 0;
        for (const m of n.body.body) if (m.type === 'MethodDefinition' && m.kind !== 'constructor') members++;
        for (let i = 0; i < members; i++) this.print(INTERMEDIATE);
        return;
      }
      default:
        // await, yield, super, new.target, a nested optional chain: V8 prints nothing for them
        return;
    }
  }

  private member(n: ESTree.MemberExpression): void {
    const p = n.property;
    this.find(n.object, true);
    const key = n.computed ? folded(p) : undefined;
    if (!n.computed && p.type === 'Identifier') {
      this.print(n.optional ? '?.' : '.');
      return this.print(p.name);
    }
    if (key && typeof key.value === 'string') {
      this.print(n.optional ? '?.' : '.');
      return this.print(key.value);
    }
    if (n.optional) this.print('?.');
    this.print('[');
    if (p.type === 'PrivateIdentifier') this.print(`#${p.name}`);
    else this.find(p, true);
    this.print(']');
  }

  /** A left-nested chain of one operator is one n-ary operation in V8 (`(a + b + c)`). */
  private operands(n: ESTree.BinaryExpression | ESTree.LogicalExpression): ESTree.Node[] {
    if (COMPARE.has(n.operator)) return [n.left, n.right];
    const left = n.left;
    if ((left.type === 'BinaryExpression' || left.type === 'LogicalExpression') && left.operator === n.operator && !folded(left)) {
      return [...this.operands(left), n.right];
    }
    return [n.left, n.right];
  }

  private operation(op: string, operands: readonly ESTree.Node[]): void {
    this.print('(');
    operands.forEach((o, i) => {
      if (i) this.print(` ${op} `);
      this.find(o, true);
    });
    this.print(')');
  }

  /**
   * The statements V8 holds for a function literal when it re-parses for the message: only
   * functions compiled eagerly (directly in parentheses) have a body then; async functions and
   * concise arrows show none, a generator one more (its initial yield), parameter defaults one.
   */
  private statements(n: ESTree.FunctionExpression | ESTree.ArrowFunctionExpression): number {
    if (n.async || n.body?.type !== 'BlockStatement') return 0;
    if (!/\(\s*$/.test(this.text.slice(0, n.start))) return 0;
    let count = n.body.body.length;
    if (count > 0 && n.generator) count++;
    if (n.params.some((p) => p.type !== 'Identifier')) count++;
    return count;
  }
}

/** Wraps an expression so that `super.x`, `await`, `yield`, `new.target` and `#names` parse. */
function wrap(text: string): { source: string; offset: number } {
  const names = new Set(text.match(/#[\w$]+/g) ?? []);
  const fields = [...names].map((n) => `${n};`).join(' ');
  const head = `class C extends Object { ${fields} async *m() { (`;
  return { source: `${head}${text}\n); } }`, offset: head.length };
}

/** The statement written at `text` inside a class method (so any expression parses), or null. */
function statementOf(text: string, asStatement: boolean): { node: ESTree.Statement; source: string } | null {
  const { source } = asStatement ? wrapStatement(text) : wrap(text);
  let program: ESTree.Program;
  try {
    program = parse(source, { sourceType: 'module', ranges: { start: true, end: true }, lexical: true, validateRegex: false });
  } catch {
    return null; // not an expression on its own (`super(...)`), or nested past the host stack
  }
  const cls = program.body[0];
  if (cls?.type !== 'ClassDeclaration') return null;
  const method = cls.body.body.find((m) => m.type === 'MethodDefinition');
  const stmt = method?.type === 'MethodDefinition' ? method.value.body?.body[0] : undefined;
  return stmt ? { node: stmt, source } : null;
}

/** The expression written at `text`, or null when it is not one. */
function expressionOf(text: string): { node: ESTree.Expression; source: string } | null {
  const s = statementOf(text, false);
  return s?.node.type === 'ExpressionStatement' ? { node: s.node.expression, source: s.source } : null;
}

/** The expression spanning `start`…`end` of `source`, when short enough to parse (and it parses). */
function spanExpression(source: string, start: number, end: number): { node: ESTree.Expression; source: string } | null {
  return end - start <= MAX_TEXT ? expressionOf(source.slice(start, end)) : null;
}

/** Wraps a statement as {@link wrap} wraps an expression. */
function wrapStatement(text: string): { source: string; offset: number } {
  const names = new Set(text.match(/#[\w$]+/g) ?? []);
  const fields = [...names].map((n) => `${n};`).join(' ');
  const head = `class C extends Object { ${fields} async *m() { `;
  return { source: `${head}${text}\n } }`, offset: head.length };
}

/** Longest callee text re-parsed (longer ones fall back to the caller's wording). */
const MAX_TEXT = 4000;

const cache = new WeakMap<object, Map<string, string | null>>();

/**
 * How V8 writes the callee of the call (`kind: 'call'`, span = the callee) or of the `new`
 * (`kind: 'new'`, span = the whole `new` expression) at `start`…`end` of `source`; null when
 * the text does not parse as such an expression. `unit` keys the cache (a code unit).
 */
export function printCallee(unit: object, source: string, start: number, end: number, kind: 'call' | 'new'): string | null {
  let byUnit = cache.get(unit);
  if (!byUnit) cache.set(unit, (byUnit = new Map()));
  const key = `${kind}:${start}:${end}`;
  const hit = byUnit.get(key);
  if (hit !== undefined) return hit;
  const text = end - start <= MAX_TEXT ? source.slice(start, end) : '';
  let printed: string | null = null;
  const parsed = text ? expressionOf(text) : null;
  if (parsed) {
    let node: ESTree.Node = parsed.node;
    // `a?.b()`: the optional chain is around the call, not part of the callee — unless the
    // callee was parenthesized, `(a?.b)()`, which V8 calls an intermediate value
    if (node.type === 'ChainExpression' && !/^\s*\)/.test(source.slice(end, end + 40))) node = node.expression;
    if (kind === 'new') node = node.type === 'NewExpression' ? node.callee : (null as unknown as ESTree.Node);
    if (node) {
      const p = new Printer(parsed.source);
      p.find(node, true);
      printed = p.out;
    }
  }
  byUnit.set(key, printed);
  return printed;
}

const iterCache = new WeakMap<object, Map<number, string | null>>();

/**
 * V8's message for a `for (… of x)` / `for await (… of x)` whose `x` is not iterable, from the
 * for statement at `start`…`end`: `o.a is not iterable`, `f is not a function or its return value
 * is not iterable` (`f(...) …` for for-await). Null when the text is not such a statement.
 */
export function notIterableMessage(unit: object, source: string, start: number, end: number): string | null {
  let byUnit = iterCache.get(unit);
  if (!byUnit) iterCache.set(unit, (byUnit = new Map()));
  const hit = byUnit.get(start);
  if (hit !== undefined) return hit;
  let message: string | null = null;
  const parsed = end - start <= MAX_TEXT ? statementOf(source.slice(start, end), true) : null;
  // (an optional chain as the subject: V8 finds no subject there and words it otherwise; core keeps its own)
  if (parsed?.node.type === 'ForOfStatement' && parsed.node.right.type !== 'ChainExpression') {
    const isAsync = parsed.node.await === true;
    const subject = parsed.node.right;
    // an object literal V8 cannot build from a boilerplate: V8 words it by the value's type ('')
    if (!isAsync && subject.type === 'ObjectExpression' && !boilerplateObject(subject)) {
      byUnit.set(start, '');
      return '';
    }
    const p = new Printer(parsed.source, !isAsync);
    p.find(subject, true);
    const what = isAsync ? 'async iterable' : 'iterable';
    message = subject.type === 'CallExpression' ? `${p.out} is not a function or its return value is not ${what}` : `${p.out} is not ${what}`;
  }
  byUnit.set(start, message);
  return message;
}

type SpanCache = WeakMap<object, Map<number, string | null>>;

/** `compute()` for the span starting at `start` of `unit`, cached per unit (a message is printed once). */
function cachedAt(cache: SpanCache, unit: object, start: number, compute: () => string | null): string | null {
  let byUnit = cache.get(unit);
  if (!byUnit) cache.set(unit, (byUnit = new Map()));
  let hit = byUnit.get(start);
  if (hit === undefined) byUnit.set(start, (hit = compute()));
  return hit;
}

/** How V8 prints `node` (an expression parsed from `source`), or null when it prints nothing. */
function printed(source: string, node: ESTree.Node): string | null {
  const p = new Printer(source);
  p.find(node, true);
  return p.out || null;
}

/**
 * Whether V8 builds the object literal from a boilerplate: no computed key, method or shorthand,
 * and every value a constant its parser folds (literals, number arithmetic, nested literals of
 * such; accessors and spreads allowed). For-of over any other object literal that is not
 * iterable gets V8's typed message ("object is not iterable (cannot read property …)").
 */
function boilerplateObject(o: ESTree.ObjectExpression): boolean {
  for (const p of o.properties) {
    if (p.type !== 'Property') continue;
    if (p.computed || p.method || p.shorthand) return false;
    if (p.kind === 'init' && !boilerplateValue(p.value as ESTree.Node)) return false;
  }
  return true;
}

function boilerplateValue(n: ESTree.Node | null): boolean {
  if (n === null) return true; // an array hole
  switch (n.type) {
    case 'Literal':
      return !('regex' in n && n.regex);
    case 'TemplateLiteral':
      return n.expressions.length === 0;
    case 'UnaryExpression':
      return ['-', '+', '!', '~'].includes(n.operator) && foldsToNumber(n.argument);
    case 'BinaryExpression':
      return foldsToNumber(n);
    case 'ArrayExpression':
      return n.elements.every((e) => e === null || (e.type !== 'SpreadElement' && boilerplateValue(e)));
    case 'ObjectExpression':
      return boilerplateObject(n);
    default:
      return false;
  }
}

/** A number (or boolean) expression V8's parser folds to a constant. */
function foldsToNumber(n: ESTree.Node): boolean {
  if (n.type === 'Literal') return typeof n.value === 'number' || typeof n.value === 'boolean';
  if (n.type === 'UnaryExpression') return ['-', '+', '!', '~'].includes(n.operator) && foldsToNumber(n.argument);
  if (n.type === 'BinaryExpression') return ['+', '-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>'].includes(n.operator) && foldsToNumber(n.left) && foldsToNumber(n.right);
  return false;
}

const valueCache: SpanCache = new WeakMap();

/**
 * A value's expression at `start`…`end` as V8 writes it in "Cannot destructure property 'x'
 * of 'o.a'…": `f(...)`, `"a".b`, `(intermediate value)` for an optional chain. Null when it
 * prints nothing (V8 then writes the value's type).
 */
export function printValue(unit: object, source: string, start: number, end: number): string | null {
  return cachedAt(valueCache, unit, start, () => {
    const parsed = spanExpression(source, start, end);
    return parsed ? printed(parsed.source, parsed.node) : null;
  });
}

const spreadCache: SpanCache = new WeakMap();

/**
 * The callee of a spread operand at `start`…`end` that is a call or a `new` (`...f(x)`, `...o.m(() => 1)`),
 * as V8 prints it in "f is not a function or its return value is not iterable"; null for any
 * other operand. Parsed, so arguments of any shape (arrows, functions, nested calls) are fine.
 */
export function spreadCallee(unit: object, source: string, start: number, end: number): string | null {
  return cachedAt(spreadCache, unit, start, () => {
    const parsed = spanExpression(source, start, end);
    const node = parsed?.node;
    if (node?.type === 'NewExpression') return printed(parsed!.source, node.callee);
    if (!parsed || node?.type !== 'CallExpression' || node.callee.type === 'CallExpression' || node.callee.type === 'Super') return null;
    return printed(parsed.source, node.callee);
  });
}

/**
 * How many spread arguments the call, `new` or `super(…)` written in `text` has (V8 names the
 * callee when a spread's iterator has no `next` only for a single, last spread); null when the
 * text does not parse as one.
 */
export function spreadArgumentCount(text: string): number | null {
  // (`super(...)` is not an expression on its own: an identifier of the same length stands in)
  const parsed = text.length <= MAX_TEXT ? expressionOf(text.replace(/^super\b/, '_____')) : null;
  let node: ESTree.Node | undefined = parsed?.node;
  if (node?.type === 'ChainExpression') node = node.expression;
  if (node?.type !== 'CallExpression' && node?.type !== 'NewExpression') return null;
  return node.arguments.filter((a) => a.type === 'SpreadElement').length;
}

/** The callee of the innermost call of `f()()…`. */
function innermostCallee(n: ESTree.CallExpression): ESTree.Node | null {
  let c: ESTree.Node = n;
  while (c.type === 'CallExpression') c = c.callee;
  return c;
}

/** Initializers whose V8 position is where they start: V8 finds them and prints them. */
const PRINTED_INITIALIZERS = new Set([
  'Identifier', 'ThisExpression', 'Literal', 'ObjectExpression', 'ArrayExpression', 'UnaryExpression',
  'ConditionalExpression', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassExpression', 'AwaitExpression',
]);

const initCache = new WeakMap<object, Map<number, string | null>>();

/**
 * V8's message when a declaration's initializer at `start`…`end` (`const [x] = init`) is not
 * iterable. V8 looks for an expression at the initializer's first token: an identifier, a
 * literal, `f()`, `new F()`, a unary or conditional expression, a function… is found and
 * printed (`a is not iterable`, `f is not a function or its return value is not iterable`);
 * anything else — `o.a`, `a + 1`, `o.f()`, a parenthesized initializer — is not, and the
 * message gives the value's type instead (null here).
 */
export function initializerNotIterable(unit: object, source: string, start: number, end: number): string | null {
  let byUnit = initCache.get(unit);
  if (!byUnit) initCache.set(unit, (byUnit = new Map()));
  const hit = byUnit.get(start);
  if (hit !== undefined) return hit;
  let message: string | null = null;
  const parenthesized = /\(\s*$/.test(source.slice(Math.max(0, start - 40), start));
  const parsed = parenthesized ? null : spanExpression(source, start, end);
  const node = parsed?.node;
  if (parsed && node) {
    const p = new Printer(parsed.source, true);
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier') {
      message = `${node.callee.name} is not a function or its return value is not iterable`;
    } else if (node.type === 'CallExpression' && innermostCallee(node)?.type === 'Identifier') {
      // a call of a call (`f()()`): V8 finds the innermost call and names its callee, by type
      message = `${(innermostCallee(node) as ESTree.Identifier).name} is not iterable (cannot read property Symbol(Symbol.iterator))`;
    } else if (node.type === 'NewExpression') {
      p.find(node.callee, true);
      message = `${p.out} is not a function or its return value is not iterable`;
    } else if (PRINTED_INITIALIZERS.has(node.type)) {
      p.find(node, true);
      message = `${p.out} is not iterable`;
    }
  }
  byUnit.set(start, message);
  return message;
}

/** yield* operands V8 finds at the error's position (those whose position is not where they start). */
const FOUND_DELEGATES = new Set(['MemberExpression', 'CallExpression', 'NewExpression', 'BinaryExpression', 'LogicalExpression', 'AssignmentExpression']);

/**
 * V8's message when the operand of the `yield* x` at `start`…`end` is not iterable:
 * `yield* (intermediate value) is not iterable` for `o.a`, `f()`, `a + 1`…; null for the
 * rest (an identifier, a literal, `this`…), where V8 gives the value's type.
 */
export function delegateNotIterable(source: string, start: number, end: number): string | null {
  const parsed = spanExpression(source, start, end);
  const node = parsed?.node;
  if (node?.type !== 'YieldExpression' || !node.delegate || !node.argument) return null;
  return FOUND_DELEGATES.has(node.argument.type) ? `yield* ${INTERMEDIATE} is not iterable` : null;
}

/** `yield*` operands in async generators V8 finds at the error's position (measured on V8 11). */
const FOUND_ASYNC_DELEGATES = new Set(['MemberExpression', 'CallExpression', 'NewExpression', 'BinaryExpression', 'UnaryExpression', 'UpdateExpression', 'AwaitExpression', 'SequenceExpression', 'AssignmentExpression']);

/**
 * V8's message when the operand of an async generator's `yield* x` at `start`…`end` is neither
 * async nor sync iterable (and not null or undefined): `yield* (intermediate value)…(×4) is not
 * async iterable` for `o.a`, `f()`, `-x`…; for the rest (an identifier, a literal, `a ?? b`,
 * `this`…) V8 reports the call of the missing iterator method: `undefined is not a function`.
 * Null when the text is not such a `yield*`.
 */
export function asyncDelegateNotIterable(source: string, start: number, end: number): string | null {
  const parsed = spanExpression(source, start, end);
  const node = parsed?.node;
  if (node?.type !== 'YieldExpression' || !node.delegate || !node.argument) return null;
  return FOUND_ASYNC_DELEGATES.has(node.argument.type) ? `yield* ${INTERMEDIATE.repeat(4)} is not async iterable` : 'undefined is not a function';
}

/**
 * For an array pattern that is a property of a declaration's (or assignment's) object pattern,
 * `{ x: [y] } = init` at `start`…`end`: V8 prints the whole initializer in its message
 * (`{(intermediate value)} is not iterable (cannot read property …)`, `Cannot destructure
 * property 'Symbol(Symbol.iterator)' of 'o' as it is undefined.`). The initializer as printed,
 * or null when the text is not such an assignment (or prints nothing).
 */
export function patternOwnerPrinted(source: string, start: number, end: number): string | null {
  const parsed = spanExpression(source, start, end);
  const node = parsed?.node;
  if (!parsed || node?.type !== 'AssignmentExpression' || node.left.type !== 'ObjectPattern') return null;
  const p = new Printer(parsed.source);
  p.find(node.right, true);
  return p.out || null;
}
