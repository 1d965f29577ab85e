/**
 * Lexical scopes for free-reference analysis.
 *
 * The validator only needs to answer "is this identifier bound by the program?", so a
 * scope is just a set of names. Redeclaration and TDZ rules are not checked here: the
 * parser (meriyah `lexical: true`) reports redeclarations, and TDZ is a run-time error.
 */
import { patternIdentifiers, type ESTree } from '../parse';

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
  for (const id of patternIdentifiers(pattern, [])) scope.declare(id.name);
}

type StatementLike = ESTree.Statement | ESTree.ModuleDeclaration | ESTree.SwitchCase;

/**
 * Declares the `var` bindings of a function body (or the program) into its scope: `var`
 * hoists through nested blocks, loops, `try` and `switch`, but never into nested functions.
 */
export function hoistVarDeclarations(statements: readonly StatementLike[], scope: Scope): void {
  for (const id of varDeclaredIdentifiers(statements)) scope.declare(id.name);
}

/** The identifiers the `var` declarations of a statement list bind, through nested statements (not functions). */
export function varDeclaredIdentifiers(statements: readonly StatementLike[]): ESTree.Identifier[] {
  const out: ESTree.Identifier[] = [];
  for (const statement of statements) hoistVar(statement, out);
  return out;
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

function hoistVar(node: StatementLike | null | undefined, out: ESTree.Identifier[]): void {
  if (!node) return;
  switch (node.type) {
    case 'VariableDeclaration':
      if (node.kind === 'var') for (const d of node.declarations) patternIdentifiers(d.id, out);
      break;
    case 'IfStatement':
      hoistVar(node.consequent, out);
      hoistVar(node.alternate, out);
      break;
    case 'ForStatement':
      if (node.init?.type === 'VariableDeclaration') hoistVar(node.init, out);
      hoistVar(node.body, out);
      break;
    case 'ForInStatement':
    case 'ForOfStatement':
      if (node.left.type === 'VariableDeclaration') hoistVar(node.left, out);
      hoistVar(node.body, out);
      break;
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'LabeledStatement':
    case 'WithStatement':
      hoistVar(node.body, out);
      break;
    case 'BlockStatement':
      for (const s of node.body) hoistVar(s, out);
      break;
    case 'TryStatement':
      hoistVar(node.block, out);
      hoistVar(node.handler?.body, out);
      hoistVar(node.finalizer, out);
      break;
    case 'SwitchStatement':
      for (const c of node.cases) hoistVar(c, out);
      break;
    case 'SwitchCase':
      for (const s of node.consequent) hoistVar(s, out);
      break;
    case 'ExportNamedDeclaration':
      if (node.declaration?.type === 'VariableDeclaration') hoistVar(node.declaration, out);
      break;
    default:
      break;
  }
}
