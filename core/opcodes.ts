/**
 * The instruction set. Code is an Int32Array: an opcode followed by its operands.
 * Stack effects are noted as (before → after); `k` is a constant-pool index.
 */
export const enum Op {
  // constants
  Undef, // → undefined
  Null,
  True,
  False,
  Int, // n: → n
  Const, // k: → constants[k]
  This, // → this (TDZ-checked in derived constructors)
  NewTarget,
  Callee, // → the running function
  HomeObject, // → the running function's home object
  // stack
  Pop,
  Dup,
  Dup2, // a b → a b a b
  Swap, // a b → b a
  Rot3, // a b c → c a b
  Rot4, // a b c d → d a b c
  // variables
  GetLocal, // i
  SetLocal, // i: v → v
  PutLocal, // i: v →
  GetLocalChecked, // i, k(name): TDZ check
  SetLocalChecked, // i, k(name): TDZ check then store (v → v)
  GetEnv, // depth, slot
  SetEnv, // depth, slot
  PutEnv, // depth, slot
  GetEnvChecked, // depth, slot, k
  SetEnvChecked, // depth, slot, k
  ThrowConstAssign, // k(name)
  PushEnv, // n: new environment of n slots
  PopEnv,
  CopyEnv, // per-iteration copy of the current environment
  GetGlobal, // k
  SetGlobal, // k
  TypeofGlobal, // k
  // properties
  GetProp, // k: obj → obj[k]
  SetProp, // k: obj v → v
  GetElem, // obj key → obj[key]
  SetElem, // obj key v → v
  GetMethod, // k: obj → fn obj
  GetElemMethod, // obj key → fn obj
  GetPropOpt, // k, off: obj → obj[k], or jumps to off with undefined when obj is nullish
  DeleteProp, // k: obj → bool
  DeleteElem, // obj key → bool
  GetSuper, // k: → super[k] (this as receiver)
  GetSuperElem, // key → super[key]
  SetSuper, // k: v → v
  SetSuperElem, // key v → v
  GetPrivate, // k(name slot resolved as value on stack): obj name → v
  SetPrivate, // obj name v → v
  HasPrivate, // name obj → bool
  DefinePrivate, // kind (0 field, 1 getter, 2 setter, 3 method): obj name v → obj
  // calls
  Call, // argc: fn this args… → result
  CallSpread, // fn this argsArray → result
  New, // argc: ctor args… → obj
  NewSpread, // ctor argsArray → obj
  SuperCall, // argc: args… → this
  SuperCallSpread, // argsArray → this
  Return, // v →
  // operators
  Add,
  Sub,
  Mul,
  Div,
  Mod,
  Exp,
  BitAnd,
  BitOr,
  BitXor,
  Shl,
  Shr,
  UShr,
  Neg,
  Plus,
  Not,
  BitNot,
  Typeof,
  Eq,
  Ne,
  StrictEq,
  StrictNe,
  Lt,
  Le,
  Gt,
  Ge,
  InstanceOf,
  In,
  Inc,
  Dec,
  ToNumeric,
  ToPropertyKey,
  ToString, // template substitutions
  // control
  Jump, // off (absolute)
  JumpIfFalse, // off: v →
  JumpIfTrue,
  JumpIfFalseKeep, // off: v → v (jumping) | → (falling through)
  JumpIfTrueKeep,
  JumpIfNotNullishKeep, // off: v → v (jumping) | → (falling through)
  JumpIfNullish, // off: v → (jumps when nullish; pops always)
  JumpIfUndefined, // off: v → v; when undefined pops and jumps
  Throw,
  ThrowError, // kind, k(message): throws a new guest error
  TryPush, // handler off
  TryPop,
  // literals
  NewObject,
  NewArray,
  ArrayPush, // arr v → arr
  ArrayHole, // arr → arr
  ArraySpread, // arr iterable → arr
  DefineField, // k: obj v → obj
  DefineElem, // obj key v → obj
  DefineGetter, // enumerable: obj key fn → obj
  DefineSetter, // enumerable: obj key fn → obj
  DefineMethod, // enumerable: obj key fn → obj
  CopyDataProps, // obj src → obj
  CopyRest, // obj src excludedKeysArray → obj
  SetProtoLit, // obj proto → obj
  Closure, // k(function index)
  SetHome, // obj fn → obj fn (fn.home = obj)
  SetFnName, // fn key → fn (names computed methods/anonymous functions)
  Class, // k(ctor function index), hasParent: [parent] → ctor proto
  InitFields, // run the current class constructor's field initializer on this
  SetFieldInit, // ctor fn → ctor
  TemplateObject, // k
  RegExp, // k(source), k(flags)
  NewPrivateName, // k(description) → name
  // iteration
  GetIterator, // obj → iter next
  GetAsyncIterator, // obj → iter next
  IterNext, // r, off: → value; jumps to off when done (iterator in register r, next method in r+1)
  IterNextResult, // r: → raw result of next() (for-await)
  IterClose, // r: calls return() if present
  IterCloseQuiet, // r: the same on throw paths, errors from return() ignored
  IterValue, // result → value (reads .value)
  IterDone, // result → result done
  CheckObject, // v → v (TypeError unless object)
  ForInPrepare, // obj → iter
  ForInNext, // r, off: → key; jumps to off when done
  // generators and async
  GeneratorStart, // suspends a freshly created generator before its first statement
  Yield, // raw: v → received (raw=1 yields an iterator result object as is, for yield*)
  YieldResume, // received → value, or throws / returns per resume mode
  Await, // v → result
  AsyncGenYield, // v → received
  ResumeKind, // → resume mode of the last resumption (0 next, 1 throw, 2 return)
  CreateAsyncFromSync, // iter next → iter next (wraps a sync iterator: for await, yield* in async generators)
  // misc
  Debugger,
  Completion, // v → (stores the script completion value)
  ThrowIfNotObject, // k(message)
  CheckTDZThis,
  PushTdz,
  BindThis, // obj → obj (binds this after super())
  Nop,
  /** Wait for the answer to host call `id` (top of stack): suspends the VM until it is answered. */
  HostWait, // id → answer
  /** A breakpoint patched over an instruction (or placed in synthetic debug code): stops the loop. */
  Break,
  /** Marks a private method's or accessor's name with its class, for V8's brand-check messages. */
  PrivateBrand, // k(class name) static: name → name
}

