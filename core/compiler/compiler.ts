/**
 * The bytecode compiler: a validated meriyah AST → one {@link FunctionCode} per
 * function. Names are resolved by {@link analyze}; this pass only emits code.
 * Invariant: the operand stack is empty between statements (loop iterators, switch
 * discriminants and finally state live in registers), so jumps out of statements need
 * no stack fix-up and exceptions restore a known height.
 */
import { CompiledProgram, FnFlags, FunctionCode, type TemplateConst } from '../chunk';
import { ParseError, ValidationError } from '../errors';
import { RegexSyntaxError, compileRegex } from '../regex/index';
import { Op } from '../opcodes';
import { destructureCheck, type DestructureSite } from '../destructure';
import { Emitter, Label, computeLineStarts } from './emitter';
import { analyze, patternNames, type Analysis, type Binding, type FnInfo, type Node, type Scope } from './scope';

/** Where a top-level pattern's value comes from (V8 words its errors by it). */
type PatternSite =
  | { kind: 'value'; value: Node; whole: Node } // a declaration's initializer, or an assignment's right side
  | { kind: 'member'; whole: Node } // an array pattern as a property of such a declaration's object pattern
  | { kind: 'for'; head: Node } // a for-in/of declaration
  | { kind: 'catch'; clause: Node } // a catch parameter
  | { kind: Exclude<DestructureSite, 'value' | 'for' | 'catch' | 'nested'> };

/** Completion kinds carried through finally blocks. */
const NORMAL = 0;
const THROW = 1;
const FIRST_JUMP = 2;

type Exit = { type: 'break' | 'continue' | 'return'; target: number; id: number };

type Control =
  | { kind: 'loop'; labels: string[]; brk: Label; cont: Label; iterReg: number; isAsync?: boolean }
  | { kind: 'switch'; labels: string[]; brk: Label }
  | { kind: 'label'; labels: string[]; brk: Label }
  | { kind: 'env' }
  | { kind: 'try' }
  | { kind: 'finally'; rType: number; rVal: number; entry: Label; exits: Exit[] };

class ProgramBuilder {
  readonly functions: FunctionCode[] = [];
  readonly unit: { functions: FunctionCode[]; source: string };
  templateSites = 0;
  readonly lineStarts: number[];
  capabilities: ReadonlySet<string> = new Set();
  constructor(
    readonly source: string,
    readonly analysis: Analysis,
  ) {
    this.lineStarts = computeLineStarts(source);
    this.unit = { functions: this.functions, source };
  }
  reserve(name: string): FunctionCode {
    const fc = new FunctionCode(name, this.functions.length);
    fc.unit = this.unit;
    this.functions.push(fc);
    return fc;
  }
}

/** Fails compilation with a diagnostic pointing at `node`. */
function unsupported(pb: ProgramBuilder, node: Node, message: string): never {
  const e = new Emitter(pb.lineStarts);
  const [l1, c1] = e.position(node.start ?? 0);
  const [l2, c2] = e.position(node.end ?? 0);
  throw new ValidationError([
    {
      code: 'CAP1900',
      message,
      severity: 'error',
      span: { start: node.start ?? 0, end: node.end ?? 0, line: l1, column: c1, endLine: l2, endColumn: c2 },
    },
  ]);
}

/** Invalid regular expression literals are early errors, as in V8. */
function checkRegexLiteral(pb: ProgramBuilder, n: Node): void {
  try {
    compileRegex(n.regex.pattern, n.regex.flags);
  } catch (err) {
    if (!(err instanceof RegexSyntaxError)) throw err;
    const e = new Emitter(pb.lineStarts);
    const [l1, c1] = e.position(n.start);
    const [l2, c2] = e.position(n.end);
    throw new ParseError({
      code: 'CAP0001',
      message: err.message,
      severity: 'error',
      span: { start: n.start, end: n.end, line: l1, column: c1, endLine: l2, endColumn: c2 },
    });
  }
}

export interface CompileOptions {
  /** Marks every function as a self-hosted built-in (the prelude). */
  builtin?: boolean;
  /** Global names that are host capabilities (for the async-context rule of concise arrows). */
  capabilities?: Iterable<string>;
}

/** Compiles a parsed, validated program. */
export function compileProgram(program: Node, source: string, options: CompileOptions = {}): CompiledProgram {
  const analysis = analyze(program);
  const pb = new ProgramBuilder(source, analysis);
  if (options.capabilities) pb.capabilities = new Set(options.capabilities);
  const main = pb.reserve('');
  const fnInfo = analysis.fnOf.get(program)!;
  const fc = new FnCompiler(pb, fnInfo, main, [], options.builtin ?? false);
  fc.compileScript(program);
  return new CompiledProgram(source, pb.functions, [...analysis.globals], pb.templateSites);
}

class FnCompiler {
  readonly e: Emitter;
  private readonly controls: Control[] = [];
  private scope: Scope;
  /** Scopes whose environments are live, outermost first (includes enclosing functions'). */
  private readonly envStack: Scope[];
  private completionReg = -1;
  private retReg = -1;
  private readonly optStack: { label: Label; pops: { label: Label; n: number }[] }[] = [];
  /** Async code, or an arrow nested (through arrows only) in async code. */
  private asyncCtx = false;
  /** Where the pattern compiled next takes its value from (see {@link assignPatternAt}). */
  private patternSite: PatternSite | null = null;
  /** Indices in code.envRegions of the environments pushed and not yet popped. */
  private readonly envRegionStack: number[] = [];
  parentAsyncCtx = false;

  constructor(
    private readonly pb: ProgramBuilder,
    private readonly fn: FnInfo,
    private readonly code: FunctionCode,
    envStack: Scope[],
    private readonly builtin: boolean,
  ) {
    this.e = new Emitter(pb.lineStarts);
    this.scope = fn.scope;
    this.envStack = envStack.slice();
  }

  // ---- helpers -------------------------------------------------------------------

  private fail(node: Node, message: string): never {
    unsupported(this.pb, node, message);
  }

  private k(c: string | number | bigint | TemplateConst): number {
    return this.e.constant(c);
  }

  private label(): Label {
    return new Label();
  }

  private get isScript(): boolean {
    return this.fn.node.type === 'Program';
  }

  /** Enters a scope: creates its environment and assigns registers. */
  private enterScope(scope: Scope): void {
    this.scope = scope;
    if (scope.hasEnv) {
      this.e.emit(Op.PushEnv, scope.envSize);
      this.openEnvRegion(scope);
      this.envStack.push(scope);
      this.controls.push({ kind: 'env' });
    }
    for (const b of scope.bindings.values()) {
      if (!b.inEnv && b.slot < 0 && b.kind !== 'param') b.slot = this.e.newLocal(b.name);
    }
    for (const b of scope.bindings.values()) {
      if (b.lexical) {
        if (!b.inEnv) {
          this.e.emit(Op.PushTdz);
          this.e.emit(Op.PutLocal, b.slot);
        }
        // env slots start as TDZ
      } else if (b.inEnv && (b.kind === 'var' || b.kind === 'function')) {
        if (scope.kind !== 'function') continue;
        if (b.kind === 'var') {
          this.e.emit(Op.Undef);
          this.e.emit(Op.PutEnv, 0, b.slot);
        }
      } else if (!b.inEnv && b.kind === 'var' && scope.kind !== 'function') {
        // block-level vars are hoisted to the function scope; nothing here
      }
    }
  }

  /** Slot names of a scope's environment (for the debugger). */
  private envNames(scope: Scope): string[] {
    const names: string[] = new Array(scope.envSize).fill('');
    for (const b of scope.bindings.values()) if (b.inEnv && b.slot >= 0 && b.slot < names.length) names[b.slot] = b.name;
    return names;
  }

  /** Records the environment a PushEnv just emitted creates (closed by closeEnvRegion). */
  private openEnvRegion(scope: Scope): void {
    this.envRegionStack.push(this.code.envRegions.length);
    const region: FunctionCode['envRegions'][number] = { start: this.e.pc - 2, end: Number.MAX_SAFE_INTEGER, names: this.envNames(scope) };
    if (scope.kind !== 'function') region.block = true;
    this.code.envRegions.push(region);
  }

  private closeEnvRegion(): void {
    const i = this.envRegionStack.pop();
    if (i !== undefined) this.code.envRegions[i].end = this.e.pc;
  }

  private exitScope(scope: Scope, parent: Scope): void {
    if (scope.hasEnv) {
      this.closeEnvRegion();
      this.e.emit(Op.PopEnv);
      this.envStack.pop();
      const c = this.controls.pop();
      if (!c || c.kind !== 'env') throw new Error('control stack mismatch');
    }
    this.scope = parent;
  }

  private envDepth(scope: Scope): number {
    const i = this.envStack.lastIndexOf(scope);
    if (i < 0) throw new Error(`internal: environment of ${[...scope.bindings.keys()].join(',')} not live`);
    return this.envStack.length - 1 - i;
  }

  private needsTdz(b: Binding, ref: Node): boolean {
    if (b.kind === 'param') return b.tdzUntil >= 0 && (b.scope.fn !== this.fn || (ref?.start ?? -1) < b.tdzUntil);
    if (!b.lexical) return false;
    if (b.scope.fn !== this.fn) return true;
    if (b.scope.kind === 'switch') return true;
    return (ref?.start ?? -1) < b.declEnd;
  }

  private loadBinding(b: Binding, ref: Node): void {
    const nameK = this.k(b.name);
    if (b.inEnv) {
      if (this.needsTdz(b, ref)) this.e.emit(Op.GetEnvChecked, this.envDepth(b.scope), b.slot, nameK);
      else this.e.emit(Op.GetEnv, this.envDepth(b.scope), b.slot);
    } else if (this.needsTdz(b, ref)) this.e.emit(Op.GetLocalChecked, b.slot, nameK);
    else this.e.emit(Op.GetLocal, b.slot);
  }

  /** Stores the stack top into a binding, leaving it (assignment) or consuming it (`keep` false). */
  private storeBinding(b: Binding, ref: Node, init: boolean, keep: boolean): void {
    if (!init && b.immutable) {
      // assignment to a named function expression's own name is a TypeError in strict mode too;
      // a const still in its TDZ is a ReferenceError first (as in V8): read it, checked
      if (b.kind === 'const' && this.needsTdz(b, ref)) {
        this.loadBinding(b, ref);
        this.e.emit(Op.Pop);
      }
      this.e.emit(Op.ThrowConstAssign, this.k(b.name));
      return;
    }
    if (b.inEnv) {
      const d = this.envDepth(b.scope);
      if (!init && this.needsTdz(b, ref)) {
        this.e.emit(Op.SetEnvChecked, d, b.slot, this.k(b.name));
        if (!keep) this.e.emit(Op.Pop);
      } else this.e.emit(keep ? Op.SetEnv : Op.PutEnv, d, b.slot);
    } else {
      if (!init && this.needsTdz(b, ref)) {
        this.e.emit(Op.SetLocalChecked, b.slot, this.k(b.name));
        if (!keep) this.e.emit(Op.Pop);
      } else this.e.emit(keep ? Op.SetLocal : Op.PutLocal, b.slot);
    }
  }

  private bindingOf(id: Node): Binding | null {
    const b = this.pb.analysis.refs.get(id);
    return b === undefined ? null : b;
  }

