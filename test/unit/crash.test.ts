// An error nothing caught (bin.ts's process guard): one line in the user's language, exit 70,
// never a stack trace unless --debug asks for it; with --json the same as any error object.
import assert from "node:assert/strict";
import { PassThrough, Readable } from "node:stream";
import { test } from "node:test";
import { reportFatal } from "../../src/cli/main.js";

function io(env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
  stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
  return { io: { stdout, stderr, stdin: Readable.from([]), env: { LANG: "C", ...env }, cwd: process.cwd() }, out: () => out, err: () => err };
}

const bug = () => {
  const e = new Error("Cannot read properties of undefined (reading 'startsWith')\n    at handleData (use-input.js:1:1)");
  return e;
};

test("one line, exit 70, the first line of the message only, no stack", () => {
  const x = io();
  assert.equal(reportFatal([], x.io, bug()), 70);
  assert.equal(x.err(), "smtp-auth-doctor: Internal error: Cannot read properties of undefined (reading 'startsWith'). This is a bug in smtp-auth-doctor; please report it with the command you ran.\n");
});

test("in Japanese from --lang; --debug adds the stack trace; --json gives the error object", () => {
  const ja = io();
  reportFatal(["--lang", "ja"], ja.io, bug());
  assert.match(ja.err(), /^smtp-auth-doctor: 内部エラーが発生しました: /);
  assert.equal(ja.err().trimEnd().split("\n").length, 1);
  const debug = io();
  reportFatal(["--debug"], debug.io, bug());
  assert.match(debug.err(), /\n\s+at /, "the stack with --debug");
  const json = io();
  assert.equal(reportFatal(["--json"], json.io, bug()), 70);
  assert.deepEqual((JSON.parse(json.out()) as { error: { code: string; exitCode: number } }).error.exitCode, 70);
  assert.equal(json.err(), "");
});
