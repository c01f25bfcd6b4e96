// Back from a text shown whole (Ctrl+O, "c", "h"), the wizard is drawn on a clear screen: in tmux (80x60, persona run) the last
// lines of Canon's notes and "Press Enter to return to the wizard" stayed on screen above a question shorter than the
// terminal, as the wizard was drawn below them. The text scrolls up into the terminal's history (still there to copy) and the
// wizard starts at the top. A fake terminal of 60 rows, in both languages.
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { t } from "../../src/i18n/index.js";
import { waitFor } from "../helpers/wait.js";

// Ink draws no frame before the end when it finds CI in the environment: this process is a terminal user's.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
const { main } = await import("../../src/cli/main.js");

const ROWS = 60;

function terminal() {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, ref: () => stdin, unref: () => stdin, setRawMode: () => stdin });
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 80, rows: ROWS });
  const stderr = Object.assign(new PassThrough(), { isTTY: true });
  let out = "";
  stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
  stderr.on("data", () => undefined);
  return { stdin, stdout, stderr, out: () => out };
}

const ENV = { LANG: "en_US.UTF-8", SMTP_AUTH_DOCTOR_TODAY: "2026-12-06", TERM: "xterm-256color" };

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: after Ctrl+O and Enter the text shown whole scrolls off the screen before the question is drawn again from the top`, async () => {
    const term = terminal();
    const done = main(["--lang", lang], { ...term, env: ENV, cwd: process.cwd() });
    const shows = (text: string, from: number) => waitFor(() => (term.out().indexOf(text, from) >= 0 ? true : undefined), { what: text, last: term.out });
    await shows(t(lang, "wizard.purpose.q"), 0);
    term.stdin.write("\u001b[B\r"); // a new device: the device's questions (the maker question is short of 60 rows)
    await shows(t(lang, "questions.device.vendor.q"), 0);
    term.stdin.write("\u000f"); // Ctrl+O: the question whole, outside the screen
    await shows(t(lang, "wizard.copy.back"), 0);
    const from = term.out().length;
    term.stdin.write("\r");
    await shows(t(lang, "questions.device.vendor.q"), from);
    const between = term.out().slice(from, term.out().indexOf(t(lang, "questions.device.vendor.q"), from));
    // A screenful of new lines pushes every line of the text up into the history; then the cursor goes home.
    const home = between.indexOf("\u001b[H");
    assert.ok(home >= 0, JSON.stringify(between.slice(0, 200)));
    assert.ok(between.slice(0, home).split("\n").length - 1 >= ROWS, JSON.stringify(between.slice(0, home)));
    term.stdin.write("\u0003");
    assert.equal(await done, 130);
  });
}
