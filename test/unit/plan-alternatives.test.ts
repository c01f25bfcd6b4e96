// One catalogue of fixes (src/plan/alternatives.ts) read by the plan and by what-if; cause groups
// derived from the engine's cause table, never kept by hand.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { BASIC_ONLY_CAUSES, BASIC_POLICY_CAUSES, CAUSES, DELIVERY_CAUSES, OUTSIDE_CAUSES } from "../../src/engine/causes.js";
import { evaluate } from "../../src/engine/index.js";
import { buildPlan, FIX_IDS, fixSpec, OPTION_IDS } from "../../src/plan/index.js";
import { compareOptions } from "../../src/whatif/options.js";
import { deviceCase, diagnosis, finding } from "../helpers/diagnosis.js";
import { layered } from "../helpers/whatif-cases.js";

const ev = (c: Case) => evaluate(c, { today: "2026-11-22" });

test("the cause groups follow the table: Basic policies affect Basic only, delivery and other services by their gate and service", () => {
  // domain.md §4 C3–C6 and C15: the policies that refuse Basic auth whatever the password.
  assert.deepEqual([...BASIC_POLICY_CAUSES].sort(), ["auth-policy-blocks-basic", "basic-auth-retired", "conditional-access", "per-user-mfa", "security-defaults"]);
  for (const id of BASIC_POLICY_CAUSES) assert.ok(BASIC_ONLY_CAUSES.includes(id), id);
  for (const id of BASIC_ONLY_CAUSES) assert.equal(CAUSES[id].affects, "basic", id);
  // A federated account's OAuth sign-in goes through its STS too: OAuth does not rule that one out.
  assert.ok(!BASIC_ONLY_CAUSES.includes("federation-failure"));
  for (const id of DELIVERY_CAUSES) assert.equal(CAUSES[id].gate, "delivery");
  assert.deepEqual([...OUTSIDE_CAUSES].sort(), ["consumer-basic-auth-ended", "consumer-oauth-refused", "consumer-sending-blocked", "local-relay-refused", "onprem-basic-auth-off", "provider-app-password", "provider-sender-mismatch", "provider-sign-in-refused"]);
});

test("a device that signs in with OAuth is never blocked by a Basic-only cause, whatever the settings say", () => {
  const c: Case = {
    schema: "smtp-auth-doctor/case@1",
    device: { host: "smtp.office365.com", port: 587, security: "starttls", auth: "oauth", oauthFlow: "delegated", username: "mfp@contoso.com", from: "mfp@contoso.com" },
    tenant: { securityDefaultsEnabled: true, smtpClientAuthenticationDisabled: false },
    account: { perUserMfaState: "enforced", legacyAuthBlockedByConditionalAccess: true, authenticationPolicy: { name: "Block", allowBasicAuthSmtp: false }, passwordExpired: true },
  };
  const d = evaluate(c, { today: "2027-02-01" });
  const found = d.causes.map((f) => f.id).filter((id) => BASIC_ONLY_CAUSES.includes(id));
  assert.deepEqual(found, []);
});

test("one catalogue: the plan's options and what-if's fixes share ids, order, tier and effort", () => {
  // The plan shows the options for a Basic-auth device in the catalogue's order.
  const plan = buildPlan(deviceCase(), diagnosis([finding("conditional-access"), finding("per-user-mfa")]), "en");
  assert.deepEqual(plan.options.map((o) => o.id), [...OPTION_IDS]);
  assert.deepEqual([...OPTION_IDS], FIX_IDS.filter((id) => (OPTION_IDS as readonly string[]).includes(id)));
  for (const o of plan.options) assert.equal(o.security.level, fixSpec(o.id).level, o.id);
  // What-if offers the same fixes, with the catalogue's tier and effort, and ties follow the catalogue.
  const { options } = compareOptions(layered(), ev);
  for (const o of options) {
    assert.equal(o.tier, fixSpec(o.id).tier, o.id);
    assert.equal(o.effort, fixSpec(o.id).effort, o.id);
  }
  const shared = options.map((o) => o.id).filter((id) => (OPTION_IDS as readonly string[]).includes(id) && fixSpec(id).tier === 3);
  assert.deepEqual(shared, plan.options.filter((o) => o.perAccountException).map((o) => o.id));
});

test("a relay connector and Direct Send avoid every reason to refuse a sign-in, not the network or the recipient's side", () => {
  const relay = fixSpec("smtp-relay").targets;
  for (const id of ["security-defaults", "conditional-access", "per-user-mfa", "auth-policy-blocks-basic", "basic-auth-retired", "wrong-credentials", "tenant-smtp-auth-disabled", "oauth-misconfigured"] as const) {
    assert.ok(relay.includes(id), id);
  }
  for (const id of ["network-unreachable", "tls-handshake-failed", "sending-limit", ...DELIVERY_CAUSES, ...OUTSIDE_CAUSES] as const) assert.ok(!relay.includes(id), id);
  assert.deepEqual(fixSpec("direct-send").targets, relay);
});

test("an exception answers only its own cause; OAuth answers every Basic policy", () => {
  const plan = buildPlan(deviceCase(), diagnosis([finding("per-user-mfa", "possible")]), "en");
  const relevant = plan.options.filter((o) => o.relevant).map((o) => o.id);
  assert.ok(relevant.includes("exception-per-user-mfa"));
  assert.ok(!relevant.includes("exception-conditional-access"));
  for (const id of BASIC_POLICY_CAUSES) assert.ok(fixSpec("oauth").targets.includes(id), id);
});
