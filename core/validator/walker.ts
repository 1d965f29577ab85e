/**
 * The validation walk: visits every node of a guest program once, tracking lexical scopes
 * (to tell local bindings from free references), and reports each use of a feature outside
 * the supported subset.
 *
 * Every ESTree node type meriyah can produce has a case in `Walker.dispatch` (checked for
 * exhaustiveness by the compiler); anything else fails closed with CAP1090.
 */
import type { Diagnostic } from '../diagnostics';
import { BUILTIN_GLOBALS, FORBIDDEN_GLOBALS, PRIMITIVE_GLOBALS, type ForbiddenCategory } from '../globals';
import { spanOf, type ESTree } from '../parse';
import {
  LEGACY_ACCESSORS,
  LEGACY_REGEXP_STATICS,
  legacyRegExpStaticMessage,
  OBJECT_WRITERS,
  PROTO_ACCESS_MESSAGE,
  SET_PROTOTYPE_MESSAGE,
  builtinDefineMessage,
  builtinRebindMessage,
  builtinRoot,
  builtinWriteMessage,
  legacyAccessorMessage,
  staticGlobalName,
  staticPropertyName,
} from './builtin-writes';
import { Code, type DiagnosticCode } from './codes';
import { Scope, declarePattern, hoistLexicalDeclarations, hoistVarDeclarations, varDeclaredIdentifiers } from './scope';
import { suggestName } from './suggest';

/**
 * Maximum syntactic nesting depth. The compiler and this walker recurse over the tree, so a
 * bound keeps them off the host stack limit (long `a + b + ...` chains count as nesting).
 */
export const MAX_NESTING = 1000;

const CATEGORY_CODE: Record<ForbiddenCategory, DiagnosticCode> = {
  eval: Code.Eval,
  'function-constructor': Code.FunctionConstructor,
  reflection: Code.Reflection,
  weak: Code.WeakReference,
  'shared-memory': Code.SharedMemory,
  'binary-data': Code.BinaryData,
  host: Code.HostGlobal,
  timer: Code.Timer,
  unprovided: Code.UnprovidedBuiltin,
};

/**
 * Categories whose names are simply absent from a clean V8 realm too, so observing their
 * absence (`typeof setTimeout`, `globalThis.process`) gives the same answer as V8.
 */
const ABSENT_IN_V8: ReadonlySet<ForbiddenCategory> = new Set(['host', 'timer']);

type AnyFunction = ESTree.FunctionDeclaration | ESTree.FunctionExpression | ESTree.ArrowFunctionExpression;
type ClassElement = ESTree.ClassBody['body'][number];

/** Validates one program. Single use: construct, call {@link Walker.run}. */
export class Walker {
  private readonly diagnostics: Diagnostic[] = [];
  private scope = new Scope(undefined);
  private depth = 0;
  private tooDeep = false;
  private readonly isLocal = (name: string): boolean => this.scope.has(name);

  constructor(
    private readonly source: string,
    private readonly hostGlobals: ReadonlySet<string>,
  ) {}

  /** Walks the whole program; returns every finding sorted by position. */
  run(program: ESTree.Program): Diagnostic[] {
    const vars = varDeclaredIdentifiers(program.body);
    this.readOnlyGlobalDeclarations(program.body, vars);
    for (const id of vars) this.scope.declare(id.name);
    hoistLexicalDeclarations(program.body, this.scope);
    for (const statement of program.body) this.visit(statement);
    return this.diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  }

  /**
   * A top-level `var undefined = 2` (or NaN, Infinity; or such a function) assigns V8's read-only
   * global and throws there, while core's top-level vars are script bindings that would shadow it:
   * refused, rather than a different answer. (`let`/`const`/`class` are early errors, see parse.ts.)
   * `vars`: the program's var-declared identifiers (nested blocks included).
   */
  private readOnlyGlobalDeclarations(body: readonly ESTree.Node[], vars: readonly ESTree.Identifier[]): void {
    const ids = [...vars];
    for (const st of body) if (st.type === 'FunctionDeclaration' && st.id) ids.push(st.id);
    for (const id of ids) {
      if (PRIMITIVE_GLOBALS.has(id.name)) {
        this.report(Code.BuiltinMutation, `'${id.name}' is a read-only global: a top-level var or function cannot declare it (V8 throws a TypeError assigning it). Use another name.`, id);
      }
    }
  }