/** Operand count per opcode, for the disassembler and code walkers. */
export const OPERANDS: Record<number, number> = {
  [Op.Int]: 1,
  [Op.Const]: 1,
  [Op.GetLocal]: 1,
  [Op.SetLocal]: 1,
  [Op.PutLocal]: 1,
  [Op.GetLocalChecked]: 2,
  [Op.SetLocalChecked]: 2,
  [Op.GetEnv]: 2,
  [Op.SetEnv]: 2,
  [Op.PutEnv]: 2,
  [Op.GetEnvChecked]: 3,
  [Op.SetEnvChecked]: 3,
  [Op.ThrowConstAssign]: 1,
  [Op.PushEnv]: 1,
  [Op.GetGlobal]: 1,
  [Op.SetGlobal]: 1,
  [Op.TypeofGlobal]: 1,
  [Op.GetProp]: 1,
  [Op.SetProp]: 1,
  [Op.GetMethod]: 1,
  [Op.GetPropOpt]: 2,
  [Op.DeleteProp]: 1,
  [Op.GetSuper]: 1,
  [Op.SetSuper]: 1,
  [Op.Call]: 1,
  [Op.New]: 1,
  [Op.SuperCall]: 1,
  [Op.Jump]: 1,
  [Op.JumpIfFalse]: 1,
  [Op.JumpIfTrue]: 1,
  [Op.JumpIfFalseKeep]: 1,
  [Op.JumpIfTrueKeep]: 1,
  [Op.JumpIfNotNullishKeep]: 1,
  [Op.JumpIfNullish]: 1,
  [Op.JumpIfUndefined]: 1,
  [Op.ThrowError]: 2,
  [Op.TryPush]: 1,
  [Op.DefineField]: 1,
  [Op.Closure]: 1,
  [Op.Class]: 2,
  [Op.TemplateObject]: 1,
  [Op.RegExp]: 2,
  [Op.NewPrivateName]: 1,
  [Op.IterNext]: 2,
  [Op.IterNextResult]: 1,
  [Op.IterClose]: 1,
  [Op.IterCloseQuiet]: 1,
  [Op.DefineGetter]: 1,
  [Op.DefineSetter]: 1,
  [Op.DefineMethod]: 1,
  [Op.Yield]: 1,
  [Op.ForInNext]: 2,
  [Op.ThrowIfNotObject]: 1,
  [Op.DefinePrivate]: 1,
  [Op.PrivateBrand]: 2,
};

