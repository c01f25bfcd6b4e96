import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyCase } from "../../src/case/schema.js";
import { initFlow, makeReducer, pendingQuestions } from "../../src/flow/reducer.js";
import { DEVICE_FIELDS, type FlowEvent, type FlowState } from "../../src/flow/types.js";
import { fakeDeps, TENANT_REPLY } from "../helpers/flow.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { loadCatalog } from "../../src/devices/index.js";
import { pasteSummaryText } from "../../src/flow/summary.js";
import { t } from "../../src/i18n/index.js";
import { sourceNote } from "../../src/flow/live-setup.js";

const deps = fakeDeps();
const reduce = makeReducer(deps);
const run = (s: FlowState, ...events: FlowEvent[]) => events.reduce(reduce, s);
const start = (langExplicit = false) => initFlow(deps, { lang: "en", langExplicit, empty: emptyCase() });

test("starts at the language screen, or at the purpose when --lang was given", () => {
  assert.deepEqual(start().screen, { id: "language" });
  assert.deepEqual(start(true).screen, { id: "purpose" });
  const s = run(start(), { type: "chooseLanguage", lang: "ja" });
  assert.equal(s.lang, "ja");
  assert.deepEqual(s.screen, { id: "purpose" });
});

test("each purpose leads to its own next screen", () => {
  const s = start(true);
  assert.deepEqual(run(s, { type: "choosePurpose", purpose: "failing" }).screen, { id: "paste" });
  assert.deepEqual(run(s, { type: "choosePurpose", purpose: "new-device" }).screen, { id: "device", path: "device.vendor" }, "the maker is asked first");
  assert.deepEqual(run(s, { type: "choosePurpose", purpose: "readiness" }).screen, { id: "readiness" });
  assert.deepEqual(run(s, { type: "choosePurpose", purpose: "whatif" }).screen, { id: "whatif" });
});

test("a paste is analysed at once and names the questions it made unnecessary", () => {
  const s = run(start(true), { type: "choosePurpose", purpose: "failing" }, { type: "submitPaste", text: `Error sending:\r\n${TENANT_REPLY}\r\n` });
  assert.deepEqual(s.screen, { id: "pasteSummary" });
  assert.equal(s.case.device?.reply, `Error sending:\n${TENANT_REPLY}`);
  assert.deepEqual(s.case.sources?.["device.reply"], { kind: "answer" });
  assert.equal(s.paste?.analysis.primary?.patternId, "auth-tenant-disabled");
  assert.deepEqual(s.paste?.resolved, ["tenant.smtpClientAuthenticationDisabled"]);
  assert.equal(s.diagnosis.verdict, "blocked");
  assert.deepEqual(run(s, { type: "continue" }).screen, { id: "device", path: "device.vendor" });
});

test("an empty paste skips the summary and the reply stays unknown", () => {
  const s = run(start(true), { type: "choosePurpose", purpose: "failing" }, { type: "submitPaste", text: "  \n " });
  assert.deepEqual(s.screen, { id: "device", path: "device.vendor" });
  assert.equal(s.case.device?.reply, undefined);
  assert.ok(s.dontKnow.includes("device.reply"));
});

test("device fields are asked in order, known ones skipped, then the source of facts", () => {
  let s = run(start(true), { type: "choosePurpose", purpose: "new-device" });
  const seen: string[] = [];
  while (s.screen.id === "device") {
    seen.push(s.screen.path);
    s =
      s.screen.path === "device.port"
        ? run(s, { type: "answer", path: "device.port", value: 587 })
        : s.screen.path === "device.vendor"
          ? run(s, { type: "answer", path: "device.vendor", value: "canon" })
          : run(s, { type: "dontKnow", path: s.screen.path });
  }
  assert.deepEqual(seen, [...DEVICE_FIELDS]);
  assert.deepEqual(s.screen, { id: "probe" }, "the test from this PC is offered after the device");
  s = run(s, { type: "skipProbe" });
  assert.deepEqual(s.screen, { id: "source" });
  assert.equal(s.case.device?.port, 587);

  const loaded = { ...emptyCase(), device: { vendor: "sharp" as const, host: "smtp.office365.com", port: 587 } };
  const s2 = run(initFlow(deps, { lang: "en", langExplicit: true, empty: loaded }), { type: "choosePurpose", purpose: "new-device" });
  assert.deepEqual(s2.screen, { id: "device", path: "device.model" });
  assert.deepEqual(run(s2, { type: "dontKnow", path: "device.model" }).screen, { id: "device", path: "device.security" });
});

