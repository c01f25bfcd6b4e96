// The steps with a flow of their own (readiness, export, probe), as pure reducers tested without
// rendering; and how the main reducer composes them: it alone decides where a step that is left
// goes, and a screen shown again starts its step afresh.
import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyCase } from "../../src/case/schema.js";
import { initialExport, reduceExport, type ExportState, type ExportEvent } from "../../src/flow/export.js";
import { initialProbe, probeTarget, reduceProbe, type ProbeDeps, type ProbeEvent, type ProbeState } from "../../src/flow/probe.js";
import { initialReadiness, readinessBusy, reduceReadiness, type ReadinessEvent, type ReadinessState } from "../../src/flow/readiness.js";
import { initFlow, makeReducer, subState, withSub } from "../../src/flow/reducer.js";
import type { ReadinessOutcome } from "../../src/flow/ports.js";
import type { FlowEvent, FlowState } from "../../src/flow/types.js";
import type { ProbeResult } from "../../src/probe/types.js";
import type { ReadinessSummary } from "../../src/audit/index.js";
import { fakeDeps } from "../helpers/flow.js";

/** Apply events in order; the state after each (an exit ends the run). */
function steps<S, E>(reduce: (s: S, e: E) => { state: S } | { exit: string }, s: S, events: E[]): S | { exit: string } {
  let cur = s;
  for (const e of events) {
    const r = reduce(cur, e);
    if ("exit" in r) return r;
    cur = r.state;
  }
  return cur;
}

const ready = (): Extract<ReadinessOutcome, { ok: true }> => ({
  ok: true,
  summary: { changeDate: "2027-01-01" } as unknown as ReadinessSummary,
  save: async () => ({ ok: true, files: ["a.md"] }),
});

test("readiness: the first file is required; an empty optional file is skipped; checked paths move on and the last one starts the audit", () => {
  const r = (s: ReadinessState, ...e: ReadinessEvent[]) => steps(reduceReadiness, s, e) as ReadinessState;
  let s = r(initialReadiness(), { type: "submitFile", text: "   " });
  assert.deepEqual(s.phase, { id: "file", field: 0 });
  assert.deepEqual(s.message, { kind: "required" });
  s = r(s, { type: "submitFile", text: '"C:\\exports\\cas.csv"' });
  assert.deepEqual(s.phase, { id: "checking", field: 0, path: "C:\\exports\\cas.csv" }, "quotes around a pasted path are dropped");
  assert.ok(readinessBusy(s));
  assert.equal(s.message, undefined);
  s = r(s, { type: "checked", result: { ok: false, message: "not there" } });
  assert.deepEqual(s.phase, { id: "file", field: 0 });
  assert.deepEqual(s.message, { kind: "file", text: "not there" });
  assert.equal(s.files.mailboxes, "C:\\exports\\cas.csv", "the bad path is kept to be corrected");
  s = r(s, { type: "submitFile", text: "cas.csv" }, { type: "checked", result: { ok: true, path: "/x/cas.csv" } });
  assert.deepEqual(s.phase, { id: "file", field: 1 });
  s = r(s, { type: "submitFile", text: "" }, { type: "submitFile", text: "signins.json" }, { type: "checked", result: { ok: true, path: "/x/s.json" } });
  assert.deepEqual(s.phase, { id: "file", field: 3 });
  s = r(s, { type: "submitFile", text: "" });
  assert.deepEqual(s.phase, { id: "running", files: { mailboxes: "cas.csv", signins: "signins.json" } });
  s = r(s, { type: "progress", file: "cas.csv", ratio: 0.5 });
  assert.deepEqual(s.progress, { file: "cas.csv", ratio: 0.5 });
  const running = s.phase;
  s = r(s, { type: "progress", file: "cas.csv", ratio: 0.75 });
  assert.equal(s.phase, running, "progress keeps the running phase (the effect is not started again)");
});

test("readiness: a failed run goes back to the first file with the reason; back steps through the fields and leaves from the first", () => {
  let s = steps(reduceReadiness, initialReadiness(), [
    { type: "submitFile", text: "a.csv" },
    { type: "checked", result: { ok: true, path: "a.csv" } },
    { type: "submitFile", text: "" },
    { type: "submitFile", text: "" },
    { type: "submitFile", text: "" },
    { type: "ran", outcome: { ok: false, message: "not an export" } },
  ]) as ReadinessState;
  assert.deepEqual(s.phase, { id: "file", field: 0 });
  assert.deepEqual(s.message, { kind: "bad", text: "not an export" });
  s = steps(reduceReadiness, s, [{ type: "submitFile", text: "a.csv" }, { type: "checked", result: { ok: true, path: "a.csv" } }]) as ReadinessState;
  assert.deepEqual(s.phase, { id: "file", field: 1 });
  s = steps(reduceReadiness, s, [{ type: "back" }]) as ReadinessState;
  assert.deepEqual(s.phase, { id: "file", field: 0 });
  assert.deepEqual(reduceReadiness(s, { type: "back" }), { exit: "back" });
});

