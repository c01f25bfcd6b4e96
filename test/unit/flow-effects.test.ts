// The wizard's effects as data: which one a state waits for (one token per phase: progress does not
// start it again), and how each is run through the ports, ending in the event that reports it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyCase } from "../../src/case/schema.js";
import { oneShot, pendingEffect, runEffect } from "../../src/flow/effects.js";
import type { ProbeTarget, WizardServices } from "../../src/flow/ports.js";
import { initFlow, makeReducer, withSub } from "../../src/flow/reducer.js";
import type { FlowEvent, FlowState } from "../../src/flow/types.js";
import { t } from "../../src/i18n/index.js";
import type { ProbeResult } from "../../src/probe/types.js";
import { fakeDeps } from "../helpers/flow.js";

const deps = fakeDeps();
const reduce = makeReducer(deps);
const run = (s: FlowState, ...events: FlowEvent[]) => events.reduce(reduce, s);
const base = initFlow(deps, { lang: "en", langExplicit: true, empty: emptyCase() });
const services = (over: Partial<WizardServices> = {}): WizardServices => ({ deps, resultLines: () => [], defaultName: (k) => `out.${k}`, save: async (_s, _k, path) => ({ ok: true, path }), ...over });
const io = (svc: WizardServices, emitted: FlowEvent[] = [], secret = oneShot()) => ({ services: svc, emit: (e: FlowEvent) => emitted.push(e), takeSecret: secret.take });

test("no effect on a plain screen; the readiness check, run and save each have one token that progress keeps", () => {
  assert.equal(pendingEffect(base), undefined);
  let s = run(base, { type: "choosePurpose", purpose: "readiness" });
  assert.equal(pendingEffect(s), undefined, "typing a path is no effect");
  s = run(s, { type: "readiness", event: { type: "submitFile", text: "cas.csv" } });
  const check = pendingEffect(s);
  assert.equal(check?.kind, "checkAuditFile");
  assert.equal(pendingEffect(s)?.token, check?.token, "the same state asks for the same effect");
  s = run(s, { type: "readiness", event: { type: "checked", result: { ok: true, path: "cas.csv" } } });
  assert.equal(pendingEffect(s), undefined);
  s = run(s, ...[1, 2, 3].map((): FlowEvent => ({ type: "readiness", event: { type: "submitFile", text: "" } })));
  const audit = pendingEffect(s);
  assert.deepEqual(audit && { kind: audit.kind, files: "files" in audit ? audit.files : undefined }, { kind: "runReadiness", files: { mailboxes: "cas.csv" } });
  s = run(s, { type: "readiness", event: { type: "progress", file: "cas.csv", ratio: 0.5 } });
  assert.equal(pendingEffect(s)?.token, audit?.token, "progress does not start the run again");
});

test("the readiness path without its services says it is not available, as a message of the step", async () => {
  let s = run(base, { type: "choosePurpose", purpose: "readiness" }, { type: "readiness", event: { type: "submitFile", text: "cas.csv" } });
  const e = await runEffect(pendingEffect(s)!, s, io(services()));
  assert.deepEqual(e, { type: "readiness", event: { type: "checked", result: { ok: false, message: t("en", "wizard.readiness.unavailable") } } });
  s = run(s, e);
  assert.deepEqual(s.sub?.id === "readiness" && s.sub.state.message, { kind: "file", text: t("en", "wizard.readiness.unavailable") });
});

test("the probe takes the password once from the one-shot slot; its phases are emitted as they end", async () => {
  const seen: { target: ProbeTarget; password: string | undefined }[] = [];
  const result: ProbeResult = { host: "h", port: 587, at: "2026-11-22T00:00:00Z", phases: [{ id: "dns", status: "ok", ms: 1 }], reachable: true, problems: [], transcript: [] };
  const svc = services({
    probe: async (_lang, target, password, onPhase) => {
      seen.push({ target, password });
      onPhase({ id: "dns", status: "ok", ms: 1 });
      return result;
    },
  });
  const s = withSub({ ...base, case: { ...emptyCase(), device: { host: "127.0.0.1", port: 2525, username: "mfp@contoso.com" } }, screen: { id: "probe" } });
  const running = run(s, { type: "probe", event: { type: "test" } }, { type: "probe", event: { type: "start" } });
  const secret = oneShot();
  secret.put("Printer-Pass-1");
  const emitted: FlowEvent[] = [];
  const end = await runEffect(pendingEffect(running)!, running, io(svc, emitted, secret));
  assert.deepEqual(seen, [{ target: { host: "127.0.0.1", port: 2525, username: "mfp@contoso.com" }, password: "Printer-Pass-1" }]);
  assert.equal(secret.take(), undefined, "taken once, then gone");
  assert.deepEqual(emitted, [{ type: "probe", event: { type: "phase", phase: { id: "dns", status: "ok", ms: 1 } } }]);
  assert.deepEqual(end, { type: "probe", event: { type: "finished", result } });
  assert.ok(!JSON.stringify(run(running, ...emitted, end)).includes("Printer-Pass-1"), "the password is in no state");
});

test("the what-if save takes the first free name and never overwrites", async () => {
  const tried: string[] = [];
  const svc = services({
    save: async (_s, kind, path, overwrite) => {
      tried.push(`${kind}:${path}:${overwrite}`);
      return tried.length < 3 ? { ok: false, exists: true, path } : { ok: true, path };
    },
  });
  const s = run(withSub({ ...base, screen: { id: "whatif" } }), { type: "whatif", event: { type: "save" } });
  const e = await runEffect(pendingEffect(s)!, s, io(svc));
  assert.deepEqual(tried, ["case:smtp-auth-whatif.json:false", "case:smtp-auth-whatif-2.json:false", "case:smtp-auth-whatif-3.json:false"]);
  assert.deepEqual(e, { type: "whatif", event: { type: "saved", result: { ok: true, file: "smtp-auth-whatif-3.json" } } });
  assert.equal(pendingEffect(run(s, e)), undefined);
});
