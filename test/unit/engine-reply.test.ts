// Engine gates 9 (sign-ins) and 10 (the server's reply), with hand-built ReplyAnalysis objects.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { evaluateWith } from "../../src/engine/index.js";
import type { Case } from "../../src/case/schema.js";
import type { ReplyAnalysis } from "../../src/replies/types.js";
import { AUTH_OK, BASIC_OK, OAUTH_APP_OK, finding, replyAnalysis, summary, withFacts } from "../helpers/engine-cases.js";

const run = (c: Case, a?: ReplyAnalysis, asOf = c.asOf ?? "2026-11-22") => evaluateWith(c, a, asOf);

const TENANT_OFF = replyAnalysis(
  "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.",
  { patternId: "auth-tenant-disabled", candidates: ["tenant-smtp-auth-disabled"], decisive: true },
);
const MAILBOX_OFF = replyAnalysis(
  "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.",
  { patternId: "auth-mailbox-disabled", candidates: ["mailbox-smtp-auth-disabled"], decisive: true },
);
const GENERIC = replyAnalysis("535 5.7.3 Authentication unsuccessful", { patternId: "auth-generic", candidates: ["wrong-credentials", "oauth-misconfigured"], decisive: false });
const BASIC_DISABLED = replyAnalysis("535 5.7.139 Authentication unsuccessful, basic authentication is disabled.", {
  patternId: "auth-basic-disabled",
  candidates: ["auth-policy-blocks-basic", "basic-auth-retired"],
  decisive: false,
});
const RETIRED = replyAnalysis("550 5.7.30 Basic authentication is not supported for Client Submission.", { patternId: "basic-retired", candidates: ["basic-auth-retired"], decisive: true });
const PRX4 = replyAnalysis("451 4.7.0 Temporary server error. Please try again later. PRX4", {
  patternId: "prx4",
  candidates: ["transient-service-error", "no-licensed-mailbox", "mailbox-smtp-auth-disabled", "security-defaults", "per-user-mfa"],
  decisive: false,
});
const SEND_AS = replyAnalysis("550 5.7.60 SMTP; Client does not have permissions to send as this sender", {
  patternId: "sendas-mailfrom",
  candidates: ["send-as-denied"],
  decisive: true,
  stage: "mail-from",
});

describe("gate 10: reply — decisive", () => {
  test("the reply's cause blocks, with the reply line and pattern id as evidence", () => {
    const d = run(withFacts(BASIC_OK, { "tenant.smtpClientAuthenticationDisabled": undefined, "account.smtpClientAuthenticationDisabled": undefined }), TENANT_OFF);
    assert.deepEqual(summary(d), ["tenant-smtp-auth-disabled:blocking", "basic-auth-retired:warning"]);
    assert.deepEqual(finding(d, "tenant-smtp-auth-disabled")?.evidence, [{ kind: "reply", reply: TENANT_OFF.primary?.reply.line, patternId: "auth-tenant-disabled" }]);
    assert.deepEqual(d.unknowns, [], "the reply settles both switch facts");
  });
  test("a recorded setting that contradicts the reply gets a note; the reply still decides", () => {
    const d = run(withFacts(BASIC_OK, { "account.smtpClientAuthenticationDisabled": false }), MAILBOX_OFF);
    const f = finding(d, "mailbox-smtp-auth-disabled");
    assert.equal(f?.status, "blocking");
    assert.deepEqual(f?.notes, ["note.evidenceContradictsSetting"]);
    assert.ok(f?.evidence.some((e) => e.kind === "fact" && e.path === "account.smtpClientAuthenticationDisabled" && e.value === false));
    assert.equal(d.verdict, "blocked");
  });
  test("the reply agrees with the facts: one finding, both pieces of evidence, no note", () => {
    const d = run(withFacts(BASIC_OK, { "account.smtpClientAuthenticationDisabled": true }), MAILBOX_OFF);
    const f = finding(d, "mailbox-smtp-auth-disabled");
    assert.deepEqual(f?.evidence.map((e) => e.kind), ["fact", "reply"]);
    assert.equal(f?.notes, undefined);
  });
  test("other fact-based blockers stay: the help desk sees every layer", () => {
    const d = run(withFacts(BASIC_OK, { "tenant.securityDefaultsEnabled": true, "account.smtpClientAuthenticationDisabled": null, "tenant.smtpClientAuthenticationDisabled": true }), TENANT_OFF);
    assert.deepEqual(summary(d), ["security-defaults:blocking", "tenant-smtp-auth-disabled:blocking", "basic-auth-retired:warning"]);
  });
  test("550 5.7.30 makes the retirement blocking at any date", () => {
    const d = run(BASIC_OK, RETIRED, "2026-11-22");
    assert.deepEqual(summary(d), ["basic-auth-retired:blocking"]);
    const f = finding(d, "basic-auth-retired");
    assert.ok(f?.evidence.some((e) => e.kind === "reply" && e.patternId === "basic-retired"));
    assert.ok(f?.notes?.includes("note.retirement.replyDecides"));
    const jan = run(withFacts(BASIC_OK, { asOf: "2027-01-15" }), RETIRED);
    assert.deepEqual(summary(jan), ["basic-auth-retired:blocking"]);
    assert.deepEqual(jan.unknowns, [], "re-enabled or not, the server refuses Basic now");
  });
});