  private loadIdentifier(id: Node): void {
    const b = this.bindingOf(id);
    if (b) this.loadBinding(b, id);
    else if (id.name === 'undefined') this.e.emit(Op.Undef);
    else this.e.emit(Op.GetGlobal, this.k(id.name));
  }

  private storeIdentifier(id: Node, init: boolean, keep: boolean): void {
    const b = this.bindingOf(id);
    if (b) this.storeBinding(b, id, init, keep);
    else {
      this.e.emit(Op.SetGlobal, this.k(id.name));
      if (!keep) this.e.emit(Op.Pop);
    }
  }

  private lookupName(name: string): Binding | null {
    for (let s: Scope | null = this.scope; s; s = s.parent) {
      const b = s.bindings.get(name);
      if (b) return b;
    }
    return null;
  }

  /** Pushes `this` (captured through the environment inside arrows). */
  private emitThis(node: Node): void {
    if (this.fn.isArrow) {
      const provider = this.fn.thisFn;
      if (provider.node.type === 'Program') {
        this.e.emit(Op.This);
        return;
      }
      const b = provider.scope.bindings.get('%this');
      if (!b) this.fail(node, 'internal: this not captured');
      this.e.emit(Op.GetEnvChecked, this.envDepth(b.scope), b.slot, this.k('this'));
      return;
    }
    this.e.emit(Op.This);
  }

  private emitHome(node: Node): void {
    if (this.fn.isArrow) {
      const provider = this.fn.thisFn;
      const b = provider.scope.bindings.get('%home');
      if (!b) this.fail(node, "'super' keyword unexpected here");
      this.e.emit(Op.GetEnv, this.envDepth(b.scope), b.slot);
      return;
    }
    this.e.emit(Op.HomeObject);
  }

  // ---- functions -----------------------------------------------------------------

  compileScript(program: Node): void {
    const code = this.code;
    code.flags = FnFlags.Script | (this.builtin ? FnFlags.Builtin : 0);
    if (this.pb.analysis.topLevelAwait) code.flags |= FnFlags.Async;
    this.asyncCtx = (code.flags & FnFlags.Async) !== 0;
    code.start = 0;
    code.end = this.pb.source.length;
    this.completionReg = this.e.newLocal('%completion');
    this.enterScope(this.fn.scope);
    this.hoistFunctions(program.body);
    for (const s of program.body) this.stmt(s);
    this.e.emit(Op.GetLocal, this.completionReg);
    this.e.emit(Op.Return);
    this.e.finish(code);
  }

  /** Compiles a nested function and returns its index. */
  private compileFunction(node: Node, name: string, extraFlags = 0, classInfo?: ClassInfo, textStart = -1): number {
    const info = this.pb.analysis.fnOf.get(node)!;
    const code = this.pb.reserve(name);
    const fc = new FnCompiler(this.pb, info, code, this.envStack, this.builtin);
    code.outerEnvNames = this.envStack.map((sc) => this.envNames(sc)).reverse();
    fc.parentAsyncCtx = this.asyncCtx;
    if (this.asyncCtx && this.isCapabilityArrow(node)) extraFlags |= FnFlags.AsyncCtx;
    fc.compileBody(node, extraFlags, classInfo);
    code.textStart = textStart;
    return code.index;
  }

  /** A class method's toString text starts at its key (or get/set/async/*), without `static`. */
  private methodTextStart(m: Node): number {
    if (!m.static) return m.start;
    const after = /^static\s*/.exec(this.pb.source.slice(m.start, m.start + 64));
    return m.start + (after ? after[0].length : 0);
  }

  /**
   * `id => lookup(id)`: a concise arrow whose whole body calls a capability. In async
   * code such an arrow's capability call returns a promise (the `Promise.all(ids.map(…))`
   * fan-out idiom); anywhere else a sync call evaluates to the answer itself.
   */
  private isCapabilityArrow(node: Node): boolean {
    if (node.type !== 'ArrowFunctionExpression' || !node.expression || node.async) return false;
    const body = node.body;
    if (body.type !== 'CallExpression' || body.optional || body.callee.type !== 'Identifier') return false;
    const name: string = body.callee.name;
    if (!this.pb.capabilities.has(name) || this.lookupName(name) !== null) return false;
    return !node.params.some((p: Node) => p.type === 'Identifier' && p.name === name);
  }

  private compileBody(node: Node, extraFlags: number, classInfo?: ClassInfo): void {
    const code = this.code;
    let flags = extraFlags | (this.builtin ? FnFlags.Builtin : 0);
    if (node.type === 'ArrowFunctionExpression') flags |= FnFlags.Arrow | FnFlags.NoConstruct;
    if (node.generator) flags |= FnFlags.Generator | FnFlags.NoConstruct;
    if (node.async) flags |= FnFlags.Async | FnFlags.NoConstruct;
    code.flags = flags;
    this.asyncCtx = (flags & FnFlags.Async) !== 0 || ((flags & FnFlags.Arrow) !== 0 && this.parentAsyncCtx);
    code.start = node.start;
    code.end = node.end;
    const [line, col] = this.e.position(node.start);
    code.line = line;
    code.column = col;

    if (classInfo && (extraFlags & FnFlags.Derived) && classInfo.hasInstanceFields) code.fieldInitFlag = true;
    const fs = this.fn.scope;
    // Parameters occupy the first registers, in order.
    const params: Node[] = node.params;
    let length = 0;
    let sawDefault = false;
    let nparams = 0;
    const paramRegs: number[] = [];
    for (const p of params) {
      if (p.type === 'RestElement') {
        code.hasRest = true;
        break;
      }
      if (p.type === 'AssignmentPattern' || sawDefault) sawDefault = true;
      else length++;
      nparams++;
    }
    code.length = length;
    code.nparams = nparams;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      const target = p.type === 'RestElement' ? p.argument : p.type === 'AssignmentPattern' ? p.left : p;
      if (target.type === 'Identifier') {
        const b = fs.bindings.get(target.name)!;
        // With duplicate names the last parameter wins, as in sloppy code; strict code rejects them.
        const reg = this.e.newLocal(target.name);
        paramRegs.push(reg);
        if (!b.inEnv) b.slot = reg;
      } else paramRegs.push(this.e.newLocal(''));
    }
    this.retReg = this.e.newLocal('%ret');

