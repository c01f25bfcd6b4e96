// A paste longer than a case file holds (65,536 characters) is refused on the paste screen, with what to do, in both
// modes; it was taken, analysed in part ("no SMTP reply found" for a log whose reply was at its end), and then no case
// file or hand-over could be saved (a raw validation dump) and the hand-over key ended the wizard with exit 70 (a
// persona's 1,500-line log, 2026-12-04).
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { render as renderPrompt } from "@inquirer/testing";
import { PasteScreen } from "../../screens/Paste.js";
import { multilinePrompt } from "../../src/cli/multiline-prompt.js";
import { MAX_PASTE_CHARS, parseTextAnswer } from "../../src/flow/questions.js";
import { t } from "../../src/i18n/index.js";
import { makeTheme } from "../../src/render/theme.js";
import { frameWith, mount, press } from "../helpers/ink.js";
import { KEY } from "../helpers/wait.js";

afterEach(() => cleanup());

const LINE = "2026-12-04 10:00:00 DEBUG connection state ok, nothing to report on this line at all\n";
const LOG = LINE.repeat(Math.ceil(MAX_PASTE_CHARS / LINE.length)) + "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.";

test("the limit is the case file's, and a paste at the limit is taken", () => {
  assert.ok(LOG.length > MAX_PASTE_CHARS);
  assert.deepEqual(parseTextAnswer({ type: "paste" }, LOG), { ok: false, error: "questions.err.paste" });
  assert.equal(parseTextAnswer({ type: "paste" }, "x".repeat(MAX_PASTE_CHARS)).ok, true);
});

for (const lang of ["en", "ja"] as const) {
  test(`the paste screen refuses a paste longer than 64 KiB, says what to do, and takes a shorter one after it (${lang})`, async () => {
    const submitted: string[] = [];
    const r = mount(<PasteScreen theme={makeTheme({ color: false, ascii: false, columns: 100 })} lang={lang} step="2/6" onSubmit={(text) => submitted.push(text)} onBack={() => false} />);
    await press(r, LOG, KEY.ctrlD);
    const frame = await frameWith(r, t(lang, "questions.err.paste").slice(0, 30));
    // Said whole (wrapped), not cut to one row (persona round 3: "paste only the error …" could not be read).
    const squash = (s: string) => s.replace(/\s+/g, "");
    assert.ok(squash(frame).includes(squash(t(lang, "questions.err.paste"))), frame);
    assert.deepEqual(submitted, []);
    // The refusal goes once something new is typed (persona round 5, C7: it stood over the next paste).
    await press(r, "535 5.7.3 Authentication unsuccessful");
    const typing = await frameWith(r, "535 5.7.3");
    assert.ok(!squash(typing).includes(squash(t(lang, "questions.err.paste"))), typing);
    await press(r, KEY.ctrlD);
    assert.deepEqual(submitted, ["535 5.7.3 Authentication unsuccessful"]);
  });
}

test("plain mode's multi-line prompt shows the last lines of a long paste and how many came before, not all of them", async () => {
  const s = await renderPrompt(multilinePrompt, { message: "Paste" });
  for (let i = 1; i <= 40; i++) {
    s.events.type(`line ${i}`);
    s.events.keypress("enter");
  }
  const screen = s.getScreen();
  assert.match(screen, /\(\+32\)/);
  assert.ok(screen.includes("line 40") && screen.includes("line 33"), screen);
  assert.ok(!/line 32\b/.test(screen), screen);
  s.events.type(".");
  s.events.keypress("enter");
  assert.equal((await s.answer).split("\n").length, 40);
});

test("plain mode refuses the long paste with the same words and asks again", async () => {
  const { PLAIN_SCREENS } = await import("../../src/cli/plain/screens.js");
  const { initFlow } = await import("../../src/flow/reducer.js");
  const { fakeDeps } = await import("../helpers/flow.js");
  const { emptyCase } = await import("../../src/case/schema.js");
  for (const lang of ["en", "ja"] as const) {
    const pastes = [LOG, "535 5.7.3 Authentication unsuccessful"];
    const said: string[] = [];
    const reject = () => Promise.reject(new Error("unexpected"));
    const p = { select: reject, input: reject, hidden: reject, multiline: async () => pastes.shift() as string, say: (x: string) => said.push(x), result: (x: string) => said.push(x) };
    const state = initFlow(fakeDeps(false), { lang, langExplicit: true, empty: emptyCase() });
    const ctx = { p, services: {} as never, glyphs: makeTheme({ color: false, ascii: false, columns: 80 }).glyphs, ascii: false, putSecret: () => undefined, progress: { shown: 0 } };
    const event = await PLAIN_SCREENS.paste(state, { id: "paste" }, ctx as never);
    assert.deepEqual(event, { type: "submitPaste", text: "535 5.7.3 Authentication unsuccessful" });
    assert.ok(said.includes(t(lang, "questions.err.paste")), said.join("\n"));
  }
});
