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
  try {
    return parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const message = (e as Error).message;
    const flag = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw badInput("args.unknown-option", "cli.err.unknownOption", { flag });
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw badInput("args.invalid-value", "cli.err.optionValue", { flag });
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") throw badInput("args.unexpected-positional", "cli.err.unexpectedArgument", { arg: /'([^']*)'/.exec(message)?.[1] ?? "" });
    throw badInput("args.invalid", "cli.err.args", { detail: message });
  }
}
