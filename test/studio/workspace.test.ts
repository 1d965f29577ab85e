/**
 * The workspace service through the same `handle` the bridge uses: untrusted paths, atomic
 * writes, the recovery journal across a "restart" (a new services instance), malformed files.
 */
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../main/services';
import { placeOf, placeOfPath, parseJson } from '../../main/services/json-locate';
import { normalizeRelative } from '../../main/services/workspace-paths';
import type { Reply, WorkspaceState } from '../../preload/api';

const examples = resolve(import.meta.dirname, '../../examples');

let dir: string;
let outside: string;
let services: Services;

async function ok<T>(method: string, params?: unknown, s: Services = services): Promise<T> {
  const reply: Reply = await s.handle(method, params);
  if (!reply.ok) throw new Error(`${method} failed: ${reply.error.message}`);
  return reply.result as T;
}

async function refused(method: string, params?: unknown): Promise<string> {
  const reply = await services.handle(method, params);
  if (reply.ok) throw new Error(`${method} ${JSON.stringify(params)} was accepted`);
  return reply.error.message;
}

beforeEach(async () => {
  const base = mkdtempSync(join(tmpdir(), 'capsule-ws-'));
  dir = join(base, 'work');
  outside = join(base, 'outside');
  cpSync(examples, dir, { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), 'the secret');
  services = createServices({ mode: 'browser' });
  await services.workspace.open(dir);
});

describe('workspace paths from the renderer', () => {
  it.each([
    ['../outside/secret.txt', /leaves the workspace/],
    ['a/../../outside/secret.txt', /leaves the workspace/],
    ['/etc/passwd', /must be relative/],
    ['C:/Windows/win.ini', /must be relative/],
    ['..\\outside\\secret.txt', /must use \/ as separator/],
    ['', /must not be empty/],
    ['a//b.js', /empty or "\." segment/],
    ['./incident-triage.js', /empty or "\." segment/],
    ['bad\u0000.js', /control characters/],
    ['con.js', /not portable/],
    [42, /path must be a string/],
    [{ toString: 'x' }, /path must be a string/],
  ])('refuses %j', async (path, why) => {
    expect(await refused('workspace.read', { path })).toMatch(why);
    expect(await refused('workspace.write', { path, text: 'pwned' })).toMatch(why);
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('the secret');
  });

  it('refuses symbolic links that lead outside, for reading and for writing through a linked folder', async () => {
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'leak.txt'));
    symlinkSync(outside, join(dir, 'out'));
    expect(await refused('workspace.read', { path: 'leak.txt' })).toBe('leak.txt: a symbolic link leads outside the workspace');
    expect(await refused('workspace.write', { path: 'leak.txt', text: 'x' })).toMatch(/symbolic link leads outside/);
    expect(await refused('workspace.read', { path: 'out/secret.txt' })).toMatch(/symbolic link leads outside/);
    expect(await refused('workspace.write', { path: 'out/new.js', text: 'x' })).toMatch(/symbolic link leads outside/);
    expect(await refused('workspace.write', { path: 'out/deeper/new.js', text: 'x' })).toMatch(/symbolic link leads outside/);
    expect(readdirSync(outside)).toEqual(['secret.txt']);
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('the secret');
    // neither shows up in the listing
    const state = await ok<WorkspaceState>('workspace.state');
    expect(state.files.map((f) => f.path)).not.toContain('leak.txt');
    expect(state.files.map((f) => f.path)).not.toContain('out');
  });

  it('accepts a symbolic link that stays inside the workspace', async () => {
    symlinkSync(join(dir, 'incident-triage.js'), join(dir, 'alias.js'));
    const { text } = await ok<{ text: string }>('workspace.read', { path: 'alias.js' });
    expect(text).toContain('searchLogs');
  });

  it('never writes into .git, node_modules or the recovery journal', async () => {
    for (const path of ['.git/hooks/pre-commit', 'node_modules/x/index.js', '.capsule/recovery/x.json']) {
      expect(await refused('workspace.write', { path, text: 'x' })).toMatch(/cannot be written from the studio/);
      expect(existsSync(join(dir, ...path.split('/')))).toBe(false);
    }
  });

  it('errors name the workspace path, never a host path', async () => {
    const message = await refused('workspace.read', { path: 'missing/file.js' });
    expect(message).toBe('cannot read missing/file.js: no such file');
    expect(message).not.toContain(dir);
  });

  it('normalizeRelative keeps ordinary nested paths', () => {
    expect(normalizeRelative('scenarios/a b/c.scenarios.json')).toBe('scenarios/a b/c.scenarios.json');
    expect(normalizeRelative('.capsule/launch.json')).toBe('.capsule/launch.json');
  });
});

