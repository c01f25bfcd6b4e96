// Persona round 8 (a developer scripting the CLI): options for every command before the command (#11), a file name given to
// explain as its text and an empty pipe (#12), in both languages.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { t } from "../../src/i18n/index.js";
import { runMain } from "../helpers/run-main.js";

const REPLY = "535 5.7.3 Authentication unsuccessful";

test("options for every command may come before the command: --lang, --json, --ascii, --no-color, --debug", async () => {
  const after = await runMain(["explain", REPLY, "--lang", "en", "--json"]);
  for (const argv of [["--lang", "en", "--json", "explain", REPLY], ["--json", "--lang=en", "explain", REPLY], ["--no-color", "--ascii", "--lang", "en", "--json", "explain", REPLY]]) {
    const before = await runMain(argv);
    assert.equal(before.code, after.code, argv.join(" "));
    assert.equal(before.stdout, after.stdout, argv.join(" "));
  }
  // Japanese before the command is Japanese.
  const ja = await runMain(["--lang", "ja", "explain", REPLY]);
  assert.match(ja.stdout, /貼り付けた文字列からわかること/);
  // A word that is not a command stays an error; an option of one command before it is not moved.
  const bogus = await runMain(["--lang", "en", "bogus"]);
  assert.equal(bogus.code, 2);
  const local = await runMain(["--vendor", "canon", "explain", REPLY, "--lang", "en"]);
  assert.equal(local.code, 2);
});

test("explain given a file's name instead of its text says so and how to pass the content; an empty pipe says it was empty", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sad-p8-"));
  const file = join(dir, "error.txt");
  writeFileSync(file, `${REPLY}\n`);
  for (const lang of ["en", "ja"] as const) {
    const named = await runMain(["explain", file, "--lang", lang]);
    assert.equal(named.code, 2);
    assert.equal(named.stderr.trim(), `smtp-auth-doctor: ${t(lang, "cli.err.fileNameNotText", { file })}`);
    const empty = await runMain(["explain", "-", "--lang", lang], { stdin: "" });
    assert.equal(empty.code, 2);
    assert.ok(empty.stderr.includes(t(lang, "cli.err.stdinEmpty")), empty.stderr);
    // The content on stdin is read as usual.
    const piped = await runMain(["explain", "-", "--lang", lang, "--json"], { stdin: `${REPLY}\n` });
    assert.notEqual(piped.code, 2);
  }
  // A name that is no file keeps the usual answer.
  const none = await runMain(["explain", join(dir, "missing.txt"), "--lang", "en"]);
  assert.ok(none.stderr.includes(t("en", "cli.err.unrecognized")), none.stderr);
});

test("a maker's panel line in Japanese keeps a space after a half-width parenthesis before the next sentence (persona round 8 #16)", async () => {
  const r = await runMain(["explain", "--vendor", "fujifilm", "--lang", "ja", "送信完了"], { columns: 200 });
  const flat = r.stdout.replace(/\n\s*/g, "");
  assert.match(flat, /のガイド\) 対処: /);
  assert.doesNotMatch(flat, /\)対処/);
});