describe("gate 10: reply — narrowing ambiguous replies with facts", () => {
  test("generic 535 5.7.3 after XOAUTH2 → oauth-misconfigured", () => {
    const d = run(withFacts(OAUTH_APP_OK, { "account.oauthApp.servicePrincipalRegistered": undefined }), GENERIC);
    assert.deepEqual(summary(d), ["oauth-misconfigured:blocking"]);
    assert.ok(finding(d, "oauth-misconfigured")?.evidence.some((e) => e.kind === "inference" && e.messageKey === "inference.genericFailureAfterOauth"));
  });
  test("generic 535 5.7.3 with the mechanism only known from the transcript (XOAUTH2)", () => {
    const a = { ...GENERIC, mechanismTried: "XOAUTH2" as const };
    const d = run(withFacts(OAUTH_APP_OK, { "device.auth": undefined, "device.authMechanism": undefined }), a);
    assert.deepEqual(summary(d), ["oauth-misconfigured:blocking"]);
  });
  test("generic 535 5.7.3 after Basic with every identity gate known to pass → wrong credentials", () => {
    const d = run(BASIC_OK, GENERIC);
    assert.deepEqual(summary(d), ["wrong-credentials:possible", "basic-auth-retired:warning"]);
  });
  test("generic 535 5.7.3 after Basic: identity gates still unknown stay candidates (possible)", () => {
    const c = withFacts(BASIC_OK, { "tenant.securityDefaultsEnabled": undefined, "account.perUserMfaState": undefined });
    const d = run(c, GENERIC);
    assert.deepEqual(summary(d), ["wrong-credentials:possible", "security-defaults:possible", "per-user-mfa:possible", "basic-auth-retired:warning"]);
    assert.deepEqual(d.unknowns, ["account.perUserMfaState", "tenant.securityDefaultsEnabled"]);
  });
  test("'basic authentication is disabled' before the change → the authentication policy", () => {
    const unknownPolicy = run(withFacts(BASIC_OK, { "account.authenticationPolicy": undefined }), BASIC_DISABLED);
    assert.deepEqual(summary(unknownPolicy), ["auth-policy-blocks-basic:blocking", "basic-auth-retired:warning"]);
    assert.deepEqual(unknownPolicy.unknowns, [], "the reply settles the policy facts");
    const policyBlocks = run(withFacts(BASIC_OK, { "account.authenticationPolicy": { name: "Block", allowBasicAuthSmtp: false } }), BASIC_DISABLED);
    assert.deepEqual(summary(policyBlocks), ["auth-policy-blocks-basic:blocking", "basic-auth-retired:warning"]);
    assert.deepEqual(finding(policyBlocks, "auth-policy-blocks-basic")?.evidence.map((e) => e.kind), ["fact", "inference", "reply"]);
  });
  test("'basic authentication is disabled' before the change while the policy allows: the reply decides, with a note", () => {
    const d = run(withFacts(BASIC_OK, { "account.authenticationPolicy": { name: "Allow", allowBasicAuthSmtp: true } }), BASIC_DISABLED);
    const f = finding(d, "auth-policy-blocks-basic");
    assert.equal(f?.status, "blocking");
    assert.deepEqual(f?.notes, ["note.evidenceContradictsSetting"]);
  });
  test("'basic authentication is disabled' after the change: policy and retirement, settled by facts", () => {
    const jan = withFacts(BASIC_OK, { asOf: "2027-01-15" });
    const open = run(withFacts(jan, { "account.authenticationPolicy": undefined }), BASIC_DISABLED);
    assert.deepEqual(summary(open), ["auth-policy-blocks-basic:possible", "basic-auth-retired:possible"]);
    assert.deepEqual(open.unknowns, ["account.authenticationPolicy", "tenant.basicAuthSmtpReenabled", "tenant.createdDate"]);
    // The policy allows Basic: the retirement is what is left.
    const retired = run(jan, BASIC_DISABLED);
    assert.deepEqual(summary(retired), ["basic-auth-retired:possible"]);
    assert.deepEqual(retired.unknowns, ["tenant.basicAuthSmtpReenabled", "tenant.createdDate"], "narrowed by facts, the retirement is to be confirmed");
    assert.equal(retired.verdict, "blocked");
    // Re-enabled after the change: the policy is what is left.
    const policy = run(withFacts(jan, { "account.authenticationPolicy": undefined, "tenant.basicAuthSmtpReenabled": true }), BASIC_DISABLED);
    assert.deepEqual(summary(policy), ["auth-policy-blocks-basic:possible", "basic-auth-retired:warning"]);
  });
  test("a transient reply: retry, with the other candidates possible after narrowing", () => {
    const d = run(BASIC_OK, PRX4);
    // Every other candidate is ruled out by BASIC_OK's facts.
    assert.deepEqual(summary(d), ["transient-service-error:possible", "basic-auth-retired:warning"]);
    assert.deepEqual(finding(d, "transient-service-error")?.notes, ["note.transientRetry"]);
    const open = run(withFacts(BASIC_OK, { "account.exchangeLicensed": undefined, "tenant.securityDefaultsEnabled": undefined }), PRX4);
    assert.deepEqual(summary(open), ["security-defaults:possible", "no-licensed-mailbox:possible", "transient-service-error:possible", "basic-auth-retired:warning"]);
    assert.equal(open.verdict, "undetermined");
  });
  test("non-decisive reply narrowed to one candidate by recorded facts: possible (mapping unconfirmed), verdict still blocked by the refusal", () => {
    const criteria = replyAnalysis("535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.", {
      patternId: "auth-criteria",
      candidates: ["conditional-access", "per-user-mfa"],
      decisive: false,
    });
    const both = run(withFacts(BASIC_OK, { "account.perUserMfaState": undefined, "account.legacyAuthBlockedByConditionalAccess": undefined }), criteria);
    assert.deepEqual(summary(both), ["per-user-mfa:possible", "conditional-access:possible", "basic-auth-retired:warning"]);
    assert.deepEqual(finding(both, "per-user-mfa")?.notes, ["note.replyAmbiguous"]);
    // A device's own words in place of the reply: said as what they are, not as "the server's reply" (persona round 6, P6-7).
    const panel = replyAnalysis("認証エラー", { patternId: "panel:ja-auth-error", candidates: ["conditional-access", "per-user-mfa"], decisive: false });
    assert.deepEqual(finding(run(withFacts(BASIC_OK, { "account.perUserMfaState": undefined, "account.legacyAuthBlockedByConditionalAccess": undefined }), panel), "per-user-mfa")?.notes, ["note.wordsAmbiguous"]);
    const caOnly = run(withFacts(BASIC_OK, { "account.legacyAuthBlockedByConditionalAccess": undefined }), criteria);
    assert.deepEqual(summary(caOnly), ["conditional-access:possible", "basic-auth-retired:warning"]);
    assert.deepEqual(finding(caOnly, "conditional-access")?.notes, ["note.replyMappingUnconfirmed"]);
    assert.deepEqual(caOnly.unknowns, ["account.legacyAuthBlockedByConditionalAccess"], "the mapping is unconfirmed: the CA fact is still asked");
    assert.equal(caOnly.verdict, "blocked", "the server refused: blocked even while the cause is to be confirmed");
    assert.ok(caOnly.info.some((i) => i.id === "server-refused"));
  });
});

