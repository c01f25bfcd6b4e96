// What every command gets: the language, where to write, and how the terminal behaves.
import type { Lang } from "../i18n/index.js";
import { toJson, writeLine } from "../render/output.js";
import { directOutput } from "./direct-output.js";
import { todayUtc } from "../case/dates.js";

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * The process's streams, stdin read only when asked for: Node builds process.stdin on first use,
 * which for a file or /dev/null loads its file-stream code (about 10 ms of every start otherwise).
 * `direct` (the fast part, bin-fast.ts): an output that is not a terminal is written to its file
 * descriptor, without the stream (./direct-output.ts).
 */
export function processIo(opts: { direct?: boolean } = {}): Io {
  const stdout = opts.direct ? directOutput(1) : undefined;
  const stderr = opts.direct ? directOutput(2) : undefined;
  return {
    stdout: stdout ? (stdout as unknown as Io["stdout"]) : process.stdout,
    stderr: stderr ? (stderr as unknown as Io["stderr"]) : process.stderr,
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/** `base` with `patch` laid over it, keeping getters as getters (a spread would read stdin). */
export function withFields<T extends object>(base: T, patch: Partial<T>): T {
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(base), ...Object.getOwnPropertyDescriptors(patch) }) as T;
}

export interface Context extends Io {
  lang: Lang;
  /** --lang was given (the wizard then skips the language question). */
  langExplicit: boolean;
  /** Colour allowed: stdout is a TTY, NO_COLOR is unset, --no-color not given. */
  color: boolean;
  /** --ascii: draw only ASCII glyphs. */
  ascii: boolean;
  /** Today, YYYY-MM-DD (SMTP_AUTH_DOCTOR_TODAY overrides, for tests and reproducible reports). */
  today: string;
  /** --debug (or SMTP_AUTH_DOCTOR_DEBUG=1): an internal error also prints its stack trace. */
  debug?: boolean;
}

// The terminal sinks. Everything the commands print goes through out() or err() (an ESLint rule
// forbids writing to stdout/stderr elsewhere): control characters from data are shown visibly,
// and the theme's colour marks become colour only here (src/render/output.ts).

/** Results, to stdout. */
export function out(ctx: Context, text: string): void {
  writeLine(ctx.stdout, text, ctx.color);
}

/** Messages, prompts and progress, to stderr. */
export function err(ctx: Context, text: string): void {
  writeLine(ctx.stderr, text, ctx.color);
}

/** What a command's JSON object is, named by its first key `schema` ("smtp-auth-doctor/whatif@1"): a script can tell the outputs apart and their version. */
export type JsonKind = "error" | "setup" | "options" | "access" | "collect" | "whatif" | "devices";

/** One JSON object on stdout (--json), its kind and version first: the same value for a script, nothing that acts on a terminal. */
export function outJson(ctx: Context, kind: JsonKind, value: object, indent?: number): void {
  ctx.stdout.write(`${toJson({ schema: jsonSchema(kind), ...value }, indent)}\n`);
}

/** The `schema` of a JSON output of this kind (the reports' is REPORT_SCHEMA_ID, src/report/json.ts; the audit's AUDIT_SCHEMA_ID). */
export function jsonSchema(kind: JsonKind): string {
  return `smtp-auth-doctor/${kind}@1`;
}

export function todayIso(env: NodeJS.ProcessEnv): string {
  return todayUtc(env);
}
