// The what-if explorer as a pure reducer, tested without rendering: keys and whole events change
// the edits of the recorded case (which is never modified), the editor checks typed values, the
// date steps between checkpoints, and the model says what the edits mean with the real engine.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FACT_PATHS, setFact, type FactPath } from "../../src/case/facts.js";
import { evaluate } from "../../src/engine/index.js";
import { initialWhatIf, keyEvent, reduceWhatIf, stoppedAfterDate, whatIfModel, WHATIF_PATHS, type KeyPress, type WhatIfEvent, type WhatIfState } from "../../src/flow/whatif.js";
import { healthyBasic } from "../helpers/whatif-cases.js";

const TODAY = "2026-11-22";
const original = setFact(healthyBasic(), "account.smtpClientAuthenticationDisabled", null);
const deps = { original, today: TODAY };
const ev = (c: Parameters<typeof evaluate>[0]) => evaluate(c, { today: TODAY });
const NO: KeyPress = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, return: false, escape: false, tab: false, backspace: false, delete: false, ctrl: false, meta: false };
const key = (input: string, k: Partial<KeyPress> = {}): WhatIfEvent => ({ type: "key", input, key: { ...NO, ...k } });

function run(s: WhatIfState, ...events: WhatIfEvent[]): WhatIfState {
  for (const e of events) {
    const r = reduceWhatIf(s, e, deps);
    assert.ok("state" in r, `${e.type} left the explorer`);
    s = r.state;
  }
  return s;
}
const at = (path: FactPath): WhatIfState => ({ ...initialWhatIf(), index: WHATIF_PATHS.indexOf(path) });

test("the fact list is every fact of the case", () => {
  assert.deepEqual([...WHATIF_PATHS].sort(), [...FACT_PATHS].sort());
});

test("Enter cycles the mailbox setting; the verdict flips; back to the recorded value is no edit", () => {
  const s = run(at("account.smtpClientAuthenticationDisabled"), key("\r", { return: true }));
  assert.equal(s.edits.get("account.smtpClientAuthenticationDisabled"), false);
  const m = whatIfModel(s, { ...deps, evaluate: ev });
  assert.equal(m.diff.verdict.before, "blocked");
  assert.equal(m.diff.verdict.after, "clear");
  assert.equal(m.changedCount, 1);
  assert.deepEqual(m.hypothetical.sources?.["account.smtpClientAuthenticationDisabled"], { kind: "whatif", original: null });
  assert.equal(original.account?.smtpClientAuthenticationDisabled, null, "the recorded case is untouched");
  // on -> off -> follow the organization (the recorded value): no edit left.
  const back = run(s, key("", { rightArrow: true }), key(" "));
  assert.equal(back.edits.size, 0);
  assert.equal(run(s, key("", { leftArrow: true })).edits.size, 0, "Left goes back one value");
});

test("u makes a fact unknown, r resets it, R resets all; every change clears what the last save said", () => {
  let s = run(at("device.port"), key("u"));
  assert.ok(s.edits.has("device.port") && s.edits.get("device.port") === undefined);
  s = run({ ...s, status: { ok: true, file: "x.json" } }, key("", { downArrow: true }), key(" "));
  assert.equal(s.status, undefined);
  assert.equal(s.edits.size, 2);
  s = run(s, key("r"));
  assert.equal(s.edits.size, 1);
  assert.equal(run(s, key("R")).edits.size, 0);
});

test("the editor: Enter opens it on a typed fact, a bad value is refused and kept, a good one applied; Esc cancels", () => {
  let s = run(at("device.port"), key("\r", { return: true }));
  assert.deepEqual(s.editing, { path: "device.port", text: "587", at: 3, error: false });
  s = run(s, key("", { backspace: true }), key("", { backspace: true }), key("", { backspace: true }), key("9"), key("9"), key("9"), key("9"), key("9"), key("\r", { return: true }));
  assert.deepEqual(s.editing, { path: "device.port", text: "99999", at: 5, error: true });
  // While editing, letters are text: "u" does not make the fact unknown.
  s = run(s, key("u"));
  assert.equal(s.editing?.text, "99999u");
  s = run(s, { type: "editCancel" }, key("\r", { return: true }), { type: "editErase" }, { type: "editErase" }, { type: "editErase" }, { type: "editText", text: "465\u0007" }, { type: "editApply" });
  assert.equal(s.editing, null);
  assert.equal(s.edits.get("device.port"), 465);
});