describe("gate 10: reply — success", () => {
  test("235: the switches and Basic identity gates passed, so their facts are not asked", () => {
    const c = withFacts(BASIC_OK, {
      "account.smtpClientAuthenticationDisabled": undefined,
      "tenant.smtpClientAuthenticationDisabled": undefined,
      "tenant.securityDefaultsEnabled": undefined,
      "account.perUserMfaState": undefined,
      "account.legacyAuthBlockedByConditionalAccess": undefined,
      "account.authenticationPolicy": undefined,
      "account.accountEnabled": undefined,
      "account.passwordExpired": undefined,
      "device.host": undefined,
    });
    const d = run(c, AUTH_OK);
    assert.deepEqual(d.unknowns, []);
    assert.equal(d.verdict, "clear");
    assert.deepEqual(d.info.map((i) => i.id), ["auth-succeeded"]);
  });
  test("235 outranks a recorded setting that says blocked: shown as Info, not as a cause", () => {
    const d = run(withFacts(BASIC_OK, { "tenant.securityDefaultsEnabled": true, "account.smtpClientAuthenticationDisabled": true }), AUTH_OK);
    assert.deepEqual(summary(d), ["basic-auth-retired:warning"]);
    const info = d.info.find((i) => i.id === "setting-contradicted-by-success");
    assert.deepEqual(
      info?.evidence.filter((e) => e.kind === "fact").map((e) => (e.kind === "fact" ? e.path : "")),
      ["account.smtpClientAuthenticationDisabled", "tenant.securityDefaultsEnabled"],
    );
  });
  test("235 then a later failure: the later failure decides", () => {
    const a = { ...SEND_AS, authSucceeded: true };
    const d = run(withFacts(BASIC_OK, { "device.from": "noreply@contoso.com", "account.sendAs": undefined }), a);
    assert.deepEqual(summary(d), ["send-as-denied:blocking", "basic-auth-retired:warning"]);
    assert.deepEqual(d.unknowns, []);
  });
  test("a Send As refusal implies AUTH passed: identity facts are not asked", () => {
    const c = withFacts(BASIC_OK, { "tenant.securityDefaultsEnabled": undefined, "account.perUserMfaState": undefined, "device.from": "noreply@contoso.com" });
    const d = run(c, SEND_AS);
    assert.deepEqual(summary(d), ["send-as-denied:blocking", "basic-auth-retired:warning"]);
    assert.deepEqual(d.unknowns, []);
    assert.ok(d.info.some((i) => i.id === "auth-succeeded" && i.evidence.some((e) => e.kind === "inference" && e.messageKey === "inference.authPassedImplied")));
  });
  test("235 after the change with the re-enable switch unknown: Basic is accepted, a warning", () => {
    const d = run(withFacts(BASIC_OK, { asOf: "2027-01-15" }), AUTH_OK);
    assert.deepEqual(summary(d), ["basic-auth-retired:warning"]);
    assert.deepEqual(d.unknowns, []);
  });
  test("an unrecognized text changes nothing", () => {
    const a: ReplyAnalysis = { input: "printer says error 0x1102", replies: [], matches: [], authSucceeded: false, recognized: false };
    assert.deepEqual(run(BASIC_OK, a), run(BASIC_OK));
  });
  test("the mechanism from a transcript sets the mode when the device's is unknown", () => {
    const a = { ...AUTH_OK, mechanismTried: "LOGIN" as const };
    const d = run(withFacts(BASIC_OK, { "device.auth": undefined, "device.authMechanism": undefined }), a);
    assert.deepEqual(summary(d), ["basic-auth-retired:warning"]);
    assert.deepEqual(d.unknowns, []);
  });
});