describe('listing and reading', () => {
  it('lists files in tree order, without .git, node_modules, the journal, or leftover temporary files', async () => {
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'HEAD'), 'ref');
    mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
    mkdirSync(join(dir, '.capsule', 'recovery'), { recursive: true });
    writeFileSync(join(dir, '.capsule', 'launch.json'), '{}');
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'lib', 'util.js'), '1');
    const temp = join(dir, '.a.js.0123abcd.capsule-tmp');
    writeFileSync(temp, 'half a file');
    const state = await ok<WorkspaceState>('workspace.state');
    const paths = state.files.map((f) => f.path);
    expect(paths.slice(0, 5)).toEqual(['.capsule', '.capsule/launch.json', '.capsule/settings.json', 'host', 'host/01-validate-compile.mjs']);
    expect(paths).toContain('lib/util.js');
    expect(paths.indexOf('lib')).toBeLessThan(paths.indexOf('incident-triage.js'));
    expect(paths.some((p) => p.startsWith('.git') || p.startsWith('node_modules') || p.includes('recovery') || p.endsWith('capsule-tmp'))).toBe(false);
    expect(state.name).toBe('work');
    expect(existsSync(temp)).toBe(false);
  });

  it('refuses a file that is not UTF-8 text, and a folder, with a readable message', async () => {
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff]));
    expect(await refused('workspace.read', { path: 'image.png' })).toBe('image.png is not a UTF-8 text file');
    expect(await refused('workspace.read', { path: 'host' })).toBe('cannot read host: it is a folder');
  });

  it('says when no folder is open', async () => {
    const empty = createServices({ mode: 'browser' });
    expect(await ok<WorkspaceState>('workspace.state', undefined, empty)).toEqual({ name: null, id: null, files: [], truncated: false, problems: [], recovered: [] });
    expect(await empty.handle('workspace.read', { path: 'a.js' })).toEqual({ ok: false, error: { message: 'No folder is open' } });
    expect(await empty.handle('workspace.openFolder', undefined)).toMatchObject({ ok: false, error: { message: expect.stringContaining('--workspace DIR') } });
  });
});

