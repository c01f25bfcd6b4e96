// Writing the audit's files: the reports (Markdown, CSV per account, CSV per mailbox, JSON) and the
// bulk plan (identity list, apply script, verify script), as ONE SET. Nothing is overwritten without
// `force`, and the names are checked before anything is written.
//
// How a set is written so that a killed run (power cut, kill -9, a closed window) leaves either the
// old set or the new one, and the next run works:
//   1. every file is written, as a stream, into a private temporary folder inside the target folder
//      (`.smtp-auth-doctor-audit-<pid>-XXXXXX`, on the same disk, so moving a file is one rename);
//   2. a commit note (`.smtp-auth-doctor-audit.commit`: the folder and the file names) is put in
//      place in one step (a hard link of a complete file; it doubles as a lock against a second run);
//   3. the files are moved into place, files of the old set this run does not write are removed
//      (`force` only), then the note and the temporary folder go.
// A run killed before step 2 left only its temporary folder: the next run removes it (its process is
// gone) and the old set is untouched. A run killed during step 3 left the note: the next run (or the
// wizard's save) finishes the move first, so the folder holds the complete new set.
import { link, mkdir, mkdtemp, open, readdir, readFile, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { badInput, isAppError } from "../errors.js";
import type { Lang } from "../i18n/index.js";
import { safeJson } from "../render/sanitize.js";
import type { AuditRun } from "./index.js";
import { CHANGES, listChunks, planFileNames, renderApplyScript, renderVerifyScript, type Change } from "./plan.js";
import { mailboxesCsvChunks, renderAccountsCsv, renderMarkdown, toJson } from "./report.js";
import { processGone } from "./spill.js";

export const REPORT_FILES = ["audit-report.md", "audit-accounts.csv", "audit-mailboxes.csv", "audit-report.json"] as const;

/** The commit note and the temporary folders of a set being written (hidden names inside the target folder). */
export const COMMIT_NOTE = ".smtp-auth-doctor-audit.commit";
export const TEMP_PREFIX = ".smtp-auth-doctor-audit-";
const TEMP_NAME = /^\.smtp-auth-doctor-audit-(\d+)-[A-Za-z0-9]+$/;
/** A commit takes milliseconds: a note older than this belongs to a run that is gone, whatever its process id says now. */
const STALE_NOTE_MS = 60_000;

/** Every name an audit ever writes: the only names a commit note may move or remove. */
const KNOWN_NAMES: ReadonlySet<string> = new Set([...REPORT_FILES, ...CHANGES.flatMap((c) => Object.values(planFileNames(c)))]);

/** Every file an audit may write into `dir` for this change. */
export function exportPaths(dir: string, change: Change | undefined): string[] {
  const names: string[] = [...REPORT_FILES];
  if (change) {
    const f = planFileNames(change);
    names.push(f.list, f.apply, f.verify);
  }
  return names.map((n) => join(dir, n));
}

/** Refuse (bad input, exit 2) when any of these files exists and `force` is off. */
export async function assertWritable(paths: readonly string[], force: boolean): Promise<void> {
  if (force) return;
  for (const p of paths) {
    if (await exists(p)) throw badInput("file.exists", "common.err.exists", { file: p });
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

const writeFailed = (file: string, e: unknown) => badInput("file.write-failed", "common.err.writeFailed", { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });

interface CommitNote {
  pid: number;
  tmp: string;
  files: string[];
  remove: string[];
}

function parseNote(text: string): CommitNote | undefined {
  try {
    const o = JSON.parse(text) as Partial<CommitNote>;
    const names = (v: unknown): v is string[] => Array.isArray(v) && v.every((n) => typeof n === "string" && KNOWN_NAMES.has(n));
    if (typeof o.pid !== "number" || typeof o.tmp !== "string" || !TEMP_NAME.test(o.tmp) || !names(o.files) || !names(o.remove)) return undefined;
    return { pid: o.pid, tmp: o.tmp, files: o.files, remove: o.remove };
  } catch {
    return undefined;
  }
}

/**
 * Finish what a killed run left in `dir`: a commit note → move the rest of its set into place;
 * temporary folders of processes that are gone → removed. A run still committing (its note is
 * fresh and its process alive) is waited for briefly, then reported (exit 2).
 */
export async function recoverReportSet(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw writeFailed(dir, e);
  }
  if (names.includes(COMMIT_NOTE)) await finishCommit(dir);
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || Number(m[1]) === process.pid || !processGone(Number(m[1]))) continue;
    await rm(join(dir, name), { recursive: true, force: true }).catch((e: unknown) => {
      throw writeFailed(join(dir, name), e);
    });
  }
}

