/**
 * Grammar-based random program generator for differential testing (fast-check).
 *
 * Programs are "well-typed-ish": every expression is generated for a static type
 * (number, string, boolean, number[], string[], or a fixed-shape object) from the variables
 * and functions in scope, so most programs run to completion and exercise real semantics
 * rather than dying on the first TypeError. Runtime errors still happen (explicit `throw`s,
 * deliberate `undefined.x` inside `try`) and are part of what is compared.
 *
 * Termination and size are guaranteed by construction:
 * - loops are `for (let i = 0; i < K; i++)`, `while` with a counter incremented first thing
 *   in the body and never assigned elsewhere, or `for...of` over a bounded copy; K <= 5 and
 *   loops nest at most two deep;
 * - functions are only declared at top level and may only call functions declared before
 *   them (no recursion);
 * - every string assignment is truncated with `.slice(0, 40)` and every array assignment
 *   with `.slice(0, 16)`; repeat/pad counts and Array.from lengths are small literals.
 *
 * The result is a plain object of every top-level data variable plus the `log` array.
 * Console output uses only primitives (arrays are logged through JSON.stringify) so that it
 * never depends on util.inspect's line breaking.
 *
 * Deterministic per seed: `samplePrograms(seed, n)` always returns the same programs.
 *
 *   npx tsx test/differential/generator.ts [seed] [count]   # print sample programs
 */
import fc from 'fast-check';

type Ty = 'num' | 'str' | 'bool' | 'nums' | 'strs' | 'obj';

interface Var {
  name: string;
  ty: Ty;
  mutable: boolean;
}

interface Fn {
  name: string;
  params: Ty[];
  ret: Ty;
}

type Draw = fc.GeneratorValue;

const NUM_LITERALS = [
  '0', '1', '2', '3', '5', '7', '10', '42', '100', '255', '0.5', '1.5', '0.1', '2.25', '(-1)', '(-7)', '(-0)',
  '1e21', '1e-7', '65535', '2147483648', '9007199254740993', 'NaN', 'Infinity',
];
const STR_LITERALS = [
  "''", "'a'", "'abc'", "'Hello'", "' padded '", "'a,b,c'", "'x-y-z'", "'42'", "'3.5'", "'😀x'", "'ÄÖü'", "'line\\nbreak'",
  "'MiXeD'", "'  '", "'0x1f'", "'-0'",
];
const SEPARATORS = ["''", "','", "'-'", "' '", "'b'"];

class Builder {
  private vars: Var[][] = [[]];
  private fns: Fn[] = [];
  private counter = 0;
  private lines: string[] = [];
  private indent = 0;
  private loopDepth = 0;
  private inFunction = false;

  constructor(private readonly g: Draw) {}

  // -- drawing helpers -------------------------------------------------------------------

  private int(min: number, max: number): number {
    return this.g(fc.integer, { min, max });
  }