  private report(code: DiagnosticCode, message: string, node: ESTree.Node): void {
    this.diagnostics.push({ code, message, severity: 'error', span: spanOf(node, this.source) });
  }

  private unsupported(node: ESTree.Node, message: string): void {
    this.report(Code.UnsupportedSyntax, message, node);
  }

  /** Source text of a node for messages, whitespace-collapsed and shortened. */
  private text(node: ESTree.Node): string {
    const start = node.start ?? node.range?.[0];
    const end = node.end ?? node.range?.[1];
    if (start === undefined || end === undefined) return '…';
    const t = this.source.slice(start, end).replace(/\s+/g, ' ');
    return t.length > 60 ? `${t.slice(0, 57)}...` : t;
  }

  private withScope(scope: Scope, body: () => void): void {
    const outer = this.scope;
    this.scope = scope;
    try {
      body();
    } finally {
      this.scope = outer;
    }
  }

  private visitAll(nodes: ReadonlyArray<ESTree.Node | null | undefined>): void {
    for (const n of nodes) if (n) this.visit(n);
  }

  /** Visits a statement or expression (or any node, routed by type). */
  visit(node: ESTree.Node): void {
    if (this.depth >= MAX_NESTING) {
      if (!this.tooDeep) {
        this.tooDeep = true;
        this.report(Code.TooDeep, `The program nests more than ${MAX_NESTING} levels deep here. Split the expression or statement into smaller parts (for example with intermediate variables).`, node);
      }
      return;
    }
    this.depth++;
    try {
      this.dispatch(node);
    } finally {
      this.depth--;
    }
  }