test("readiness: the summary saves the reports, asks before overwriting, and finishes", () => {
  const outcome = ready();
  let s: ReadinessState = { ...initialReadiness(), phase: { id: "running", files: { mailboxes: "a.csv" } } };
  s = steps(reduceReadiness, s, [{ type: "ran", outcome }, { type: "exportReports" }, { type: "submitDir", text: "" }]) as ReadinessState;
  assert.deepEqual(s.phase, { id: "saving", ready: outcome, dir: "smtp-auth-audit", overwrite: false });
  s = steps(reduceReadiness, s, [{ type: "saved", result: { ok: false, exists: true, path: "smtp-auth-audit/audit-report.md" } }]) as ReadinessState;
  assert.equal(s.phase.id, "confirm");
  assert.deepEqual(s.message, { kind: "exists", path: "smtp-auth-audit/audit-report.md" });
  s = steps(reduceReadiness, s, [{ type: "overwrite" }]) as ReadinessState;
  assert.deepEqual(s.phase, { id: "saving", ready: outcome, dir: "smtp-auth-audit", overwrite: true });
  s = steps(reduceReadiness, s, [{ type: "saved", result: { ok: true, files: ["a", "b"] } }]) as ReadinessState;
  assert.equal(s.phase.id, "summary");
  assert.deepEqual(s.message, { kind: "saved", n: 2, dir: "smtp-auth-audit" });
  const kept = steps(reduceReadiness, { ...s, phase: { id: "confirm", ready: outcome, dir: "x" } }, [{ type: "keep" }]) as ReadinessState;
  assert.equal(kept.phase.id, "dir");
  assert.deepEqual(reduceReadiness(s, { type: "finish" }), { exit: "finish" });
  assert.equal((steps(reduceReadiness, s, [{ type: "again" }]) as ReadinessState).phase.id, "file");
});

test("readiness: events of another phase change nothing", () => {
  const s = initialReadiness();
  for (const e of [{ type: "checked", result: { ok: true, path: "x" } }, { type: "ran", outcome: ready() }, { type: "overwrite" }, { type: "saved", result: { ok: true, files: [] } }, { type: "finish" }] as ReadinessEvent[]) {
    const r = reduceReadiness(s, e);
    assert.ok("state" in r && r.state === s, e.type);
  }
});

test("export: a kind, its name (the suggested one when empty), a confirmation before overwriting; messages kept in order", () => {
  const r = (s: ExportState, ...e: ExportEvent[]) => steps(reduceExport, s, e) as ExportState;
  let s = r(initialExport(), { type: "choose", kind: "md", suggested: "plan.md" }, { type: "submitPath", text: " " });
  assert.deepEqual(s.phase, { id: "saving", kind: "md", suggested: "plan.md", path: "plan.md", overwrite: false });
  s = r(s, { type: "saved", result: { ok: false, exists: true, path: "plan.md" } });
  assert.deepEqual(s.phase, { id: "confirm", kind: "md", suggested: "plan.md", path: "plan.md" });
  s = r(s, { type: "keep" });
  assert.deepEqual(s.phase, { id: "path", kind: "md", suggested: "plan.md" });
  s = r(s, { type: "submitPath", text: "other.md" }, { type: "saved", result: { ok: true, path: "other.md" } });
  assert.deepEqual(s.phase, { id: "menu" });
  assert.deepEqual(s.last, { kind: "saved", file: "other.md" });
  s = r(s, { type: "choose", kind: "json", suggested: "r.json" }, { type: "submitPath", text: "" }, { type: "saved", result: { ok: false, exists: false, message: "disk full" } });
  assert.deepEqual(s.messages, [{ kind: "saved", file: "other.md" }, { kind: "failed", message: "disk full" }]);
  assert.deepEqual(reduceExport(s, { type: "finish" }), { exit: "finish" });
  assert.deepEqual(reduceExport(s, { type: "back" }), { exit: "back" });
  const confirm = r(initialExport(), { type: "choose", kind: "ps1", suggested: "p.ps1" }, { type: "submitPath", text: "" }, { type: "saved", result: { ok: false, exists: true, path: "p.ps1" } }, { type: "overwrite" });
  assert.deepEqual(confirm.phase, { id: "saving", kind: "ps1", suggested: "p.ps1", path: "p.ps1", overwrite: true });
});

const RESULT: ProbeResult = {
  host: "smtp.office365.com",
  port: 587,
  at: "2026-11-22T09:00:00.000Z",
  phases: [{ id: "dns", status: "ok", ms: 3 }],
  reachable: true,
  problems: [],
  transcript: [],
};

