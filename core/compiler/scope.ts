/**
 * Scope analysis: resolves every identifier at compile time. Each binding ends up in a
 * frame register, or — when a nested function captures it — in a slot of a heap
 * environment created at scope entry. Nothing is looked up by name at run time except
 * globals.
 */

/** meriyah's ESTree nodes; the validator has already checked their shapes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Node = any;

export type BindingKind =
  | 'var'
  | 'let'
  | 'const'
  | 'class'
  | 'function'
  | 'param'
  | 'catch'
  | 'callee'
  | 'private'
  | 'pseudo'
  | 'hidden';

export class Binding {
  captured = false;
  /** Register index (when !inEnv) or env slot (when inEnv). */
  slot = -1;
  inEnv = false;
  constructor(
    readonly name: string,
    readonly kind: BindingKind,
    readonly scope: Scope,
    /** Offset after which same-function references need no TDZ check. */
    readonly declEnd: number,
  ) {}
  /** Parameters of non-simple lists: uninitialized (TDZ) until this offset. */
  tdzUntil = -1;
  get lexical(): boolean {
    return this.kind === 'let' || this.kind === 'const' || this.kind === 'class';
  }
  get immutable(): boolean {
    return this.kind === 'const' || this.kind === 'callee' || this.kind === 'private';
  }
}

export type ScopeKind = 'function' | 'block' | 'catch' | 'class' | 'switch' | 'for';

export class Scope {
  readonly bindings = new Map<string, Binding>();
  envSize = 0;
  constructor(
    readonly kind: ScopeKind,
    readonly parent: Scope | null,
    readonly fn: FnInfo,
  ) {}
  get hasEnv(): boolean {
    return this.envSize > 0;
  }
  declare(name: string, kind: BindingKind, declEnd: number): Binding {
    const existing = this.bindings.get(name);
    if (existing) return existing;
    const b = new Binding(name, kind, this, declEnd);
    this.bindings.set(name, b);
    return b;
  }
}

/** One compiled function: a guest function, the script, or a synthetic field initializer. */
export class FnInfo {
  scope!: Scope;
  constructor(
    readonly node: Node,
    readonly parent: FnInfo | null,
    readonly isArrow: boolean,
  ) {}
  /** The function that provides `this`/`new.target`/`super` (skips arrows). */
  get thisFn(): FnInfo {
    let f: FnInfo = this;
    while (f.isArrow && f.parent) f = f.parent;
    return f;
  }
}

export interface Analysis {
  /** Identifier node (reference or declaration) → binding; null means a global. */
  refs: Map<Node, Binding | null>;
  scopeOf: Map<Node, Scope>;
  fnOf: Map<Node, FnInfo>;
  /** Synthetic field-initializer functions per class body: [instance, static]. */
  fieldFns: Map<Node, [FnInfo, FnInfo]>;
  /** Free names referenced (globals). */
  globals: Set<string>;
  /** Whether the script itself awaits at top level. */
  topLevelAwait: boolean;
}

/** Collects the names bound by a pattern. */
export function patternNames(p: Node, out: Node[] = []): Node[] {
  if (!p) return out;
  switch (p.type) {
    case 'Identifier':
      out.push(p);
      break;
    case 'ObjectPattern':
      for (const prop of p.properties) patternNames(prop.type === 'RestElement' ? prop.argument : prop.value, out);
      break;
    case 'ArrayPattern':
      for (const e of p.elements) if (e) patternNames(e, out);
      break;
    case 'AssignmentPattern':
      patternNames(p.left, out);
      break;
    case 'RestElement':
      patternNames(p.argument, out);
      break;
  }
  return out;
}

function isFunctionNode(n: Node): boolean {
  return n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression';
}

