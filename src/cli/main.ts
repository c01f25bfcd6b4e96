// Entry point of the bundled CLI. One place owns exit codes: every command returns one, every
// error becomes a one-line message in the user's language (and a JSON object with --json).
import { AppError, badInput, isAppError } from "../errors.js";
import { EXIT, type ExitCode } from "../exit.js";
import { t, type Lang } from "../i18n/index.js";
import { detectLang, parseLang } from "../i18n/locale.js";
import { err, out, outJson, todayIso, withFields, type Context, type Io } from "./context.js";
import { VERSION } from "./version.js";
import { safeText } from "../render/sanitize.js";

export type CommandRun = (ctx: Context, argv: string[]) => Promise<ExitCode>;
interface CommandModule {
  run: CommandRun;
}

/** Subcommands, loaded only when used so that `diagnose` never pulls in Ink, msal-node or execa. */
const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  wizard: () => import("./commands/wizard.js"),
  diagnose: () => import("./commands/diagnose.js"),
  explain: () => import("./commands/explain.js"),
  probe: () => import("./commands/probe.js"),
  audit: () => import("./commands/audit.js"),
  collect: () => import("./commands/collect.js"),
  access: () => import("./commands/access.js"),
  setup: () => import("./commands/setup.js"),
  whatif: () => import("./commands/whatif.js"),
  options: () => import("./commands/options.js"),
  devices: () => import("./commands/devices.js"),
};

/** Every subcommand's name (src/cli/route.ts sends each to the fast or the full part of the bundle). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

function makeContext(argv: string[], io: Io, pre: ReturnType<typeof prescan>): Context {
  const lang: Lang = detectLang(undefined, io.env) ?? "en";
  return withFields(io as Context, {
    lang: pre.lang ?? lang,
    langExplicit: pre.lang !== undefined,
    color: Boolean(io.stdout.isTTY) && !("NO_COLOR" in io.env && io.env.NO_COLOR !== "") && !argv.includes("--no-color"),
    ascii: argv.includes("--ascii"),
    today: todayIso(io.env),
    debug: argv.includes("--debug") || io.env.SMTP_AUTH_DOCTOR_DEBUG === "1",
  });
}

export async function main(argv: string[], io: Io): Promise<ExitCode> {
  const pre = prescan(argv);
  const ctx = makeContext(argv, io, pre);
  try {
    if (pre.langMissing) throw badInput("args.invalid-value", "cli.err.optionValue", { flag: "--lang" });
    if (pre.badLang !== undefined) {
      throw new AppError({ type: "bad-input", code: "args.lang", key: "cli.err.lang", params: { value: pre.badLang } });
    }
    // Options for every command before the command ("--lang en explain …", as with git's own options): the command runs with them.
    const at = commandAfterGlobals(argv);
    if (at > 0) argv = [argv[at] as string, ...argv.slice(0, at), ...argv.slice(at + 1)];
    const [first, ...rest] = argv;
    if (first === undefined || first.startsWith("-")) {
      if (argv.includes("--version") || argv.includes("-V")) {
        out(ctx, VERSION);
        return EXIT.clear;
      }
      if (argv.includes("--help") || argv.includes("-h")) {
        out(ctx, t(ctx.lang, "cli.help"));
        return EXIT.clear;
      }
      const wizard = COMMANDS.wizard;
      if (wizard) return await (await wizard()).run(ctx, argv);
      out(ctx, t(ctx.lang, "cli.help"));
      return EXIT.clear;
    }
    if (first === "help") {
      out(ctx, t(ctx.lang, "cli.help"));
      return EXIT.clear;
    }
    const load = COMMANDS[first];
    if (!load) throw new AppError({ type: "bad-input", code: "args.unknown-command", key: "cli.err.unknownCommand", params: { command: first } });
    return await (await load()).run(ctx, rest);
  } catch (e) {
    return reportError(ctx, e, pre.json);
  }
}

/**
 * An error nothing caught, after main() (bin.ts's process guard: a stray exception or rejection):
 * the same one line in the user's language as any other internal error, exit 70.
 */
export function reportFatal(argv: string[], io: Io, e: unknown): ExitCode {
  const pre = prescan(argv);
  return reportError(makeContext(argv, io, pre), e, pre.json);
}

/** The first line of an unexpected error's message, short: the detail of "Internal error: …". */
function internalMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const first = text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  return first.length > 200 ? `${first.slice(0, 197)}...` : first;
}

/** Print an error as one line (plus an optional detail line) or as {"error":{…}} on stdout with --json. */
export function reportError(ctx: Context, e: unknown, json: boolean): ExitCode {
  const appError = isAppError(e) ? e : new AppError({ type: "internal", code: "internal", key: "cli.err.internal", params: { message: internalMessage(e) } });
  const message = t(ctx.lang, appError.key, appError.params);
  if (json) {
    outJson(ctx, "error", { error: { type: appError.type, code: appError.code, message, exitCode: appError.exitCode } });
  } else {
    err(ctx, `smtp-auth-doctor: ${message}`);
    // The detail is outside text (a server's or a library's message): one line, sanitised.
    if (appError.detail) err(ctx, `  ${safeText(appError.detail)}`);
  }
  if (!isAppError(e) && ctx.debug === true && e instanceof Error && e.stack) err(ctx, e.stack);
  return appError.exitCode;
}

/** Find --lang and --json before full parsing, so that even an argument error speaks the right language. */
function prescan(argv: string[]): { lang?: Lang; badLang?: string; langMissing?: true; json: boolean } {
  // null: "--lang" with no value after it.
  let langValue: string | null | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") break;
    // "--lang" last, or before another option: no value (said so, as for any option: "Unknown language ''" read oddly).
    if (a === "--lang") langValue = argv[i + 1] === undefined || argv[i + 1]?.startsWith("--") ? null : argv[i + 1];
    else if (a.startsWith("--lang=")) langValue = a.slice("--lang=".length);
  }
  const json = argv.includes("--json") || argv.some((a, i) => (a === "--format" && argv[i + 1] === "json") || a === "--format=json");
  if (langValue === undefined) return { json };
  if (langValue === null) return { langMissing: true, json };
  const lang = parseLang(langValue);
  return lang ? { lang, json } : { badLang: langValue, json };
}

/** The options for every command (--help's "Options for every command"): those without a value, and --lang with its own. */
const GLOBAL_FLAGS: ReadonlySet<string> = new Set(["--json", "--ascii", "--no-color", "--debug"]);

/**
 * Where a command's name stands after nothing but options for every command ("--lang en --json explain …"), or -1: then the
 * arguments are the wizard's or the command's as written (persona round 8 #11: "Unexpected argument 'explain'").
 */
function commandAfterGlobals(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--lang") i++;
    else if (a.startsWith("--lang=") || GLOBAL_FLAGS.has(a)) continue;
    else return i > 0 && Object.hasOwn(COMMANDS, a) ? i : -1;
  }
  return -1;
}

export { COMMANDS };
