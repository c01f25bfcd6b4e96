// The fast part's output straight to a file descriptor (src/cli/direct-output.ts): only for what is not a terminal, every
// byte written through partial writes and EAGAIN, a reader gone dropped quietly, a full disk said once (exit 4).
import assert from "node:assert/strict";
import type { Stats } from "node:fs";
import { test } from "node:test";
import { directOutput, isDirectOutput, type FdCalls } from "../../src/cli/direct-output.js";
import { AppError } from "../../src/errors.js";

type Kind = "file" | "fifo" | "socket" | "char" | "dir";

function stats(kind: Kind, rdev = 0): Stats {
  return { isFile: () => kind === "file", isFIFO: () => kind === "fifo", isSocket: () => kind === "socket", isCharacterDevice: () => kind === "char", rdev } as unknown as Stats;
}

/** Fake system calls: `kind` for the descriptor, /dev/null as device 259, each write taking at most `chunk` bytes, `fail` thrown by the write calls listed. */
function fake(kind: Kind, opts: { rdev?: number; chunk?: number; fail?: Map<number, string> } = {}) {
  const written: number[] = [];
  let calls = 0;
  const fd: FdCalls = {
    fstat: () => stats(kind, opts.rdev),
    stat: () => stats("char", 259),
    write: (_fd, data, offset, length) => {
      const code = opts.fail?.get(calls++);
      if (code) throw Object.assign(new Error(code), { code });
      const n = Math.min(length, opts.chunk ?? length);
      for (let i = 0; i < n; i++) written.push(data[offset + i] as number);
      return n;
    },
  };
  return { fd, text: () => Buffer.from(written).toString("utf8"), calls: () => calls };
}

test("only a file, a pipe, a socket or /dev/null is written directly; a terminal, another device and Windows keep the stream", () => {
  for (const kind of ["file", "fifo", "socket"] as const) assert.ok(directOutput(1, fake(kind).fd, "linux"), kind);
  assert.ok(directOutput(1, fake("char", { rdev: 259 }).fd, "linux"), "/dev/null");
  assert.equal(directOutput(1, fake("char", { rdev: 1024 }).fd, "linux"), undefined, "a terminal or /dev/full");
  assert.equal(directOutput(1, fake("dir").fd, "linux"), undefined);
  assert.equal(directOutput(1, fake("file").fd, "win32"), undefined);
  const notOpen: FdCalls = {
    ...fake("file").fd,
    fstat: () => {
      throw Object.assign(new Error("EBADF"), { code: "EBADF" });
    },
  };
  assert.equal(directOutput(2, notOpen, "linux"), undefined, "a descriptor that is not open");
});

test("a writer directOutput made says so (the fast part then ends at once, bin-fast.ts); a stream, or a look-alike, does not", () => {
  const out = directOutput(1, fake("fifo").fd, "linux");
  assert.ok(out);
  assert.equal(isDirectOutput(out), true);
  assert.equal(isDirectOutput({ ...out }), false, "the same members are not the writer");
  assert.equal(isDirectOutput(process.stderr), false);
});

test("every byte is written, through partial writes and a non-blocking pipe's EAGAIN", () => {
  const f = fake("fifo", { chunk: 3, fail: new Map([[1, "EAGAIN"], [2, "EAGAIN"]]) });
  const out = directOutput(1, f.fd, "linux");
  assert.ok(out);
  let called = false;
  out.write("日本語のテキスト and ASCII\n", () => (called = true));
  out.write(Buffer.from("second\n"));
  assert.equal(f.text(), "日本語のテキスト and ASCII\nsecond\n");
  assert.ok(called, "the callback is called once written");
  assert.equal(out.writableLength, 0);
  assert.equal(out.isTTY, false);
});

test("a reader gone (EPIPE) drops the rest without an error; a full disk is said once as exit 4; anything else is thrown", () => {
  const gone = fake("fifo", { fail: new Map([[0, "EPIPE"]]) });
  const a = directOutput(1, gone.fd, "linux");
  assert.ok(a);
  a.write("first\n");
  a.write("second\n");
  assert.equal(gone.calls(), 1, "nothing more is tried once the reader is gone");

  const full = fake("file", { fail: new Map([[0, "ENOSPC"]]) });
  const b = directOutput(1, full.fd, "linux");
  assert.ok(b);
  assert.throws(
    () => b.write("report\n"),
    (e: unknown) => e instanceof AppError && e.code === "output.not-written" && e.exitCode === 4 && (e.params as { reason?: string }).reason === "ENOSPC",
  );
  assert.doesNotThrow(() => b.write("the error message after it\n"));

  const odd = fake("file", { fail: new Map([[0, "EBADF"]]) });
  const c = directOutput(1, odd.fd, "linux");
  assert.ok(c);
  assert.throws(() => c.write("x"), /EBADF/);
});
