// The probe step in the pure reducer: offered after the device, skipped with one event, and a
// probe result merged into the case (answers kept, the server's reply from the probe).
import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyCase } from "../../src/case/schema.js";
import { probeCase } from "../../src/probe/case.js";
import type { ProbeResult } from "../../src/probe/types.js";
import { initFlow, makeReducer } from "../../src/flow/reducer.js";
import type { FlowEvent, FlowState } from "../../src/flow/types.js";
import { fakeDeps, TENANT_REPLY } from "../helpers/flow.js";

const deps = { ...fakeDeps(), mergeProbe: (result: ProbeResult, base: FlowState["case"]) => probeCase(result, { base }) };
const reduce = makeReducer(deps);
const run = (s: FlowState, ...events: FlowEvent[]) => events.reduce(reduce, s);

const RESULT: ProbeResult = {
  host: "smtp.office365.com",
  port: 587,
  at: "2026-11-22T09:00:00.000Z",
  phases: [
    { id: "dns", status: "ok", ms: 3 },
    { id: "auth", status: "failed", ms: 40, reply: TENANT_REPLY },
  ],
  reachable: true,
  starttlsOffered: true,
  mechanismsAfterTls: ["LOGIN", "XOAUTH2"],
  finalReply: TENANT_REPLY,
  problems: [],
  transcript: [],
};

function atProbe(): FlowState {
  let s = run(initFlow(deps, { lang: "ja", langExplicit: true, empty: emptyCase() }), { type: "choosePurpose", purpose: "new-device" });
  while (s.screen.id === "device") {
    s = s.screen.path === "device.username" ? run(s, { type: "answer", path: "device.username", value: "mfp@contoso.com" }) : run(s, { type: "dontKnow", path: s.screen.path });
  }
  return s;
}

test("the probe is offered right after the device; skipping goes to the source of facts and back returns to it", () => {
  const s = atProbe();
  assert.deepEqual(s.screen, { id: "probe" });
  const skipped = run(s, { type: "skipProbe" });
  assert.deepEqual(skipped.screen, { id: "source" });
  assert.equal(skipped.case, s.case, "skipping changes nothing in the case");
  assert.deepEqual(run(skipped, { type: "back" }).screen, { id: "probe" });
});

test("a probe result is merged: measured facts and the reply from the probe, answers kept, the engine re-run", () => {
  const s = atProbe();
  assert.ok(s.dontKnow.includes("device.reply") === false);
  const p = run(s, { type: "probed", result: RESULT });
  assert.deepEqual(p.screen, { id: "source" });
  assert.equal(p.case.device?.reply, TENANT_REPLY);
  assert.equal(p.case.sources?.["device.reply"]?.kind, "probe");
  assert.equal(p.case.device?.username, "mfp@contoso.com");
  assert.deepEqual(p.case.sources?.["device.username"], { kind: "answer" }, "the answer stays an answer");
  assert.equal(p.case.probe?.starttlsOffered, true);
  // The fake engine reads the tenant reply: the tenant question is gone and the verdict is blocked.
  assert.equal(p.diagnosis.verdict, "blocked");
  assert.ok(!p.diagnosis.unknowns.includes("tenant.smtpClientAuthenticationDisabled"));
  // Back from the source returns to the probe step with the merged case (the answers are kept).
  assert.deepEqual(run(p, { type: "back" }).screen, { id: "probe" });
});

test("a probe reply clears an earlier I don't know for the reply", () => {
  let s = run(initFlow(deps, { lang: "en", langExplicit: true, empty: emptyCase() }), { type: "choosePurpose", purpose: "failing" }, { type: "submitPaste", text: "" });
  assert.ok(s.dontKnow.includes("device.reply"));
  // (The device's settings, then whether it worked before: persona round 8 #10.)
  while (s.screen.id === "device" || s.screen.id === "history") s = run(s, { type: "dontKnow", path: s.screen.path });
  s = run(s, { type: "probed", result: RESULT });
  assert.ok(!s.dontKnow.includes("device.reply"));
  assert.equal(s.case.device?.reply, TENANT_REPLY);
});

test("probe events are ignored away from the probe step or without a merge", () => {
  const s = atProbe();
  const elsewhere = run(s, { type: "skipProbe" });
  assert.equal(run(elsewhere, { type: "probed", result: RESULT }), elsewhere);
  assert.equal(run(elsewhere, { type: "skipProbe" }), elsewhere);
  const plain = makeReducer(fakeDeps());
  assert.equal(plain(s, { type: "probed", result: RESULT }), s);
});

test("a device that signs in with OAuth is tested without signing in: no password asked, the target says so", async () => {
  // Persona run, 2026-12-04: the test signed in with the device's password (AUTH LOGIN) for a device set to OAuth, and the
  // Basic refusal became the device's reply ("authentication policy blocks Basic", "move the device to OAuth").
  const { probeTarget, reduceProbe, initialProbe } = await import("../../src/flow/probe.js");
  const oauthCase = { ...emptyCase(), device: { auth: "oauth" as const, username: "mfp@contoso.com" } };
  const target = probeTarget(oauthCase);
  assert.equal(target.oauth, true);
  assert.equal(target.username, "mfp@contoso.com", "shown as the device's, not used to sign in");
  const step = reduceProbe(initialProbe(), { type: "test" }, { target });
  assert.ok("state" in step && step.state.phase.id === "running", JSON.stringify(step));
  // A Basic device is still asked for its password.
  const basic = probeTarget({ ...emptyCase(), device: { auth: "basic", username: "mfp@contoso.com" } });
  assert.equal(basic.oauth, undefined);
  const asked = reduceProbe(initialProbe(), { type: "test" }, { target: basic });
  assert.ok("state" in asked && asked.state.phase.id === "password");
});

test("on the result, back returns to the offer (the result dropped) and retest starts the same test again; retest is ignored elsewhere", async () => {
  // Persona round 7 #4: Esc on the result meant "test again" while Esc is back everywhere else; testing again has its own event.
  const { probeTarget, reduceProbe, initialProbe } = await import("../../src/flow/probe.js");
  const target = probeTarget({ ...emptyCase(), device: { auth: "basic", username: "mfp@contoso.com" } });
  const done = { phase: { id: "done" as const, result: RESULT }, lines: RESULT.phases };
  const back = reduceProbe(done, { type: "back" }, { target });
  assert.ok("state" in back && back.state.phase.id === "offer", JSON.stringify(back));
  const again = reduceProbe(done, { type: "retest" }, { target });
  assert.ok("state" in again && again.state.phase.id === "password" && again.state.lines.length === 0, JSON.stringify(again));
  const noUser = reduceProbe(done, { type: "retest" }, { target: probeTarget(emptyCase()) });
  assert.ok("state" in noUser && noUser.state.phase.id === "running");
  const offer = initialProbe();
  assert.deepEqual(reduceProbe(offer, { type: "retest" }, { target }), { state: offer });
});
