import { runSync } from '../core/index.ts';
import { compile } from '../core/program.ts';
import { disassemble } from '../core/disasm.ts';
const src = process.argv[2];
if (process.argv[3] === 'd') console.log(disassemble(compile(src)));
try { console.log(JSON.stringify(runSync(src, { onConsole: (l, t) => console.log('console.' + l, t) }).value)); } catch (e) { console.log('ERR', (e as Error).name, (e as Error).message, (e as Error).stack?.split('\n').slice(0,8).join('\n')); }
