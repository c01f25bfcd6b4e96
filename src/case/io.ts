// Reading and writing case files. Reads are bounded; every failure is a bad-input AppError with a
// one-line reason; writes are atomic (temp file + rename) and never contain secrets.
import { randomBytes } from "node:crypto";
import { createReadStream, link as linkCallback, readFileSync, rename as renameCallback, statSync, unlink as unlinkCallback, unlinkSync, writeFile as writeFileCallback } from "node:fs";
import { promisify } from "node:util";
import { basename, dirname, join } from "node:path";
import type { z } from "zod";
import { AppError, badInput } from "../errors.js";
import { stoppedAfter, todayUtc } from "./dates.js";
import { toDocument, toJson } from "../render/output.js";
import { safeJson } from "../render/sanitize.js";
import { JsonTooDeep, JsonTooLarge, MAX_JSON_DEPTH, parseJsonBounded } from "./json-limits.js";
import { redactSecrets } from "./redact.js";
import { decodeText } from "./encoding.js";
import { readTextBounded } from "./read-text.js";
import { isValidCase } from "./quick-check.js";
import { CASE_SCHEMA_ID, CaseSchema, type Case } from "./schema.js";

export { readTextBounded };

// The callback API, not node:fs/promises: that module loads Node's stream and readline code, which
// every `diagnose` would pay at start (issue 15).
const writeFile = promisify(writeFileCallback);
const rename = promisify(renameCallback);
const link = promisify(linkCallback);
const unlink = promisify(unlinkCallback);

export const MAX_CASE_BYTES = 5 * 1024 * 1024;

/**
 * Parse and validate case-file text. `label` names the source in messages (a path, or "standard input"); `today` is the date a
 * case without asOf is read at (a day it stopped after it is refused).
 */
export function parseCase(text: string, label: string, today: string = todayUtc()): Case {
  // Nothing in it (an empty file, "--case - < /dev/null"): said so, not "cut short" (persona round 6, P6-15).
  if (text.replace(/^\uFEFF/, "").trim() === "") throw badInput("case.empty", "common.err.caseEmpty", { file: label });
  let data: unknown;
  try {
    // Depth and size are checked before parsing and validation: a deeply nested file is bad input, not a crash.
    data = parseJsonBounded(text.replace(/^\uFEFF/, ""), { maxDepth: MAX_JSON_DEPTH, maxChars: MAX_CASE_BYTES });
  } catch (e) {
    if (e instanceof JsonTooDeep) throw badInput("case.too-deep", "common.err.jsonTooDeep", { file: label, limit: e.limit });
    if (e instanceof JsonTooLarge) throw badInput("case.too-large", "common.err.fileTooLarge", { file: label, limit: "5 MB" });
    throw notJson(text.replace(/^\uFEFF/, ""), (e as Error).message, label);
  }
  // (Said in the user's words: "an array" and "no schema" were English inside a Japanese sentence, persona run.)
  if (data === null || typeof data !== "object" || Array.isArray(data)) throw badInput("case.schema", "common.err.caseNotObject", { file: label });
  const schema = (data as Record<string, unknown>).schema;
  if (schema === undefined) throw badInput("case.schema", "common.err.caseNoSchema", { file: label });
  if (schema !== CASE_SCHEMA_ID) throw badInput("case.schema", "common.err.caseSchema", { file: label, found: JSON.stringify(schema).slice(0, 60) });
  let c: Case;
  // A valid file as it stands needs no schema (./quick-check.ts); anything else goes to zod for its verdict and its words.
  if (isValidCase(data)) c = data;
  else {
    const result = CaseSchema.safeParse(data);
    if (!result.success) throw issueToError(result.error.issues[0], label);
    c = result.data;
  }
  const history = historyError(c, label, today);
  if (history) throw history;
  if (c.device?.reply !== undefined) c.device.reply = redactSecrets(c.device.reply);
  return c;
}

/**
 * What the case's history says that cannot be (persona round 8, #10): a day it stopped after the case's date (asOf, else
 * today), or a day it stopped for a sender said never to have worked. Undefined when it holds together.
 */
export function historyError(c: Case, label: string, today: string): AppError | undefined {
  const h = c.history;
  if (h?.stoppedOn === undefined) return undefined;
  const asOf = c.asOf ?? today;
  if (stoppedAfter(h.stoppedOn, asOf)) return badInput("case.invalid", "common.err.caseStoppedFuture", { file: label, date: h.stoppedOn, asOf });
  if (h.workedBefore === "no") return badInput("case.invalid", "common.err.caseStoppedNeverWorked", { file: label });
  return undefined;
}