test("probe: test asks the password only when the device signs in; phases are kept as they come; done goes on with the result", () => {
  const withUser = { target: { host: "h", port: 587, username: "u@contoso.com" } };
  const r = (s: ProbeState, deps: ProbeDeps, ...e: ProbeEvent[]) => steps((x: ProbeState, ev: ProbeEvent) => reduceProbe(x, ev, deps), s, e) as ProbeState;
  let s = r(initialProbe(), withUser, { type: "test" });
  assert.deepEqual(s.phase, { id: "password" });
  assert.deepEqual(r(s, withUser, { type: "back" }).phase, { id: "offer" });
  s = r(s, withUser, { type: "start" }, { type: "phase", phase: { id: "dns", status: "ok", ms: 1 } });
  assert.deepEqual(s.phase, { id: "running" });
  assert.equal(s.lines.length, 1);
  assert.deepEqual(reduceProbe(s, { type: "back" }, withUser), { state: s }, "no way back while the probe runs");
  s = r(s, withUser, { type: "finished", result: RESULT });
  assert.deepEqual(s.phase, { id: "done", result: RESULT });
  assert.deepEqual(reduceProbe(s, { type: "accept" }, withUser), { exit: "done", result: RESULT });
  const noUser = { target: { host: "h", port: 587 } };
  assert.deepEqual(r(initialProbe(), noUser, { type: "test" }).phase, { id: "running" });
  assert.deepEqual(reduceProbe(initialProbe(), { type: "skip" }, noUser), { exit: "skip" });
  assert.deepEqual(reduceProbe(initialProbe(), { type: "back" }, noUser), { exit: "back" });
  assert.deepEqual(probeTarget(emptyCase()), { host: "smtp.office365.com", port: 587 });
});

test("the main reducer composes the steps: their exits are its navigation, and a screen shown again starts its step afresh", () => {
  const deps = { ...fakeDeps(), mergeProbe: (_r: ProbeResult, base: FlowState["case"]) => ({ ...base, device: { ...base.device, reply: "535 5.7.139" } }) };
  const reduce = makeReducer(deps);
  const run = (s: FlowState, ...events: FlowEvent[]) => events.reduce(reduce, s);
  const purpose = initFlow(deps, { lang: "en", langExplicit: true, empty: emptyCase() });
  let s = run(purpose, { type: "choosePurpose", purpose: "readiness" });
  assert.deepEqual(subState(s, "readiness"), initialReadiness());
  s = run(s, { type: "readiness", event: { type: "submitFile", text: "" } });
  assert.deepEqual(subState(s, "readiness")?.message, { kind: "required" });
  // An event of another step, or of a screen not on show, changes nothing.
  assert.equal(run(s, { type: "export", event: { type: "finish" } }), s);
  s = run(s, { type: "readiness", event: { type: "back" } });
  assert.deepEqual(s.screen, { id: "purpose" }, "back from the first file leaves the step");
  assert.equal(s.sub, undefined);
  s = run(s, { type: "choosePurpose", purpose: "readiness" });
  assert.deepEqual(subState(s, "readiness"), initialReadiness(), "started afresh");
  assert.equal(run(s, { type: "readiness", event: { type: "finish" } }), s, "finish only from the summary");

  // The probe: skip and done are the main reducer's moves to the source screen.
  let p = run(purpose, { type: "choosePurpose", purpose: "new-device" });
  while (p.screen.id === "device") p = run(p, { type: "dontKnow", path: p.screen.path });
  assert.deepEqual(p.screen, { id: "probe" });
  const skipped = run(p, { type: "probe", event: { type: "skip" } });
  assert.deepEqual(skipped.screen, { id: "source" });
  assert.deepEqual(run(skipped, { type: "back" }).sub, { id: "probe", state: initialProbe() }, "coming back offers the test again");
  const done = run(p, { type: "probe", event: { type: "test" } }, { type: "probe", event: { type: "finished", result: RESULT } }, { type: "probe", event: { type: "accept" } });
  assert.deepEqual(done.screen, { id: "source" });
  assert.equal(done.case.device?.reply, "535 5.7.139");

  // Export: finish ends the flow.
  const result: FlowState = withSub({ ...purpose, screen: { id: "export" } });
  assert.equal(run(result, { type: "export", event: { type: "finish" } }).done, true);
});

test("export: the hand-over asks the admin's language first; the language goes with the name, the confirmation and the save; back returns to the menu", () => {
  const r = (s: ExportState, ...e: ExportEvent[]) => steps(reduceExport, s, e) as ExportState;
  let s = r(initialExport(), { type: "choose", kind: "handover", suggested: "h.txt" });
  assert.deepEqual(s.phase, { id: "lang", kind: "handover", suggested: "h.txt" });
  assert.deepEqual(r(s, { type: "back" }).phase, { id: "menu" });
  assert.equal(r(s, { type: "submitPath", text: "x" }).phase, s.phase, "no name before the language");
  s = r(s, { type: "chooseLang", lang: "en" }, { type: "submitPath", text: "" });
  assert.deepEqual(s.phase, { id: "saving", kind: "handover", suggested: "h.txt", path: "h.txt", overwrite: false, reportLang: "en" });
  s = r(s, { type: "saved", result: { ok: false, exists: true, path: "h.txt" } }, { type: "overwrite" });
  assert.deepEqual(s.phase, { id: "saving", kind: "handover", suggested: "h.txt", path: "h.txt", overwrite: true, reportLang: "en" });
  // Other kinds are written in the wizard's language: no question.
  assert.deepEqual(r(initialExport(), { type: "choose", kind: "md", suggested: "p.md" }).phase, { id: "path", kind: "md", suggested: "p.md" });
});