  private dispatch(node: ESTree.Node): void {
    switch (node.type) {
      // ----- statements
      case 'ExpressionStatement':
        this.visit(node.expression);
        return;
      case 'BlockStatement':
        this.block(node.body);
        return;
      case 'EmptyStatement':
      case 'DebuggerStatement': // a no-op when run; a debug session stops there
      case 'BreakStatement':
      case 'ContinueStatement':
        return;
      case 'LabeledStatement':
        if (node.body.type === 'FunctionDeclaration') {
          this.report(Code.LabelledFunction, 'A labelled function declaration is not supported. Remove the label, or label a block or loop instead.', node);
        }
        this.visit(node.body);
        return;
      case 'IfStatement':
        this.visitAll([node.test, node.consequent, node.alternate]);
        return;
      case 'SwitchStatement': {
        this.visit(node.discriminant);
        const scope = new Scope(this.scope);
        hoistLexicalDeclarations(node.cases.flatMap((c) => c.consequent), scope);
        this.withScope(scope, () => this.visitAll(node.cases));
        return;
      }
      case 'SwitchCase':
        this.visitAll([node.test, ...node.consequent]);
        return;
      case 'WhileStatement':
      case 'DoWhileStatement':
        this.visitAll([node.test, node.body]);
        return;
      case 'ForStatement': {
        const scope = new Scope(this.scope);
        if (node.init?.type === 'VariableDeclaration') hoistLexicalDeclarations([node.init], scope);
        this.withScope(scope, () => this.visitAll([node.init, node.test, node.update, node.body]));
        return;
      }
      case 'ForInStatement':
      case 'ForOfStatement': {
        const scope = new Scope(this.scope);
        const left = node.left;
        if (left.type === 'VariableDeclaration') hoistLexicalDeclarations([left], scope);
        this.withScope(scope, () => {
          this.visit(node.right);
          if (left.type === 'VariableDeclaration') this.visit(left);
          else this.assignTarget(left);
          this.visit(node.body);
        });
        return;
      }
      case 'ReturnStatement':
      case 'ThrowStatement':
        if (node.argument) this.visit(node.argument);
        return;
      case 'TryStatement':
        this.visitAll([node.block, node.handler, node.finalizer]);
        return;
      case 'CatchClause': {
        const scope = new Scope(this.scope);
        declarePattern(node.param, scope);
        this.withScope(scope, () => {
          if (node.param) this.bindingPattern(node.param);
          this.visit(node.body);
        });
        return;
      }
      case 'VariableDeclaration':
        if (node.kind === 'using' || node.kind === 'await using') {
          this.report(Code.UsingDeclaration, `'${node.kind}' declarations are not supported. Use const, and release the resource in a try/finally block.`, node);
        }
        this.visitAll(node.declarations);
        return;
      case 'VariableDeclarator':
        this.bindingPattern(node.id);
        if (node.init) this.visit(node.init);
        return;
      case 'FunctionDeclaration':
        this.func(node);
        return;
      case 'ClassDeclaration':
        this.cls(node);
        return;
      case 'WithStatement':
        this.report(Code.With, "The 'with' statement is not supported. Refer to the object's properties explicitly (obj.prop), or destructure them into local variables.", node);
        this.visitAll([node.object, node.body]);
        return;

      // ----- module syntax (parsed because we use the module goal; never allowed)
      case 'ImportDeclaration':
        this.report(Code.ModuleSyntax, 'import declarations are not supported: a Capsule program is a single script. Host functionality comes from capabilities and inputs, which are available as globals.', node);
        return;
      case 'ExportNamedDeclaration':
      case 'ExportDefaultDeclaration':
      case 'ExportAllDeclaration':
        this.report(Code.ModuleSyntax, 'export declarations are not supported: a Capsule program is a single script. Return results by the program\'s completion value or through a capability.', node);
        if (node.type !== 'ExportAllDeclaration' && node.declaration) this.visit(node.declaration);
        return;
      case 'ImportSpecifier':
      case 'ImportDefaultSpecifier':
      case 'ImportNamespaceSpecifier':
      case 'ImportAttribute':
      case 'ExportSpecifier':
        return; // only reachable under a module declaration, which is already reported

      // ----- expressions
      case 'Identifier':
        this.reference(node, 'read');
        return;
      case 'PrivateIdentifier':
      case 'Super':
      case 'ThisExpression': // at top level it is globalThis, as in a V8 script
      case 'Literal': // regex literal syntax is checked by Capsule's regex engine at compile time
      case 'TemplateElement':
        return;
      case 'TemplateLiteral':
        this.visitAll(node.expressions);
        return;
      case 'TaggedTemplateExpression':
        this.visitAll([node.tag, node.quasi]);
        return;
      case 'ArrayExpression':
        this.visitAll(node.elements);
        return;
      case 'ObjectExpression':
        this.visitAll(node.properties);
        return;
      case 'Property':
        this.objectProperty(node);
        return;
      case 'SpreadElement':
        this.visit(node.argument);
        return;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        this.func(node);
        return;
      case 'ClassExpression':
        this.cls(node);
        return;
      case 'UnaryExpression':
        if (node.operator === 'typeof' && node.argument.type === 'Identifier') {
          this.reference(node.argument, 'typeof');
          return;
        }
        if (node.operator === 'delete') this.writeTarget(node.argument);
        this.visit(node.argument);
        return;
      case 'UpdateExpression':
        this.assignTarget(node.argument);
        return;
      case 'BinaryExpression':
        this.visitAll([node.left, node.right]);
        return;
      case 'LogicalExpression':
        this.visitAll([node.left, node.right]);
        return;
      case 'ConditionalExpression':
        this.visitAll([node.test, node.consequent, node.alternate]);
        return;
      case 'SequenceExpression':
        this.visitAll(node.expressions);
        return;
      case 'AssignmentExpression':
        this.assignTarget(node.left);
        this.visit(node.right);
        return;
      case 'MemberExpression':
        this.member(node);
        return;
      case 'ChainExpression':
      case 'ParenthesizedExpression':
        this.visit(node.expression);
        return;
      case 'CallExpression':
        this.visitAll([node.callee, ...node.arguments]);
        this.checkObjectWriter(node);
        return;
      case 'NewExpression':
        this.visitAll([node.callee, ...node.arguments]);
        return;
      case 'ImportExpression':
        this.report(Code.DynamicImport, 'import() is not supported: a Capsule program cannot load code. Put all code in one script; host functionality comes from capabilities.', node);
        this.visitAll([node.source, node.options]);
        return;
      case 'MetaProperty':
        if (node.meta.name === 'new' && node.property.name === 'target') {
          // Supported; the parser already rejects it outside functions and static blocks.
        } else if (node.meta.name === 'import' && node.property.name === 'meta') {
          this.report(Code.ImportMeta, "'import.meta' is not supported: a Capsule program is not a module. Information about the run comes from host inputs.", node);
        } else {
          this.unsupported(node, `'${node.meta.name}.${node.property.name}' is not supported in Capsule.`);
        }
        return;
      case 'YieldExpression':
      case 'AwaitExpression':
        if (node.argument) this.visit(node.argument);
        return;

      // ----- patterns (normally reached through bindingPattern/assignTarget)
      case 'ObjectPattern':
      case 'ArrayPattern':
      case 'AssignmentPattern':
      case 'RestElement':
        this.bindingPattern(node);
        return;

      // ----- classes (normally reached through cls)
      case 'ClassBody':
        this.visitAll(node.body);
        return;
      case 'MethodDefinition':
      case 'PropertyDefinition':
      case 'StaticBlock':
      case 'AccessorProperty':
        this.classElement(node);
        return;

      // ----- never supported
      case 'Decorator':
        this.unsupported(node, 'Decorators are not supported in Capsule. Call the decorating function explicitly instead, e.g. const C = decorate(class { ... }).');
        return;
      case 'JSXElement':
      case 'JSXFragment':
      case 'JSXNamespacedName':
      case 'JSXAttribute':
      case 'JSXClosingElement':
      case 'JSXClosingFragment':
      case 'JSXEmptyExpression':
      case 'JSXExpressionContainer':
      case 'JSXIdentifier':
      case 'JSXOpeningElement':
      case 'JSXOpeningFragment':
      case 'JSXSpreadAttribute':
      case 'JSXSpreadChild':
      case 'JSXMemberExpression':
      case 'JSXText':
        this.unsupported(node, 'JSX is not supported in Capsule. Build strings or plain objects instead.');
        return;
      case 'Program':
        this.unsupported(node, 'A nested Program node is not supported in Capsule.');
        return;
      default: {
        // Fail closed on node types this walker does not know (e.g. from a newer parser).
        const unknown: never = node;
        this.unsupported(unknown as ESTree.Node, `The syntax '${String((unknown as { type?: unknown }).type)}' is not supported in Capsule.`);
      }
    }
  }