describe('atomic writes', () => {
  it('replaces the file by rename: a hard link to the old file keeps the old bytes', async () => {
    const file = join(dir, 'incident-triage.js');
    const before = readFileSync(file, 'utf8');
    linkSync(file, join(dir, 'old-inode.js'));
    const result = await ok<{ bytes: number }>('workspace.write', { path: 'incident-triage.js', text: '// new\n' });
    expect(result.bytes).toBe(7);
    expect(readFileSync(file, 'utf8')).toBe('// new\n');
    expect(readFileSync(join(dir, 'old-inode.js'), 'utf8')).toBe(before);
  });

  it('a failure before the rename leaves the old file whole and no temporary file behind', async () => {
    const failing = createServices({
      mode: 'browser',
      workspace: {
        beforeRename: (temp) => {
          expect(readFileSync(temp, 'utf8')).toBe('never lands');
          throw Object.assign(new Error('disk gone'), { code: 'EIO' });
        },
      },
    });
    await failing.workspace.open(dir);
    const before = readFileSync(join(dir, 'incident-triage.js'), 'utf8');
    const reply = await failing.handle('workspace.write', { path: 'incident-triage.js', text: 'never lands' });
    expect(reply).toEqual({ ok: false, error: { message: 'cannot save incident-triage.js: failed (EIO)' } });
    expect(readFileSync(join(dir, 'incident-triage.js'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((n) => n.includes('capsule-tmp'))).toEqual([]);
  });

  it('creates folders for a new file and keeps the mode of an existing one', async () => {
    await ok('workspace.write', { path: 'new/deep/file.js', text: '1' });
    expect(readFileSync(join(dir, 'new', 'deep', 'file.js'), 'utf8')).toBe('1');
    chmodSync(join(dir, 'incident-triage.js'), 0o600);
    await ok('workspace.write', { path: 'incident-triage.js', text: '2' });
    expect(statSync(join(dir, 'incident-triage.js')).mode & 0o777).toBe(0o600);
  });

  it('checks its parameters', async () => {
    expect(await refused('workspace.write', { path: 'a.js' })).toBe('text must be a string');
    expect(await refused('workspace.write', 'a.js')).toMatch(/must be an object/);
    expect(await refused('workspace.write', { path: 'host', text: 'x' })).toBe('cannot save host: it is a folder');
  });
});

describe('malformed workspace files', () => {
  it('names the file, line and column of bad JSON and of a mocks file breaking its schema; the rest still opens', async () => {
    writeFileSync(join(dir, 'broken.json'), '{\n  "a": 1,\n  "b": [1, 2,\n}\n');
    writeFileSync(
      join(dir, 'bad.mocks.json'),
      '{\n  "capabilities": {\n    "searchLogs": { "returns": [] },\n    "page": { "sequence": 3 }\n  }\n}\n',
    );
    writeFileSync(join(dir, 'truncated.mocks.json'), '{ "capabilities": { "a": ');
    const state = await ok<WorkspaceState>('workspace.state');
    expect(state.files.map((f) => f.path)).toContain('incident-triage.js');
    const byFile = Object.fromEntries(state.problems.map((p) => [p.path, p]));
    expect(byFile['broken.json']).toMatchObject({ line: 4, column: 1, message: expect.stringMatching(/^not valid JSON: /) });
    expect(byFile['bad.mocks.json']).toMatchObject({ line: 4, column: 27, message: expect.stringContaining('capabilities.page.sequence: must be array') });
    expect(byFile['truncated.mocks.json']).toMatchObject({ line: 1, message: 'not valid JSON: unexpected end of the file' });
    expect(byFile['incident-triage.mocks.json']).toBeUndefined();
    // every file still reads
    expect((await ok<{ text: string }>('workspace.read', { path: 'broken.json' })).text).toContain('"b"');
  });

  it('reports the problems of a file as it is saved', async () => {
    const saved = await ok<{ problems: unknown[] }>('workspace.write', { path: 'incident-triage.mocks.json', text: '{ "capabilities": { "x": { "returns": 1, "error": "e" } } }' });
    expect(saved.problems).toEqual([{ path: 'incident-triage.mocks.json', line: 1, column: 26, message: expect.stringContaining('capabilities.x has more than one mock') }]);
    const fixed = await ok<{ problems: unknown[] }>('workspace.write', { path: 'incident-triage.mocks.json', text: '{ "capabilities": {} }' });
    expect(fixed.problems).toEqual([]);
  });

  it('locates places in JSON text', () => {
    expect(placeOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(placeOfPath('{"a": {"b": [10, {"c": true}]}}', 'a.b[1].c')).toEqual({ line: 1, column: 24 });
    expect(placeOfPath('{"a": 1}', 'missing.x')).toEqual({ line: 1, column: 1 });
    const bad = parseJson('{"a": }');
    expect(bad).toMatchObject({ ok: false, place: { line: 1, column: 7 } });
  });
});

describe('recovery journal', () => {
  it('hands unsaved text back after a restart of main, until it is saved', async () => {
    await ok('workspace.journal', { path: 'incident-triage.js', text: '// unsaved work\n' });
    await ok('workspace.journal', { path: 'notes/new.js', text: 'brand new' });
    // a new services instance = main restarted
    const restarted = createServices({ mode: 'browser' });
    await restarted.workspace.open(dir);
    const state = await ok<WorkspaceState>('workspace.state', undefined, restarted);
    expect(state.recovered).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'incident-triage.js', text: '// unsaved work\n', changedOnDisk: false }),
        expect.objectContaining({ path: 'notes/new.js', text: 'brand new', changedOnDisk: false }),
      ]),
    );
    expect(state.recovered).toHaveLength(2);
    // saving one and discarding the other empties the journal
    await ok('workspace.write', { path: 'incident-triage.js', text: '// unsaved work\n' }, restarted);
    await ok('workspace.journal', { path: 'notes/new.js', text: null }, restarted);
    expect((await ok<WorkspaceState>('workspace.state', undefined, restarted)).recovered).toEqual([]);
  });

  it('says when the file changed on disk after the edit was kept', async () => {
    await ok('workspace.journal', { path: 'incident-triage.js', text: 'mine' });
    writeFileSync(join(dir, 'incident-triage.js'), 'someone else');
    const [edit] = (await ok<WorkspaceState>('workspace.state')).recovered;
    expect(edit).toMatchObject({ path: 'incident-triage.js', text: 'mine', changedOnDisk: true });
  });

  it('sets a damaged journal file aside with a problem instead of failing to open', async () => {
    await ok('workspace.journal', { path: 'incident-triage.js', text: 'mine' });
    const recovery = join(dir, '.capsule', 'recovery');
    const [name] = readdirSync(recovery);
    writeFileSync(join(recovery, name!), '{"path": "../../outside/secret.txt", "text": "x", "time": 1}');
    writeFileSync(join(recovery, 'garbage.json'), '\u0000\u0001 not json');
    const state = await ok<WorkspaceState>('workspace.state');
    expect(state.recovered).toEqual([]);
    expect(state.problems.filter((p) => p.path.startsWith('.capsule/recovery/'))).toHaveLength(2);
    expect(state.problems[0]!.message).toMatch(/damaged and was set aside/);
    expect(state.files.map((f) => f.path)).toContain('incident-triage.js');
    expect(readdirSync(recovery).sort()).toEqual([`${name}.damaged`, 'garbage.json.damaged'].sort());
  });

  it('refuses journal entries for paths outside the workspace', async () => {
    expect(await refused('workspace.journal', { path: '../x.js', text: 'x' })).toMatch(/leaves the workspace/);
    expect(await refused('workspace.journal', { path: 'a.js', text: 3 })).toMatch(/text: string \| null/);
  });
});

