// Argument parsing on node:util parseArgs, with errors turned into bilingual AppErrors.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { badInput } from "../errors.js";

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

export function parse<O extends OptionSpec>(argv: string[], options: O, allowPositionals = true) {
  const all = { ...GLOBAL_OPTIONS, ...options };
  let parsed;
  try {
    parsed = parseArgs({ args: withNegativeValues(argv, all), options: all, allowPositionals, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const message = (e as Error).message;
    const flag = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw badInput("args.unknown-option", "cli.err.unknownOption", { flag });
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw badInput("args.invalid-value", "cli.err.optionValue", { flag });
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") throw badInput("args.unexpected-positional", "cli.err.unexpectedArgument", { arg: /'([^']*)'/.exec(message)?.[1] ?? "" });
    throw badInput("args.invalid", "cli.err.args", { detail: message });
  }
  // (An option given twice keeps its last value, as in most command-line tools: a script's defaults can be overridden after them.)
  return parsed;
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
