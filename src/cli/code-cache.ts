// Running the fast part of the bundle (one CommonJS file) from V8's code cache, as Node 22's
// module.enableCompileCache does (Node 20 has none): the first run compiles as usual and, on exit,
// writes what V8 compiled (the functions that ran included) beside the bundle; later runs start
// from it instead of parsing and compiling again. A cache V8 does not accept (another Node
// version, other flags, a damaged file) is ignored and written anew. Nothing here may fail a run:
// a folder that is not writable only means no cache.
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { Script } from "node:vm";
import { EXIT } from "../exit.js";

export interface CodeCacheRun {
  /** "used": started from the cache; "written": no usable cache, one is written on exit (after a run that did its work); "off": disabled. */
  cache: "used" | "written" | "off";
}

/**
 * Run `file` (a CommonJS module's function expression, `(function (exports, require, module, __filename, __dirname) { … })`,
 * ASCII only) from the code cache kept for `key` beside it (`<file>.<key>.cache`). V8 caches
 * the functions compiled when the cache is made, so each kind of run (a command and its output
 * format) keeps its own: a cache made by `--version` would hold almost nothing `diagnose` runs.
 * `req` is the require the file gets: the caller's own (dist/start.cjs, in the same folder; the fast part requires only
 * Node's own modules). Not one made by createRequire: node:module, which holds it, is not loaded at all then.
 */
export function runWithCodeCache(file: string, key: string, env: NodeJS.ProcessEnv, req: NodeJS.Require): CodeCacheRun {
  // The build writes the fast part in ASCII only (scripts/build.mjs, writeAsciiOnly): read as latin1, the same text as a
  // UTF-8 read, made faster and half the size in memory (a one-byte string).
  const cacheFile = `${file}.${key.replace(/[^a-z0-9-]/g, "_").slice(0, 40)}.cache`;
  const off = env.SMTP_AUTH_DOCTOR_CODE_CACHE === "0";
  // One buffer for both reads (the source's bytes become a string at once, then the cache is read over them): on this kind
  // of machine memory touched for the first time costs about 10 µs a page, and a second buffer of half a megabyte was
  // about 120 more of them at every start (issue 15).
  const fd = openSync(file, "r");
  let cfd: number | undefined;
  if (!off) {
    try {
      cfd = openSync(cacheFile, "r");
    } catch {
      cfd = undefined;
    }
  }
  const size = fstatSync(fd).size;
  const csize = cfd === undefined ? 0 : fstatSync(cfd).size;
  const buf = Buffer.allocUnsafeSlow(Math.max(size, csize));
  readAll(fd, buf, size);
  closeSync(fd);
  const source = buf.toString("latin1", 0, size);
  let cachedData: Buffer | undefined;
  if (cfd !== undefined) {
    try {
      readAll(cfd, buf, csize);
      cachedData = buf.subarray(0, csize);
    } catch {
      cachedData = undefined;
    }
    closeSync(cfd);
  }
  // The file is CommonJS's module function already (the build wraps it): compiled as read, with no copy joined to a wrapper.
  const script = new Script(source, cachedData ? { filename: file, cachedData } : { filename: file });
  const usable = cachedData !== undefined && !script.cachedDataRejected;
  // Written only after a run that did its command's work (a verdict, a report, help): V8 caches the functions that ran, and a
  // usable cache is kept for good, so a first run that stopped at bad input (a mistyped file name, exit 2) would leave every
  // later run of that command compiling most of its code again (diagnose: ~40 M more instructions at each start).
  if (!off && !usable) process.once("exit", (code) => WORK_DONE.has(code) && writeCache(cacheFile, () => script.createCachedData()));
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, req, module, file, dirname(file));
  return { cache: off ? "off" : usable ? "used" : "written" };
}

/** The exit codes of a run that did its command's work: a verdict (help and --version exit with EXIT.clear). */
const WORK_DONE: ReadonlySet<number> = new Set([EXIT.clear, EXIT.blocked, EXIT.undetermined]);

/** Write whole or not at all: a temporary file renamed into place, so a run in parallel never reads half a cache. */
function writeCache(cacheFile: string, data: () => Buffer): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data());
    renameSync(temporary, cacheFile);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing to clean
    }
  }
}

/** Read `size` bytes of `fd` into the start of `buf` (fewer if the file is shorter). */
function readAll(fd: number, buf: Buffer, size: number): void {
  let at = 0;
  while (at < size) {
    const n = readSync(fd, buf, at, size - at, null);
    if (n === 0) break;
    at += n;
  }
}