describe('search', () => {
  it('finds plain text with line, column and preview; case and whole-word options', async () => {
    writeFileSync(join(dir, 'x.js'), 'const Alpha = 1;\nalphabet(alpha)\n');
    const all = await ok<{ matches: { path: string; line: number; column: number; preview: string }[]; searchedFiles: number }>('workspace.search', { query: 'alpha' });
    const inX = all.matches.filter((m) => m.path === 'x.js');
    expect(inX.map((m) => [m.line, m.column])).toEqual([[1, 7], [2, 1], [2, 10]]);
    expect(inX[0]!.preview).toBe('const Alpha = 1;');
    expect(all.searchedFiles).toBeGreaterThan(3);
    const cased = await ok<{ matches: { path: string; line: number }[] }>('workspace.search', { query: 'Alpha', caseSensitive: true });
    expect(cased.matches.filter((m) => m.path === 'x.js').map((m) => m.line)).toEqual([1]);
    const word = await ok<{ matches: { path: string; column: number }[] }>('workspace.search', { query: 'alpha', wholeWord: true });
    expect(word.matches.filter((m) => m.path === 'x.js').map((m) => m.column)).toEqual([7, 10]);
    expect(await refused('workspace.search', { query: '' })).toMatch(/1 to 500 characters/);
  });
});
