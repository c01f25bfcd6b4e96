// Per-mailbox facts kept off the heap: an append-only list of one-line records that stays in memory
// while it is small and moves to a private temporary file once it grows, then is read back in order
// as often as needed. The audit of a million mailboxes keeps one byte per mailbox in memory; the
// identities and display names wait here (a few tens of MB on disk) until the reports are written.
//
// The temporary folder (mode 0700, in the OS temp folder) is removed when the audit is done, when the
// process exits, and (for a process that was killed) by the next audit that needs one.
import { closeSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PREFIX = "smtp-auth-doctor-spill-";
const LF = 10;
/**
 * Bytes read or written at a time. Small on purpose: the text decoded from one read stays below V8's
 * large-object size (128 KiB), so it dies young instead of piling up in the old generation until a
 * full collection (which is what made the peak memory grow with the input).
 */
const READ_BYTES = 1 << 15;

/** True when no process with this id is running (a folder it left can go). */
export function processGone(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Folders of killed audits in the temp folder: removed (only ours, only when their process is gone). */
function sweepStale(base: string): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  const re = new RegExp(`^${PREFIX}(\\d+)-[A-Za-z0-9]+$`);
  for (const name of names) {
    const m = re.exec(name);
    if (m && Number(m[1]) !== process.pid && processGone(Number(m[1]))) rmSync(join(base, name), { recursive: true, force: true });
  }
}

/** Folders still in use, removed when the process exits (one listener for all). */
const live = new Set<SpillSpace>();
let exitHook = false;

let swept = false;

/** One private temporary folder, made on first use. */
export class SpillSpace {
  private dir: string | undefined;

  constructor() {
    // Once per process: what killed audits left in the temp folder goes, even if this one stays small.
    if (!swept) {
      swept = true;
      sweepStale(tmpdir());
    }
  }

  path(): string {
    if (this.dir === undefined) {
      const base = tmpdir();
      sweepStale(base);
      this.dir = mkdtempSync(join(base, `${PREFIX}${process.pid}-`));
      live.add(this);
      if (!exitHook) {
        exitHook = true;
        process.once("exit", () => {
          for (const s of [...live]) s.dispose();
        });
      }
    }
    return this.dir;
  }

  /** Remove the folder and everything in it (safe to call more than once). */
  dispose(): void {
    live.delete(this);
    if (this.dir === undefined) return;
    rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}

export interface RecordLogOptions {
  /** Bytes kept in memory before the log moves to a file (default 1 MiB). */
  memoryBytes?: number;
  /** Bytes per write once on file (default 32 KiB). */
  bufferBytes?: number;
}

let logIds = 0;

/**
 * An append-only list of one-line records (no LF inside; see `field`). Each record is encoded into a
 * buffer as it arrives, so no string from the input (nor the chunk it was cut from) stays alive.
 */
export class RecordLog {
  /** Filled buffers, each holding whole records, while the log is in memory. */
  private full: Buffer[] = [];
  private fullBytes = 0;
  private cur: Buffer;
  private pos = 0;
  private fd = -1;
  private file = "";
  private n = 0;
  private readonly memoryBytes: number;
  private readonly bufferBytes: number;

  constructor(
    private readonly space: SpillSpace,
    opts: RecordLogOptions = {},
  ) {
    this.memoryBytes = opts.memoryBytes ?? 1 << 20;
    this.bufferBytes = opts.bufferBytes ?? READ_BYTES;
    this.cur = Buffer.allocUnsafe(this.bufferBytes);
  }

  get count(): number {
    return this.n;
  }

  append(line: string): void {
    const most = line.length * 3 + 1; // UTF-8 bytes of a UTF-16 unit: at most 3
    if (this.pos + most > this.cur.length) {
      this.seal();
      if (most > this.cur.length) this.cur = Buffer.allocUnsafe(most); // one long record
    }
    this.pos += this.cur.write(line, this.pos, "utf8");
    this.cur[this.pos++] = LF;
    this.n++;
  }

  /** The current buffer is full (or the log is read): keep it in memory, or write it to the file. */
  private seal(): void {
    if (this.pos === 0) return;
    if (this.fd === -1 && this.fullBytes + this.pos <= this.memoryBytes) {
      this.full.push(this.cur.subarray(0, this.pos));
      this.fullBytes += this.pos;
      this.cur = Buffer.allocUnsafe(this.bufferBytes);
      this.pos = 0;
      return;
    }
    if (this.fd === -1) {
      this.file = join(this.space.path(), `log-${++logIds}`);
      this.fd = openSync(this.file, "wx", 0o600);
      for (const b of this.full) writeAll(this.fd, b, b.length);
      this.full = [];
      this.fullBytes = 0;
    }
    writeAll(this.fd, this.cur, this.pos);
    if (this.cur.length > this.bufferBytes) this.cur = Buffer.allocUnsafe(this.bufferBytes);
    this.pos = 0;
  }

  /** Every record, in the order appended. */
  *records(): Generator<string, void, undefined> {
    if (this.fd === -1) {
      // Still in memory: the buffers as they are now (appends during the walk are not seen).
      const parts = [...this.full, this.cur.subarray(0, this.pos)];
      for (const b of parts) if (b.length > 0) yield* lines(b.toString("utf8", 0, b.length - 1));
      return;
    }
    this.seal();
    const fd = openSync(this.file, "r");
    try {
      // Decode whole records only: the bytes after the last LF move to the front and wait for more.
      let buf = Buffer.allocUnsafe(READ_BYTES);
      let have = 0;
      for (;;) {
        if (have === buf.length) {
          const bigger = Buffer.allocUnsafe(buf.length * 2); // one record longer than the buffer
          buf.copy(bigger, 0, 0, have);
          buf = bigger;
        }
        const got = readSync(fd, buf, have, buf.length - have, null);
        if (got === 0) break;
        have += got;
        const last = buf.lastIndexOf(LF, have - 1);
        if (last === -1) continue;
        yield* lines(buf.toString("utf8", 0, last));
        buf.copy(buf, 0, last + 1, have);
        have -= last + 1;
      }
      if (have > 0) yield buf.toString("utf8", 0, have);
    } finally {
      closeSync(fd);
    }
  }

  /** Forget the records and remove the file. */
  dispose(): void {
    if (this.fd !== -1) {
      closeSync(this.fd);
      rmSync(this.file, { force: true });
      this.fd = -1;
    }
    this.full = [];
    this.fullBytes = 0;
    this.pos = 0;
    this.n = 0;
  }
}

function writeAll(fd: number, buf: Buffer, length: number): void {
  for (let off = 0; off < length; ) off += writeSync(fd, buf, off, length - off);
}

/** The records of a text of whole records (without the last LF). */
function* lines(text: string): Generator<string, void, undefined> {
  let start = 0;
  for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
    yield text.slice(start, nl);
    start = nl + 1;
  }
  yield text.slice(start);
}

/** An append-only list of fixed-size records of unsigned 32-bit numbers, always on file (binary). */
export class NumberLog {
  private buf: Buffer;
  private pos = 0;
  private fd = -1;
  private file = "";
  private n = 0;

  constructor(
    private readonly space: SpillSpace,
    /** Numbers per record. */
    private readonly width: number,
  ) {
    this.buf = Buffer.allocUnsafe(Math.max(READ_BYTES - (READ_BYTES % (width * 4)), width * 4));
  }

  get count(): number {
    return this.n;
  }

  push(a: number, b = 0, c = 0): void {
    if (this.pos + this.width * 4 > this.buf.length) this.flush();
    const buf = this.buf;
    buf.writeUInt32LE(a, this.pos);
    if (this.width > 1) buf.writeUInt32LE(b, this.pos + 4);
    if (this.width > 2) buf.writeUInt32LE(c, this.pos + 8);
    this.pos += this.width * 4;
    this.n++;
  }

  private flush(): void {
    if (this.pos === 0) return;
    if (this.fd === -1) {
      this.file = join(this.space.path(), `num-${++logIds}`);
      this.fd = openSync(this.file, "wx", 0o600);
    }
    writeAll(this.fd, this.buf, this.pos);
    this.pos = 0;
  }

  /** Every record in the order pushed. */
  forEach(fn: (a: number, b: number, c: number) => void): void {
    this.flush();
    if (this.fd === -1) return;
    const fd = openSync(this.file, "r");
    try {
      const buf = this.buf;
      const size = this.width * 4;
      let have = 0;
      for (;;) {
        const got = readSync(fd, buf, have, buf.length - have, null);
        if (got === 0) break;
        have += got;
        let off = 0;
        for (; off + size <= have; off += size) {
          fn(buf.readUInt32LE(off), this.width > 1 ? buf.readUInt32LE(off + 4) : 0, this.width > 2 ? buf.readUInt32LE(off + 8) : 0);
        }
        buf.copy(buf, 0, off, have); // a record cut by a short read
        have -= off;
      }
    } finally {
      closeSync(fd);
    }
  }

  dispose(): void {
    if (this.fd !== -1) {
      closeSync(this.fd);
      rmSync(this.file, { force: true });
      this.fd = -1;
    }
    this.pos = 0;
    this.n = 0;
  }
}

// ---- one field of a record: TAB separates fields, so TAB, LF, CR and "\" are escaped; so are lone
// surrogates, which UTF-8 cannot carry (a value must read back exactly as it was written).

const NEEDS_ESCAPE = /[\t\n\r\\]/;

const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function field(s: string): string {
  let out = NEEDS_ESCAPE.test(s) ? s.replace(/[\t\n\r\\]/g, (c) => (c === "\t" ? "\\t" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\\\")) : s;
  if (SURROGATE.test(out)) out = out.replace(LONE_SURROGATE, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return out;
}

export function unfield(s: string): string {
  if (!s.includes("\\")) return s;
  return s.replace(/\\(u[0-9a-f]{4}|.)/g, (_, e: string) => (e === "t" ? "\t" : e === "n" ? "\n" : e === "r" ? "\r" : e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : e));
}