    this.scope = fs;
    if (fs.hasEnv) {
      this.e.emit(Op.PushEnv, fs.envSize);
      this.openEnvRegion(fs);
      this.envStack.push(fs);
      this.controls.push({ kind: 'env' });
    }
    for (const b of fs.bindings.values()) if (!b.inEnv && b.slot < 0) b.slot = this.e.newLocal(b.name);
    const isDerived = (extraFlags & FnFlags.Derived) !== 0;
    for (const b of fs.bindings.values()) {
      if (b.kind === 'pseudo') {
        if (b.name === '%this') {
          if (isDerived) continue; // stays TDZ until super() returns
          this.e.emit(Op.This);
        } else if (b.name === '%newtarget') this.e.emit(Op.NewTarget);
        else this.e.emit(Op.HomeObject);
        this.storeBinding(b, null, true, false);
      } else if (b.kind === 'callee') {
        this.e.emit(Op.Callee);
        this.storeBinding(b, null, true, false);
      } else if (b.kind === 'var' && b.inEnv) {
        this.e.emit(Op.Undef);
        this.storeBinding(b, null, true, false);
      } else if (b.lexical && !b.inEnv) {
        this.e.emit(Op.PushTdz);
        this.e.emit(Op.PutLocal, b.slot);
      }
    }
    // Non-simple lists initialize parameters left to right; until then they are in
    // their TDZ (a default may not read a later parameter).
    const simple = params.every((p: Node) => p.type === 'Identifier');
    if (!simple) {
      for (let i = 0; i < params.length; i++) {
        const t = this.e.newLocal('');
        this.e.emit(Op.GetLocal, paramRegs[i]);
        this.e.emit(Op.PutLocal, t);
        paramRegs[i] = t;
      }
      for (const b of fs.bindings.values()) {
        if (b.kind !== 'param') continue;
        this.e.emit(Op.PushTdz);
        this.storeBinding(b, null, true, false);
      }
    }
    // Parameter initialization: defaults, patterns, captured copies.
    for (let i = 0; i < params.length; i++) {
      let p = params[i];
      const reg = paramRegs[i];
      if (p.type === 'RestElement') p = p.argument;
      if (p.type === 'Identifier') {
        const b = fs.bindings.get(p.name)!;
        if (b.inEnv || !simple) {
          this.e.emit(Op.GetLocal, reg);
          this.storeBinding(b, p, true, false);
        }
        continue;
      }
      const prev = this.e.setSpan(p);
      this.e.emit(Op.GetLocal, reg);
      const withDefault = p.type === 'AssignmentPattern';
      if (withDefault) {
        this.emitDefault(p.right, p.left);
        p = p.left;
      }
      this.assignPatternAt(p, 'init', withDefault ? { kind: 'param=' } : { kind: 'param' });
      this.e.restoreSpan(prev);
    }
    const bodyScope = node.body.type === 'BlockStatement' ? this.pb.analysis.scopeOf.get(node.body) : undefined;
    if (bodyScope) this.enterScope(bodyScope);
    if (node.body.type === 'BlockStatement') this.hoistFunctions(node.body.body);
    if (flags & FnFlags.Generator) this.e.emit(Op.GeneratorStart);
    if (classInfo && !isDerived && classInfo.hasInstanceFields) this.e.emit(Op.InitFields);
    if (node.body.type === 'BlockStatement') {
      for (const s of node.body.body) this.stmt(s);
      this.e.emit(Op.Undef);
      this.e.emit(Op.Return);
    } else {
      const prev = this.e.setSpan(node.body);
      this.e.markStatement();
      this.expr(node.body);
      this.e.emit(Op.Return);
      this.e.restoreSpan(prev);
    }
    this.e.finish(code);
  }

  /** Creates the closures of function declarations at the start of their scope. */
  private hoistFunctions(stmts: Node[]): void {
    for (let s of stmts) {
      while (s.type === 'LabeledStatement') s = s.body;
      if (s.type !== 'FunctionDeclaration') continue;
      const prev = this.e.setSpan(s);
      const idx = this.compileFunction(s, s.id.name);
      this.e.emit(Op.Closure, idx);
      this.storeIdentifier(s.id, true, false);
      this.e.restoreSpan(prev);
    }
  }

  private emitDefault(def: Node, target: Node): void {
    const have = this.label();
    const use = this.label();
    this.e.emitJump(Op.JumpIfUndefined, use);
    this.e.emitJump(Op.Jump, have);
    this.e.bind(use);
    this.namedExpr(def, target.type === 'Identifier' ? target.name : '');
    this.e.bind(have);
  }

  // ---- statements ----------------------------------------------------------------

  private stmt(s: Node): void {
    const prev = this.e.setSpan(s);
    if (s.type !== 'BlockStatement' && s.type !== 'FunctionDeclaration' && s.type !== 'EmptyStatement') {
      this.e.markStatement();
    }
    this.stmtInner(s, []);
    this.e.restoreSpan(prev);
  }

  private resetCompletion(): void {
    if (this.completionReg >= 0) {
      this.e.emit(Op.Undef);
      this.e.emit(Op.PutLocal, this.completionReg);
    }
  }

  private stmtInner(s: Node, labels: string[]): void {
    switch (s.type) {
      case 'ExpressionStatement':
        if (this.completionReg < 0) {
          this.exprForEffect(s.expression);
          return;
        }
        this.expr(s.expression);
        if (this.completionReg >= 0) this.e.emit(Op.PutLocal, this.completionReg);
        else this.e.emit(Op.Pop);
        return;
      case 'VariableDeclaration':
        this.varDecl(s);
        return;
      case 'FunctionDeclaration':
        return; // hoisted
      case 'ClassDeclaration': {
        this.classExpr(s, s.id.name);
        const b = this.lookupName(s.id.name);
        if (!b) this.fail(s, 'internal: class binding');
        this.storeBinding(b, null, true, false);
        return;
      }
      case 'ReturnStatement':
        if (this.isScript) this.fail(s, 'return outside of a function');
        if (s.argument) {
          this.expr(s.argument);
          // an async generator awaits `return expr`'s value (not a bare `return;`)
          if ((this.code.flags & (FnFlags.Async | FnFlags.Generator)) === (FnFlags.Async | FnFlags.Generator)) this.e.emit(Op.Await);
        } else this.e.emit(Op.Undef);
        this.emitReturn();
        return;
      case 'IfStatement': {
        this.resetCompletion();
        const elseL = this.label();
        const end = this.label();
        this.expr(s.test);
        this.e.emitJump(Op.JumpIfFalse, elseL);
        this.stmt(s.consequent);
        if (s.alternate) {
          this.e.emitJump(Op.Jump, end);
          this.e.bind(elseL);
          this.stmt(s.alternate);
          this.e.bind(end);
        } else this.e.bind(elseL);
        return;
      }
      case 'BlockStatement':
        this.block(s, labels);
        return;
      case 'EmptyStatement':
        return;
      case 'DebuggerStatement':
        this.e.emit(Op.Debugger);
        return;
      case 'ThrowStatement':
        this.expr(s.argument);
        this.e.emit(Op.Throw);
        return;
      case 'WhileStatement': {
        this.resetCompletion();
        const top = this.label();
        const brk = this.label();
        this.e.bind(top);
        this.expr(s.test);
        this.e.emitJump(Op.JumpIfFalse, brk);
        this.loopBody(s.body, labels, brk, top, -1);
        this.e.emitJump(Op.Jump, top);
        this.e.bind(brk);
        return;
      }
      case 'DoWhileStatement': {
        this.resetCompletion();
        const top = this.label();
        const cont = this.label();
        const brk = this.label();
        this.e.bind(top);
        this.loopBody(s.body, labels, brk, cont, -1);
        this.e.bind(cont);
        const prev = this.e.setSpan(s.test);
        this.expr(s.test);
        this.e.emitJump(Op.JumpIfTrue, top);
        this.e.restoreSpan(prev);
        this.e.bind(brk);
        return;
      }
      case 'ForStatement':
        this.forStmt(s, labels);
        return;
      case 'ForInStatement':
        this.forInStmt(s, labels);
        return;
      case 'ForOfStatement':
        this.forOfStmt(s, labels);
        return;
      case 'LabeledStatement': {
        const all = [...labels, s.label.name];
        const body = s.body;
        if (
          body.type === 'ForStatement' ||
          body.type === 'WhileStatement' ||
          body.type === 'DoWhileStatement' ||
          body.type === 'ForInStatement' ||
          body.type === 'ForOfStatement' ||
          body.type === 'LabeledStatement'
        ) {
          const prev = this.e.setSpan(body);
          this.stmtInner(body, all);
          this.e.restoreSpan(prev);
          return;
        }
        const brk = this.label();
        this.controls.push({ kind: 'label', labels: all, brk });
        this.stmt(body);
        this.controls.pop();
        this.e.bind(brk);
        return;
      }
      case 'BreakStatement':
      case 'ContinueStatement': {
        const isBreak = s.type === 'BreakStatement';
        const name = s.label?.name;
        for (let i = this.controls.length - 1; i >= 0; i--) {
          const c = this.controls[i];
          if (c.kind !== 'loop' && c.kind !== 'switch' && c.kind !== 'label') continue;
          if (name ? c.labels.includes(name) : c.kind === 'loop' || (isBreak && c.kind === 'switch')) {
            if (!isBreak && c.kind !== 'loop') this.fail(s, `Illegal continue statement: '${name}' does not denote an iteration statement`);
            this.emitExit({ type: isBreak ? 'break' : 'continue', target: i, id: 0 }, this.controls.length - 1);
            return;
          }
        }
        this.fail(s, name ? `Undefined label '${name}'` : 'Illegal break statement');
        return;
      }
      case 'SwitchStatement':
        this.switchStmt(s, labels);
        return;
      case 'TryStatement':
        this.tryStmt(s);
        return;
      default:
        this.fail(s, `unsupported statement: ${s.type}`);
    }
  }

  private block(s: Node, labels: string[]): void {
    void labels;
    const scope = this.pb.analysis.scopeOf.get(s)!;
    const parent = this.scope;
    this.enterScope(scope);
    this.hoistFunctions(s.body);
    for (const c of s.body) this.stmt(c);
    this.exitScope(scope, parent);
  }

  private varDecl(s: Node): void {
    for (const d of s.declarations) {
      const prev = this.e.setSpan(d);
      if (d.init) {
        this.namedExpr(d.init, d.id.type === 'Identifier' ? d.id.name : '');
        this.assignPatternAt(d.id, s.kind === 'var' ? 'assign-var' : 'init', { kind: 'value', value: d.init, whole: d });
      } else if (s.kind !== 'var') {
        this.e.emit(Op.Undef);
        this.assignPattern(d.id, 'init');
      }
      this.e.restoreSpan(prev);
    }
  }

  private loopBody(body: Node, labels: string[], brk: Label, cont: Label, iterReg: number): void {
    this.controls.push({ kind: 'loop', labels, brk, cont, iterReg });
    this.stmt(body);
    this.controls.pop();
  }

  private forStmt(s: Node, labels: string[]): void {
    this.resetCompletion();
    const scope = this.pb.analysis.scopeOf.get(s);
    const parent = this.scope;
    if (scope) this.enterScope(scope);
    if (s.init) {
      const prev = this.e.setSpan(s.init);
      if (s.init.type === 'VariableDeclaration') this.varDecl(s.init);
      else {
        this.expr(s.init);
        this.e.emit(Op.Pop);
      }
      this.e.restoreSpan(prev);
    }
    const perIteration = scope !== undefined && scope.hasEnv;
    if (perIteration) this.e.emit(Op.CopyEnv);
    const top = this.label();
    const cont = this.label();
    const brk = this.label();
    this.e.bind(top);
    if (s.test) {
      const prev = this.e.setSpan(s.test);
      this.e.markStatement();
      this.expr(s.test);
      this.e.emitJump(Op.JumpIfFalse, brk);
      this.e.restoreSpan(prev);
    }
    this.loopBody(s.body, labels, brk, cont, -1);
    this.e.bind(cont);
    if (perIteration) this.e.emit(Op.CopyEnv);
    if (s.update) {
      const prev = this.e.setSpan(s.update);
      this.e.markStatement();
      this.exprForEffect(s.update);
      this.e.restoreSpan(prev);
    }
    this.e.emitJump(Op.Jump, top);
    this.e.bind(brk);
    if (scope) this.exitScope(scope, parent);
  }

  /** Assigns the stack top to a for-in/of head (declaration or assignment target). */
  private assignForHead(left: Node): void {
    if (left.type === 'VariableDeclaration') {
      this.assignPatternAt(left.declarations[0].id, left.kind === 'var' ? 'assign-var' : 'init', { kind: 'for', head: left });
    } else this.assignPattern(left, 'assign');
  }

  /**
   * The object of a for-in/of is evaluated in a scope of its own where the loop's names exist
   * but are uninitialized (`for (const k of k)` is a ReferenceError; a closure made there sees TDZ).
   */
  private tdzHead(right: Node, scope: Scope | undefined, parent: Scope): void {
    if (scope) this.enterScope(scope);
    this.expr(right);
    if (scope) this.exitScope(scope, parent);
  }

  private forInStmt(s: Node, labels: string[]): void {
    this.resetCompletion();
    const scope = this.pb.analysis.scopeOf.get(s);
    const parent = this.scope;
    const itReg = this.e.newLocal('%forin');
    this.tdzHead(s.right, scope, parent);
    this.e.emit(Op.ForInPrepare);
    this.e.emit(Op.PutLocal, itReg);
    const top = this.label();
    const brk = this.label();
    this.e.bind(top);
    this.e.emitJump(Op.ForInNext, brk, itReg);
    if (scope) this.enterScope(scope);
    const prev = this.e.setSpan(s.left);
    this.assignForHead(s.left);
    this.e.restoreSpan(prev);
    this.loopBody(s.body, labels, brk, top, -1);
    if (scope) this.exitScope(scope, parent);
    this.e.emitJump(Op.Jump, top);
    this.e.bind(brk);
  }

  private forOfStmt(s: Node, labels: string[]): void {
    this.resetCompletion();
    const scope = this.pb.analysis.scopeOf.get(s);
    const parent = this.scope;
    const isAwait = !!s.await;
    const r = this.e.newLocal('%iter');
    this.e.newLocal('%next');
    const valReg = this.e.newLocal('%value');
    this.tdzHead(s.right, scope, parent);
    if (isAwait) this.asyncIterator();
    else this.e.emit(Op.GetIterator);
    this.e.emit(Op.PutLocal, r + 1);
    this.e.emit(Op.PutLocal, r);
    const top = this.label();
    const brk = this.label();
    const end = this.label();
    const exc = this.label();
    this.e.bind(top);
    if (isAwait) {
      // each step's result is awaited (a wrapped sync iterator's value was awaited inside)
      const got = this.label();
      const doneP = this.label();
      this.e.emit(Op.IterNextResult, r);
      this.e.emit(Op.Await);
      this.e.emit(Op.CheckObject);
      this.e.emit(Op.Dup);
      this.e.emit(Op.GetProp, this.k('done'));
      this.e.emitJump(Op.JumpIfTrue, doneP);
      this.e.emit(Op.GetProp, this.k('value'));
      this.e.emitJump(Op.Jump, got);
      this.e.bind(doneP);
      this.e.emit(Op.Pop);
      this.e.emitJump(Op.Jump, end);
      this.e.bind(got);
    } else this.e.emitJump(Op.IterNext, end, r);
    this.e.emit(Op.PutLocal, valReg);
    this.e.emitJump(Op.TryPush, exc);
    this.controls.push({ kind: 'loop', labels, brk, cont: top, iterReg: r, ...(isAwait ? { isAsync: true } : {}) });
    this.controls.push({ kind: 'try' });
    if (scope) this.enterScope(scope);
    this.e.emit(Op.GetLocal, valReg);
    const prev = this.e.setSpan(s.left);
    this.assignForHead(s.left);
    this.e.restoreSpan(prev);
    this.stmt(s.body);
    if (scope) this.exitScope(scope, parent);
    this.controls.pop();
    this.controls.pop();
    this.e.emit(Op.TryPop);
    this.e.emitJump(Op.Jump, top);
    this.e.bind(exc);
    if (isAwait) this.asyncIterCloseQuiet(r, valReg);
    else this.e.emit(Op.IterCloseQuiet, r);
    this.e.emit(Op.Throw);
    this.e.bind(brk);
    if (isAwait) this.asyncIterClose(r);
    else this.e.emit(Op.IterClose, r);
    this.e.bind(end);
  }

  /**
   * GetIterator(value, async): `iter next` of the value's Symbol.asyncIterator, or of its
   * Symbol.iterator wrapped as CreateAsyncFromSyncIterator does (each value awaited inside).
   */
  private asyncIterator(): void {
    const e = this.e;
    // (GetAsyncIterator keeps pushing its "sync" flag and leaves the wrapping to a separate
    // instruction: bytecode compiled before the wrapper existed expects that stack effect)
    e.emit(Op.GetAsyncIterator); // iter next sync
    const wrapped = this.label();
    e.emitJump(Op.JumpIfFalse, wrapped);
    e.emit(Op.CreateAsyncFromSync);
    e.bind(wrapped);
  }

  /**
   * AsyncIteratorClose with a throw completion (the exception on the stack, kept in `tmp`):
   * return() is called and its result awaited, and whatever goes wrong there is ignored; the
   * exception stays on the stack.
   */
  private asyncIterCloseQuiet(r: number, tmp: number): void {
    const e = this.e;
    const ignore = this.label();
    const after = this.label();
    e.emit(Op.PutLocal, tmp);
    e.emitJump(Op.TryPush, ignore);
    this.asyncIterClose(r, false);
    e.emit(Op.TryPop);
    e.emitJump(Op.Jump, after);
    e.bind(ignore);
    e.emit(Op.Pop);
    e.bind(after);
    e.emit(Op.GetLocal, tmp);
  }

  /**
   * Closes an async iterator (a for-await loop left by break/return, a yield* whose inner
   * iterator has no throw()): AsyncIteratorClose awaits what return() gives, so its rejection
   * (an async generator's finally that throws) propagates and, when `check`, a non-object
   * result is a TypeError.
   */
  private asyncIterClose(r: number, check = true): void {
    const e = this.e;
    const noMethod = this.label();
    const nullMethod = this.label();
    const end = this.label();
    e.emit(Op.GetLocal, r);
    e.emit(Op.GetMethod, this.k('return')); // fn it
    e.emit(Op.Swap); // it fn
    e.emitJump(Op.JumpIfUndefined, noMethod);
    e.emit(Op.Dup);
    e.emitJump(Op.JumpIfNullish, nullMethod);
    e.emit(Op.Swap); // fn it
    e.emit(Op.Call, 0);
    e.emit(Op.Await);
    if (check) e.emit(Op.CheckObject);
    e.emit(Op.Pop);
    e.emitJump(Op.Jump, end);
    e.bind(nullMethod);
    e.emit(Op.Pop); // it null → it
    e.bind(noMethod);
    e.emit(Op.Pop); // it →
    e.bind(end);
  }

  private switchStmt(s: Node, labels: string[]): void {
    this.resetCompletion();
    const rD = this.e.newLocal('%switch');
    this.expr(s.discriminant);
    this.e.emit(Op.PutLocal, rD);
    const scope = this.pb.analysis.scopeOf.get(s)!;
    const parent = this.scope;
    this.enterScope(scope);
    for (const c of s.cases) this.hoistFunctions(c.consequent);
    const brk = this.label();
    const caseLabels = s.cases.map(() => this.label());
    let defaultIndex = -1;
    s.cases.forEach((c: Node, i: number) => {
      if (!c.test) {
        defaultIndex = i;
        return;
      }
      const prev = this.e.setSpan(c.test);
      this.e.emit(Op.GetLocal, rD);
      this.expr(c.test);
      this.e.emit(Op.StrictEq);
      this.e.emitJump(Op.JumpIfTrue, caseLabels[i]);
      this.e.restoreSpan(prev);
    });
    this.e.emitJump(Op.Jump, defaultIndex >= 0 ? caseLabels[defaultIndex] : brk);
    this.controls.push({ kind: 'switch', labels, brk });
    s.cases.forEach((c: Node, i: number) => {
      this.e.bind(caseLabels[i]);
      for (const st of c.consequent) this.stmt(st);
    });
    this.controls.pop();
    this.e.bind(brk);
    this.exitScope(scope, parent);
  }

  private tryStmt(s: Node): void {
    this.resetCompletion();
    if (!s.finalizer) {
      this.tryCatch(s.block, s.handler);
      return;
    }
    const ctl: Control = {
      kind: 'finally',
      rType: this.e.newLocal('%ftype'),
      rVal: this.e.newLocal('%fval'),
      entry: this.label(),
      exits: [],
    };
    const onThrow = this.label();
    this.controls.push(ctl);
    this.e.emitJump(Op.TryPush, onThrow);
    this.controls.push({ kind: 'try' });
    if (s.handler) this.tryCatch(s.block, s.handler);
    else this.stmt(s.block);
    this.controls.pop();
    this.e.emit(Op.TryPop);
    this.controls.pop();
    this.e.emit(Op.Int, NORMAL);
    this.e.emit(Op.PutLocal, ctl.rType);
    this.e.emitJump(Op.Jump, ctl.entry);
    this.e.bind(onThrow);
    this.e.emit(Op.PutLocal, ctl.rVal);
    this.e.emit(Op.Int, THROW);
    this.e.emit(Op.PutLocal, ctl.rType);
    this.e.bind(ctl.entry);
    // a finally block's normal completion never replaces the completion value
    const savedCompletion = this.completionReg;
    this.completionReg = -1;
    this.stmt(s.finalizer);
    this.completionReg = savedCompletion;
    // Dispatch on how the protected block completed.
    const notThrow = this.label();
    this.e.emit(Op.GetLocal, ctl.rType);
    this.e.emit(Op.Int, THROW);
    this.e.emit(Op.StrictEq);
    this.e.emitJump(Op.JumpIfFalse, notThrow);
    this.e.emit(Op.GetLocal, ctl.rVal);
    this.e.emit(Op.Throw);
    this.e.bind(notThrow);
    for (const exit of ctl.exits) {
      const next = this.label();
      this.e.emit(Op.GetLocal, ctl.rType);
      this.e.emit(Op.Int, exit.id);
      this.e.emit(Op.StrictEq);
      this.e.emitJump(Op.JumpIfFalse, next);
      if (exit.type === 'return') {
        this.e.emit(Op.GetLocal, this.retReg);
        this.emitReturn();
      } else this.emitExit(exit, this.controls.length - 1);
      this.e.bind(next);
    }
  }

  private tryCatch(block: Node, handler: Node): void {
    const catchL = this.label();
    const end = this.label();
    this.e.emitJump(Op.TryPush, catchL);
    this.controls.push({ kind: 'try' });
    this.stmt(block);
    this.controls.pop();
    this.e.emit(Op.TryPop);
    this.e.emitJump(Op.Jump, end);
    this.e.bind(catchL);
    const prev = this.e.setSpan(handler);
    const scope = this.pb.analysis.scopeOf.get(handler)!;
    const parent = this.scope;
    this.enterScope(scope);
    if (handler.param) this.assignPatternAt(handler.param, 'init', { kind: 'catch', clause: handler });
    else this.e.emit(Op.Pop);
    this.e.restoreSpan(prev);
    // the catch block's completion replaces the try block's (UpdateEmpty(C, undefined))
    this.resetCompletion();
    this.stmt(handler.body);
    this.exitScope(scope, parent);
    this.e.bind(end);
  }

  /** Leaves statements for a break/continue/return, running cleanups on the way. */
  private emitExit(exit: Exit, from: number): void {
    const stop = exit.type === 'return' ? -1 : exit.target;
    for (let i = from; i > stop; i--) {
      const c = this.controls[i];
      switch (c.kind) {
        case 'env':
          this.e.emit(Op.PopEnv);
          break;
        case 'try':
          this.e.emit(Op.TryPop);
          break;
        case 'loop':
          if (c.iterReg >= 0) {
            if (c.isAsync) this.asyncIterClose(c.iterReg);
            else this.e.emit(Op.IterClose, c.iterReg);
          }
          break;
        case 'finally': {
          const id = FIRST_JUMP + c.exits.length;
          c.exits.push({ type: exit.type, target: exit.target, id });
          this.e.emit(Op.Int, id);
          this.e.emit(Op.PutLocal, c.rType);
          this.e.emitJump(Op.Jump, c.entry);
          return;
        }
      }
    }
    if (exit.type === 'return') {
      this.e.emit(Op.GetLocal, this.retReg);
      this.e.emit(Op.Return);
      return;
    }
    const t = this.controls[exit.target];
    if (exit.type === 'break') this.e.emitJump(Op.Jump, (t as { brk: Label }).brk);
    else this.e.emitJump(Op.Jump, (t as { cont: Label }).cont);
  }

  /** Returns the stack top from the function, through any finally blocks. */
  private emitReturn(): void {
    const needsCleanup = this.controls.some((c) => c.kind === 'finally' || (c.kind === 'loop' && c.iterReg >= 0));
    if (!needsCleanup) {
      this.e.emit(Op.Return);
      return;
    }
    this.e.emit(Op.PutLocal, this.retReg);
    this.emitExit({ type: 'return', target: -1, id: 0 }, this.controls.length - 1);
  }

  // ---- patterns ------------------------------------------------------------------

  /**
   * Consumes the stack top into a pattern. `init` initializes declarations (no TDZ or
   * const checks), `assign-var` assigns var declarations, `assign` is an assignment.
   */
  private assignPattern(p: Node, mode: 'init' | 'assign' | 'assign-var'): void {
    switch (p.type) {
      case 'Identifier':
        this.storeIdentifier(p, mode === 'init', false);
        return;
      case 'MemberExpression':
        this.assignToMember(p);
        return;
      case 'AssignmentPattern':
        this.emitDefault(p.right, p.left);
        this.assignPattern(p.left, mode);
        return;
      case 'ObjectPattern':
        this.objectPattern(p, mode);
        return;
      case 'ArrayPattern':
        this.arrayPattern(p, mode);
        return;
      case 'RestElement':
        this.assignPattern(p.argument, mode);
        return;
      default:
        this.fail(p, `unsupported assignment target: ${p.type}`);
    }
  }

  /**
   * {@link assignPattern} of a top-level pattern whose value comes from `site`: V8 words
   * "cannot destructure" and "is not iterable" by where the value came from.
   */
  private assignPatternAt(p: Node, mode: 'init' | 'assign' | 'assign-var', site: PatternSite): void {
    this.patternSite = site;
    this.assignPattern(p, mode);
    this.patternSite = null; // an identifier target took none
  }

  /** The site of the pattern being compiled (null when nested), consumed once. */
  private takePatternSite(): PatternSite | null {
    const site = this.patternSite;
    this.patternSite = null;
    return site;
  }

  /** value → (stores into obj.prop). */
  private assignToMember(m: Node): void {
    if (m.object.type === 'Super') this.fail(m, 'destructuring into super properties is not supported');
    const v = this.e.newLocal('');
    this.e.emit(Op.PutLocal, v);
    this.expr(m.object);
    if (m.property.type === 'PrivateIdentifier') {
      this.loadIdentifier(m.property);
      this.e.emit(Op.GetLocal, v);
      this.e.emit(Op.SetPrivate);
    } else if (m.computed) {
      this.expr(m.property);
      this.e.emit(Op.GetLocal, v);
      this.e.emit(Op.SetElem);
    } else {
      this.e.emit(Op.GetLocal, v);
      this.e.emit(Op.SetProp, this.k(m.property.name));
    }
    this.e.emit(Op.Pop);
  }

  private objectPattern(p: Node, mode: 'init' | 'assign' | 'assign-var'): void {
    const site = this.takePatternSite();
    const first = p.properties[0];
    const key = first && first.type !== 'RestElement' && !first.computed ? (first.key.type === 'Identifier' ? first.key.name : String(first.key.value)) : null;
    const check = destructureCheck(site && site.kind !== 'member' ? site.kind : 'nested', key, key !== null && first.value.type === 'AssignmentPattern');
    // a value's own span: V8 prints its expression in the message
    const prevSpan = this.e.setSpan(site?.kind === 'value' ? site.value : null);
    this.e.emit(Op.ThrowIfNotObject, this.k(check));
    this.e.restoreSpan(prevSpan);
    const hasRest = p.properties.some((q: Node) => q.type === 'RestElement');
    const keyRegs: number[] = [];
    for (const prop of p.properties) {
      const prev = this.e.setSpan(prop);
      if (prop.type === 'RestElement') {
        // obj → copy of the remaining own enumerable properties
        this.e.emit(Op.NewObject);
        this.e.emit(Op.Swap);
        this.e.emit(Op.NewArray);
        for (const r of keyRegs) {
          this.e.emit(Op.GetLocal, r);
          this.e.emit(Op.ArrayPush);
        }
        this.e.emit(Op.CopyRest);
        this.assignPattern(prop.argument, mode);
        this.e.restoreSpan(prev);
        return;
      }
      this.e.emit(Op.Dup);
      if (prop.computed) {
        this.expr(prop.key);
        this.e.emit(Op.ToPropertyKey);
        if (hasRest) {
          const r = this.e.newLocal('');
          this.e.emit(Op.SetLocal, r);
          keyRegs.push(r);
        }
        this.e.emit(Op.GetElem);
      } else {
        const name = prop.key.type === 'Identifier' ? prop.key.name : String(prop.key.value);
        if (hasRest) {
          const r = this.e.newLocal('');
          this.e.emit(Op.Const, this.k(name));
          this.e.emit(Op.PutLocal, r);
          keyRegs.push(r);
        }
        this.e.emit(Op.GetProp, this.k(name));
      }
      // V8 words a property's array pattern by the whole initializer (`{ x: [y] } = o`), or
      // by its internal `.catch`/`.for`
      const owner = site?.kind === 'value' ? site.whole : site?.kind === 'catch' ? site.clause : site?.kind === 'for' ? site.head : null;
      if (owner && prop.value.type === 'ArrayPattern') this.assignPatternAt(prop.value, mode, { kind: 'member', whole: owner });
      else this.assignPattern(prop.value, mode);
      this.e.restoreSpan(prev);
    }
    this.e.emit(Op.Pop);
  }

  private arrayPattern(p: Node, mode: 'init' | 'assign' | 'assign-var'): void {
    const site = this.takePatternSite();
    const r = this.e.newLocal('%iter');
    this.e.newLocal('%next');
    const done = this.e.newLocal('%done');
    // GetIterator's span says where the value came from (the VM's notIterable): a declaration's
    // initializer, a for-of declaration, the whole declaration or assignment for a property of
    // its object pattern, or else the pattern itself
    const prevSpan = this.e.setSpan(
      site?.kind === 'value' && mode !== 'assign' ? site.value : site?.kind === 'for' ? site.head : site?.kind === 'member' ? site.whole : p,
    );
    this.e.emit(Op.GetIterator);
    this.e.restoreSpan(prevSpan);
    this.e.emit(Op.PutLocal, r + 1);
    this.e.emit(Op.PutLocal, r);
    this.e.emit(Op.False);
    this.e.emit(Op.PutLocal, done);
    for (const el of p.elements) {
      if (el && el.type === 'RestElement') {
        const arr = this.e.newLocal('');
        const loop = this.label();
        const fin = this.label();
        this.e.emit(Op.NewArray);
        this.e.emit(Op.PutLocal, arr);
        this.e.emit(Op.GetLocal, done);
        this.e.emitJump(Op.JumpIfTrue, fin);
        this.e.bind(loop);
        this.e.emitJump(Op.IterNext, fin, r);
        this.e.emit(Op.GetLocal, arr);
        this.e.emit(Op.Swap);
        this.e.emit(Op.ArrayPush);
        this.e.emit(Op.Pop);
        this.e.emitJump(Op.Jump, loop);
        this.e.bind(fin);
        this.e.emit(Op.True);
        this.e.emit(Op.PutLocal, done);
        this.e.emit(Op.GetLocal, arr);
        this.assignPattern(el.argument, mode);
        continue;
      }
      const undef = this.label();
      const got = this.label();
      const fin = this.label();
      this.e.emit(Op.GetLocal, done);
      this.e.emitJump(Op.JumpIfTrue, undef);
      this.e.emitJump(Op.IterNext, fin, r);
      this.e.emitJump(Op.Jump, got);
      this.e.bind(fin);
      this.e.emit(Op.True);
      this.e.emit(Op.PutLocal, done);
      this.e.bind(undef);
      this.e.emit(Op.Undef);
      this.e.bind(got);
      if (el) this.assignPattern(el, mode);
      else this.e.emit(Op.Pop);
    }
    const skip = this.label();
    this.e.emit(Op.GetLocal, done);
    this.e.emitJump(Op.JumpIfTrue, skip);
    this.e.emit(Op.IterClose, r);
    this.e.bind(skip);
  }

  // ---- expressions ---------------------------------------------------------------

  /** Compiles an expression, naming anonymous functions and classes `name`. */
  private namedExpr(n: Node, name: string): void {
    if (
      name &&
      ((n.type === 'FunctionExpression' && !n.id) || n.type === 'ArrowFunctionExpression' || (n.type === 'ClassExpression' && !n.id))
    ) {
      const prev = this.e.setSpan(n);
      if (n.type === 'ClassExpression') this.classExpr(n, name);
      else this.e.emit(Op.Closure, this.compileFunction(n, name));
      this.e.restoreSpan(prev);
      return;
    }
    this.expr(n);
  }

  private isAnonymousFn(n: Node): boolean {
    return (n.type === 'FunctionExpression' && !n.id) || n.type === 'ArrowFunctionExpression' || (n.type === 'ClassExpression' && !n.id);
  }

  /** An expression whose value is unused: `i++` compiles as `++i` (no old value kept). */
  private exprForEffect(n: Node): void {
    if (n.type === 'UpdateExpression' && !n.prefix) {
      const prev = this.e.setSpan(n);
      this.update({ ...n, prefix: true });
      this.e.restoreSpan(prev);
    } else this.expr(n);
    this.e.emit(Op.Pop);
  }

  expr(n: Node): void {
    const prev = this.e.setSpan(n);
    this.exprInner(n);
    this.e.restoreSpan(prev);
  }

  private exprInner(n: Node): void {
    const e = this.e;
    switch (n.type) {
      case 'Literal':
        this.literal(n);
        return;
      case 'Identifier':
        this.loadIdentifier(n);
        return;
      case 'ThisExpression':
        this.emitThis(n);
        return;
      case 'TemplateLiteral': {
        e.emit(Op.Const, this.k(n.quasis[0].value.cooked));
        for (let i = 0; i < n.expressions.length; i++) {
          this.expr(n.expressions[i]);
          e.emit(Op.ToString);
          e.emit(Op.Add);
          const q = n.quasis[i + 1].value.cooked;
          if (q !== '') {
            e.emit(Op.Const, this.k(q));
            e.emit(Op.Add);
          }
        }
        return;
      }
      case 'TaggedTemplateExpression': {
        this.callee(n.tag);
        const site = this.pb.templateSites++;
        const t: TemplateConst = {
          kind: 'template',
          cooked: n.quasi.quasis.map((q: Node) => q.value.cooked ?? undefined),
          raw: n.quasi.quasis.map((q: Node) => q.value.raw),
          site,
        };
        e.emit(Op.TemplateObject, this.k(t));
        for (const x of n.quasi.expressions) this.expr(x);
        // the call's span is the tag: "x is not a function" names it, as V8 does
        const prev = e.setSpan(n.tag);
        e.emit(Op.Call, 1 + n.quasi.expressions.length);
        e.restoreSpan(prev);
        return;
      }
      case 'ArrayExpression':
        e.emit(Op.NewArray);
        for (const el of n.elements) {
          if (el === null) e.emit(Op.ArrayHole);
          else if (el.type === 'SpreadElement') {
            this.expr(el.argument);
            // the span is `...x`: a non-iterable's message names x, as V8's does
            const p = e.setSpan(el);
            e.emit(Op.ArraySpread);
            e.restoreSpan(p);
          } else {
            this.expr(el);
            e.emit(Op.ArrayPush);
          }
        }
        return;
      case 'ObjectExpression':
        this.objectLiteral(n);
        return;
      case 'FunctionExpression':
        e.emit(Op.Closure, this.compileFunction(n, n.id ? n.id.name : ''));
        return;
      case 'ArrowFunctionExpression':
        e.emit(Op.Closure, this.compileFunction(n, ''));
        return;
      case 'ClassExpression':
        this.classExpr(n, n.id ? n.id.name : '');
        return;
      case 'UnaryExpression':
        this.unary(n);
        return;
      case 'UpdateExpression':
        this.update(n);
        return;
      case 'BinaryExpression':
        this.binary(n);
        return;
      case 'LogicalExpression': {
        const end = this.label();
        this.expr(n.left);
        e.emitJump(n.operator === '&&' ? Op.JumpIfFalseKeep : n.operator === '||' ? Op.JumpIfTrueKeep : Op.JumpIfNotNullishKeep, end);
        this.expr(n.right);
        e.bind(end);
        return;
      }
      case 'ConditionalExpression': {
        const elseL = this.label();
        const end = this.label();
        this.expr(n.test);
        e.emitJump(Op.JumpIfFalse, elseL);
        this.expr(n.consequent);
        e.emitJump(Op.Jump, end);
        e.bind(elseL);
        this.expr(n.alternate);
        e.bind(end);
        return;
      }
      case 'AssignmentExpression':
        this.assignment(n);
        return;
      case 'SequenceExpression':
        for (let i = 0; i < n.expressions.length; i++) {
          this.expr(n.expressions[i]);
          if (i < n.expressions.length - 1) e.emit(Op.Pop);
        }
        return;
      case 'MemberExpression':
        this.member(n);
        return;
      case 'ChainExpression':
        this.optionalChain(() => this.expr(n.expression), 1);
        return;
      case 'CallExpression':
        this.call(n);
        return;
      case 'NewExpression': {
        const spread = n.arguments.some((a: Node) => a.type === 'SpreadElement');
        this.expr(n.callee);
        if (spread) {
          this.argsArray(n.arguments);
          e.emit(Op.NewSpread);
        } else {
          for (const a of n.arguments) this.expr(a);
          e.emit(Op.New, n.arguments.length);
        }
        return;
      }
      case 'YieldExpression':
        if (n.delegate) this.yieldStar(n);
        else {
          if (n.argument) this.expr(n.argument);
          else e.emit(Op.Undef);
          this.emitYield(0);
        }
        return;
      case 'AwaitExpression':
        this.expr(n.argument);
        e.emit(Op.Await);
        return;
      case 'MetaProperty':
        if (n.meta.name === 'new' && n.property.name === 'target') {
          if (this.fn.isArrow) {
            const b = this.fn.thisFn.scope.bindings.get('%newtarget');
            if (!b) this.fail(n, 'new.target expression is not allowed here');
            e.emit(Op.GetEnv, this.envDepth(b.scope), b.slot);
          } else e.emit(Op.NewTarget);
          return;
        }
        this.fail(n, 'import.meta is not supported');
        return;
      case 'ParenthesizedExpression':
        this.expr(n.expression);
        return;
      default:
        this.fail(n, `unsupported expression: ${n.type}`);
    }
  }

  private literal(n: Node): void {
    const e = this.e;
    if (n.regex) {
      checkRegexLiteral(this.pb, n);
      e.emit(Op.RegExp, this.k(n.regex.pattern), this.k(n.regex.flags));
      return;
    }
    if (n.bigint !== undefined) {
      e.emit(Op.Const, this.k(BigInt(n.bigint)));
      return;
    }
    const v = n.value;
    if (v === null) e.emit(Op.Null);
    else if (v === true) e.emit(Op.True);
    else if (v === false) e.emit(Op.False);
    else if (typeof v === 'number' && Number.isInteger(v) && v >= -0x80000000 && v <= 0x7fffffff && !Object.is(v, -0))
      e.emit(Op.Int, v);
    else e.emit(Op.Const, this.k(v));
  }

  private objectLiteral(n: Node): void {
    const e = this.e;
    e.emit(Op.NewObject);
    for (const p of n.properties) {
      const prev = e.setSpan(p);
      if (p.type === 'SpreadElement') {
        this.expr(p.argument);
        e.emit(Op.CopyDataProps);
      } else if (p.kind === 'init' && !p.method) {
        if (!p.computed && !p.shorthand && this.propName(p.key) === '__proto__') {
          this.expr(p.value);
          e.emit(Op.SetProtoLit);
        } else if (!p.computed) {
          const name = this.propName(p.key);
          this.namedExpr(p.value, name);
          e.emit(Op.DefineField, this.k(name));
        } else {
          this.expr(p.key);
          e.emit(Op.ToPropertyKey);
          this.expr(p.value);
          if (this.isAnonymousFn(p.value)) e.emit(Op.SetFnName);
          e.emit(Op.DefineElem);
        }
      } else {
        // methods, getters, setters
        const name = p.computed ? '' : this.propName(p.key);
        if (p.computed) {
          this.expr(p.key);
          e.emit(Op.ToPropertyKey);
        } else e.emit(Op.Const, this.k(name));
        const fname = p.kind === 'get' ? 'get ' + name : p.kind === 'set' ? 'set ' + name : name;
        const idx = this.compileFunction(p.value, p.computed ? '' : fname, FnFlags.Method | FnFlags.NoConstruct, undefined, p.start);
        e.emit(Op.Closure, idx);
        e.emit(Op.SetHome);
        if (p.kind === 'get') e.emit(Op.DefineGetter, 1);
        else if (p.kind === 'set') e.emit(Op.DefineSetter, 1);
        else e.emit(Op.DefineMethod, 1);
      }
      e.restoreSpan(prev);
    }
  }

  private propName(key: Node): string {
    if (key.type === 'Identifier') return key.name;
    if (key.type === 'Literal') {
      if (typeof key.value === 'string') return key.value;
      if (key.bigint !== undefined) return String(BigInt(key.bigint));
      return String(key.value);
    }
    if (key.type === 'PrivateIdentifier') return '#' + key.name;
    this.fail(key, 'unsupported property key');
  }

  private unary(n: Node): void {
    const e = this.e;
    const op = n.operator;
    if (op === 'typeof' && n.argument.type === 'Identifier' && !this.bindingOf(n.argument)) {
      if (n.argument.name === 'undefined') e.emit(Op.Const, this.k('undefined'));
      else e.emit(Op.TypeofGlobal, this.k(n.argument.name));
      return;
    }
    if (op === 'delete') {
      const a = n.argument;
      if (a.type === 'MemberExpression') {
        if (a.object.type === 'Super') this.fail(a, 'Unsupported reference to super');
        this.expr(a.object);
        if (a.computed) {
          this.expr(a.property);
          e.emit(Op.DeleteElem);
        } else e.emit(Op.DeleteProp, this.k(a.property.name));
        return;
      }
      if (a.type === 'ChainExpression') this.fail(a, 'delete of an optional chain is not supported');
      this.expr(a);
      e.emit(Op.Pop);
      e.emit(Op.True);
      return;
    }
    this.expr(n.argument);
    switch (op) {
      case '-':
        e.emit(Op.Neg);
        return;
      case '+':
        e.emit(Op.Plus);
        return;
      case '!':
        e.emit(Op.Not);
        return;
      case '~':
        e.emit(Op.BitNot);
        return;
      case 'typeof':
        e.emit(Op.Typeof);
        return;
      case 'void':
        e.emit(Op.Pop);
        e.emit(Op.Undef);
        return;
    }
    this.fail(n, `unsupported operator ${op}`);
  }

  private static readonly BINOPS: Record<string, Op> = {
    '+': Op.Add,
    '-': Op.Sub,
    '*': Op.Mul,
    '/': Op.Div,
    '%': Op.Mod,
    '**': Op.Exp,
    '&': Op.BitAnd,
    '|': Op.BitOr,
    '^': Op.BitXor,
    '<<': Op.Shl,
    '>>': Op.Shr,
    '>>>': Op.UShr,
    '==': Op.Eq,
    '!=': Op.Ne,
    '===': Op.StrictEq,
    '!==': Op.StrictNe,
    '<': Op.Lt,
    '<=': Op.Le,
    '>': Op.Gt,
    '>=': Op.Ge,
    instanceof: Op.InstanceOf,
    in: Op.In,
  };

  private binary(n: Node): void {
    if (n.operator === 'in' && n.left.type === 'PrivateIdentifier') {
      this.loadIdentifier(n.left);
      this.expr(n.right);
      this.e.emit(Op.HasPrivate);
      return;
    }
    this.expr(n.left);
    this.expr(n.right);
    const op = FnCompiler.BINOPS[n.operator];
    if (op === undefined) this.fail(n, `unsupported operator ${n.operator}`);
    this.e.emit(op);
  }

  private update(n: Node): void {
    const e = this.e;
    const op = n.operator === '++' ? Op.Inc : Op.Dec;
    const a = n.argument;
    if (a.type === 'Identifier') {
      this.loadIdentifier(a);
      if (n.prefix) {
        e.emit(op);
        this.storeIdentifier(a, false, true);
      } else {
        e.emit(Op.ToNumeric);
        e.emit(Op.Dup);
        e.emit(op);
        this.storeIdentifier(a, false, false);
      }
      return;
    }
    if (a.type !== 'MemberExpression') this.fail(a, 'Invalid left-hand side expression in update operation');
    if (a.object.type === 'Super') this.fail(a, 'update of super properties is not supported');
    this.expr(a.object);
    if (a.property.type === 'PrivateIdentifier') {
      this.loadIdentifier(a.property);
      e.emit(Op.Dup2);
      e.emit(Op.GetPrivate);
      if (n.prefix) {
        e.emit(op);
        e.emit(Op.SetPrivate);
      } else {
        e.emit(Op.ToNumeric);
        e.emit(Op.Dup);
        e.emit(Op.Rot4);
        e.emit(op);
        e.emit(Op.SetPrivate);
        e.emit(Op.Pop);
      }
      return;
    }
    if (a.computed) {
      // no ToPropertyKey here: V8 converts the key when it reads and again when it writes
      this.expr(a.property);
      e.emit(Op.Dup2);
      e.emit(Op.GetElem);
      if (n.prefix) {
        e.emit(op);
        e.emit(Op.SetElem);
      } else {
        e.emit(Op.ToNumeric);
        e.emit(Op.Dup);
        e.emit(Op.Rot4);
        e.emit(op);
        e.emit(Op.SetElem);
        e.emit(Op.Pop);
      }
      return;
    }
    const k = this.k(a.property.name);
    e.emit(Op.Dup);
    e.emit(Op.GetProp, k);
    if (n.prefix) {
      e.emit(op);
      e.emit(Op.SetProp, k);
    } else {
      e.emit(Op.ToNumeric);
      e.emit(Op.Dup);
      e.emit(Op.Rot3);
      e.emit(op);
      e.emit(Op.SetProp, k);
      e.emit(Op.Pop);
    }
  }

  private assignment(n: Node): void {
    const e = this.e;
    const op: string = n.operator;
    const t = n.left;
    if (op === '=') {
      if (t.type === 'Identifier') {
        this.namedExpr(n.right, t.name);
        this.storeIdentifier(t, false, true);
        return;
      }
      if (t.type === 'MemberExpression') {
        if (t.object.type === 'Super') {
          this.emitThis(t);
          this.emitHome(t);
          if (t.computed) {
            this.expr(t.property);
            e.emit(Op.ToPropertyKey);
            this.expr(n.right);
            e.emit(Op.SetSuperElem);
          } else {
            this.expr(n.right);
            e.emit(Op.SetSuper, this.k(t.property.name));
          }
          return;
        }
        this.expr(t.object);
        if (t.property.type === 'PrivateIdentifier') {
          this.loadIdentifier(t.property);
          this.expr(n.right);
          e.emit(Op.SetPrivate);
        } else if (t.computed) {
          // the key converts when SetElem stores (after the right side, as in V8)
          this.expr(t.property);
          this.expr(n.right);
          e.emit(Op.SetElem);
        } else {
          this.expr(n.right);
          e.emit(Op.SetProp, this.k(t.property.name));
        }
        return;
      }
      // destructuring assignment: the value of the expression is the right side
      this.expr(n.right);
      e.emit(Op.Dup);
      this.assignPatternAt(t, 'assign', { kind: 'value', value: n.right, whole: n });
      return;
    }
    const logical = op === '&&=' || op === '||=' || op === '??=';
    const binop = logical ? undefined : FnCompiler.BINOPS[op.slice(0, -1)];
    const jumpOp = op === '&&=' ? Op.JumpIfFalseKeep : op === '||=' ? Op.JumpIfTrueKeep : Op.JumpIfNotNullishKeep;
    if (t.type === 'Identifier') {
      this.loadIdentifier(t);
      if (logical) {
        const end = this.label();
        e.emitJump(jumpOp, end);
        this.namedExpr(n.right, t.name);
        this.storeIdentifier(t, false, true);
        e.bind(end);
      } else {
        this.expr(n.right);
        e.emit(binop!);
        this.storeIdentifier(t, false, true);
      }
      return;
    }
    if (t.type !== 'MemberExpression') this.fail(t, 'Invalid left-hand side in assignment');
    if (t.object.type === 'Super') this.fail(t, 'compound assignment to super properties is not supported');
    this.expr(t.object);
    let getOp: Op;
    let setOp: Op;
    let k = -1;
    let depth: number; // stack items forming the reference
    if (t.property.type === 'PrivateIdentifier') {
      this.loadIdentifier(t.property);
      e.emit(Op.Dup2);
      getOp = Op.GetPrivate;
      setOp = Op.SetPrivate;
      depth = 2;
    } else if (t.computed) {
      // converted by the read and again by the write, as V8 does
      this.expr(t.property);
      e.emit(Op.Dup2);
      getOp = Op.GetElem;
      setOp = Op.SetElem;
      depth = 2;
    } else {
      k = this.k(t.property.name);
      e.emit(Op.Dup);
      getOp = Op.GetProp;
      setOp = Op.SetProp;
      depth = 1;
    }
    if (k >= 0) e.emit(getOp, k);
    else e.emit(getOp);
    if (logical) {
      const keep = this.label();
      const end = this.label();
      e.emitJump(jumpOp, keep);
      this.expr(n.right);
      if (k >= 0) e.emit(setOp, k);
      else e.emit(setOp);
      e.emitJump(Op.Jump, end);
      e.bind(keep);
      // [ref…, value] → [value]
      if (depth === 1) {
        e.emit(Op.Swap);
        e.emit(Op.Pop);
      } else {
        e.emit(Op.Rot3);
        e.emit(Op.Pop);
        e.emit(Op.Pop);
      }
      e.bind(end);
      return;
    }
    this.expr(n.right);
    e.emit(binop!);
    if (k >= 0) e.emit(setOp, k);
    else e.emit(setOp);
  }

  /**
   * Compiles an optional chain: `body` pushes `results` values; a short circuit anywhere
   * inside pops what the chain had pushed and leaves `results` undefineds instead.
   */
  private optionalChain(body: () => void, results: number): void {
    const e = this.e;
    const end = this.label();
    const undef = this.label();
    const frame = { label: undef, pops: [] as { label: Label; n: number }[] };
    this.optStack.push(frame);
    body();
    this.optStack.pop();
    e.emitJump(Op.Jump, end);
    for (const p of frame.pops) {
      e.bind(p.label);
      for (let i = 0; i < p.n; i++) e.emit(Op.Pop);
      e.emitJump(Op.Jump, undef);
    }
    e.bind(undef);
    for (let i = 0; i < results; i++) e.emit(Op.Undef);
    e.bind(end);
  }

  /** Registers an optional-chain short circuit popping `n` items when the top is nullish. */
  private optionalCheck(n: number): void {
    const frame = this.optStack[this.optStack.length - 1];
    if (!frame) throw new Error('optional chain outside ChainExpression');
    const label = this.label();
    frame.pops.push({ label, n });
    this.e.emit(Op.Dup);
    this.e.emitJump(Op.JumpIfNullish, label);
  }

  private member(n: Node): void {
    const e = this.e;
    if (n.object.type === 'Super') {
      this.emitThis(n);
      this.emitHome(n);
      if (n.computed) {
        this.expr(n.property);
        e.emit(Op.ToPropertyKey);
        e.emit(Op.GetSuperElem);
      } else e.emit(Op.GetSuper, this.k(n.property.name));
      return;
    }
    this.expr(n.object);
    if (n.optional) this.optionalCheck(1);
    if (n.property.type === 'PrivateIdentifier') {
      this.loadIdentifier(n.property);
      e.emit(Op.GetPrivate);
    } else if (n.computed) {
      this.expr(n.property);
      e.emit(Op.GetElem);
    } else e.emit(Op.GetProp, this.k(n.property.name));
  }

  /** Pushes [fn, this] for a call's callee. */
  private callee(c: Node): void {
    const e = this.e;
    if (c.type === 'MemberExpression') {
      const prev = e.setSpan(c);
      if (c.object.type === 'Super') {
        this.emitThis(c);
        this.emitThis(c);
        this.emitHome(c);
        if (c.computed) {
          this.expr(c.property);
          e.emit(Op.ToPropertyKey);
          e.emit(Op.GetSuperElem);
        } else e.emit(Op.GetSuper, this.k(c.property.name));
        e.emit(Op.Swap);
        e.restoreSpan(prev);
        return;
      }
      this.expr(c.object);
      if (c.optional) this.optionalCheck(1);
      if (c.property.type === 'PrivateIdentifier') {
        e.emit(Op.Dup);
        this.loadIdentifier(c.property);
        e.emit(Op.GetPrivate);
        e.emit(Op.Swap);
      } else if (c.computed) {
        this.expr(c.property);
        e.emit(Op.GetElemMethod);
      } else e.emit(Op.GetMethod, this.k(c.property.name));
      e.restoreSpan(prev);
      return;
    }
    if (c.type === 'ChainExpression' && c.expression.type === 'MemberExpression' && c.expression.object.type !== 'Super') {
      // (a?.b)() keeps `this` like a.b(); a short circuit calls undefined (TypeError)
      this.optionalChain(() => this.callee(c.expression), 2);
      return;
    }
    if (c.type === 'ChainExpression' || c.type === 'ParenthesizedExpression') {
      this.expr(c);
      e.emit(Op.Undef);
      return;
    }
    this.expr(c);
    e.emit(Op.Undef);
  }

  private argsArray(args: Node[]): void {
    const e = this.e;
    e.emit(Op.NewArray);
    for (const a of args) {
      if (a.type === 'SpreadElement') {
        this.expr(a.argument);
        // the span is the argument without the dots: a spread into a call (V8 words its errors differently)
        const p = e.setSpan(a.argument);
        e.emit(Op.ArraySpread);
        e.restoreSpan(p);
      } else {
        this.expr(a);
        e.emit(Op.ArrayPush);
      }
    }
  }

  private call(n: Node): void {
    const e = this.e;
    const spread = n.arguments.some((a: Node) => a.type === 'SpreadElement');
    if (n.callee.type === 'Super') {
      if (this.fn.isArrow) this.fail(n, 'super() inside arrow functions is not supported');
      if (spread) {
        this.argsArray(n.arguments);
        e.emit(Op.SuperCallSpread);
      } else {
        for (const a of n.arguments) this.expr(a);
        e.emit(Op.SuperCall, n.arguments.length);
      }
      e.emit(Op.BindThis);
      const b = this.fn.scope.bindings.get('%this');
      if (b && b.inEnv) {
        e.emit(Op.Dup);
        e.emit(Op.PutEnv, this.envDepth(b.scope), b.slot);
      }
      if (this.code.fieldInitFlag) e.emit(Op.InitFields);
      return;
    }
    this.callee(n.callee);
    if (n.optional) {
      // [fn, this]: short-circuit when fn is nullish
      e.emit(Op.Swap);
      this.optionalCheck(2);
      e.emit(Op.Swap);
    }
    const prev = e.setSpan(n.callee);
    if (spread) {
      this.argsArray(n.arguments);
      e.setSpan(n.callee);
      e.emit(Op.CallSpread);
    } else {
      for (const a of n.arguments) this.expr(a);
      e.setSpan(n.callee);
      e.emit(Op.Call, n.arguments.length);
    }
    e.restoreSpan(prev);
  }

  private emitYield(raw: number): void {
    const e = this.e;
    // async generators await the operand before yielding it
    if (this.code.flags & FnFlags.Async) e.emit(Op.Await);
    e.emit(Op.Yield, raw);
    // Resumed with return(): run finally blocks, then complete.
    const notReturn = this.label();
    e.emit(Op.ResumeKind);
    e.emit(Op.Int, 2);
    e.emit(Op.StrictEq);
    e.emitJump(Op.JumpIfFalse, notReturn);
    // an async generator awaits the value given to return() first (a rejection throws here)
    if (this.code.flags & FnFlags.Async) e.emit(Op.Await);
    this.emitReturn();
    e.bind(notReturn);
    e.emit(Op.YieldResume);
  }

  /**
   * `yield* iterable`: forwards next/throw/return to the inner iterator.
   *
   * In an async generator (ES2024 14.4.14, generatorKind async) the inner iterator is async (a
   * sync iterable is wrapped by CreateAsyncFromSync), each step's result is awaited, its value
   * is yielded as is (not awaited again), and a return() resumption's value is awaited before
   * it is forwarded (AsyncGeneratorUnwrapYieldResumption: a rejection there is forwarded as a
   * throw).
   */
  private yieldStar(n: Node): void {
    const e = this.e;
    const isAsync = (this.code.flags & FnFlags.Async) !== 0;
    const r = e.newLocal('%iter');
    e.newLocal('%next');
    const recv = e.newLocal('%recv');
    const mode = e.newLocal('%mode');
    this.expr(n.argument);
    if (isAsync) this.asyncIterator();
    else e.emit(Op.GetIterator);
    e.emit(Op.PutLocal, r + 1);
    e.emit(Op.PutLocal, r);
    e.emit(Op.Undef);
    e.emit(Op.PutLocal, recv);
    e.emit(Op.Int, 0);
    e.emit(Op.PutLocal, mode);
    const loop = this.label();
    const done = this.label();
    const notNext = this.label();
    const notThrow = this.label();
    const haveResult = this.label();
    /** Goes on unless the last resumption's mode (0 next, 1 throw, 2 return) is `m`. */
    const unlessMode = (m: number, other: Label): void => {
      e.emit(Op.GetLocal, mode);
      e.emit(Op.Int, m);
      e.emit(Op.StrictEq);
      e.emitJump(Op.JumpIfFalse, other);
    };
    /** Calls the method below the receiver on the stack with recv; an async step is awaited. */
    const callWithRecv = (): void => {
      e.emit(Op.GetLocal, recv);
      e.emit(Op.Call, 1);
      if (isAsync) e.emit(Op.Await);
    };
    e.bind(loop);
    // mode 0: next(recv)
    unlessMode(0, notNext);
    e.emit(Op.GetLocal, r + 1);
    e.emit(Op.GetLocal, r);
    callWithRecv();
    e.emitJump(Op.Jump, haveResult);
    e.bind(notNext);
    // mode 1: throw(recv) — or close and TypeError when absent
    unlessMode(1, notThrow);
    {
      const hasThrow = this.label();
      e.emit(Op.GetLocal, r);
      e.emit(Op.GetMethod, this.k('throw'));
      e.emit(Op.Swap);
      e.emit(Op.Dup);
      e.emitJump(Op.JumpIfNotNullishKeep, hasThrow);
      e.emit(Op.Pop);
      e.emit(Op.Pop);
      // (an async inner iterator's return() result is awaited: AsyncIteratorClose)
      if (isAsync) this.asyncIterClose(r);
      else e.emit(Op.IterClose, r);
      e.emit(Op.ThrowError, 1, this.k("The iterator does not provide a 'throw' method."));
      e.bind(hasThrow);
      e.emit(Op.Pop);
      e.emit(Op.Swap);
      callWithRecv();
      e.emitJump(Op.Jump, haveResult);
    }
    e.bind(notThrow);
    {
      // mode 2: return(recv) — or return recv (awaited again if async) when absent
      const hasReturn = this.label();
      e.emit(Op.GetLocal, r);
      e.emit(Op.GetMethod, this.k('return'));
      e.emit(Op.Swap);
      e.emit(Op.Dup);
      e.emitJump(Op.JumpIfNotNullishKeep, hasReturn);
      e.emit(Op.Pop);
      e.emit(Op.Pop);
      e.emit(Op.GetLocal, recv);
      if (isAsync) e.emit(Op.Await);
      this.emitReturn();
      e.bind(hasReturn);
      e.emit(Op.Pop);
      e.emit(Op.Swap);
      callWithRecv();
      e.emit(Op.CheckObject);
      e.emit(Op.Dup);
      e.emit(Op.GetProp, this.k('done'));
      e.emitJump(Op.JumpIfFalse, haveResult);
      e.emit(Op.GetProp, this.k('value'));
      this.emitReturn();
    }
    e.bind(haveResult);
    e.emit(Op.CheckObject);
    e.emit(Op.Dup);
    e.emit(Op.GetProp, this.k('done'));
    e.emitJump(Op.JumpIfTrue, done);
    if (isAsync) {
      // an async generator yields the value (its request is settled with a fresh result)
      e.emit(Op.GetProp, this.k('value'));
      e.emit(Op.Yield, 0);
    } else e.emit(Op.Yield, 1);
    e.emit(Op.PutLocal, recv);
    e.emit(Op.ResumeKind);
    e.emit(Op.PutLocal, mode);
    if (isAsync) {
      // a return() resumption: await its value; a rejection becomes a throw resumption
      unlessMode(2, loop);
      const rejected = this.label();
      e.emitJump(Op.TryPush, rejected);
      e.emit(Op.GetLocal, recv);
      e.emit(Op.Await);
      e.emit(Op.PutLocal, recv);
      e.emit(Op.TryPop);
      e.emitJump(Op.Jump, loop);
      e.bind(rejected);
      e.emit(Op.PutLocal, recv);
      e.emit(Op.Int, 1);
      e.emit(Op.PutLocal, mode);
    }
    e.emitJump(Op.Jump, loop);
    e.bind(done);
    e.emit(Op.GetProp, this.k('value'));
  }

  // ---- classes -------------------------------------------------------------------

  private classExpr(n: Node, name: string): void {
    const e = this.e;
    const scope = this.pb.analysis.scopeOf.get(n)!;
    const parentScope = this.scope;
    const body: Node[] = n.body.body;
    const [instFn, staticFn] = this.pb.analysis.fieldFns.get(n.body)!;
    // heritage is evaluated outside the class scope
    if (n.superClass) this.expr(n.superClass);
    this.enterScope(scope);
    const rC = e.newLocal('%class');
    const rP = e.newLocal('%proto');
    // private names: one per evaluation
    for (const b of scope.bindings.values()) {
      if (b.kind === 'private') {
        e.emit(Op.NewPrivateName, this.k(b.name));
        // a method's or accessor's name carries its class, for V8's brand-check messages
        const m = body.find((x: Node) => x.type === 'MethodDefinition' && x.key.type === 'PrivateIdentifier' && '#' + x.key.name === b.name);
        if (m) e.emit(Op.PrivateBrand, this.k(n.id?.name ?? 'anonymous'), m.static ? 1 : 0);
        this.storeBinding(b, null, true, false);
      }
    }
    const instanceFields = body.filter((m: Node) => m.type === 'PropertyDefinition' && !m.static);
    const privateMethods = body.filter(
      (m: Node) => m.type === 'MethodDefinition' && !m.static && m.key.type === 'PrivateIdentifier',
    );
    const info: ClassInfo = { hasInstanceFields: instanceFields.length > 0 || privateMethods.length > 0 };
    const derived = !!n.superClass;
    const ctorDef = body.find((m: Node) => m.kind === 'constructor');
    let ctorIdx: number;
    const ctorFlags = FnFlags.ClassConstructor | (derived ? FnFlags.Derived : 0);
    if (ctorDef) {
      ctorIdx = this.compileFunction(ctorDef.value, name, ctorFlags, info, n.start);
      // the class is the constructor: its toString is the whole class text, as in V8
      this.pb.functions[ctorIdx].textEnd = n.end;
    } else ctorIdx = this.defaultConstructor(n, name, derived, info);
    e.emit(Op.Class, ctorIdx, derived ? 1 : 0);
    e.emit(Op.PutLocal, rP);
    e.emit(Op.PutLocal, rC);
    // computed keys of fields are evaluated now, in order with methods
    for (const m of body) {
      const prev = e.setSpan(m);
      if (m.type === 'MethodDefinition' && m.kind !== 'constructor') {
        const isPrivate = m.key.type === 'PrivateIdentifier';
        const fname = m.computed ? '' : this.propName(m.key);
        const label = m.kind === 'get' ? 'get ' + fname : m.kind === 'set' ? 'set ' + fname : fname;
        if (isPrivate && m.static) {
          // installed on the class itself: [C, name, fn] → DefinePrivate
          e.emit(Op.GetLocal, rC);
          this.loadBinding(this.lookupName('#' + m.key.name)!, null);
          e.emit(Op.Closure, this.compileFunction(m.value, label, FnFlags.Method | FnFlags.NoConstruct, undefined, this.methodTextStart(m)));
          e.emit(Op.SetHome);
          e.emit(Op.DefinePrivate, m.kind === 'get' ? 1 : m.kind === 'set' ? 2 : 3);
          e.emit(Op.Pop);
          e.restoreSpan(prev);
          continue;
        }
        e.emit(Op.GetLocal, m.static ? rC : rP);
        if (m.computed) {
          this.expr(m.key);
          e.emit(Op.ToPropertyKey);
        } else e.emit(Op.Const, this.k(fname));
        e.emit(Op.Closure, this.compileFunction(m.value, m.computed ? '' : label, FnFlags.Method | FnFlags.NoConstruct, undefined, this.methodTextStart(m)));
        e.emit(Op.SetHome);
        if (isPrivate) {
          // one closure per class evaluation, installed on each instance by the initializer
          this.storeBinding(this.hiddenBinding(m, 'pm'), null, true, false);
          e.emit(Op.Pop);
          e.emit(Op.Pop);
        } else {
          if (m.kind === 'get') e.emit(Op.DefineGetter, 0);
          else if (m.kind === 'set') e.emit(Op.DefineSetter, 0);
          else e.emit(Op.DefineMethod, 0);
          e.emit(Op.Pop);
        }
      } else if (m.type === 'PropertyDefinition' && m.computed) {
        this.expr(m.key);
        e.emit(Op.ToPropertyKey);
        this.storeBinding(this.hiddenBinding(m, 'key'), null, true, false);
      }
      e.restoreSpan(prev);
    }
    if (info.hasInstanceFields) {
      e.emit(Op.GetLocal, rC);
      const idx = this.compileFieldInit(instFn, n, instanceFields, privateMethods);
      e.emit(Op.Closure, idx);
      e.emit(Op.SetFieldInit);
      e.emit(Op.Pop);
    }
    // the inner name binding is initialized before static elements run
    if (n.id) {
      const b = scope.bindings.get(n.id.name)!;
      e.emit(Op.GetLocal, rC);
      this.storeBinding(b, null, true, false);
    }
    const statics = body.filter((m: Node) => (m.type === 'PropertyDefinition' && m.static) || m.type === 'StaticBlock');
    if (statics.length) {
      const idx = this.compileFieldInit(staticFn, n, statics, []);
      // [C, undefined, init] so SetHome sees C, then call init with this = C
      e.emit(Op.GetLocal, rC);
      e.emit(Op.Undef);
      e.emit(Op.Closure, idx);
      e.emit(Op.SetHome);
      e.emit(Op.Swap);
      e.emit(Op.Pop);
      e.emit(Op.Swap);
      e.emit(Op.Call, 0);
      e.emit(Op.Pop);
    }
    e.emit(Op.GetLocal, rC);
    this.exitScope(scope, parentScope);
  }

  /** A binding in the class scope for values the field initializer reads. */
  private hiddenBinding(m: Node, tag: string): Binding {
    const name = `%${tag}${m.start}`;
    for (let s: Scope | null = this.scope; s; s = s.parent) {
      const b = s.bindings.get(name);
      if (b) return b;
    }
    throw new Error('internal: hidden binding missing ' + name);
  }

  private defaultConstructor(n: Node, name: string, derived: boolean, info: ClassInfo): number {
    const code = this.pb.reserve(name);
    const em = new Emitter(this.pb.lineStarts);
    em.setSpan(n);
    code.flags = FnFlags.ClassConstructor | (derived ? FnFlags.Derived : 0) | (this.builtin ? FnFlags.Builtin : 0);
    code.start = n.start;
    code.end = n.end;
    code.hasRest = derived;
    const args = derived ? em.newLocal('args') : -1;
    if (derived) {
      em.emit(Op.GetLocal, args);
      em.emit(Op.SuperCallSpread);
      em.emit(Op.BindThis);
      if (info.hasInstanceFields) em.emit(Op.InitFields);
      em.emit(Op.Pop);
    } else if (info.hasInstanceFields) em.emit(Op.InitFields);
    em.emit(Op.Undef);
    em.emit(Op.Return);
    em.finish(code);
    return code.index;
  }

  /** Compiles the synthetic function that defines fields (instance or static) on `this`. */
  private compileFieldInit(info: FnInfo, classNode: Node, members: Node[], privateMethods: Node[]): number {
    const code = this.pb.reserve('<fields>');
    const fc = new FnCompiler(this.pb, info, code, this.envStack, this.builtin);
    fc.compileFields(classNode, members, privateMethods);
    return code.index;
  }

  compileFields(classNode: Node, members: Node[], privateMethods: Node[]): void {
    const e = this.e;
    const code = this.code;
    code.flags = FnFlags.Method | FnFlags.NoConstruct | FnFlags.FieldInit | (this.builtin ? FnFlags.Builtin : 0);
    code.start = classNode.start;
    code.end = classNode.end;
    this.retReg = e.newLocal('%ret');
    const fs = this.fn.scope;
    this.scope = fs;
    if (fs.hasEnv) {
      e.emit(Op.PushEnv, fs.envSize);
      this.openEnvRegion(fs);
      this.envStack.push(fs);
      this.controls.push({ kind: 'env' });
    }
    for (const b of fs.bindings.values()) if (!b.inEnv && b.slot < 0) b.slot = e.newLocal(b.name);
    for (const b of fs.bindings.values()) {
      if (b.kind === 'pseudo') {
        if (b.name === '%this') e.emit(Op.This);
        else if (b.name === '%newtarget') e.emit(Op.NewTarget);
        else e.emit(Op.HomeObject);
        this.storeBinding(b, null, true, false);
      }
    }
    for (const m of privateMethods) {
      const prev = e.setSpan(m);
      e.emit(Op.This);
      this.loadBinding(this.lookupName('#' + m.key.name)!, null);
      this.loadBinding(this.hiddenBinding(m, 'pm'), null);
      e.emit(Op.DefinePrivate, m.kind === 'get' ? 1 : m.kind === 'set' ? 2 : 3);
      e.emit(Op.Pop);
      e.restoreSpan(prev);
    }
    for (const m of members) {
      const prev = e.setSpan(m);
      e.markStatement();
      if (m.type === 'StaticBlock') {
        const bs = this.pb.analysis.scopeOf.get(m)!;
        const parent = this.scope;
        this.enterScope(bs);
        this.hoistFunctions(m.body);
        for (const s of m.body) this.stmt(s);
        this.exitScope(bs, parent);
        e.restoreSpan(prev);
        continue;
      }
      e.emit(Op.This);
      if (m.key.type === 'PrivateIdentifier') {
        this.loadBinding(this.lookupName('#' + m.key.name)!, null);
        if (m.value) this.namedExpr(m.value, '#' + m.key.name);
        else e.emit(Op.Undef);
        e.emit(Op.DefinePrivate, 0);
      } else if (m.computed) {
        this.loadBinding(this.hiddenBinding(m, 'key'), null);
        if (m.value) this.expr(m.value);
        else e.emit(Op.Undef);
        if (m.value && this.isAnonymousFn(m.value)) e.emit(Op.SetFnName);
        e.emit(Op.DefineElem);
      } else {
        const name = this.propName(m.key);
        if (m.value) this.namedExpr(m.value, name);
        else e.emit(Op.Undef);
        e.emit(Op.DefineField, this.k(name));
      }
      e.emit(Op.Pop);
      e.restoreSpan(prev);
    }
    e.emit(Op.Undef);
    e.emit(Op.Return);
    e.finish(code);
  }
}

interface ClassInfo {
  hasInstanceFields: boolean;
}

export { patternNames };