/**
 * Where JSON.parse stopped, as a line and a column the person can find in an editor, in their language. V8's own
 * words ("Expected double-quoted property name in JSON at position 59") were English in a Japanese message and
 * counted characters from the start of the file (persona run, 2026-12-04).
 */
function notJson(text: string, message: string, label: string): AppError {
  if (/end of (?:JSON )?input/i.test(message)) return badInput("case.not-json", "common.err.notJsonEnd", { file: label });
  const at = /at position (\d+)/.exec(message);
  const control = /bad control character/i.test(message);
  if (!at) return badInput("case.not-json", "common.err.notJson", { file: label, reason: message.replace(/\s+/g, " ").slice(0, 120) });
  const position = Math.min(Number(at[1]), text.length);
  // Stopped at the end of the text (an unterminated string, a value with nothing after it): the file was cut short.
  if (text.slice(position).trim() === "") return badInput("case.not-json", "common.err.notJsonEnd", { file: label });
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - (before.lastIndexOf("\n") + 1) + 1;
  // A control character inside a string (an escape sequence pasted into a title): JSON needs it written as \u001b.
  return badInput("case.not-json", control ? "common.err.notJsonControl" : "common.err.notJsonAt", { file: label, line, column });
}

const TYPE_KEYS = { number: "common.err.caseType.number", int: "common.err.caseType.int", string: "common.err.caseType.string", boolean: "common.err.caseType.boolean", object: "common.err.caseType.object", array: "common.err.caseType.array" } as const;

const DATE_FIELDS = new Set(["asOf", "createdDate", "stoppedOn"]);

function issueToError(issue: z.core.$ZodIssue | undefined, label: string): AppError {
  if (!issue) return badInput("case.invalid", "common.err.caseOther", { file: label, path: "(root)", detail: "invalid" });
  const path = formatPath(issue.path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const key = issue.keys[0] ?? "";
      const full = path === "(root)" ? key : `${path}.${key}`;
      if (/pass(word)?|secret|token|credential/i.test(key)) return badInput("case.secret", "common.err.caseSecret", { file: label, path: full });
      return badInput("case.unknown-key", "common.err.caseUnknownKey", { file: label, path: full });
    }
    case "invalid_value":
      // The maker: one message that lists every id and says what to use for any other maker (issue 14).
      if (path === "device.vendor") return badInput("case.enum", "devices.err.caseVendor", { file: label, ids: issue.values.map(String).join(", ") });
      return badInput("case.enum", "common.err.caseEnum", { file: label, path, values: issue.values.map((v) => JSON.stringify(v)).join(", ") });
    case "invalid_format":
    case "custom":
      // The calendar dates (asOf, tenant.createdDate): one message in the user's language.
      if (DATE_FIELDS.has(String(issue.path[issue.path.length - 1]))) return badInput("case.invalid", "common.err.caseDate", { file: label, path });
      return badInput("case.invalid", "common.err.caseOther", { file: label, path, detail: issue.message.slice(0, 120) });
    case "invalid_type": {
      // What is expected in the user's words ("must be a whole number"), not zod's name for it ("must be int").
      const key = TYPE_KEYS[issue.expected as keyof typeof TYPE_KEYS];
      return key ? badInput("case.type", key, { file: label, path }) : badInput("case.type", "common.err.caseExpected", { file: label, path, expected: issue.expected });
    }
    case "too_big":
    case "too_small": {
      // The limit itself ("must be at most 65535"), not zod's "Invalid input".
      const limit = Number(issue.code === "too_big" ? issue.maximum : issue.minimum);
      const text = issue.origin === "string";
      if (!Number.isFinite(limit) || (issue.origin !== "number" && !text)) return badInput("case.invalid", "common.err.caseOther", { file: label, path, detail: issue.message.slice(0, 120) });
      if (issue.code === "too_big") return badInput("case.invalid", text ? "common.err.caseMaxLength" : "common.err.caseMax", { file: label, path, max: limit });
      return badInput("case.invalid", text ? "common.err.caseMinLength" : "common.err.caseMin", { file: label, path, min: limit });
    }
    default:
      return badInput("case.invalid", "common.err.caseOther", { file: label, path, detail: issue.message.slice(0, 120) });
  }
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

