// Where the fast part writes when its output is a file, a pipe or /dev/null (a script, a ticket, `> report.md`): straight
// to the file descriptor, without the stream Node builds on first use of process.stdout, which loads its stream code
// (about 3.5 ms of every start, issue 15). A terminal still gets process.stdout (its width, and colour, come from it), and
// so does any other character device (/dev/full's errors are the stream's), Windows (whose pipes are asynchronous) and the
// full part (Ink draws on the streams). Errors are read as the stream's are (crash.ts, writeFailure): a reader gone
// (EPIPE) drops the rest; a full disk or a failing device is said once, exit 4; anything else is a bug.
import { fstatSync, statSync, writeSync, type Stats } from "node:fs";
import { writeFailure } from "./crash.js";

/** A pipe or socket left non-blocking by whoever started us: wait this long before trying again. */
const AGAIN_WAIT_MS = 1;

/** The few members of a writable stream the fast part's commands use. */
export interface DirectOutput {
  readonly isTTY: false;
  readonly writableLength: 0;
  write(chunk: string | Uint8Array, callback?: (error?: Error | null) => void): boolean;
  on(event: string, listener: (...args: unknown[]) => void): DirectOutput;
  once(event: string, listener: (...args: unknown[]) => void): DirectOutput;
}

/** The system calls the writer makes (tests give their own). */
export interface FdCalls {
  fstat(fd: number): Stats;
  stat(path: string): Stats;
  write(fd: number, data: Uint8Array, offset: number, length: number): number;
}

const REAL: FdCalls = {
  fstat: (fd) => fstatSync(fd),
  stat: (path) => statSync(path),
  write: (fd, data, offset, length) => writeSync(fd, data, offset, length),
};

/** The writers directOutput made: every write to one has gone out, or failed, before the write returns. */
const DIRECT = new WeakSet<object>();

/** True for a writer directOutput made (nothing it was given is still being written), false for a stream. */
export function isDirectOutput(stream: object): boolean {
  return DIRECT.has(stream);
}

/**
 * A writer for `fd` when it is a regular file, a pipe, a socket or /dev/null on a system other than Windows; undefined
 * otherwise (a terminal, another device, a descriptor that is not open): the caller then uses process.stdout/stderr.
 */
export function directOutput(fd: 1 | 2, calls: FdCalls = REAL, platform: NodeJS.Platform = process.platform): DirectOutput | undefined {
  if (platform === "win32") return undefined;
  let st: Stats;
  try {
    st = calls.fstat(fd);
    if (!(st.isFile() || st.isFIFO() || st.isSocket() || (st.isCharacterDevice() && isDevNull(st, calls)))) return undefined;
  } catch {
    return undefined;
  }
  let stopped = false;
  const writer: DirectOutput = {
    isTTY: false,
    writableLength: 0,
    write(chunk, callback) {
      if (!stopped) {
        try {
          writeAll(fd, typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk, calls);
        } catch (error) {
          stopped = true;
          const failure = writeFailure(error);
          if (failure !== "closed") throw failure;
        }
      }
      callback?.(null);
      return true;
    },
    on: () => writer,
    once: () => writer,
  };
  DIRECT.add(writer);
  return writer;
}

/** /dev/null, as a character device: the same device as the path's (a terminal never is). */
function isDevNull(st: Stats, calls: FdCalls): boolean {
  const nul = calls.stat("/dev/null");
  return nul.isCharacterDevice() && nul.rdev === st.rdev;
}

/** Every byte written: a pipe may take part of a write, and a non-blocking one none for a while (EAGAIN). */
function writeAll(fd: number, data: Uint8Array, calls: FdCalls): void {
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += calls.write(fd, data, offset, data.length - offset);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code !== "EAGAIN") throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, AGAIN_WAIT_MS);
    }
  }
}
