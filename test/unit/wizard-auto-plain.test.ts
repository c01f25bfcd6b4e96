// A terminal without raw mode (no setRawMode): the wizard runs in plain mode by itself.
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { main } from "../../src/cli/main.js";
import { waitFor } from "../helpers/wait.js";

test("without raw mode the same flow runs as plain prompts, and Ctrl+C exits 130", async () => {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
  const stderr = Object.assign(new PassThrough(), { isTTY: true });
  // Like process.stderr, it cannot be ended by a prompt that finishes (each prompt pipes into it).
  stderr.end = (() => stderr) as typeof stderr.end;
  let out = "";
  let errText = "";
  stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
  stderr.on("data", (d: Buffer) => (errText += d.toString("utf8")));
  const done = main([], { stdin, stdout, stderr, env: { LANG: "ja_JP.UTF-8", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22" }, cwd: process.cwd() });
  await waitFor(() => errText.includes("ウィザードで使う言語を選んでください。"), { what: "the language prompt", last: () => errText });
  assert.match(errText, /プレーン モード/);
  stdin.write("\r");
  await waitFor(() => errText.includes("どのような状況ですか?"), { what: "the purpose prompt", last: () => errText });
  stdin.write("\u0003");
  assert.equal(await done, 130);
  assert.equal(out, "", "nothing on stdout: there is no result yet");
});