test("the maker comes first; its model is asked only once a profiled maker is chosen", () => {
  const s = run(start(true), { type: "choosePurpose", purpose: "new-device" });
  assert.deepEqual(s.screen, { id: "device", path: "device.vendor" });
  const named = run(s, { type: "answer", path: "device.vendor", value: "kyocera" });
  assert.equal(named.case.device?.vendor, "kyocera");
  assert.deepEqual(named.case.sources?.["device.vendor"], { kind: "answer" });
  assert.deepEqual(named.screen, { id: "device", path: "device.model" });
  const typed = run(named, { type: "answer", path: "device.model", value: "TASKalfa 2553ci" });
  assert.equal(typed.case.device?.model, "TASKalfa 2553ci");
  assert.deepEqual(typed.screen, { id: "device", path: "device.host" });
  // "Another maker" and "I don't know" skip the model: nothing would match it.
  assert.deepEqual(run(s, { type: "answer", path: "device.vendor", value: "other" }).screen, { id: "device", path: "device.host" });
  // An application or a script has no model either (persona round 5, C10); it is recorded as the schema's "app".
  const app = run(s, { type: "answer", path: "device.vendor", value: "app" });
  assert.equal(app.case.device?.vendor, "app");
  assert.deepEqual(app.screen, { id: "device", path: "device.host" });
  const unknown = run(s, { type: "dontKnow", path: "device.vendor" });
  assert.deepEqual(unknown.screen, { id: "device", path: "device.host" });
  assert.ok(unknown.dontKnow.includes("device.vendor"));
  // Back from the model returns to the maker.
  assert.deepEqual(run(named, { type: "back" }).screen, { id: "device", path: "device.vendor" });
});

test("questions follow the engine's unknowns in order; I don't know moves on and stays unknown", () => {
  let s = run(start(true), { type: "choosePurpose", purpose: "new-device" });
  while (s.screen.id === "device") s = run(s, { type: "dontKnow", path: s.screen.path });
  s = run(s, { type: "skipProbe" });
  s = run(s, { type: "chooseSource", source: "manual" });
  assert.deepEqual(s.screen, { id: "question", path: "tenant.smtpClientAuthenticationDisabled" });
  s = run(s, { type: "dontKnow", path: "tenant.smtpClientAuthenticationDisabled" });
  assert.deepEqual(s.screen, { id: "question", path: "account.smtpClientAuthenticationDisabled" });
  s = run(s, { type: "answer", path: "account.smtpClientAuthenticationDisabled", value: null });
  assert.equal(s.case.account?.smtpClientAuthenticationDisabled, null, "null (follow the organization) is a value of its own");
  assert.deepEqual(s.case.sources?.["account.smtpClientAuthenticationDisabled"], { kind: "answer" });
  assert.deepEqual(s.screen, { id: "question", path: "tenant.securityDefaultsEnabled" });
  s = run(s, { type: "answer", path: "tenant.securityDefaultsEnabled", value: false });
  assert.deepEqual(s.screen, { id: "result" });
  assert.deepEqual(s.diagnosis.unknowns, ["tenant.smtpClientAuthenticationDisabled"], "the result still lists what is unknown");
  assert.equal(s.diagnosis.verdict, "undetermined");
  assert.deepEqual(pendingQuestions(s), []);
});

