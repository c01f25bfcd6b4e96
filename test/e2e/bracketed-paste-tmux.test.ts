// M4, in a real terminal: the wizard turns bracketed paste on while it runs and off when it ends (Ctrl+C included),
// and tmux's bracketed paste (paste-buffer -p, as a terminal pastes for a program that asked) is text in every field:
// a pasted "3" and line break on the makers' list choose nothing, and two pasted lines in the model's field stay in it,
// without answering the next question.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { t } from "../../src/i18n/index.js";
import { tmuxSuite } from "../helpers/tmux.js";

const { bin, pane: newPane, tempDir } = tmuxSuite();

test("bracketed paste: on while the wizard runs, off after Ctrl+C; a paste answers nothing by itself", async () => {
  const dir = tempDir("sad-bracketed-");
  const pane = newPane("bracketed");
  const raw = join(dir, "raw.bin");
  pane.start(`${process.execPath} ${bin} --lang en`, { cwd: dir, env: { LANG: "en_US.UTF-8", LC_ALL: "", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22", TERM: "xterm-256color", NO_COLOR: "1" } });
  pane.pipe(raw);
  await pane.waitFor(t("en", "wizard.purpose.q"));
  pane.keys("Down", "Enter"); // a new device
  await pane.waitFor(t("en", "questions.device.vendor.q"));
  pane.bracketedPaste("3\n");
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(pane.screen().includes(t("en", "questions.device.vendor.q")), "still on the makers' list");
  pane.keys("1", "Enter"); // Ricoh, chosen by keys (the list starts on "I don't know")
  await pane.waitFor(t("en", "questions.device.model.q"));
  pane.bracketedPaste("IM C3000\nsecond line\n");
  await pane.waitFor("IM C3000 second line");
  assert.ok(pane.screen().includes(t("en", "questions.device.model.q")), "still on the model's question");
  pane.keys("C-c");
  assert.equal(await pane.exitCode(), 130);
  const bytes = readFileSync(raw, "latin1");
  const on = bytes.indexOf("\u001b[?2004h");
  const off = bytes.lastIndexOf("\u001b[?2004l");
  assert.ok(on >= 0 && off > on, `bracketed paste on at ${on}, off at ${off}`);
  pane.kill();
});