  private chance(percent: number): boolean {
    return this.int(1, 100) <= percent;
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** Picks one of weighted alternatives and runs it. */
  private choose<T>(alternatives: [number, () => T][]): T {
    const live = alternatives.filter(([w]) => w > 0);
    const total = live.reduce((s, [w]) => s + w, 0);
    let r = this.int(1, total);
    for (const [w, f] of live) {
      if ((r -= w) <= 0) return f();
    }
    return live[live.length - 1][1]();
  }

  private fresh(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  private emit(line: string): void {
    this.lines.push('  '.repeat(this.indent) + line);
  }

  private visible(ty: Ty, mutableOnly = false): Var[] {
    return this.vars.flat().filter((v) => v.ty === ty && (!mutableOnly || v.mutable));
  }

  private declare(v: Var): void {
    this.vars[this.vars.length - 1].push(v);
  }

  private block(body: () => void): void {
    this.vars.push([]);
    this.indent++;
    body();
    this.indent--;
    this.vars.pop();
  }

  // -- expressions -----------------------------------------------------------------------

  expr(ty: Ty, depth: number): string {
    switch (ty) {
      case 'num':
        return this.num(depth);
      case 'str':
        return this.str(depth);
      case 'bool':
        return this.bool(depth);
      case 'nums':
        return this.nums(depth);
      case 'strs':
        return this.strs(depth);
      case 'obj':
        return this.obj(depth);
    }
  }

  private varOf(ty: Ty): string | null {
    const vs = this.visible(ty);
    return vs.length ? this.pick(vs).name : null;
  }

  private callOf(ret: Ty, depth: number): string | null {
    const fs = this.fns.filter((f) => f.ret === ret);
    if (!fs.length) return null;
    const f = this.pick(fs);
    return `${f.name}(${f.params.map((p) => this.expr(p, depth - 1)).join(', ')})`;
  }

  private num(depth: number): string {
    const leaf = () => this.varOf('num') ?? this.pick(NUM_LITERALS);
    if (depth <= 0) return this.chance(60) ? leaf() : this.pick(NUM_LITERALS);
    const d = depth - 1;
    return this.choose<string>([
      [4, () => this.pick(NUM_LITERALS)],
      [6, leaf],
      [6, () => `(${this.num(d)} ${this.pick(['+', '-', '*', '/', '%'])} ${this.num(d)})`],
      [1, () => `(${this.num(d)} ** ${this.pick(['0', '1', '2', '3', '0.5', '(-1)'])})`],
      [2, () => `(${this.num(d)} ${this.pick(['&', '|', '^', '<<', '>>', '>>>'])} ${this.num(d)})`],
      [2, () => `(${this.pick(['-', '~', '+'])}${this.num(d)})`],
      [2, () => `(${this.str(d)} ${this.pick(['*', '-', '/'])} ${this.num(d)})`],
      [3, () => `Math.${this.pick(['floor', 'ceil', 'round', 'abs', 'trunc', 'sign', 'sqrt', 'cbrt', 'fround'])}(${this.num(d)})`],
      [2, () => `Math.${this.pick(['max', 'min', 'hypot', 'atan2', 'pow'])}(${this.num(d)}, ${this.num(d)})`],
      [2, () => `${this.str(d)}.length`],
      [2, () => `${this.nums(d)}.length`],
      [2, () => `(${this.nums(d)}[${this.num(0)}] ?? ${this.pick(NUM_LITERALS)})`],
      [2, () => `${this.nums(d)}.reduce((acc, x) => acc + x, ${this.pick(['0', '1', "''.length"])})`],
      [1, () => `${this.nums(d)}.indexOf(${this.num(d)})`],
      [1, () => `${this.nums(d)}.findIndex((x) => x > ${this.num(0)})`],
      [1, () => `(${this.nums(d)}.find((x) => x % 2 === 0) ?? -1)`],
      [1, () => `${this.str(d)}.charCodeAt(${this.num(0)})`],
      [1, () => `(${this.str(d)}.codePointAt(${this.pick(['0', '1', '2'])}) ?? 0)`],
      [1, () => `${this.str(d)}.indexOf(${this.str(0)})`],
      [2, () => `${this.pick(['parseInt', 'parseFloat', 'Number'])}(${this.str(d)})`],
      [1, () => `parseInt(${this.str(d)}, ${this.pick(['2', '10', '16', '36'])})`],
      [2, () => `(${this.bool(d)} ? ${this.num(d)} : ${this.num(d)})`],
      [1, () => `(${this.num(d)} ${this.pick(['&&', '||', '??'])} ${this.num(d)})`],
      [2, () => `${this.obj(d)}.n`],
      [1, () => `Object.keys(${this.obj(d)}).length`],
      [1, () => `(${this.bool(d)} + ${this.num(d)})`],
      [3, () => this.callOf('num', depth) ?? leaf()],
    ]);
  }

  private str(depth: number): string {
    const leaf = () => this.varOf('str') ?? this.pick(STR_LITERALS);
    if (depth <= 0) return this.chance(60) ? leaf() : this.pick(STR_LITERALS);
    const d = depth - 1;
    return this.choose<string>([
      [4, () => this.pick(STR_LITERALS)],
      [6, leaf],
      [4, () => `(${this.str(d)} + ${this.expr(this.pick<Ty>(['str', 'num', 'bool']), d)})`],
      [2, () => `(${this.num(d)} + ${this.str(d)})`],
      [3, () => `\`${this.pick(['', 'v=', '<'])}\${${this.expr(this.pick<Ty>(['num', 'str', 'bool', 'nums']), d)}}${this.pick(['', '|', '>'])}\${${this.num(d)}}\``],
      [3, () => `${this.str(d)}.${this.pick(['toUpperCase', 'toLowerCase', 'trim', 'trimStart', 'trimEnd'])}()`],
      [3, () => `${this.str(d)}.${this.pick(['slice', 'substring'])}(${this.num(0)}, ${this.num(0)})`],
      [1, () => `${this.str(d)}.slice(${this.pick(['-1', '-3', '1', '2'])})`],
      [2, () => `${this.str(d)}.${this.pick(['padStart', 'padEnd'])}(${this.int(0, 12)}, ${this.pick(["'*'", "'ab'", "' '", "''"])})`],
      [1, () => `${this.str(d)}.repeat(${this.int(0, 3)})`],
      [2, () => `${this.str(d)}.${this.pick(['replace', 'replaceAll'])}(${this.pick(["'a'", "','", "'-'", "''"])}, ${this.pick(["'_'", "'$&$&'", "'[$`]'", "''"])})`],
      [1, () => `${this.str(d)}.replace(/${this.pick(['[aeiou]', '\\d+', '(\\w)(\\w)', '^.', 's*$'])}/g${this.pick(['', 'i'])}, ${this.pick(["'#'", "'$2$1'", '(m) => m.length', "(m) => m.toUpperCase()"])})`],
      [2, () => `(${this.str(d)}.at(${this.num(0)}) ?? '')`],
      [1, () => `${this.str(d)}.charAt(${this.num(0)})`],
      [2, () => `${this.str(d)}.split(${this.pick(SEPARATORS)}).join(${this.pick(SEPARATORS)})`],
      [1, () => `[...${this.str(d)}].reverse().join('')`],
      [2, () => `String(${this.num(d)})`],
      [2, () => `(${this.num(d)}).toFixed(${this.int(0, 4)})`],
      [1, () => `(${this.num(d)}).toString(${this.pick(['2', '8', '16', '36'])})`],
      [1, () => `(${this.num(d)}).toPrecision(${this.int(1, 6)})`],
      [3, () => `${this.nums(d)}.join(${this.pick(SEPARATORS)})`],
      [2, () => `${this.strs(d)}.join(${this.pick(SEPARATORS)})`],
      [2, () => `JSON.stringify(${this.expr(this.pick<Ty>(['nums', 'strs', 'obj', 'num', 'str']), d)})`],
      [1, () => `(typeof ${this.expr(this.pick<Ty>(['num', 'str', 'bool', 'nums', 'obj']), d)})`],
      [2, () => `(${this.bool(d)} ? ${this.str(d)} : ${this.str(d)})`],
      [1, () => `(${this.strs(d)}[${this.num(0)}] ?? 'none')`],
      [2, () => `${this.obj(d)}.s`],
      [3, () => this.callOf('str', depth) ?? leaf()],
    ]);
  }

  private bool(depth: number): string {
    const leaf = () => this.varOf('bool') ?? this.pick(['true', 'false']);
    if (depth <= 0) return leaf();
    const d = depth - 1;
    return this.choose<string>([
      [3, () => this.pick(['true', 'false'])],
      [4, leaf],
      [5, () => `(${this.num(d)} ${this.pick(['<', '<=', '>', '>=', '===', '!==', '==', '!='])} ${this.num(d)})`],
      [2, () => `(${this.str(d)} ${this.pick(['<', '>', '===', '!=='])} ${this.str(d)})`],
      [1, () => `(${this.str(d)} == ${this.num(d)})`],
      [2, () => `(!${this.bool(d)})`],
      [3, () => `(${this.bool(d)} ${this.pick(['&&', '||'])} ${this.bool(d)})`],
      [2, () => `${this.nums(d)}.includes(${this.num(d)})`],
      [2, () => `${this.str(d)}.${this.pick(['includes', 'startsWith', 'endsWith'])}(${this.str(d)})`],
      [2, () => `Number.${this.pick(['isInteger', 'isNaN', 'isFinite', 'isSafeInteger'])}(${this.num(d)})`],
      [2, () => `${this.nums(d)}.${this.pick(['some', 'every'])}((x) => x ${this.pick(['>', '<', '==='])} ${this.num(0)})`],
      [1, () => `Object.is(${this.num(d)}, ${this.num(d)})`],
      [1, () => `Boolean(${this.expr(this.pick<Ty>(['num', 'str']), d)})`],
      [1, () => `${this.obj(d)}.b`],
      [2, () => this.callOf('bool', depth) ?? leaf()],
    ]);
  }

  private numsLiteral(depth: number): string {
    const n = this.int(0, 5);
    return `[${Array.from({ length: n }, () => this.num(Math.min(depth, 1))).join(', ')}]`;
  }

  private nums(depth: number): string {
    const leaf = () => this.varOf('nums') ?? this.numsLiteral(0);
    if (depth <= 0) return leaf();
    const d = depth - 1;
    return this.choose<string>([
      [3, () => this.numsLiteral(d)],
      [5, leaf],
      [3, () => `${this.nums(d)}.map((x, i) => (${this.numWith(['x', 'i'], d)}))`],
      [3, () => `${this.nums(d)}.filter((x) => (${this.boolWith('x', d)}))`],
      [2, () => `${this.nums(d)}.slice(${this.num(0)}, ${this.num(0)})`],
      [2, () => `${this.nums(d)}.concat(${this.nums(d)})`],
      [1, () => `[...${this.nums(d)}, ...${this.nums(d)}]`],
      [2, () => `${this.nums(d)}.toSorted(${this.pick(['', '(a, b) => a - b', '(a, b) => b - a'])})`],
      [1, () => `${this.nums(d)}.toReversed()`],
      [1, () => `${this.nums(d)}.flatMap((x) => [x, -x])`],
      [1, () => `${this.nums(d)}.with(0, ${this.num(0)}).slice(0, 0 + ${this.nums(0)}.length)`],
      [1, () => `[${this.nums(d)}, ${this.nums(d)}].flat()`],
      [2, () => `[...${this.str(d)}].map((c) => c.charCodeAt(0))`],
      [2, () => `Array.from({ length: ${this.int(0, 6)} }, (_, i) => (${this.numWith(['i'], d)}))`],
      [1, () => `${this.strs(d)}.map(Number)`],
      [1, () => `${this.strs(d)}.map((s) => s.length)`],
      [2, () => this.callOf('nums', depth) ?? leaf()],
    ]);
  }

  private strs(depth: number): string {
    const leaf = () => this.varOf('strs') ?? `[${Array.from({ length: this.int(0, 4) }, () => this.pick(STR_LITERALS)).join(', ')}]`;
    if (depth <= 0) return leaf();
    const d = depth - 1;
    return this.choose<string>([
      [5, leaf],
      [3, () => `${this.str(d)}.split(${this.pick(SEPARATORS)})`],
      [1, () => `${this.str(d)}.split(/${this.pick(['\\s+', ',', '(-)', '[aeiou]'])}/)`],
      [2, () => `${this.nums(d)}.map((x) => String(x))`],
      [2, () => `${this.strs(d)}.map((s) => s.${this.pick(['toUpperCase', 'trim', 'toLowerCase'])}())`],
      [2, () => `${this.strs(d)}.toSorted()`],
      [1, () => `${this.strs(d)}.filter((s) => s.length > ${this.int(0, 3)})`],
      [2, () => `Object.keys(${this.obj(d)})`],
      [1, () => `Object.entries(${this.obj(d)}).map(([k, v]) => k + '=' + v)`],
      [1, () => `(${this.str(d)}.match(/[a-z]/gi) ?? [])`],
      [1, () => this.callOf('strs', depth) ?? leaf()],
    ]);
  }

  private obj(depth: number): string {
    const leaf = () => this.varOf('obj') ?? `{ n: ${this.num(0)}, s: ${this.str(0)}, b: ${this.bool(0)} }`;
    if (depth <= 0) return leaf();
    const d = depth - 1;
    return this.choose<string>([
      [4, leaf],
      [3, () => `{ n: ${this.num(d)}, s: ${this.str(d)}, b: ${this.bool(d)} }`],
      [2, () => {
        const field = this.pick(['n', 's', 'b'] as const);
        const value = field === 'n' ? this.num(d) : field === 's' ? this.str(d) : this.bool(d);
        return `{ ...${this.obj(d)}, ${field}: ${value} }`;
      }],
      [1, () => this.callOf('obj', depth) ?? leaf()],
    ]);
  }

  /** A number expression that may use the callback parameters in `params`. */
  private numWith(params: string[], depth: number): string {
    const p = this.pick(params);
    return this.choose<string>([
      [3, () => `(${p} ${this.pick(['+', '-', '*', '%'])} ${this.num(Math.min(depth, 1))})`],
      [2, () => `(${p} ${this.pick(['*', '+'])} ${this.pick(params)})`],
      [1, () => `Math.${this.pick(['abs', 'floor', 'sqrt'])}(${p})`],
      [1, () => this.num(Math.min(depth, 1))],
    ]);
  }

  private boolWith(p: string, depth: number): string {
    return this.choose<string>([
      [3, () => `${p} ${this.pick(['>', '<', '>=', '!=='])} ${this.num(Math.min(depth, 1))}`],
      [2, () => `${p} % ${this.pick(['2', '3'])} === 0`],
      [1, () => `Number.isInteger(${p})`],
    ]);
  }

  // -- statements ------------------------------------------------------------------------

  private bounded(ty: Ty, e: string): string {
    if (ty === 'str') return `(${e}).slice(0, 40)`;
    if (ty === 'nums' || ty === 'strs') return `(${e}).slice(0, 16)`;
    return e;
  }

  private declaration(): void {
    const ty = this.pick<Ty>(['num', 'num', 'str', 'str', 'bool', 'nums', 'strs', 'obj']);
    const name = this.fresh(ty === 'nums' || ty === 'strs' ? 'arr' : ty === 'obj' ? 'o' : 'v');
    const mutable = this.chance(70);
    const init = this.bounded(ty, this.expr(ty, 2));
    this.emit(`${mutable ? 'let' : 'const'} ${name} = ${init};`);
    this.declare({ name, ty, mutable });
  }

  private assignment(): boolean {
    const candidates = this.vars.flat().filter((v) => v.mutable);
    if (!candidates.length) return false;
    const v = this.pick(candidates);
    switch (v.ty) {
      case 'num':
        if (this.chance(10)) this.emit(`${v.name} **= ${this.pick(['2', '0.5', '1'])};`);
        else this.emit(`${v.name} ${this.pick(['=', '+=', '-=', '*=', '%=', '|=', '??='])} ${this.num(2)};`);
        break;
      case 'str':
        this.emit(this.chance(50) ? `${v.name} = ${this.bounded('str', this.str(2))};` : `${v.name} = (${v.name} + ${this.expr(this.pick<Ty>(['str', 'num']), 1)}).slice(0, 40);`);
        break;
      case 'bool':
        this.emit(this.chance(50) ? `${v.name} = ${this.bool(2)};` : `${v.name} ${this.pick(['||=', '&&=', '??='])} ${this.bool(1)};`);
        break;
      case 'nums':
        this.choose<void>([
          [3, () => this.emit(`${v.name} = ${this.bounded('nums', this.nums(2))};`)],
          [3, () => this.emit(`if (${v.name}.length < 16) ${v.name}.push(${this.num(1)});`)],
          [1, () => this.emit(`${v.name}.pop();`)],
          [1, () => this.emit(`${v.name}.shift();`)],
          [1, () => this.emit(`if (${v.name}.length < 16) ${v.name}.unshift(${this.num(1)});`)],
          [2, () => this.emit(`${v.name}.sort(${this.pick(['', '(a, b) => a - b', '(a, b) => b - a'])});`)],
          [1, () => this.emit(`${v.name}.reverse();`)],
          [1, () => this.emit(`${v.name}.splice(${this.pick(['0', '1', '-1'])}, ${this.pick(['0', '1', '2'])}${this.chance(50) ? ', ' + this.num(0) : ''});`)],
          [1, () => this.emit(`${v.name}[${this.pick(['0', '1', `${v.name}.length - 1`])}] = ${this.num(1)};`)],
          [1, () => this.emit(`${v.name}.fill(${this.num(0)}, ${this.pick(['0', '1', '-1'])});`)],
        ]);
        break;
      case 'strs':
        this.choose<void>([
          [2, () => this.emit(`${v.name} = ${this.bounded('strs', this.strs(2))};`)],
          [2, () => this.emit(`if (${v.name}.length < 16) ${v.name}.push(${this.bounded('str', this.str(1))});`)],
          [1, () => this.emit(`${v.name}.sort();`)],
        ]);
        break;
      case 'obj':
        this.choose<void>([
          [2, () => this.emit(`${v.name}.n = ${this.num(1)};`)],
          [2, () => this.emit(`${v.name}.s = ${this.bounded('str', this.str(1))};`)],
          [1, () => this.emit(`${v.name}.b = !${v.name}.b;`)],
          [1, () => this.emit(`${v.name} = ${this.obj(2)};`)],
        ]);
        break;
    }
    return true;
  }

  private statements(count: number, depth: number): void {
    for (let i = 0; i < count; i++) this.statement(depth);
  }

  private statement(depth: number): void {
    const canNest = depth < 2;
    const inLoop = this.loopDepth > 0;
    this.choose<void>([
      [6, () => this.declaration()],
      [7, () => {
        if (!this.assignment()) this.declaration();
      }],
      [3, () => this.emit(`log.push(${this.expr(this.pick<Ty>(['num', 'str', 'bool', 'nums']), 2)});`)],
      [2, () => this.emit(`console.${this.pick(['log', 'log', 'info', 'warn'])}(${this.consoleArgs()});`)],
      [canNest ? 4 : 0, () => this.ifStatement(depth)],
      [canNest && this.loopDepth < 2 ? 3 : 0, () => this.forLoop(depth)],
      [canNest && this.loopDepth < 2 ? 2 : 0, () => this.forOfLoop(depth)],
      [canNest && this.loopDepth < 2 ? 2 : 0, () => this.whileLoop(depth)],
      [canNest ? 2 : 0, () => this.tryStatement(depth)],
      [canNest ? 1 : 0, () => this.switchStatement(depth)],
      [inLoop ? 2 : 0, () => this.emit(`if (${this.bool(1)}) ${this.pick(['break', 'continue'])};`)],
      [depth > 0 || this.inFunction ? 1 : 0, () => this.emit(`if (${this.bool(1)}) throw new ${this.pick(['Error', 'RangeError', 'TypeError'])}(${this.str(1)});`)],
      [1, () => {
        const arr = this.nums(1);
        const acc = this.visible('num', true);
        if (acc.length) this.emit(`${arr}.forEach((x, i) => { ${this.pick(acc).name} += x * i; });`);
        else this.emit(`log.push(${arr}.length);`);
      }],
    ]);
  }

  private consoleArgs(): string {
    const n = this.int(1, 3);
    const args: string[] = [];
    if (this.chance(20)) args.push(this.pick(["'%s=%d'", "'%s:'", "'value %i'"]));
    for (let i = 0; i < n; i++) {
      const ty = this.pick<Ty>(['num', 'str', 'bool', 'nums', 'obj']);
      const e = this.expr(ty, 1);
      args.push(ty === 'nums' || ty === 'obj' ? `JSON.stringify(${e})` : e);
    }
    return args.join(', ');
  }

  private ifStatement(depth: number): void {
    this.emit(`if (${this.bool(2)}) {`);
    this.block(() => this.statements(this.int(1, 3), depth + 1));
    if (this.chance(50)) {
      this.emit('} else {');
      this.block(() => this.statements(this.int(1, 2), depth + 1));
    }
    this.emit('}');
  }

  private loopBody(depth: number, loopVar: Var | null): void {
    this.loopDepth++;
    this.block(() => {
      if (loopVar) this.declare(loopVar);
      this.statements(this.int(1, 3), depth + 1);
    });
    this.loopDepth--;
  }

  private forLoop(depth: number): void {
    const i = this.fresh('i');
    this.emit(`for (let ${i} = 0; ${i} < ${this.int(0, 5)}; ${i}++) {`);
    this.loopBody(depth, { name: i, ty: 'num', mutable: false });
    this.emit('}');
  }

  private forOfLoop(depth: number): void {
    const x = this.fresh('x');
    const ty = this.pick<Ty>(['nums', 'strs', 'str']);
    const src = ty === 'str' ? `[...${this.str(1)}].slice(0, 5)` : `${this.expr(ty, 1)}.slice(0, 5)`;
    this.emit(`for (const ${x} of ${src}) {`);
    this.loopBody(depth, { name: x, ty: ty === 'nums' ? 'num' : 'str', mutable: false });
    this.emit('}');
  }

  private whileLoop(depth: number): void {
    const w = this.fresh('w');
    const doWhile = this.chance(30);
    this.emit(`let ${w} = 0;`);
    this.declare({ name: w, ty: 'num', mutable: false });
    const limit = this.int(0, 4);
    this.emit(doWhile ? 'do {' : `while (${w} < ${limit}) {`);
    this.indent++;
    this.emit(`${w}++;`);
    this.indent--;
    this.loopBody(depth, null);
    this.emit(doWhile ? `} while (${w} < ${limit});` : '}');
  }

  private tryStatement(depth: number): void {
    this.emit('try {');
    this.block(() => {
      this.statements(this.int(1, 2), depth + 1);
      if (this.chance(50)) this.emit(`if (${this.bool(1)}) throw new ${this.pick(['Error', 'RangeError', 'SyntaxError'])}(${this.str(1)});`);
      if (this.chance(20)) this.emit(`${this.pick(['null', 'undefined'])}.${this.pick(['x', 'length'])};`);
    });
    const e = this.fresh('e');
    this.emit(`} catch (${e}) {`);
    this.block(() => {
      this.emit(`log.push(${this.pick([`${e}.name`, `${e} instanceof Error`, `${e}.name + ': ' + (${e} instanceof TypeError ? 'type' : ${e}.message)`])});`);
      if (this.chance(40)) this.statements(1, depth + 1);
    });
    if (this.chance(40)) {
      this.emit('} finally {');
      this.block(() => this.emit(`log.push('finally ${e}');`));
    }
    this.emit('}');
  }

  private switchStatement(depth: number): void {
    this.emit(`switch (${this.num(1)} % 3) {`);
    this.indent++;
    const cases = ['0', '1', '2', '-1', 'NaN'];
    const n = this.int(1, 3);
    const defaultAt = this.chance(60) ? this.int(0, n) : -1;
    for (let c = 0; c <= n; c++) {
      if (c === defaultAt) this.emit('default:');
      else if (c < n) this.emit(`case ${this.pick(cases)}:`);
      else continue;
      this.block(() => {
        this.statements(1, depth + 1);
        if (this.chance(60)) this.emit('break;');
      });
    }
    this.indent--;
    this.emit('}');
  }

  private functionDeclaration(): void {
    const name = this.fresh('f');
    const params = Array.from({ length: this.int(0, 2) }, () => this.pick<Ty>(['num', 'str', 'nums']));
    const ret = this.pick<Ty>(['num', 'num', 'str', 'bool', 'nums']);
    const paramVars = params.map((ty) => ({ name: this.fresh('p'), ty, mutable: true }));
    const arrow = this.chance(40);
    const sig = paramVars.map((p, i) => (i === paramVars.length - 1 && this.chance(30) ? `${p.name} = ${this.expr(p.ty, 0)}` : p.name)).join(', ');
    this.emit(arrow ? `const ${name} = (${sig}) => {` : `function ${name}(${sig}) {`);
    const wasIn = this.inFunction;
    this.inFunction = true;
    this.block(() => {
      for (const p of paramVars) this.declare(p);
      this.statements(this.int(0, 3), 1);
      this.emit(`return ${this.bounded(ret, this.expr(ret, 2))};`);
    });
    this.inFunction = wasIn;
    this.emit(arrow ? '};' : '}');
    this.fns.push({ name, params, ret });
  }

  private closureFactory(): void {
    const name = this.fresh('counter');
    this.emit(`const ${name} = (() => {`);
    this.indent++;
    this.emit(`let state = ${this.num(1)};`);
    this.emit(`return (step) => (state = (state + step) % 1000);`);
    this.indent--;
    this.emit('})();');
    this.fns.push({ name, params: ['num'], ret: 'num' });
  }

  program(): string {
    this.emit('const log = [];');
    const n = this.int(3, 12);
    for (let k = 0; k < n; k++) {
      this.choose<void>([
        [8, () => this.statement(0)],
        [2, () => this.functionDeclaration()],
        [1, () => this.closureFactory()],
      ]);
    }
    const data = this.vars[0].map((v) => v.name);
    this.emit(`({ ${[...data, 'log'].join(', ')} })`);
    return this.lines.join('\n') + '\n';
  }
}

/** Arbitrary of whole guest programs (strict script whose completion value is the result). */
export function programArbitrary(): fc.Arbitrary<string> {
  return fc.gen().map((g) => new Builder(g).program());
}

/** `count` programs, deterministic for a given seed. */
export function samplePrograms(seed: number, count: number): string[] {
  return fc.sample(programArbitrary(), { seed, numRuns: count });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const seed = Number(process.argv[2] ?? 1);
  const count = Number(process.argv[3] ?? 3);
  samplePrograms(seed, count).forEach((p, i) => console.log(`// ---- program ${i} (seed ${seed})\n${p}`));
}
