/**
 * Lexical scopes for free-reference analysis.
 *
 * The validator only needs to answer "is this identifier bound by the program?", so a
 * scope is just a set of names. Redeclaration and TDZ rules are not checked here: the
 * parser (meriyah `lexical: true`) reports redeclarations, and TDZ is a run-time error.
 */
import type { ESTree } from '../parse';

/** One lexical environment: the names it binds, and the enclosing environment. */
export class Scope {
  private readonly names = new Set<string>();

  constructor(readonly parent: Scope | undefined) {}

  declare(name: string): void {
    this.names.add(name);
  }

  /** True if `name` is bound in this scope or an enclosing one. */
  has(name: string): boolean {
    for (let s: Scope | undefined = this; s; s = s.parent) if (s.names.has(name)) return true;
    return false;
  }
}

/** Declares every identifier a binding pattern binds (`{ a, b: [c = 1, ...d] }` → a, c, d). */
export function declarePattern(pattern: ESTree.Node | null | undefined, scope: Scope): void {
  if (!pattern) return;
  switch (pattern.type) {
    case 'Identifier':
      scope.declare(pattern.name);
      break;
    case 'ObjectPattern':
      for (const p of pattern.properties) declarePattern(p.type === 'RestElement' ? p.argument : p.value, scope);
      break;
    case 'ArrayPattern':
      for (const e of pattern.elements) declarePattern(e, scope);
      break;
    case 'AssignmentPattern':
      declarePattern(pattern.left, scope);
      break;
    case 'RestElement':
      declarePattern(pattern.argument, scope);
      break;
    default:
      // MemberExpression targets (assignment patterns) bind nothing.
      break;
  }
}

type StatementLike = ESTree.Statement | ESTree.ModuleDeclaration | ESTree.SwitchCase;

/**
 * Declares the `var` bindings of a function body (or the program) into its scope: `var`
 * hoists through nested blocks, loops, `try` and `switch`, but never into nested functions.
 */
export function hoistVarDeclarations(statements: readonly StatementLike[], scope: Scope): void {
  for (const statement of statements) hoistVar(statement, scope);
}

/**
 * Declares the block-scoped bindings a statement list introduces directly: `let`, `const`,
 * `class`, imports, and function declarations (block-scoped in strict code; in a function
 * body or the program the block scope *is* the var scope).
 */
export function hoistLexicalDeclarations(statements: readonly StatementLike[], scope: Scope): void {
  for (const statement of statements) hoistLexical(statement, scope);
}

function hoistLexical(node: StatementLike, scope: Scope): void {
  switch (node.type) {
    case 'VariableDeclaration':
      if (node.kind !== 'var') for (const d of node.declarations) declarePattern(d.id, scope);
      break;
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
      if (node.id) scope.declare(node.id.name);
      break;
    case 'ImportDeclaration':
      for (const s of node.specifiers) scope.declare(s.local.name);
      break;
    case 'ExportNamedDeclaration':
    case 'ExportDefaultDeclaration':
      if (node.declaration && (node.declaration.type === 'VariableDeclaration' || node.declaration.type === 'FunctionDeclaration' || node.declaration.type === 'ClassDeclaration')) {
        hoistLexical(node.declaration, scope);
      }
      break;
    default:
      break;
  }
}

function hoistVar(node: StatementLike | null | undefined, scope: Scope): void {
  if (!node) return;
  switch (node.type) {
    case 'VariableDeclaration':
      if (node.kind === 'var') for (const d of node.declarations) declarePattern(d.id, scope);
      break;
    case 'IfStatement':
      hoistVar(node.consequent, scope);
      hoistVar(node.alternate, scope);
      break;
    case 'ForStatement':
      if (node.init?.type === 'VariableDeclaration') hoistVar(node.init, scope);
      hoistVar(node.body, scope);
      break;
    case 'ForInStatement':
    case 'ForOfStatement':
      if (node.left.type === 'VariableDeclaration') hoistVar(node.left, scope);
      hoistVar(node.body, scope);
      break;
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'LabeledStatement':
    case 'WithStatement':
      hoistVar(node.body, scope);
      break;
    case 'BlockStatement':
      for (const s of node.body) hoistVar(s, scope);
      break;
    case 'TryStatement':
      hoistVar(node.block, scope);
      hoistVar(node.handler?.body, scope);
      hoistVar(node.finalizer, scope);
      break;
    case 'SwitchStatement':
      for (const c of node.cases) hoistVar(c, scope);
      break;
    case 'SwitchCase':
      for (const s of node.consequent) hoistVar(s, scope);
      break;
    case 'ExportNamedDeclaration':
      if (node.declaration?.type === 'VariableDeclaration') hoistVar(node.declaration, scope);
      break;
    default:
      break;
  }
}
