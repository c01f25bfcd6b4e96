import assert from "node:assert/strict";
import { test } from "node:test";
import { runMain } from "../helpers/run-main.js";

test("--version prints the package version", async () => {
  const r = await runMain(["--version"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
});

test("--help in both languages", async () => {
  const en = await runMain(["--help", "--lang", "en"]);
  const ja = await runMain(["--help", "--lang", "ja"]);
  assert.equal(en.code, 0);
  assert.match(en.stdout, /Exit codes: 0 clear, 1 blocked, 2 bad input, 3 undetermined/);
  assert.match(ja.stdout, /終了コード/);
});

test("unknown command: exit 2, one line in the chosen language, no stack", async () => {
  const r = await runMain(["frobnicate", "--lang", "ja"]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, "");
  assert.equal(r.stderr.trim().split("\n").length, 1);
  assert.match(r.stderr, /コマンドはありません/);
  assert.doesNotMatch(r.stderr, /at .*\.(ts|js):\d+/);
});

test("unknown command with --json: one JSON error object on stdout", async () => {
  const r = await runMain(["frobnicate", "--json"]);
  assert.equal(r.code, 2);
  const parsed = JSON.parse(r.stdout) as { error: { type: string; code: string; message: string } };
  assert.equal(parsed.error.type, "bad-input");
  assert.equal(parsed.error.code, "args.unknown-command");
  assert.match(parsed.error.message, /frobnicate/);
});

test("bad --lang value: exit 2 with a bilingual-safe message", async () => {
  const r = await runMain(["--lang", "xx", "--help"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--lang ja/);
});