test("back returns to the previous screen and keeps the answers; a changed answer re-plans the questions", () => {
  let s = run(start(true), { type: "choosePurpose", purpose: "new-device" });
  while (s.screen.id === "device") s = run(s, { type: "dontKnow", path: s.screen.path });
  s = run(s, { type: "skipProbe" });
  s = run(s, { type: "chooseSource", source: "manual" }, { type: "answer", path: "tenant.smtpClientAuthenticationDisabled", value: true }, { type: "answer", path: "account.smtpClientAuthenticationDisabled", value: true });
  assert.deepEqual(s.screen, { id: "question", path: "tenant.securityDefaultsEnabled" });
  assert.equal(s.diagnosis.verdict, "blocked");
  s = run(s, { type: "back" });
  assert.deepEqual(s.screen, { id: "question", path: "account.smtpClientAuthenticationDisabled" });
  assert.equal(s.case.account?.smtpClientAuthenticationDisabled, true, "the answer is kept");
  s = run(s, { type: "answer", path: "account.smtpClientAuthenticationDisabled", value: false });
  assert.equal(s.diagnosis.causes.length, 0);
  s = run(s, { type: "back" }, { type: "back" });
  assert.deepEqual(s.screen, { id: "question", path: "tenant.smtpClientAuthenticationDisabled" });
  assert.equal(s.case.tenant?.smtpClientAuthenticationDisabled, true);
  const first = start();
  assert.equal(run(first, { type: "back" }), first, "back on the first screen does nothing");
});

test("changing an answer to I don't know removes the value and its provenance", () => {
  let s = run(start(true), { type: "choosePurpose", purpose: "new-device" }, { type: "answer", path: "device.host", value: "smtp.office365.com" });
  assert.equal(s.case.sources?.["device.host"]?.kind, "answer");
  s = run(s, { type: "back" }, { type: "dontKnow", path: "device.host" });
  assert.equal(s.case.device?.host, undefined);
  assert.equal(s.case.sources, undefined);
  assert.ok(s.dontKnow.includes("device.host"));
});

test("a loaded case opens at its first unanswered question, or at the result when it decides", () => {
  const partial = { ...emptyCase(), tenant: { smtpClientAuthenticationDisabled: true } };
  const s = initFlow(deps, { lang: "ja", langExplicit: false, empty: emptyCase(), loaded: partial });
  assert.deepEqual(s.screen, { id: "question", path: "account.smtpClientAuthenticationDisabled" });
  const full = { ...emptyCase(), tenant: { smtpClientAuthenticationDisabled: false, securityDefaultsEnabled: false }, account: { smtpClientAuthenticationDisabled: null } };
  const r = initFlow(deps, { lang: "ja", langExplicit: false, empty: emptyCase(), loaded: full });
  assert.deepEqual(r.screen, { id: "result" });
  assert.equal(r.diagnosis.verdict, "clear");
});

test("live sources without a live reader: the set-ups are explained, then the questions; once PowerShell is found, they read", () => {
  let s = run(start(true), { type: "choosePurpose", purpose: "new-device" });
  while (s.screen.id === "device") s = run(s, { type: "dontKnow", path: s.screen.path });
  s = run(s, { type: "skipProbe" });
  const setup = run(s, { type: "chooseSource", source: "live" });
  assert.deepEqual(setup.screen, { id: "liveSetup" });
  assert.equal(setup.source, undefined);
  assert.deepEqual(run(setup, { type: "back" }).screen, { id: "source" });
  const asked = run(setup, { type: "continue" });
  assert.equal(asked.source, "manual");
  assert.equal(asked.screen.id, "question");
  const missing = run(s, { type: "liveChecked", result: { status: "missing", key: "live.err.pwshMissing", params: {} } });
  assert.deepEqual(missing.screen, s.screen, "the look itself changes no screen");
  assert.deepEqual(run(missing, { type: "chooseSource", source: "mix" }).screen, { id: "liveSetup" });
  const ready = run(s, { type: "liveChecked", result: { status: "ready" } });
  const live = run(ready, { type: "chooseSource", source: "mix" });
  assert.deepEqual(live.screen, { id: "live" });
  assert.equal(live.source, "mix");
});