// P6-12: the editor typed only at the end and had no line-editing keys; every other text field has them (src/render/line-edit.ts).
test("the editor edits the line as every text field does: Left/Right, Home/End and Ctrl+A/E move, Ctrl+U, Ctrl+W, Backspace and Delete delete at the cursor", () => {
  let s = run(at("device.host"), key("\r", { return: true }));
  assert.deepEqual(s.editing, { path: "device.host", text: "smtp.office365.com", at: 18, error: false });
  // Ctrl+W deletes the word before the cursor (the whole host: it has no space), Ctrl+U the rest before it.
  s = run(s, key("w", { ctrl: true }));
  assert.equal(s.editing?.text, "");
  s = run(s, ...[..."mail.contoso.com"].map((ch) => key(ch)));
  // Home, then type at the start; End, then Left twice and Backspace inside the text; Delete after the cursor.
  s = run(s, key("", { home: true }), key("x"), key("", { end: true }), key("", { leftArrow: true }), key("", { leftArrow: true }), key("", { backspace: true }), key("", { delete: true }));
  assert.deepEqual(s.editing, { path: "device.host", text: "xmail.contoso.m", at: 14, error: false });
  s = run(s, key("", { rightArrow: true }), key("", { rightArrow: true }), key("", { rightArrow: true }), key("a", { ctrl: true }), key("", { rightArrow: true }), key("u", { ctrl: true }));
  assert.deepEqual(s.editing, { path: "device.host", text: "mail.contoso.m", at: 0, error: false });
  s = run(s, key("e", { ctrl: true }), key("", { leftArrow: true }), { type: "editText", text: "co" }, key("\r", { return: true }));
  assert.equal(s.editing, null);
  assert.equal(s.edits.get("device.host"), "mail.contoso.com");
  // Text typed mid-line goes in at the cursor, Japanese counted by character.
  s = run(at("device.username"), key("\r", { return: true }), key("u", { ctrl: true }), { type: "editText", text: "スキャナー@contoso.com" }, key("a", { ctrl: true }), key("", { rightArrow: true }), key("", { rightArrow: true }), key("", { rightArrow: true }), key("", { rightArrow: true }), key("", { rightArrow: true }), { type: "editText", text: "2" });
  assert.deepEqual(s.editing, { path: "device.username", text: "スキャナー2@contoso.com", at: 6, error: false });
});

test("[ and ] move the date between the checkpoints; today for a case without one is no edit", () => {
  let s = run(initialWhatIf(), key("]"));
  assert.equal(s.edits.get("asOf"), "2026-12-01");
  s = run(s, key("]"), key("["), key("["));
  assert.equal(s.edits.has("asOf"), false, "back at the recorded date");
  const undated = { ...original };
  delete undated.asOf;
  const r = reduceWhatIf(initialWhatIf(), { type: "set", path: "asOf", value: TODAY }, { original: undated, today: TODAY });
  assert.ok("state" in r && r.state.edits.size === 0);
});

test("Tab opens the comparison of the fixes (computed only then); Esc there returns to the facts, Esc on the facts leaves", () => {
  const s = run(initialWhatIf(), key("\t", { tab: true }), key("", { downArrow: true }));
  assert.equal(s.view, "options");
  assert.equal(s.optionIndex, 1);
  assert.equal(s.index, 0, "the fact cursor does not move in the comparison");
  assert.ok(whatIfModel(s, { ...deps, evaluate: ev }).comparison);
  assert.equal(whatIfModel(initialWhatIf(), { ...deps, evaluate: ev }).comparison, undefined);
  assert.equal(run(s, key("", { escape: true })).view, "facts");
  assert.deepEqual(reduceWhatIf(initialWhatIf(), key("", { escape: true }), deps), { exit: "back" });
});

test("save: asks once for the marked hypothetical case; the outcome is kept to be shown", () => {
  let s = run(at("account.smtpClientAuthenticationDisabled"), key(" "), key("s"));
  const saving = s.saving;
  assert.equal(saving?.hypothetical.hypothetical, true);
  assert.equal(run(s, key("s")).saving, saving, "a second s while saving asks nothing more");
  s = run(s, { type: "saved", result: { ok: true, file: "smtp-auth-whatif.json" } });
  assert.equal(s.saving, undefined);
  assert.deepEqual(s.status, { ok: true, file: "smtp-auth-whatif.json" });
});

test("keys map to events by the state: what a key means while editing differs", () => {
  assert.deepEqual(keyEvent(initialWhatIf(), "s", NO), { type: "save" });
  assert.deepEqual(keyEvent({ ...initialWhatIf(), editing: { path: "device.host", text: "", at: 0, error: false } }, "s", NO), { type: "editText", text: "s" });
  assert.equal(keyEvent(initialWhatIf(), "x", NO), undefined);
});

// The day it stopped (case.history, persona round 8 #10) after the date evaluated: refused in the editor with the date it must
// not pass, as a case file and `whatif --set` refuse it; the explorer took it (the engine then ignored it) and said nothing.
test("the editor refuses a day it stopped after the date evaluated, and takes one on or before it", () => {
  // healthyBasic has no date: the explorer evaluates on today.
  let s = run(at("history.stoppedOn"), key("\r", { return: true }), { type: "editText", text: "2026-11-23" }, { type: "editApply" });
  assert.deepEqual(s.editing?.error, { after: TODAY });
  assert.equal(s.edits.has("history.stoppedOn"), false);
  s = run(s, { type: "editCancel" }, key("\r", { return: true }), { type: "editText", text: TODAY }, { type: "editApply" });
  assert.equal(s.editing, null);
  assert.equal(s.edits.get("history.stoppedOn"), TODAY);
  // With the date evaluated moved later, that later day is the bound.
  s = run({ ...initialWhatIf(new Map([["asOf", "2027-01-10"]])), index: WHATIF_PATHS.indexOf("history.stoppedOn") }, key("\r", { return: true }), { type: "editText", text: "2027-01-05" }, { type: "editApply" });
  assert.equal(s.edits.get("history.stoppedOn"), "2027-01-05");
  assert.equal(stoppedAfterDate("history.stoppedOn", "2027-01-11", "2027-01-10"), "2027-01-10");
  assert.equal(stoppedAfterDate("asOf", "2027-01-11", "2027-01-10"), undefined);
});
