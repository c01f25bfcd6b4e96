// The wizard command's mode decisions, in-process: no terminal, CI and --json never ask questions.
import assert from "node:assert/strict";
import { test } from "node:test";
import { runMain } from "../helpers/run-main.js";

const CASE = "examples/printer-tenant-smtp-auth-off.json";

test("without a terminal and without a case: exit 2 with a hint about diagnose --case, in the user's language", async () => {
  const en = await runMain([]);
  assert.equal(en.code, 2);
  assert.match(en.stderr, /diagnose --case FILE/);
  assert.equal(en.stdout, "");
  const ja = await runMain(["--lang", "ja"]);
  assert.equal(ja.code, 2);
  assert.match(ja.stderr, /ケース ファイル.*diagnose --case FILE/);
});

test("CI set (even empty) or --json: no questions, a hint instead", async () => {
  for (const env of [{ CI: "" }, { CI: "true" }, { CONTINUOUS_INTEGRATION: "1" }]) {
    const r = await runMain([], { env });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /CI/);
  }
  const json = await runMain(["--json"]);
  assert.equal(json.code, 2);
  assert.equal(JSON.parse(json.stdout).error.code, "wizard.no-terminal");
});

test("without a terminal, a case file is reported instead of asked about", async () => {
  const r = await runMain(["--case", CASE, "--lang", "en"]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /tenant-smtp-auth-disabled|SMTP AUTH/);
  const json = await runMain(["--case", CASE, "--json"]);
  assert.equal(json.code, 1);
  assert.equal(JSON.parse(json.stdout).verdict, "blocked");
});

test("bad flags and unreadable cases are one-line bad-input errors", async () => {
  const r = await runMain(["--case"]);
  assert.equal(r.code, 2);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  const missing = await runMain(["--case", "no-such-file.json", "--lang", "ja"]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /見つかりません/);
  const unknown = await runMain(["--bogus"]);
  assert.equal(unknown.code, 2);
});

test("the wizard's empty case is the schema's empty case", async () => {
  const { EMPTY_CASE } = await import("../../src/cli/commands/wizard.js");
  const { emptyCase } = await import("../../src/case/schema.js");
  assert.deepEqual(EMPTY_CASE, emptyCase());
});