describe("gate 9: sign-ins", () => {
  const signin = (errorCode: number, at = "2026-11-21T08:00:00Z") => ({ at, errorCode });
  const codes: [number, string[]][] = [
    [50126, ["wrong-credentials:blocking"]],
    [50053, ["account-locked:blocking"]],
    [50057, ["account-disabled:blocking"]],
    [50055, ["password-expired:blocking"]],
    [53003, ["conditional-access:blocking"]],
  ];
  for (const [code, expected] of codes) {
    test(`newest sign-in ${code}`, () => {
      const c = withFacts(BASIC_OK, { "account.accountEnabled": undefined, "account.passwordExpired": undefined, "account.legacyAuthBlockedByConditionalAccess": undefined });
      const d = run({ ...c, account: { ...c.account, signIns: [signin(code)] } });
      assert.deepEqual(summary(d).filter((s) => !s.startsWith("basic-auth-retired")), expected);
      const f = finding(d, expected[0]?.split(":")[0] as never);
      assert.deepEqual(f?.evidence[0], { kind: "signin", at: "2026-11-21T08:00:00Z", errorCode: code });
      assert.ok(f?.notes?.includes("note.signinNewest"));
    });
  }
  for (const code of [50076, 50074]) {
    test(`newest sign-in ${code}: per-user MFA or Conditional Access (possible), narrowed by facts`, () => {
      const open = withFacts(BASIC_OK, { "account.perUserMfaState": undefined, "account.legacyAuthBlockedByConditionalAccess": undefined });
      const d = run({ ...open, account: { ...open.account, signIns: [signin(code)] } });
      assert.deepEqual(summary(d), ["per-user-mfa:possible", "conditional-access:possible", "basic-auth-retired:warning"]);
      assert.deepEqual(finding(d, "per-user-mfa")?.notes, ["note.signinNewest", "note.mfaOrCa"]);
      const mfaOff = run({ ...BASIC_OK, account: { ...BASIC_OK.account, legacyAuthBlockedByConditionalAccess: undefined, signIns: [signin(code)] } });
      assert.deepEqual(summary(mfaOff), ["conditional-access:possible", "basic-auth-retired:warning"]);
    });
  }
  test("an older failure followed by a success is history", () => {
    const d = run({ ...BASIC_OK, account: { ...BASIC_OK.account, signIns: [signin(0, "2026-11-21T09:00:00Z"), signin(50126, "2026-11-21T08:00:00Z")] } });
    assert.deepEqual(summary(d), ["basic-auth-retired:warning"]);
    const info = d.info.find((i) => i.id === "signin-succeeded");
    assert.deepEqual(info?.evidence, [
      { kind: "signin", at: "2026-11-21T09:00:00Z", errorCode: 0 },
      { kind: "inference", messageKey: "inference.signinSucceeded", params: { at: "2026-11-21T09:00:00Z" } },
    ]);
  });
  test("a sign-in that contradicts a recorded setting is noted", () => {
    const d = run({ ...BASIC_OK, account: { ...BASIC_OK.account, signIns: [{ ...signin(50057), failureReason: "User account is disabled." }] } });
    const f = finding(d, "account-disabled");
    assert.equal(f?.status, "blocking");
    assert.deepEqual(f?.notes, ["note.signinNewest", "note.evidenceContradictsSetting"]);
    assert.deepEqual(f?.evidence[0], { kind: "signin", at: "2026-11-21T08:00:00Z", errorCode: 50057, failureReason: "User account is disabled." });
  });
  test("an unmapped failure code is Info; OAuth devices ignore the Basic sign-in log", () => {
    const d = run({ ...BASIC_OK, account: { ...BASIC_OK.account, signIns: [signin(700016)] } });
    assert.ok(d.info.some((i) => i.id === "signin-failure-unmapped"));
    assert.equal(d.verdict, "clear");
    const o = run({ ...OAUTH_APP_OK, account: { ...OAUTH_APP_OK.account, signIns: [signin(50126)] } });
    assert.deepEqual(o.causes, []);
  });
});