/** Performs scope analysis of a whole program. */
export function analyze(program: Node): Analysis {
  const a: Analysis = {
    refs: new Map(),
    scopeOf: new Map(),
    fnOf: new Map(),
    fieldFns: new Map(),
    globals: new Set(),
    topLevelAwait: false,
  };
  const scriptFn = new FnInfo(program, null, false);
  a.fnOf.set(program, scriptFn);
  const pending: [Node, Scope, FnInfo][] = [];

  const newScope = (kind: ScopeKind, parent: Scope | null, fn: FnInfo, node: Node): Scope => {
    const s = new Scope(kind, parent, fn);
    a.scopeOf.set(node, s);
    return s;
  };

  /** Hoists `var` names of a function body (not into nested functions). */
  const hoistVars = (n: Node, scope: Scope): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const c of n) hoistVars(c, scope);
      return;
    }
    if (isFunctionNode(n) || n.type === 'ClassDeclaration' || n.type === 'ClassExpression') return;
    if (n.type === 'VariableDeclaration' && n.kind === 'var') {
      for (const d of n.declarations) for (const id of patternNames(d.id)) scope.declare(id.name, 'var', 0);
    }
    switch (n.type) {
      case 'BlockStatement':
      case 'Program':
        hoistVars(n.body, scope);
        break;
      case 'IfStatement':
        hoistVars(n.consequent, scope);
        hoistVars(n.alternate, scope);
        break;
      case 'ForStatement':
        hoistVars(n.init, scope);
        hoistVars(n.body, scope);
        break;
      case 'ForInStatement':
      case 'ForOfStatement':
        hoistVars(n.left, scope);
        hoistVars(n.body, scope);
        break;
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'LabeledStatement':
        hoistVars(n.body, scope);
        break;
      case 'TryStatement':
        hoistVars(n.block, scope);
        if (n.handler) hoistVars(n.handler.body, scope);
        hoistVars(n.finalizer, scope);
        break;
      case 'SwitchStatement':
        for (const c of n.cases) hoistVars(c.consequent, scope);
        break;
    }
  };

  /** Declares let/const/class/function of a statement list in `scope`. */
  const declareLexical = (stmts: Node[], scope: Scope, topOfFunction: boolean): void => {
    for (const s of stmts) {
      if (s.type === 'VariableDeclaration' && s.kind !== 'var') {
        for (const d of s.declarations)
          for (const id of patternNames(d.id)) scope.declare(id.name, s.kind, d.end ?? s.end);
      } else if (s.type === 'ClassDeclaration' && s.id) {
        scope.declare(s.id.name, 'class', s.end);
      } else if (s.type === 'FunctionDeclaration' && s.id) {
        const b = scope.bindings.get(s.id.name);
        if (!b || b.kind === 'var' || topOfFunction) scope.declare(s.id.name, 'function', 0);
      } else if (s.type === 'LabeledStatement') {
        let body = s.body;
        while (body.type === 'LabeledStatement') body = body.body;
        if (body.type === 'FunctionDeclaration') declareLexical([body], scope, topOfFunction);
      }
    }
  };

  const resolve = (id: Node, name: string, scope: Scope, fn: FnInfo): void => {
    for (let s: Scope | null = scope; s; s = s.parent) {
      const b = s.bindings.get(name);
      if (b) {
        if (b.scope.fn !== fn) b.captured = true;
        a.refs.set(id, b);
        return;
      }
    }
    a.refs.set(id, null);
    a.globals.add(name);
  };

  /** `this`, `new.target` and `super` inside arrows: captured pseudo-bindings of the provider. */
  const resolvePseudo = (node: Node, name: string, fn: FnInfo): void => {
    if (!fn.isArrow) return;
    const provider = fn.thisFn;
    if (provider.node.type === 'Program') return; // script-level this is the global object
    const b = provider.scope.declare(name, 'pseudo', 0);
    b.captured = true;
    a.refs.set(node, b);
  };

  const visitFunction = (n: Node, scope: Scope, parentFn: FnInfo): void => {
    const fn = new FnInfo(n, parentFn, n.type === 'ArrowFunctionExpression');
    a.fnOf.set(n, fn);
    const fs = newScope('function', scope, fn, n);
    fn.scope = fs;
    if (n.type === 'FunctionExpression' && n.id) fs.declare(n.id.name, 'callee', 0);
    for (const p of n.params) for (const id of patternNames(p)) fs.declare(id.name, 'param', 0);
    // With defaults or patterns, parameter expressions must not see the body's
    // lexical declarations: those get a scope of their own.
    const simple = n.params.every((p: Node) => p.type === 'Identifier');
    if (!simple) for (const p of n.params) for (const id of patternNames(p)) fs.bindings.get(id.name)!.tdzUntil = p.end;
    let bodyScope = fs;
    if (n.body.type === 'BlockStatement') {
      hoistVars(n.body.body, fs);
      if (!simple) bodyScope = newScope('block', fs, fn, n.body);
      declareLexical(n.body.body, bodyScope, true);
    }
    // param defaults and patterns
    for (const p of n.params) visit(p, fs, fn, true);
    if (n.body.type === 'BlockStatement') visitList(n.body.body, bodyScope, fn);
    else visit(n.body, fs, fn);
  };

  const visitClass = (n: Node, scope: Scope, fn: FnInfo): void => {
    const cs = newScope('class', scope, fn, n);
    if (n.id) {
      // initialized once the class exists: computed keys (evaluated before that, in this
      // function) read it in its TDZ, so every same-function reference inside is checked
      cs.declare(n.id.name, 'const', n.end ?? 0);
      a.refs.set(n.id, cs.bindings.get(n.id.name)!);
    }
    for (const m of n.body.body) {
      if ((m.type === 'MethodDefinition' || m.type === 'PropertyDefinition') && m.key?.type === 'PrivateIdentifier') {
        cs.declare('#' + m.key.name, 'private', 0).captured = true;
        // private methods are created once per class and read by the instance initializer
        if (m.type === 'MethodDefinition') cs.declare('%pm' + m.start, 'hidden', 0).captured = true;
      }
      // computed field keys are evaluated at class definition and read by the initializer
      if (m.type === 'PropertyDefinition' && m.computed) cs.declare('%key' + m.start, 'hidden', 0).captured = true;
    }
    if (n.superClass) visit(n.superClass, scope, fn);
    const instFn = new FnInfo(n.body, fn, false);
    const staticFn = new FnInfo(n.body, fn, false);
    instFn.scope = new Scope('function', cs, instFn);
    staticFn.scope = new Scope('function', cs, staticFn);
    a.fieldFns.set(n.body, [instFn, staticFn]);
    for (const m of n.body.body) {
      if (m.computed) visit(m.key, cs, fn);
      if (m.type === 'MethodDefinition') visit(m.value, cs, fn);
      else if (m.type === 'PropertyDefinition') {
        const target = m.static ? staticFn : instFn;
        if (m.value) visit(m.value, target.scope, target);
      } else if (m.type === 'StaticBlock') {
        const bs = newScope('block', staticFn.scope, staticFn, m);
        hoistVars(m.body, staticFn.scope);
        declareLexical(m.body, bs, false);
        visitList(m.body, bs, staticFn);
      } else if (m.type === 'AccessorProperty') {
        throw new Error('accessor fields are not supported');
      }
    }
  };

  const visitList = (list: Node[], scope: Scope, fn: FnInfo): void => {
    for (const s of list) visit(s, scope, fn);
  };

  const visit = (n: Node, scope: Scope, fn: FnInfo, isPattern = false): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const c of n) visit(c, scope, fn, isPattern);
      return;
    }
    switch (n.type) {
      case 'Identifier':
        resolve(n, n.name, scope, fn);
        return;
      case 'PrivateIdentifier':
        resolve(n, '#' + n.name, scope, fn);
        return;
      case 'ThisExpression':
        resolvePseudo(n, '%this', fn);
        return;
      case 'Super':
        resolvePseudo(n, '%home', fn);
        resolvePseudo({ superThis: n }, '%this', fn);
        return;
      case 'MetaProperty':
        if (n.meta.name === 'new') resolvePseudo(n, '%newtarget', fn);
        return;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        if (n.type === 'FunctionDeclaration' && n.id) resolve(n.id, n.id.name, scope, fn);
        pending.push([n, scope, fn]);
        return;
      case 'ClassDeclaration':
      case 'ClassExpression':
        if (n.type === 'ClassDeclaration' && n.id) {
          // outer binding
          for (let s: Scope | null = scope; s; s = s.parent) {
            const b = s.bindings.get(n.id.name);
            if (b) break;
          }
        }
        visitClass(n, scope, fn);
        return;
      case 'BlockStatement': {
        const bs = newScope('block', scope, fn, n);
        declareLexical(n.body, bs, false);
        visitList(n.body, bs, fn);
        return;
      }
      case 'SwitchStatement': {
        visit(n.discriminant, scope, fn);
        const ss = newScope('switch', scope, fn, n);
        for (const c of n.cases) declareLexical(c.consequent, ss, false);
        for (const c of n.cases) {
          visit(c.test, ss, fn);
          visitList(c.consequent, ss, fn);
        }
        return;
      }
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement': {
        const init = n.type === 'ForStatement' ? n.init : n.left;
        let s = scope;
        if (init && init.type === 'VariableDeclaration' && init.kind !== 'var') {
          s = newScope('for', scope, fn, n);
          for (const d of init.declarations)
            for (const id of patternNames(d.id))
              // for-in/of: the head expression (`right`) is evaluated with the names in TDZ
              s.declare(id.name, init.kind, n.type === 'ForStatement' ? (d.end ?? 0) : (n.right.end ?? init.end));
        }
        if (n.type === 'ForOfStatement' && n.await && fn.node.type === 'Program') a.topLevelAwait = true;
        if (n.type === 'ForStatement') {
          visit(n.init, s, fn);
          visit(n.test, s, fn);
          visit(n.update, s, fn);
        } else {
          visit(n.right, s, fn);
          visit(n.left, s, fn);
        }
        visit(n.body, s, fn);
        return;
      }
      case 'CatchClause': {
        const cs = newScope('catch', scope, fn, n);
        if (n.param) for (const id of patternNames(n.param)) cs.declare(id.name, 'catch', 0);
        visit(n.param, cs, fn, true);
        visit(n.body, cs, fn);
        return;
      }
      case 'MemberExpression':
        visit(n.object, scope, fn);
        if (n.computed || n.property.type === 'PrivateIdentifier') visit(n.property, scope, fn);
        return;
      case 'Property':
        if (n.computed) visit(n.key, scope, fn);
        visit(n.value, scope, fn, isPattern);
        return;
      case 'MethodDefinition':
      case 'PropertyDefinition':
        return; // handled in visitClass
      case 'LabeledStatement':
        visit(n.body, scope, fn);
        return;
      case 'BreakStatement':
      case 'ContinueStatement':
        return;
      case 'AwaitExpression':
        if (fn.node.type === 'Program') a.topLevelAwait = true;
        visit(n.argument, scope, fn);
        return;
      case 'BinaryExpression':
        if (n.left.type === 'PrivateIdentifier') resolve(n.left, '#' + n.left.name, scope, fn);
        else visit(n.left, scope, fn);
        visit(n.right, scope, fn);
        return;
    }
    for (const key in n) {
      if (key === 'type' || key === 'loc' || key === 'range' || key === 'start' || key === 'end') continue;
      const c = n[key];
      if (c && typeof c === 'object') visit(c, scope, fn, isPattern);
    }
  };

  const ss = newScope('function', null, scriptFn, { scriptScope: program });
  scriptFn.scope = ss;
  a.scopeOf.set(program, ss);
  hoistVars(program.body, ss);
  declareLexical(program.body, ss, true);
  visitList(program.body, ss, scriptFn);
  // Functions are visited after their enclosing scope is complete, so hoisted
  // declarations later in the block resolve correctly.
  while (pending.length) {
    const [n, scope, fn] = pending.shift()!;
    visitFunction(n, scope, fn);
  }

  // Captured bindings get env slots; each scope with any has an environment.
  for (const scope of a.scopeOf.values()) assignEnvSlots(scope);
  for (const [inst, stat] of a.fieldFns.values()) {
    assignEnvSlots(inst.scope);
    assignEnvSlots(stat.scope);
  }
  return a;
}

function assignEnvSlots(scope: Scope): void {
  if (scope.envSize > 0) return;
  let n = 0;
  for (const b of scope.bindings.values()) {
    if (b.captured) {
      b.inEnv = true;
      b.slot = n++;
    }
  }
  scope.envSize = n;
}
