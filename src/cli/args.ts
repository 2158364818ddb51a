/** A small argv reader: `--name value`, `--name=value`, repeatable options, positionals. */
export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string[]>;
}

export const parseArgs = (argv: string[], flags: Set<string> = new Set()): ParsedArgs => {
  const positionals: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (flags.has(name)) value = 'true';
    else {
      if (i + 1 >= argv.length || argv[i + 1].startsWith('--'))
        throw new UsageError(`--${name} needs a value`);
      value = argv[++i];
    }
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { positionals, options };
};

export const single = (args: ParsedArgs, name: string): string | undefined => {
  const values = args.options.get(name);
  if (values && values.length > 1) throw new UsageError(`--${name} is given more than once`);
  return values?.[0];
};

export const required = (args: ParsedArgs, name: string): string => {
  const v = single(args, name);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required`);
  return v;
};

export const rejectUnknown = (args: ParsedArgs, known: string[]): void => {
  for (const name of args.options.keys()) {
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
  }
};