test("with a live reader: read facts carry live provenance, a failed read becomes a question", () => {
  const liveDeps = fakeDeps(true);
  const r = makeReducer(liveDeps);
  let s = [{ type: "choosePurpose", purpose: "new-device" } as FlowEvent].reduce(r, initFlow(liveDeps, { lang: "en", langExplicit: true, empty: emptyCase() }));
  while (s.screen.id === "device") s = r(s, { type: "dontKnow", path: s.screen.path });
  s = r(s, { type: "skipProbe" });
  s = r(s, { type: "chooseSource", source: "mix" });
  assert.deepEqual(s.screen, { id: "live" });
  s = r(s, {
    type: "liveRead",
    facts: [{ path: "tenant.securityDefaultsEnabled", value: false, endpoint: "graph:/policies/identitySecurityDefaultsEnforcementPolicy", at: "2026-11-22T10:00:00Z" }],
    failed: ["tenant.smtpClientAuthenticationDisabled"],
  });
  assert.equal(s.case.sources?.["tenant.securityDefaultsEnabled"]?.kind, "live");
  assert.deepEqual(s.liveFailed, ["tenant.smtpClientAuthenticationDisabled"]);
  assert.deepEqual(s.screen, { id: "question", path: "tenant.smtpClientAuthenticationDisabled" });
  assert.deepEqual(r(s, { type: "back" }).screen, { id: "source" }, "the reading screen is not a place to go back to");
});

test("result leads to export; finish ends the flow", () => {
  const full = { ...emptyCase(), tenant: { smtpClientAuthenticationDisabled: false, securityDefaultsEnabled: false }, account: { smtpClientAuthenticationDisabled: null } };
  let s = initFlow(deps, { lang: "en", langExplicit: true, empty: emptyCase(), loaded: full });
  s = run(s, { type: "continue" });
  assert.deepEqual(s.screen, { id: "export" });
  assert.deepEqual(run(s, { type: "back" }).screen, { id: "result" });
  assert.equal(run(s, { type: "finish" }).done, true);
});

test("the engine asking for the reply in step 4 opens the paste screen and returns to the questions", () => {
  const askReply = { ...deps, evaluate: (c: Parameters<typeof deps.evaluate>[0]) => ({ ...deps.evaluate(c), unknowns: c.device?.reply ? [] : (["device.reply"] as const).slice() }) };
  const r = makeReducer(askReply);
  let s = initFlow(askReply, { lang: "en", langExplicit: true, empty: emptyCase(), loaded: { ...emptyCase(), device: { host: "smtp.office365.com" } } });
  assert.deepEqual(s.screen, { id: "paste" });
  s = r(s, { type: "submitPaste", text: TENANT_REPLY });
  assert.deepEqual(s.screen, { id: "pasteSummary" });
  assert.deepEqual(r(s, { type: "continue" }).screen, { id: "result" });
});

test("what if from the result starts from the case as it stands; Esc comes back to the result; elsewhere the event does nothing", () => {
  const loaded = { ...emptyCase(), device: { host: "smtp.office365.com", port: 25, security: "none" as const, auth: "basic" as const } };
  let s = initFlow(deps, { lang: "en", langExplicit: true, empty: emptyCase(), loaded });
  assert.equal(run(s, { type: "openWhatIf" }), s, "not from a question");
  for (let i = 0; i < 60 && s.screen.id !== "result"; i++) s = run(s, s.screen.id === "question" ? { type: "dontKnow", path: s.screen.path } : { type: "continue" });
  assert.equal(s.screen.id, "result");
  const w = run(s, { type: "openWhatIf" });
  assert.deepEqual(w.screen, { id: "whatif" });
  assert.equal(w.case, s.case, "the explorer's recorded case is the wizard's case, not an empty one");
  assert.deepEqual(run(w, { type: "whatif", event: { type: "back" } }).screen, { id: "result" });
});

