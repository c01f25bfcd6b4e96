// Key sequences into the real program in a real terminal (issue 11): the built wizard in tmux gets
// 1,000 generated chunks of terminal input (function keys with modifiers, colour codes, mouse
// reports, OSC strings, C1 controls, invalid UTF-8, Enter, Esc …), sent as raw bytes. It must keep
// running (or end the flow with a documented exit code), never show a stack trace, and write
// nothing to the terminal that came from the input as a control sequence (the pane's raw output
// is recorded and searched). Seeded; more with `npm run fuzz`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { tmuxSuite } from "../helpers/tmux.js";
import { keyChunk, RUNS, SEED, TIMEOUT } from "./arbitraries.js";

const suite = tmuxSuite();
const { bin } = suite;
// SAD_FUZZ_KEEP keeps the recorded pane output for a look after the run.
const dir = suite.tempDir("sad-fuzz-tmux-", { keep: Boolean(process.env.SAD_FUZZ_KEEP) });

/** Raw bytes (not keys) as tmux sends them with send-keys -H. */
function hex(bytes: Buffer): string[] {
  return [...bytes].map((b) => b.toString(16).padStart(2, "0"));
}

function checkRaw(raw: string): void {
  const all = readFileSync(raw).toString("latin1");
  // The wizard shows the cursor again only when it ends; what follows is the terminal's own echo of
  // keys that arrived after it had ended (the tty is in cooked mode again), not the program.
  const end = all.indexOf("\u001b[?25h");
  const text = end === -1 ? all : all.slice(0, end);
  // The program's own output is Ink's cursor movement and erasing (and SGR inverse for the cursor): never OSC, DCS, BEL, C1, a bidi override.
  assert.ok(!text.includes("\u001b]"), "an OSC sequence reached the terminal");
  assert.ok(!text.includes("\u001bP"), "a DCS sequence reached the terminal");
  assert.ok(!text.includes("\u0007"), "a BEL reached the terminal");
  assert.ok(!/\u00c2[\u0080-\u009f]/.test(text), "a C1 control (UTF-8) reached the terminal");
  assert.ok(!text.includes("\u00e2\u0080\u00ae"), "a bidi override reached the terminal");
}

test(`the built wizard in tmux: ${RUNS} generated chunks of raw terminal input`, { timeout: TIMEOUT }, async () => {
  const chunk = fc.oneof({ weight: 10, arbitrary: keyChunk }, { weight: 1, arbitrary: fc.constant("\r") }, { weight: 1, arbitrary: fc.constant("\u001b") }, { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4 }).map((a) => Buffer.from(a).toString("latin1")) });
  const inputs = fc.sample(chunk, { numRuns: RUNS, seed: SEED });
  let at = 0;
  let round = 0;
  // The wizard runs until the input has all been sent; when the flow ends (a verdict) it is started again.
  while (at < inputs.length) {
    round++;
    const pane = suite.pane(`fuzz${round}`);
    const raw = join(dir, `pane-output-${round}.bin`);
    const lang = round % 2 === 0 ? "ja" : "en";
    pane.start(`${process.execPath} ${bin} --lang ${lang}`, { cwd: dir, env: { LANG: "en_US.UTF-8", LC_ALL: "", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22", TERM: "xterm-256color", NO_COLOR: "1" } });
    await pane.waitFor(lang === "en" ? "What are you facing?" : "どのような状況ですか");
    pane.pipe(raw);
    let exited = false;
    // Batches of 20 chunks per tmux call; a chunk's bytes go as they are (latin1 strings are raw bytes: invalid UTF-8 included).
    while (at < inputs.length && !exited) {
      const batch = inputs.slice(at, at + 20);
      at += batch.length;
      // eslint-disable-next-line no-control-regex
      const bytes = Buffer.concat(batch.map((s) => (/[^\u0000-\u00ff]/.test(s) ? Buffer.from(s, "utf8") : Buffer.from(s, "latin1"))));
      pane.keys("-H", ...hex(bytes));
      // The whole history: after the wizard has ended, the terminal echoes what is still sent and scrolls.
      // Joined: the echo can leave the cursor near the end of a row, and the exit line then wraps.
      const seen = pane.joined();
      assert.doesNotMatch(seen, /TypeError|startsWith| {4}at /, `after chunk ${at}:\n${pane.screen()}`);
      exited = /__EXIT=\d+__/.test(seen);
    }
    // Whatever screen it is on, Ctrl+C leaves with 130 (or the flow already ended with a verdict).
    if (!exited) pane.keys("C-c");
    // Bytes of the batch that arrive after the program has given the terminal back are the terminal's: a Ctrl+S among them
    // stops its output (XOFF), and the program's last write, then the exit code, waited for a Ctrl+Q that never came
    // (about one run in twenty of seed 162531735). A person would press Ctrl+Q; so does the test (to the program, in raw
    // mode, it is a control character it ignores).
    pane.keys("C-q");
    const { waitFor } = await import("../helpers/wait.js");
    const code = Number(await waitFor(() => /__EXIT=(\d+)__/.exec(pane.joined())?.[1], { timeout: 30_000, what: "the wizard to end", last: () => pane.screen() }));
    if (process.env.SAD_FUZZ_TRACE) console.error(`round ${round}: exit ${code} after ${at} chunks`);
    assert.ok([0, 1, 3, 130].includes(code), `exit code ${code}:\n${pane.screen()}`);
    assert.doesNotMatch(pane.history(), /TypeError| {4}at |Internal error|内部エラー/);
    pane.kill();
    checkRaw(raw);
  }
});