/** Read a case from a path, or from stdin when the path is "-" (given as a function: Node builds process.stdin only when asked). */
export async function readCase(path: string, stdin: NodeJS.ReadableStream | (() => NodeJS.ReadableStream), stdinLabel: string): Promise<Case> {
  if (path === "-") return parseCase(await readStream(typeof stdin === "function" ? stdin() : stdin, stdinLabel), stdinLabel);
  let size: number;
  try {
    // Read at once, not through the thread pool: the first asynchronous file call starts Node's worker threads, about
    // 1.5 ms of every `diagnose --case` for a file of at most 5 MB (issue 15).
    const s = statSync(path);
    // A pipe or a terminal named as a file ("--case <(…)", /dev/stdin) is read as a stream, bounded like standard input.
    if (s.isFIFO() || s.isCharacterDevice()) return parseCase(await readStream(createReadStream(path), path), path);
    if (!s.isFile()) throw badInput("case.unreadable", s.isDirectory() ? "common.err.notAFile" : "common.err.notRegularFile", { file: path });
    size = s.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw badInput("case.missing", "common.err.fileMissing", { file: path });
    throw badInput("case.unreadable", "common.err.fileUnreadable", { file: path, reason: (e as NodeJS.ErrnoException).code ?? "error" });
  }
  if (size > MAX_CASE_BYTES) throw badInput("case.too-large", "common.err.fileTooLarge", { file: path, limit: "5 MB" });
  let text: string;
  try {
    text = decodeText(readFileSync(path));
  } catch (e) {
    throw badInput("case.unreadable", "common.err.fileUnreadable", { file: path, reason: (e as NodeJS.ErrnoException).code ?? "error" });
  }
  return parseCase(text, path);
}

async function readStream(stream: NodeJS.ReadableStream, label: string): Promise<string> {
  return readTextBounded(stream, MAX_CASE_BYTES, () => badInput("case.too-large", "common.err.fileTooLarge", { file: label, limit: "5 MB" }));
}

/** The case as it is written to disk: validated, secrets removed from free text, stable key order. */
export function serializeCase(c: Case): string {
  const clean: Case = structuredClone(c);
  if (clean.device?.reply !== undefined) clean.device.reply = redactSecrets(clean.device.reply);
  const checked = CaseSchema.parse(clean);
  return `${toJson(checked, 2)}\n`;
}

/**
 * Write text to a file atomically: a temporary file beside it, then rename. With overwrite=false an
 * existing file is never replaced (the final step is a hard link, which fails if the name exists).
 *
 * This is the file sink of every report, case file and transcript: a `.json` file (or
 * `json: true`) is escaped with safeJson (the same value for a script), anything else is made safe
 * line by line (Markdown, CSV, .ps1, text), so no control character from data reaches a file a
 * person will open or `cat`.
 */
export async function writeFileAtomic(path: string, text: string, opts: { overwrite: boolean; mode?: number; json?: boolean }): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const safe = opts.json === true || /\.json$/i.test(path) ? safeJson(text) : toDocument(text);
  pendingTemporary(tmp);
  try {
    await writeFile(tmp, safe, { encoding: "utf8", mode: opts.mode ?? 0o644, flag: "wx" });
    if (opts.overwrite) {
      await rename(tmp, path);
    } else {
      await link(tmp, path);
      await unlink(tmp);
    }
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw badInput("file.exists", "common.err.exists", { file: path });
    throw badInput("file.write-failed", "common.err.writeFailed", { file: path, reason: code ?? (e as Error).message });
  } finally {
    TEMPORARY.delete(tmp);
  }
}

/**
 * Temporary files being written: removed if the process ends first (Ctrl+C in the wizard while a what-if or a report was
 * saved left ".name.<hex>.tmp" beside it, found by the long fuzz run). The file the user asked for is never half-written.
 */
const TEMPORARY = new Set<string>();
let removeOnExit = false;

function pendingTemporary(tmp: string): void {
  TEMPORARY.add(tmp);
  if (removeOnExit) return;
  removeOnExit = true;
  process.once("exit", () => {
    for (const file of TEMPORARY) {
      try {
        unlinkSync(file);
      } catch {
        // gone already
      }
    }
  });
}

export async function saveCase(path: string, c: Case, opts: { overwrite: boolean }): Promise<void> {
  await writeFileAtomic(path, serializeCase(c), { ...opts, json: true });
}