test("a device answered as signing in with OAuth is not asked whether it can (persona run, 2026-12-04)", () => {
  /** The device questions asked when the sign-in type is answered `auth` and every other one "I don't know". */
  const asked = (auth: "oauth" | "basic") => {
    let s = run(start(true), { type: "choosePurpose", purpose: "new-device" });
    const seen: string[] = [];
    while (s.screen.id === "device") {
      seen.push(s.screen.path);
      s = s.screen.path === "device.auth" ? run(s, { type: "answer", path: "device.auth", value: auth }) : run(s, { type: "dontKnow", path: s.screen.path });
    }
    return seen;
  };
  const oauth = asked("oauth");
  assert.ok(oauth.includes("device.auth"));
  assert.ok(!oauth.includes("device.oauthSupported"), oauth.join(", "));
  // With Basic, it is asked.
  assert.ok(asked("basic").includes("device.oauthSupported"));
});

test("the questions that decide a cause still only possible are asked first (persona round 3: the 'criteria' reply's two came 5th and 6th)", async () => {
  const services = makeServices({ today: "2026-12-03", cwd: process.cwd(), ascii: false });
  const loaded = {
    ...emptyCase(),
    device: { host: "smtp.office365.com", port: 587, security: "starttls" as const, auth: "basic" as const, username: "mfp@contoso.com", reply: "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator." },
  };
  const state = initFlow(services.deps, { lang: "en", langExplicit: true, empty: emptyCase(), loaded });
  const first = pendingQuestions(state).slice(0, 2).sort();
  assert.deepEqual(first, ["account.legacyAuthBlockedByConditionalAccess", "account.perUserMfaState"]);
  // Every unknown is still asked, once.
  assert.deepEqual([...pendingQuestions(state)].sort(), state.diagnosis.unknowns.filter((p) => !state.dontKnow.includes(p)).sort());
});

test("a maker's own message pasted before the maker is asked chooses that maker (assumed) and is read at once; an SMTP reply chooses none", async () => {
  const real = makeServices({ today: "2026-11-22", cwd: process.cwd(), ascii: false, devices: await loadCatalog() }).deps;
  const r = makeReducer(real);
  const begin = initFlow(real, { lang: "ja", langExplicit: true, empty: emptyCase() });
  const paste = (text: string): FlowState => [{ type: "choosePurpose", purpose: "failing" }, { type: "submitPaste", text }].reduce<FlowState>((x, e) => r(x, e as FlowEvent), begin);
  const s = paste("トークンの更新に失敗しました。");
  assert.equal(s.case.device?.vendor, "sharp");
  assert.deepEqual(s.case.sources?.["device.vendor"], { kind: "assumed" });
  assert.equal(s.paste?.maker?.vendor, "sharp");
  assert.ok(s.diagnosis.causes.some((f) => f.id === "device-oauth-token"), JSON.stringify(s.diagnosis.causes));
  // The token was refused by the identity provider, not the mail server: its server, port and TLS are still asked (persona round 5, C8).
  for (const path of ["device.host", "device.port", "device.security"] as const) assert.ok(!s.paste?.resolved.includes(path) && s.diagnosis.unknowns.includes(path), path);
  assert.ok(s.paste);
  const lines = pasteSummaryText("ja", s.paste, s.diagnosis, { bullet: "-", ok: "v" });
  assert.ok(lines.some((l) => l.startsWith("シャープのデバイスのメッセージです:「トークンの更新に失敗しました")), lines.join("\n"));
  assert.ok(!lines.includes(t("ja", "wizard.pasteSummary.unrecognized")));
  // The maker question still comes (to confirm or change it), with Sharp chosen.
  assert.deepEqual(r(s, { type: "continue" }).screen, { id: "device", path: "device.vendor" });
  const smtp = paste(TENANT_REPLY);
  assert.equal(smtp.case.device?.vendor, undefined);
  assert.equal(smtp.paste?.maker, undefined);
});

test("the live source's label and its note read as one, without two parentheses in a row (persona round 5)", () => {
  for (const lang of ["en", "ja"] as const) {
    const note = sourceNote(lang, false, undefined);
    assert.ok(note);
    assert.doesNotMatch(`${t(lang, "wizard.source.live")} (${note})`, /\)\s*\(/);
  }
});