/** Roll a found commit forward (after waiting a little for one that is still under way). */
async function finishCommit(dir: string): Promise<void> {
  const notePath = join(dir, COMMIT_NOTE);
  for (let waited = 0; ; waited += 50) {
    let text: string;
    let age: number;
    try {
      text = await readFile(notePath, "utf8");
      age = Date.now() - (await stat(notePath)).mtimeMs;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return; // finished meanwhile
      throw writeFailed(notePath, e);
    }
    const note = parseNote(text);
    // Not a note this program wrote (its names are checked): leave the folder's files alone.
    if (note === undefined) throw badInput("file.bad-note", "audit.err.outNote", { file: notePath });
    const running = note.pid !== process.pid && !processGone(note.pid) && age < STALE_NOTE_MS;
    if (running) {
      if (waited >= 3000) throw badInput("file.busy", "audit.err.outBusy", { dir });
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    const tmp = join(dir, note.tmp);
    try {
      for (const name of note.files) {
        try {
          await rename(join(tmp, name), join(dir, name));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e; // moved before the kill
        }
      }
      for (const name of note.remove) await unlink(join(dir, name)).catch(ignoreMissing);
      await rm(tmp, { recursive: true, force: true });
      await unlink(notePath).catch(ignoreMissing);
    } catch (e) {
      throw writeFailed(dir, e);
    }
    return;
  }
}

function ignoreMissing(e: unknown): void {
  if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
}

export interface SetFile {
  name: string;
  chunks: () => Iterable<string>;
}

/**
 * Write one file from its pieces, each encoded into one reused buffer as it comes, so that neither
 * the whole text nor a long list of pieces is ever held.
 */
async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const fh = await open(path, "wx", 0o644);
  try {
    const buf = Buffer.allocUnsafe(1 << 15);
    let pos = 0;
    const put = async (b: Buffer, length: number) => {
      for (let off = 0; off < length; ) off += (await fh.write(b, off, length - off)).bytesWritten;
    };
    for (const c of chunks) {
      const most = c.length * 3; // UTF-8 bytes of a UTF-16 unit: at most 3
      if (pos + most > buf.length) {
        await put(buf, pos);
        pos = 0;
        if (most > buf.length) {
          // A long piece (a report that is small enough to be one string): as it is.
          const b = Buffer.from(c, "utf8");
          await put(b, b.length);
          continue;
        }
      }
      pos += buf.write(c, pos, "utf8");
    }
    await put(buf, pos);
  } finally {
    await fh.close();
  }
}

/**
 * Write `files` into `dir` as one set (see the top of this file). Without `force`, a file that exists
 * already stops the run before anything is moved (exit 2, nothing of the new set left behind).
 * With `force`, files named in `stale` that this set does not contain are removed with the commit.
 */
