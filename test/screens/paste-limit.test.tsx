// A paste longer than a case file holds (65,536 characters) keeps its end, where a log's error is, and the paste summary says
// so, in both modes. It was first taken and analysed from its start ("no SMTP reply found" for a log whose reply was at its end)
// and no case file or hand-over could be saved (a persona's 1,500-line log, 2026-12-04); then refused whole with the field
// emptied, although the wizard itself asks for a debug log (a 228 KB smtplib log, persona round 7).
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { render as renderPrompt } from "@inquirer/testing";
import { PasteScreen } from "../../screens/Paste.js";
import { multilinePrompt } from "../../src/cli/multiline-prompt.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { parseCase, serializeCase } from "../../src/case/io.js";
import { emptyCase } from "../../src/case/schema.js";
import { initFlow, makeReducer } from "../../src/flow/reducer.js";
import { MAX_PASTE_CHARS, pasteTail } from "../../src/flow/questions.js";
import { pasteSummaryText } from "../../src/flow/summary.js";
import type { FlowEvent, FlowState } from "../../src/flow/types.js";
import { t } from "../../src/i18n/index.js";
import { makeTheme } from "../../src/render/theme.js";
import { mount, press } from "../helpers/ink.js";
import { KEY, waitFor } from "../helpers/wait.js";

afterEach(() => cleanup());

const LINE = "2026-12-04 10:00:00 DEBUG connection state ok, nothing to report on this line at all\n";
const REPLY = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.";
const LOG = LINE.repeat(Math.ceil((3 * MAX_PASTE_CHARS) / LINE.length)) + REPLY;

test("a paste longer than a case file holds keeps its last whole lines, up to the limit; a shorter one is kept as it is", () => {
  const { text, cut } = pasteTail(LOG);
  assert.equal(cut, true);
  assert.ok(text.length <= MAX_PASTE_CHARS);
  assert.ok(text.endsWith(REPLY) && text.startsWith("2026-12-04 10:00:00 DEBUG"), text.slice(0, 80));
  assert.deepEqual(pasteTail("x".repeat(MAX_PASTE_CHARS)), { text: "x".repeat(MAX_PASTE_CHARS), cut: false });
});

for (const lang of ["en", "ja"] as const) {
  test(`the wizard takes a paste longer than 64 KiB: its end is read and saved, and the summary says it was cut (${lang})`, async () => {
    const submitted: string[] = [];
    const r = mount(<PasteScreen theme={makeTheme({ color: false, ascii: false, columns: 100 })} lang={lang} step="2/6" onSubmit={(text) => submitted.push(text)} onBack={() => false} />);
    await press(r, LOG, KEY.ctrlD);
    await waitFor(() => submitted.length === 1, { what: "the paste" });
    assert.equal(submitted[0], LOG);
    // The reducer keeps the end, reads the reply there, and the case saves.
    const deps = makeServices({ today: "2026-11-22", cwd: process.cwd(), ascii: true }).deps;
    const reduce = makeReducer(deps);
    const events: FlowEvent[] = [{ type: "choosePurpose", purpose: "failing" }, { type: "submitPaste", text: LOG }];
    const s = events.reduce<FlowState>(reduce, initFlow(deps, { lang, langExplicit: true, empty: emptyCase() }));
    assert.equal(s.paste?.cut, true);
    assert.equal(s.paste?.analysis.primary?.patternId, "auth-mailbox-disabled");
    assert.ok(s.diagnosis.causes.some((f) => f.id === "mailbox-smtp-auth-disabled" && f.status === "blocking"));
    assert.ok(parseCase(serializeCase(s.case), "saved.json").device?.reply?.endsWith(REPLY));
    assert.ok(s.paste && pasteSummaryText(lang, s.paste, s.diagnosis, { bullet: "-", ok: "v" }).includes(t(lang, "wizard.pasteSummary.cut")));
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

test("plain mode takes the long paste as it came (the reducer keeps its end)", async () => {
  const { PLAIN_SCREENS } = await import("../../src/cli/plain/screens.js");
  const { fakeDeps } = await import("../helpers/flow.js");
  for (const lang of ["en", "ja"] as const) {
    const said: string[] = [];
    const reject = () => Promise.reject(new Error("unexpected"));
    const p = { select: reject, input: reject, hidden: reject, multiline: async () => LOG, say: (x: string) => said.push(x), result: (x: string) => said.push(x) };
    const state = initFlow(fakeDeps(false), { lang, langExplicit: true, empty: emptyCase() });
    const ctx = { p, services: {} as never, glyphs: makeTheme({ color: false, ascii: false, columns: 80 }).glyphs, ascii: false, putSecret: () => undefined, progress: { shown: 0 } };
    assert.deepEqual(await PLAIN_SCREENS.paste(state, { id: "paste" }, ctx as never), { type: "submitPaste", text: LOG });
  }
});