/** Opcode names by number (const enums vanish at compile time). */
export const OP_NAMES: string[] = [
  'Undef', 'Null', 'True', 'False', 'Int', 'Const', 'This', 'NewTarget', 'Callee', 'HomeObject',
  'Pop', 'Dup', 'Dup2', 'Swap', 'Rot3', 'Rot4',
  'GetLocal', 'SetLocal', 'PutLocal', 'GetLocalChecked', 'SetLocalChecked', 'GetEnv', 'SetEnv', 'PutEnv',
  'GetEnvChecked', 'SetEnvChecked', 'ThrowConstAssign', 'PushEnv', 'PopEnv', 'CopyEnv', 'GetGlobal', 'SetGlobal',
  'TypeofGlobal',
  'GetProp', 'SetProp', 'GetElem', 'SetElem', 'GetMethod', 'GetElemMethod', 'GetPropOpt', 'DeleteProp', 'DeleteElem',
  'GetSuper', 'GetSuperElem', 'SetSuper', 'SetSuperElem', 'GetPrivate', 'SetPrivate', 'HasPrivate', 'DefinePrivate',
  'Call', 'CallSpread', 'New', 'NewSpread', 'SuperCall', 'SuperCallSpread', 'Return',
  'Add', 'Sub', 'Mul', 'Div', 'Mod', 'Exp', 'BitAnd', 'BitOr', 'BitXor', 'Shl', 'Shr', 'UShr', 'Neg', 'Plus', 'Not',
  'BitNot', 'Typeof', 'Eq', 'Ne', 'StrictEq', 'StrictNe', 'Lt', 'Le', 'Gt', 'Ge', 'InstanceOf', 'In', 'Inc', 'Dec',
  'ToNumeric', 'ToPropertyKey', 'ToString',
  'Jump', 'JumpIfFalse', 'JumpIfTrue', 'JumpIfFalseKeep', 'JumpIfTrueKeep', 'JumpIfNotNullishKeep', 'JumpIfNullish',
  'JumpIfUndefined', 'Throw', 'ThrowError', 'TryPush', 'TryPop',
  'NewObject', 'NewArray', 'ArrayPush', 'ArrayHole', 'ArraySpread', 'DefineField', 'DefineElem', 'DefineGetter',
  'DefineSetter', 'DefineMethod', 'CopyDataProps', 'CopyRest', 'SetProtoLit', 'Closure', 'SetHome', 'SetFnName', 'Class',
  'InitFields', 'SetFieldInit', 'TemplateObject', 'RegExp', 'NewPrivateName',
  'GetIterator', 'GetAsyncIterator', 'IterNext', 'IterNextResult', 'IterClose', 'IterCloseQuiet', 'IterValue', 'IterDone',
  'CheckObject', 'ForInPrepare', 'ForInNext',
  'GeneratorStart', 'Yield', 'YieldResume', 'Await', 'AsyncGenYield', 'ResumeKind', 'CreateAsyncFromSync',
  'Debugger', 'Completion', 'ThrowIfNotObject', 'CheckTDZThis', 'PushTdz', 'BindThis', 'Nop',
  'HostWait', 'Break', 'PrivateBrand',
];