  // ---------------------------------------------------------------------------------------
  // Scopes

  /** A `{ ... }` block: its own scope for let/const/class/function declarations. */
  private block(body: readonly ESTree.Statement[]): void {
    const scope = new Scope(this.scope);
    hoistLexicalDeclarations(body, scope);
    this.withScope(scope, () => this.visitAll(body));
  }

  /**
   * Functions get: an optional scope for a function expression's own name; a parameter
   * scope (default values see parameters but not the body's declarations); a body scope.
   */
  private func(node: AnyFunction): void {
    let outer = this.scope;
    if (node.type === 'FunctionExpression' && node.id) {
      outer = new Scope(outer);
      outer.declare(node.id.name);
    }
    const params = new Scope(outer);
    for (const p of node.params) declarePattern(p, params);
    this.withScope(params, () => {
      for (const p of node.params) this.bindingPattern(p);
      const body = node.body;
      if (!body) return;
      if (body.type === 'BlockStatement') this.functionBody(body.body);
      else this.visit(body);
    });
  }

  /** A function body or class static block: the var scope of everything inside it. */
  private functionBody(statements: readonly ESTree.Statement[]): void {
    const scope = new Scope(this.scope);
    hoistVarDeclarations(statements, scope);
    hoistLexicalDeclarations(statements, scope);
    this.withScope(scope, () => this.visitAll(statements));
  }

  /** Classes: the class name is bound inside the class (heritage and body) for both forms. */
  private cls(node: ESTree.ClassDeclaration | ESTree.ClassExpression): void {
    this.visitAll(node.decorators ?? []);
    const scope = new Scope(this.scope);
    if (node.id) scope.declare(node.id.name);
    // meriyah accepts two constructors; V8 does not
    const ctors = node.body.body.filter((m) => m.type === 'MethodDefinition' && m.kind === 'constructor');
    if (ctors.length > 1) this.report(Code.Syntax, 'A class may only have one constructor', ctors[1]);
    this.withScope(scope, () => {
      if (node.superClass) this.visit(node.superClass);
      for (const element of node.body.body) this.visit(element);
    });
  }

