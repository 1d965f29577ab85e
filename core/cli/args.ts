/**
 * The CLI's argument parser: a small, strict parser over declarative option specs, so
 * every mistake becomes one clear {@link UsageError} line (exit 2) and new commands and
 * flags are a table entry. Supports `--name value`, `--name=value`, `-x` short aliases
 * (`-o FILE` for string options), repeatable options and `--` to end options.
 */

/** A command-line mistake: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Help text, one line. */
  description: string;
  /** Placeholder shown in help for string options (e.g. `JSON|@file.json`). */
  valueName?: string;
  /** A single-letter alias, e.g. `h` for `-h`, `o` for `-o FILE`. */
  short?: string;
  /** May be given more than once; the values are collected in order. */
  multiple?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

export type OptionValue = string | boolean | string[];

export interface ParsedArgs {
  /** Given options only, by long name (string, true, or string[] when `multiple`). */
  values: Record<string, OptionValue>;
  positionals: string[];
}

/**
 * Parses `argv` (the words after the command name) against `specs`. `where` prefixes
 * messages (e.g. `capsule run`).
 */
export function parseArgs(argv: readonly string[], specs: OptionSpecs, where: string): ParsedArgs {
  const values: Record<string, OptionValue> = {};
  const positionals: string[] = [];
  const shorts = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) if (spec.short) shorts.set(spec.short, name);

  const set = (name: string, spec: OptionSpec, value: string | true) => {
    if (spec.multiple) {
      const list = (values[name] as string[] | undefined) ?? [];
      list.push(value as string);
      values[name] = list;
      return;
    }
    if (name in values) throw new UsageError(`${where}: option --${name} given more than once`);
    values[name] = value;
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
      if (!spec) throw new UsageError(`${where}: unknown option --${name}`);
      if (spec.type === 'boolean') {
        if (eq >= 0) throw new UsageError(`${where}: option --${name} does not take a value`);
        set(name, spec, true);
        continue;
      }
      let value: string;
      if (eq >= 0) value = arg.slice(eq + 1);
      else {
        if (i + 1 >= argv.length) throw new UsageError(`${where}: option --${name} needs a value (${spec.valueName ?? 'VALUE'})`);
        value = argv[++i];
      }
      set(name, spec, value);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      // -h, bundles of boolean shorts like -hq, and a string short last: -o FILE, -oFILE
      for (let j = 1; j < arg.length; j++) {
        const ch = arg[j];
        const name = shorts.get(ch);
        if (!name) throw new UsageError(`${where}: unknown option -${ch}`);
        const spec = specs[name];
        if (spec.type === 'string') {
          let value = arg.slice(j + 1);
          if (value === '') {
            if (i + 1 >= argv.length) throw new UsageError(`${where}: option -${ch} needs a value (${spec.valueName ?? 'VALUE'})`);
            value = argv[++i];
          }
          set(name, spec, value);
          break;
        }
        set(name, spec, true);
      }
      continue;
    }
    positionals.push(arg);
  }
  return { values, positionals };
}