export async function writeReportSet(dir: string, files: readonly SetFile[], opts: { force: boolean; stale?: readonly string[] }): Promise<void> {
  await recoverReportSet(dir);
  const finals = files.map((f) => join(dir, f.name));
  await assertWritable(finals, opts.force);
  let tmp: string;
  try {
    tmp = await mkdtemp(join(dir, `${TEMP_PREFIX}${process.pid}-`));
  } catch (e) {
    throw writeFailed(dir, e);
  }
  // Left in place only when a failed commit could not be fully undone: the next run finishes it.
  const state = { keep: false };
  try {
    for (const f of files) {
      try {
        await writeChunks(join(tmp, f.name), f.chunks());
      } catch (e) {
        throw writeFailed(join(dir, f.name), e);
      }
    }
    const written = new Set(files.map((f) => f.name));
    const remove = opts.force ? [...new Set(opts.stale ?? [])].filter((n) => !written.has(n) && KNOWN_NAMES.has(n)) : [];
    await commit(dir, tmp, files, remove, opts.force, state);
  } finally {
    if (!state.keep) await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function commit(dir: string, tmp: string, files: readonly SetFile[], remove: string[], force: boolean, state: { keep: boolean }): Promise<void> {
  const notePath = join(dir, COMMIT_NOTE);
  const draft = join(tmp, "commit.json");
  const note: CommitNote = { pid: process.pid, tmp: basename(tmp), files: files.map((f) => f.name), remove };
  try {
    await writeFile(draft, JSON.stringify(note), { flag: "wx", mode: 0o644 });
  } catch (e) {
    throw writeFailed(notePath, e);
  }
  // The note appears complete or not at all; a note already there is another run's (finish it or wait).
  for (let attempt = 0; ; attempt++) {
    try {
      await link(draft, notePath);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 2) throw (e as NodeJS.ErrnoException).code === "EEXIST" ? badInput("file.busy", "audit.err.outBusy", { dir }) : writeFailed(notePath, e);
      await finishCommit(dir);
    }
  }
  try {
    if (force) await replaceAll(dir, tmp, files, remove, state);
    else await addAll(dir, tmp, files);
  } catch (e) {
    if (!state.keep) await unlink(notePath).catch(() => undefined);
    throw e;
  }
  try {
    await unlink(notePath);
    await rm(tmp, { recursive: true, force: true });
  } catch (e) {
    throw writeFailed(dir, e);
  }
}

/** Without force: hard links, which never replace a file that appeared meanwhile; on failure the links made are taken back. */
async function addAll(dir: string, tmp: string, files: readonly SetFile[]): Promise<void> {
  const placed: string[] = [];
  try {
    await assertWritable(files.map((f) => join(dir, f.name)), false);
    for (const f of files) {
      await link(join(tmp, f.name), join(dir, f.name));
      placed.push(join(dir, f.name));
    }
  } catch (e) {
    for (const p of placed) await unlink(p).catch(() => undefined);
    if ((e as NodeJS.ErrnoException).code === "EEXIST") throw badInput("file.exists", "common.err.exists", { file: join(dir, files[placed.length]?.name ?? "") });
    throw isAppError(e) ? e : writeFailed(join(dir, files[placed.length]?.name ?? ""), e);
  }
}

/**
 * With force: each old file is first moved aside into the temporary folder, then the new one moved
 * in. A file that cannot be moved (on Windows, one open in Excel) stops the commit and everything
 * already done is undone: the folder keeps the old set, and the message names the file. (Should the
 * undoing fail too, the note stays and the next run completes the new set.)
 */
async function replaceAll(dir: string, tmp: string, files: readonly SetFile[], remove: readonly string[], state: { keep: boolean }): Promise<void> {
  const aside = join(tmp, "previous");
  await mkdir(aside).catch((e: unknown) => {
    throw writeFailed(aside, e);
  });
  const done: { name: string; hadOld: boolean; placed: boolean }[] = [];
  let current = "";
  try {
    for (const name of [...files.map((f) => f.name), ...remove]) {
      current = name;
      const step = { name, hadOld: false, placed: false };
      done.push(step);
      try {
        await rename(join(dir, name), join(aside, name));
        step.hadOld = true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      }
      if (remove.includes(name) && !files.some((f) => f.name === name)) continue;
      await rename(join(tmp, name), join(dir, name));
      step.placed = true;
    }
  } catch (e) {
    const undo = async (from: string, to: string) => {
      await rename(from, to).catch(() => {
        state.keep = true; // the note and the folder stay: the next run moves the new set in
      });
    };
    for (const step of done.reverse()) {
      if (step.placed) await undo(join(dir, step.name), join(tmp, step.name));
      if (step.hadOld) await undo(join(aside, step.name), join(dir, step.name));
    }
    throw writeFailed(join(dir, current), e);
  }
}

/**
 * `JSON.stringify(report, null, 2)` and a newline, byte for byte, but an account at a time: the
 * accounts list is the one part that grows. Every piece passes safeJson (the same value for a script;
 * no control or bidi character for a person who opens the file).
 */
export function* jsonChunks(report: Record<string, unknown>): Generator<string, void, undefined> {
  const accounts = report.accounts;
  if (!Array.isArray(accounts) || accounts.length === 0) {
    yield safeJson(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const placeholder = JSON.stringify("\u0000accounts\u0000");
  const text = JSON.stringify({ ...report, accounts: "\u0000accounts\u0000" }, null, 2);
  // Found by the top-level key's own line: a serialized string never holds a raw line break, so no
  // value from the data can look like it.
  const at = text.indexOf(`\n  "accounts": ${placeholder}`) + `\n  "accounts": `.length;
  yield safeJson(text.slice(0, at));
  yield "[";
  for (let i = 0; i < accounts.length; i++) {
    yield safeJson(`\n    ${(JSON.stringify(accounts[i], null, 2) ?? "null").replace(/\n/g, "\n    ")}${i < accounts.length - 1 ? "," : ""}`);
  }
  yield "\n  ]";
  yield safeJson(`${text.slice(at + placeholder.length)}\n`);
}

/**
 * Write the reports and the plan into `dir` (which must exist) as one set. Returns the paths written,
 * in order. `change` names the plan files of this run's change, so that `force` can remove an old
 * plan a run without a plan no longer matches.
 */
export async function writeAuditFiles(dir: string, run: AuditRun, lang: Lang, asOf: string, force: boolean, change?: Change): Promise<string[]> {
  const { result, plan, collector } = run;
  const files: SetFile[] = [
    { name: "audit-report.md", chunks: () => [renderMarkdown(result, plan, lang)] },
    { name: "audit-accounts.csv", chunks: () => [renderAccountsCsv(result, lang)] },
  ];
  if (collector.mailboxCount > 0) files.push({ name: "audit-mailboxes.csv", chunks: () => mailboxesCsvChunks(collector, result) });
  if (plan) {
    files.push({ name: plan.files.list, chunks: () => listChunks(plan) });
    files.push({ name: plan.files.apply, chunks: () => [renderApplyScript(plan, lang, asOf)] });
    files.push({ name: plan.files.verify, chunks: () => [renderVerifyScript(plan, lang)] });
  }
  const written = [...files.map((f) => join(dir, f.name)), join(dir, "audit-report.json")];
  files.push({ name: "audit-report.json", chunks: () => jsonChunks(toJson(result, plan, written)) });
  const stale = exportPaths(dir, plan?.change ?? change).map((p) => basename(p));
  await writeReportSet(dir, files, { force, stale });
  return written;
}