  private classElement(node: ClassElement): void {
    if ('decorators' in node) this.visitAll(node.decorators ?? []);
    switch (node.type) {
      case 'MethodDefinition':
        if (node.computed && node.key) this.visit(node.key); // evaluated with the outer `this`
        this.func(node.value);
        return;
      case 'PropertyDefinition':
        // meriyah accepts a field with no name (`class A { = 1 }`); V8 does not
        if (!node.key) {
          this.report(Code.Syntax, "Unexpected token '='", node);
          return;
        }
        if (node.computed) this.visit(node.key);
        if (node.value) this.visit(node.value);
        return;
      case 'StaticBlock':
        this.functionBody(node.body);
        return;
      case 'AccessorProperty':
        this.unsupported(node, "'accessor' fields are not supported in Capsule. Use a private field with a get/set pair instead.");
        return;
      case 'FunctionExpression':
        this.func(node);
        return;
    }
  }

  // ---------------------------------------------------------------------------------------
  // References

  /** Resolves a free identifier: local binding, built-in, host-provided, or an error. */
  private reference(id: ESTree.Identifier, use: 'read' | 'write' | 'typeof'): void {
    const name = id.name;
    if (name === 'arguments') {
      // Strict code cannot declare `arguments`, so this is always the implicit object.
      this.report(Code.Arguments, "The 'arguments' object is not supported. Declare a rest parameter instead: function f(...args) { ... }.", id);
      return;
    }
    if (this.scope.has(name)) return;
    const forbidden = FORBIDDEN_GLOBALS.get(name);
    if (forbidden) {
      if (forbidden.hostMayProvide && this.hostGlobals.has(name)) return;
      if (use === 'typeof' && ABSENT_IN_V8.has(forbidden.category)) return;
      this.report(CATEGORY_CODE[forbidden.category], forbidden.message, id);
      return;
    }
    if (BUILTIN_GLOBALS.has(name)) {
      // `undefined = 1` is a run-time TypeError in V8 (non-writable), so it stays one here.
      if (use === 'write' && !PRIMITIVE_GLOBALS.has(name)) this.report(Code.BuiltinMutation, builtinRebindMessage(name), id);
      return;
    }
    if (this.hostGlobals.has(name) || use === 'typeof') return; // typeof of an absent name is 'undefined', as in V8
    const suggestion = suggestName(name, [...BUILTIN_GLOBALS, ...this.hostGlobals]);
    this.report(
      Code.UnknownGlobal,
      `Unknown global '${name}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''} Declare it with let, const or function, or have the host provide it as an input or capability.`,
      id,
    );
  }

  private member(node: ESTree.MemberExpression): void {
    const name = staticPropertyName(node);
    if (name === '__proto__') {
      this.report(Code.PrototypeChange, PROTO_ACCESS_MESSAGE, node);
    } else if (name !== undefined && LEGACY_ACCESSORS.has(name)) {
      this.report(Code.LegacyAccessor, legacyAccessorMessage(name), node);
    } else if (name !== undefined) {
      const owner = staticGlobalName(node.object, this.isLocal);
      if (owner === 'Object' && name === 'setPrototypeOf') {
        this.report(Code.PrototypeChange, SET_PROTOTYPE_MESSAGE, node);
      } else if (owner === 'RegExp' && LEGACY_REGEXP_STATICS.has(name)) {
        this.report(Code.LegacyRegExpStatic, legacyRegExpStaticMessage(name), node);
      } else if (owner === 'globalThis') {
        const forbidden = FORBIDDEN_GLOBALS.get(name);
        if (forbidden && !ABSENT_IN_V8.has(forbidden.category) && !(forbidden.hostMayProvide && this.hostGlobals.has(name))) {
          this.report(CATEGORY_CODE[forbidden.category], forbidden.message, node);
        }
      }
    }
    if (node.object.type !== 'Super') this.visit(node.object);
    if (node.computed) this.visit(node.property);
  }

  // ---------------------------------------------------------------------------------------
  // Writes and patterns

