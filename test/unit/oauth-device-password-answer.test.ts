// A device recorded as using OAuth that gets the server's answer to a password (Basic) sign-in (persona round 3, N-02): the
// device still sends a password for this sending. The causes say so (not "the setting may have changed recently"), and the
// plan first has the device checked, instead of "Move the device to OAuth" for a device already on it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluate } from "../../src/engine/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { t } from "../../src/i18n/index.js";
import type { Case } from "../../src/case/schema.js";
import { CASE_SCHEMA_ID } from "../../src/case/schema.js";

const CRITERIA = "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.";
const SECURITY_DEFAULTS = "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.";
const TODAY = { today: "2026-11-22" };
const oauthDevice = (reply: string): Case => ({ schema: CASE_SCHEMA_ID, asOf: "2026-11-22", device: { auth: "oauth", reply } });

test("the 'criteria' reply to a device recorded as OAuth: each cause says the device still sends a password", () => {
  const d = evaluate(oauthDevice(CRITERIA), TODAY);
  const ids = d.causes.map((f) => f.id).sort();
  assert.deepEqual(ids, ["conditional-access", "per-user-mfa"]);
  for (const f of d.causes) {
    assert.equal(f.status, "possible");
    assert.deepEqual(f.notes, ["note.passwordAnswerToOauthDevice"], f.id);
  }
});

test("a decisive Basic reply to a device recorded as OAuth blocks, with the same note", () => {
  const d = evaluate(oauthDevice(SECURITY_DEFAULTS), TODAY);
  const f = d.causes.find((x) => x.id === "security-defaults");
  assert.equal(f?.status, "blocking");
  assert.deepEqual(f?.notes, ["note.passwordAnswerToOauthDevice"]);
});

test("a recorded Basic setting that a reply contradicts keeps the note that the setting may have changed", () => {
  const c: Case = { schema: CASE_SCHEMA_ID, asOf: "2026-11-22", device: { auth: "basic", reply: SECURITY_DEFAULTS }, tenant: { securityDefaultsEnabled: false } };
  const f = evaluate(c, TODAY).causes.find((x) => x.id === "security-defaults");
  assert.deepEqual(f?.notes, ["note.evidenceContradictsSetting"]);
});

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: the plan first checks that the device really uses OAuth, and never says 'move the device to OAuth'`, () => {
    const c = oauthDevice(CRITERIA);
    const plan = buildPlan(c, evaluate(c, TODAY), lang);
    const first = plan.steps[0];
    assert.equal(first?.id, "move-to-oauth");
    assert.equal(first?.title, t(lang, "plan.step.move-to-oauth.title.oauthRecorded"));
    assert.equal(first?.why, t(lang, "plan.step.move-to-oauth.why.oauthRecorded"));
    assert.ok(plan.steps.every((s) => s.title !== t(lang, "plan.step.move-to-oauth.title")));
    // The policies' read-only checks stay, right after it (their exceptions, which weaken them, after those).
    assert.deepEqual(plan.steps.slice(1, 3).map((s) => s.id).sort(), ["confirm-conditional-access", "confirm-per-user-mfa"]);
  });
}

// Persona round 4: for such a device the MFA and Conditional Access settings were neither asked nor read (the Basic-only
// gates skipped an OAuth device), so the wizard never asked them and the hand-over's checks left them out.
test("the settings that refuse a password are asked, and read as recorded, while the device still sends one", () => {
  const d = evaluate(oauthDevice(CRITERIA), TODAY);
  for (const path of ["account.perUserMfaState", "account.legacyAuthBlockedByConditionalAccess", "tenant.securityDefaultsEnabled", "account.authenticationPolicy"] as const) {
    assert.ok(d.unknowns.includes(path), `${path} not asked: ${d.unknowns.join(", ")}`);
  }
  const enforced: Case = { ...oauthDevice(CRITERIA), account: { perUserMfaState: "enforced", legacyAuthBlockedByConditionalAccess: false } };
  const mfa = evaluate(enforced, TODAY).causes.find((f) => f.id === "per-user-mfa");
  assert.equal(mfa?.status, "blocking");
  assert.ok(mfa?.evidence.some((e) => e.kind === "fact" && e.path === "account.perUserMfaState"));
  assert.deepEqual(mfa?.notes, ["note.passwordAnswerToOauthDevice"]);
  // A device on OAuth that the server did not answer as a password sign-in is not asked them.
  const oauthRefused = evaluate(oauthDevice("535 5.7.3 Authentication unsuccessful"), TODAY);
  assert.ok(!oauthRefused.unknowns.includes("account.perUserMfaState"), oauthRefused.unknowns.join(", "));
});
