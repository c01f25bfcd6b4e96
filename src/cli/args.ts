// Argument parsing on node:util parseArgs, with errors turned into bilingual AppErrors.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { badInput } from "../errors.js";
import { editDistance } from "../edit-distance.js";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/** Options every command accepts. */
export const GLOBAL_OPTIONS = {
  lang: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" },
  ascii: { type: "boolean" },
  "no-color": { type: "boolean" },
  debug: { type: "boolean" },
} as const satisfies OptionSpec;

/**
 * `command`: the subcommand whose options these are, named in the unknown-option error ("see smtp-auth-doctor audit --help");
 * none for the wizard started without one.
 */
export function parse<O extends OptionSpec>(argv: string[], options: O, allowPositionals = true, command?: string) {
  const all = { ...GLOBAL_OPTIONS, ...options };
  let parsed;
  try {
    const args = withNegativeValues(argv, all);
    parsed = (plainParse(args, all, allowPositionals) as ReturnType<typeof parseArgs<{ options: O & typeof GLOBAL_OPTIONS; allowPositionals: boolean; strict: true }>> | undefined) ?? parseArgs({ args, options: all, allowPositionals, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const message = (e as Error).message;
    const flag = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw unknownOption(flag, Object.keys(all), command);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw badInput("args.invalid-value", "cli.err.optionValue", { flag });
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") throw badInput("args.unexpected-positional", "cli.err.unexpectedArgument", { arg: /'([^']*)'/.exec(message)?.[1] ?? "" });
    throw badInput("args.invalid", "cli.err.args", { detail: message });
  }
  // (An option given twice keeps its last value, as in most command-line tools: a script's defaults can be overridden after them.)
  return parsed;
}

/**
 * What parseArgs (strict, no defaults) gives for a command line of long options the command has ("--name", "--name=value",
 * "--name value") and, where allowed, positionals: the same { values, positionals } (values without a prototype, set in the
 * order given, the last of an option given twice). Anything else, every error among it (a short option, "--", an unknown
 * option, a value missing, a value after a flag, a value that starts with "-", an option given many times), is undefined:
 * parseArgs reads it and says what is wrong. Node compiles parseArgs at its first use, a few million instructions of every
 * start of the fast commands (issue 15); the common command line never needs it.
 */
function plainParse(args: readonly string[], options: OptionSpec, allowPositionals: boolean): { values: Record<string, string | boolean>; positionals: string[] } | undefined {
  const values = Object.create(null) as Record<string, string | boolean>;
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith("-")) {
      if (!allowPositionals) return undefined;
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith("--") || arg.length === 2) return undefined;
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (name === "__proto__" || !Object.hasOwn(options, name)) return undefined;
    const spec = options[name] as { type: "string" | "boolean"; multiple?: boolean; short?: string; default?: unknown };
    if (spec.multiple || spec.default !== undefined) return undefined;
    if (spec.type === "boolean") {
      if (eq !== -1) return undefined;
      values[name] = true;
    } else if (eq !== -1) values[name] = arg.slice(eq + 1);
    else {
      const next = args[i + 1];
      if (next === undefined || next.startsWith("-")) return undefined;
      values[name] = next;
      i++;
    }
  }
  return { values, positionals };
}

/**
 * An option the command does not have: the error points to that command's own help (it pointed to the top-level help, which
 * lists no command's options), and names the option meant when one is close ("--report" for audit's "--smtp-report",
 * persona round 7). One function for every command.
 */
export function unknownOption(flag: string, names: readonly string[], command?: string) {
  const help = command ? `smtp-auth-doctor ${command} --help` : "smtp-auth-doctor --help";
  const suggestion = suggestOption(flag, names);
  return suggestion
    ? badInput("args.unknown-option", "cli.err.unknownOptionSuggest", { flag, suggestion, help })
    : badInput("args.unknown-option", "cli.err.unknownOption", { flag, help });
}

/**
 * The option meant by a mistyped one, if one is close: the names of which it is a part at a word's start ("--report" in
 * "--smtp-report", "--mail" for "--mailboxes"), else within two edits ("--mailboxs", "--vendr"); one answer only, the
 * closest (none when two are as close). Short flags ("-x") and one-letter names are not guessed at.
 */
export function suggestOption(flag: string, names: readonly string[]): string | undefined {
  const typed = flag.replace(/^-{1,2}/, "").split("=")[0]?.toLowerCase() ?? "";
  if (!flag.startsWith("--") || typed.length < 2) return undefined;
  const long = names.filter((n) => n.length > 1);
  const pick = (list: string[]): string | undefined => (list.length === 1 ? `--${list[0]}` : undefined);
  // A part of a name at the start of one of its words (a prefix of the name, or of a word after a hyphen).
  const parts = long.filter((n) => n !== typed && (n.startsWith(typed) || n.split("-").some((_, i, w) => i > 0 && w.slice(i).join("-").startsWith(typed))));
  if (parts.length > 0) return pick(parts);
  const limit = typed.length <= 4 ? 1 : 2;
  let best: string[] = [];
  let bestDistance = limit + 1;
  for (const n of long) {
    const d = editDistance(typed, n);
    if (d < bestDistance) [best, bestDistance] = [[n], d];
    else if (d === bestDistance) best.push(n);
  }
  return pick(best);
}

/**
 * A negative number after an option that takes a value is that value ("--timeout -5"), not another option: written as
 * "--timeout=-5" for parseArgs, which took it for a missing value ("--timeout needs a value"); the command then says what it accepts.
 */
function withNegativeValues(argv: readonly string[], options: OptionSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = argv[i + 1];
    if (a === "--") return [...out, ...argv.slice(i)];
    if (a.startsWith("--") && !a.includes("=") && options[a.slice(2)]?.type === "string" && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}