  /** Reports a write (assignment, update, delete) into a built-in object. */
  private writeTarget(target: ESTree.Node): void {
    if (target.type !== 'MemberExpression') return;
    const root = builtinRoot(target, this.isLocal);
    if (root) this.report(Code.BuiltinMutation, builtinWriteMessage(this.text(target), root), target);
  }

  /** `Object.defineProperty(Array.prototype, ...)`, `Object.assign(Math, ...)`. */
  private checkObjectWriter(call: ESTree.CallExpression): void {
    const callee = call.callee;
    if (callee.type !== 'MemberExpression') return;
    const fn = staticPropertyName(callee);
    if (fn === undefined || !OBJECT_WRITERS.has(fn) || staticGlobalName(callee.object, this.isLocal) !== 'Object') return;
    const target = call.arguments[0];
    if (target && target.type !== 'SpreadElement' && builtinRoot(target, this.isLocal)) {
      this.report(Code.BuiltinMutation, builtinDefineMessage(fn, this.text(target)), call);
    }
  }

  /** The target of `=`, `op=`, `++`/`--`, or a for-in/of head without a declaration. */
  private assignTarget(node: ESTree.Node): void {
    switch (node.type) {
      case 'Identifier':
        this.reference(node, 'write');
        return;
      case 'MemberExpression':
        this.writeTarget(node);
        this.visit(node);
        return;
      case 'AssignmentPattern':
        this.assignTarget(node.left);
        if (node.right) this.visit(node.right);
        return;
      case 'ArrayPattern':
        for (const e of node.elements) if (e) this.patternTarget(e, false);
        return;
      case 'ObjectPattern':
        for (const p of node.properties) {
          if (p.type === 'RestElement') {
            this.patternTarget(p.argument, false);
          } else {
            if (p.computed) this.visit(p.key);
            this.patternTarget(p.value, false);
          }
        }
        return;
      case 'RestElement':
        this.assignTarget(node.argument);
        return;
      case 'ParenthesizedExpression':
        this.assignTarget(node.expression);
        return;
      default:
        this.visit(node);
    }
  }

  /** A declaration's binding pattern: names are already declared; visit defaults and keys. */
  private bindingPattern(node: ESTree.Node): void {
    switch (node.type) {
      case 'Identifier':
        return;
      case 'AssignmentPattern':
        // meriyah accepts a method parameter with no name (`m(a, = 1) {}`); V8 does not
        if (!node.left) {
          this.report(Code.Syntax, "Unexpected token '='", node);
          if (node.right) this.visit(node.right);
          return;
        }
        this.bindingPattern(node.left);
        if (node.right) this.visit(node.right);
        return;
      case 'ArrayPattern':
        for (const e of node.elements) if (e) this.bindingPattern(e);
        return;
      case 'ObjectPattern':
        for (const p of node.properties) {
          if (p.type === 'RestElement') {
            this.bindingPattern(p.argument);
          } else {
            if (p.computed) this.visit(p.key);
            this.bindingPattern(p.value);
          }
        }
        return;
      case 'RestElement':
        this.bindingPattern(node.argument);
        return;
      default:
        this.patternTarget(node, true);
    }
  }

  /**
   * A target inside a pattern. meriyah lets some invalid ones through (`{ a: 1, x: [y] } = o`,
   * a literal before a nested pattern); V8 rejects them as it parses.
   */
  private patternTarget(node: ESTree.Node, declaration: boolean): void {
    const valid = ['Identifier', 'AssignmentPattern', 'ArrayPattern', 'ObjectPattern', 'RestElement', 'ParenthesizedExpression'];
    if (valid.includes(node.type) || (!declaration && node.type === 'MemberExpression')) this.assignTarget(node);
    else if (declaration && node.type === 'MemberExpression') this.report(Code.Syntax, 'Illegal property in declaration context', node);
    else {
      this.report(Code.Syntax, 'Invalid destructuring assignment target', node);
      this.visit(node);
    }
  }

  /** `{ __proto__: p }` is allowed: it sets the prototype at creation, like Object.create. */
  private objectProperty(node: ESTree.Property): void {
    if (node.computed) this.visit(node.key);
    const value = node.value;
    if ((node.method || node.kind !== 'init') && value.type === 'FunctionExpression') this.func(value);
    else this.visit(value);
  }
}
