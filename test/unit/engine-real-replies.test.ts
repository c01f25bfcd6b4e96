// The engine end to end with real pasted text (domain.md §5 corpus), parsed by analyzeReply().
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { evaluate as engineEvaluate } from "../../src/engine/index.js";
import { BASIC_OK, OAUTH_APP_OK, finding, summary, withFacts } from "../helpers/engine-cases.js";

/** The engine at the date of the baseline cases (they carry asOf 2026-11-22 as well). */
const evaluate = (c: Case) => engineEvaluate(c, { today: "2026-11-22" });

const pasted = (c: Case, reply: string) => withFacts(c, { "device.reply": reply });

const TENANT = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [TY1PR01CA0183.jpnprd01.prod.outlook.com]";
const MAILBOX_NODEMAILER = "Invalid login: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.";
const GENERIC = "535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]";
const DOTNET_BASIC_DISABLED =
  "The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [YT3PR01CA0122.CANPRD01.PROD.OUTLOOK.COM 2025-01-22T03:07:00.315Z 08DD393115E98C2B]";
const RETIRED = "550 5.7.30 Basic authentication is not supported for Client Submission.";
const PRX4 = "451 4.7.0 Temporary server error. Please try again later. PRX4";
const TLS = "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls";
const SENDAS_DATA =
  "554 5.2.252 SendAsDenied; info@contoso.com not allowed to send as noreply@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message.";
const PYTHON_CRITERIA =
  "smtplib.SMTPAuthenticationError: (535, b'5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.')";
const XOAUTH2_TRANSCRIPT = [
  "S: 220 BY1PR10CA0041.outlook.office365.com Microsoft ESMTP MAIL Service ready",
  "C: EHLO mfp",
  "S: 250-AUTH LOGIN XOAUTH2",
  "C: AUTH XOAUTH2 dXNlcj1tZnBAY29udG9zby5jb20BYXV0aD1CZWFyZXIgeHh4AQE=",
  "S: 535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]",
].join("\n");
const LOGIN_THEN_SENDAS = [
  "C: AUTH LOGIN",
  "S: 334 VXNlcm5hbWU6",
  "C: bWZwQGNvbnRvc28uY29t",
  "S: 334 UGFzc3dvcmQ6",
  "C: c2VjcmV0",
  "S: 235 2.7.0 Authentication successful",
  "C: MAIL FROM:<noreply@contoso.com>",
  "S: 550 5.7.60 SMTP; Client does not have permissions to send as this sender",
].join("\n");
const SECURITY_DEFAULTS = "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.";
const NOT_AUTHENTICATED = "530 5.7.57 Client not authenticated to send mail.";

describe("real replies through evaluate()", () => {
  test("tenant switch reply: blocking with the normalized line as evidence (host suffix stripped)", () => {
    const d = evaluate(pasted(withFacts(BASIC_OK, { "account.smtpClientAuthenticationDisabled": undefined, "tenant.smtpClientAuthenticationDisabled": undefined }), TENANT));
    assert.deepEqual(summary(d), ["tenant-smtp-auth-disabled:blocking", "basic-auth-retired:warning"]);
    const ev = finding(d, "tenant-smtp-auth-disabled")?.evidence[0];
    assert.equal(ev?.kind, "reply");
    assert.ok(ev?.kind === "reply" && ev.patternId === "auth-tenant-disabled" && !ev.reply.includes("TY1PR01CA0183"));
    assert.deepEqual(d.unknowns, []);
  });
  test("mailbox reply while the mailbox is recorded as enabled: blocking, with the 'may have changed' note", () => {
    const d = evaluate(pasted(withFacts(BASIC_OK, { "account.smtpClientAuthenticationDisabled": false }), MAILBOX_NODEMAILER));
    assert.equal(finding(d, "mailbox-smtp-auth-disabled")?.status, "blocking");
    assert.deepEqual(finding(d, "mailbox-smtp-auth-disabled")?.notes, ["note.evidenceContradictsSetting"]);
  });
  test("the mailbox switch reply blocks an OAuth device too", () => {
    const d = evaluate(pasted(withFacts(OAUTH_APP_OK, { "account.smtpClientAuthenticationDisabled": undefined }), MAILBOX_NODEMAILER));
    assert.deepEqual(summary(d), ["mailbox-smtp-auth-disabled:blocking"]);
  });
  test("generic 535 5.7.3 for a Basic device with everything else known: wrong credentials", () => {
    assert.deepEqual(summary(evaluate(pasted(BASIC_OK, GENERIC))), ["wrong-credentials:possible", "basic-auth-retired:warning"]);
  });
  test("generic 535 5.7.3 for a Basic device with identity facts unknown: candidates stay possible", () => {
    const d = evaluate(pasted(withFacts(BASIC_OK, { "account.accountEnabled": undefined, "account.exchangeLicensed": undefined }), GENERIC));
    // A blocked sign-in is one of the Basic identity gates the generic 5.7.3 may hide: listed after what it usually means
    // (2026-12-04: a real paste led with "most likely: authentication policy" for the same reply).
    assert.deepEqual(summary(d), ["wrong-credentials:possible", "no-licensed-mailbox:possible", "account-disabled:possible", "basic-auth-retired:warning"]);
  });
  test("generic 535 5.7.3 in an XOAUTH2 transcript, device mode unknown: OAuth set-up", () => {
    const d = evaluate(pasted(withFacts(OAUTH_APP_OK, { "device.auth": undefined, "device.authMechanism": undefined }), XOAUTH2_TRANSCRIPT));
    assert.deepEqual(summary(d), ["oauth-misconfigured:blocking"]);
    assert.ok(!d.unknowns.includes("device.auth"), "the transcript shows the mechanism");
  });
  test(".NET wrapper with an echoed 'basic authentication is disabled': the inner 535 decides", () => {
    const before = evaluate(pasted(withFacts(BASIC_OK, { "account.authenticationPolicy": undefined }), DOTNET_BASIC_DISABLED));
    assert.deepEqual(summary(before), ["auth-policy-blocks-basic:blocking", "basic-auth-retired:warning"]);
    const after = evaluate(pasted(withFacts(BASIC_OK, { asOf: "2027-01-15" }), DOTNET_BASIC_DISABLED));
    assert.deepEqual(summary(after), ["basic-auth-retired:possible"], "the policy allows Basic: the retirement is left");
  });
  test("'basic authentication is disabled' in December 2026 with the policy allowing Basic: the change may have landed", () => {
    const d = evaluate(pasted(withFacts(BASIC_OK, { asOf: "2026-12-28" }), DOTNET_BASIC_DISABLED));
    assert.deepEqual(summary(d), ["basic-auth-retired:possible"]);
  });
  test("550 5.7.30 blocks on 2026-11-22 already", () => {
    const d = evaluate(pasted(BASIC_OK, RETIRED));
    assert.deepEqual(summary(d), ["basic-auth-retired:blocking"]);
  });
  test("PRX4: a temporary error (retry), the licence a possible cause while unknown", () => {
    assert.deepEqual(summary(evaluate(pasted(BASIC_OK, PRX4))), ["transient-service-error:possible", "basic-auth-retired:warning"]);
    const d = evaluate(pasted(withFacts(BASIC_OK, { "account.exchangeLicensed": undefined }), PRX4));
    assert.deepEqual(summary(d), ["no-licensed-mailbox:possible", "transient-service-error:possible", "basic-auth-retired:warning"]);
  });
  test("421 4.7.66: TLS version blocks even when the device's TLS version was not recorded", () => {
    const d = evaluate(pasted(withFacts(BASIC_OK, { "device.tlsVersion": undefined }), TLS));
    assert.deepEqual(summary(d), ["tls-version-unsupported:blocking", "basic-auth-retired:warning"]);
    assert.deepEqual(d.unknowns, []);
  });
  test("SendAsDenied at end of DATA: Send As blocks and sign-in facts are no longer asked", () => {
    const c = withFacts(BASIC_OK, { "device.from": "noreply@contoso.com", "tenant.securityDefaultsEnabled": undefined, "account.smtpClientAuthenticationDisabled": undefined });
    const d = evaluate(pasted(c, SENDAS_DATA));
    assert.deepEqual(summary(d), ["send-as-denied:blocking", "basic-auth-retired:warning"]);
    assert.deepEqual(d.unknowns, []);
  });
  test("AUTH LOGIN → 235 → 550 5.7.60: the later failure decides; the recorded tenant switch is contradicted", () => {
    const c = withFacts(BASIC_OK, { "device.auth": undefined, "device.authMechanism": undefined, "device.from": "noreply@contoso.com", "tenant.smtpClientAuthenticationDisabled": true });
    const d = evaluate(pasted(c, LOGIN_THEN_SENDAS));
    assert.deepEqual(summary(d), ["send-as-denied:blocking", "basic-auth-retired:warning"]);
    assert.ok(d.info.some((i) => i.id === "setting-contradicted-by-success"));
    assert.ok(d.info.some((i) => i.id === "auth-succeeded"));
  });
  test("Python wrapper, 'did not meet the criteria': MFA or Conditional Access, narrowed by facts", () => {
    const open = evaluate(pasted(withFacts(BASIC_OK, { "account.perUserMfaState": undefined, "account.legacyAuthBlockedByConditionalAccess": undefined }), PYTHON_CRITERIA));
    assert.deepEqual(summary(open), ["per-user-mfa:possible", "conditional-access:possible", "basic-auth-retired:warning"]);
    const mfa = evaluate(pasted(withFacts(BASIC_OK, { "account.perUserMfaState": "enforced" }), PYTHON_CRITERIA));
    assert.deepEqual(summary(mfa), ["per-user-mfa:blocking", "basic-auth-retired:warning"]);
    assert.ok(finding(mfa, "per-user-mfa")?.evidence.some((e) => e.kind === "reply"));
  });
  test("security defaults reply while the tenant is recorded without them: the reply decides, with a note", () => {
    const d = evaluate(pasted(BASIC_OK, SECURITY_DEFAULTS));
    assert.equal(finding(d, "security-defaults")?.status, "blocking");
    assert.deepEqual(finding(d, "security-defaults")?.notes, ["note.evidenceContradictsSetting"]);
  });
  test("530 5.7.57 with no authentication configured agrees; with Basic configured it is flagged", () => {
    const none = evaluate(pasted(withFacts(BASIC_OK, { "device.auth": "none" }), NOT_AUTHENTICATED));
    assert.deepEqual(summary(none), ["no-authentication:blocking"]);
    assert.equal(finding(none, "no-authentication")?.notes, undefined);
    // Basic with STARTTLS recorded, yet no sign-in reached MAIL FROM: one of the two settings is stale.
    const basic = evaluate(pasted(BASIC_OK, NOT_AUTHENTICATED));
    assert.equal(finding(basic, "no-authentication")?.status, "possible");
    assert.ok(finding(basic, "no-authentication")?.notes?.includes("note.evidenceContradictsSetting"));
    // Both settings contradict the reply: "the known facts do not narrow it" would be wrong (found in tmux).
    for (const id of ["no-authentication", "starttls-missing"] as const) assert.ok(!finding(basic, id)?.notes?.includes("note.replyAmbiguous"), id);
    assert.equal(finding(basic, "starttls-missing")?.status, "possible");
    assert.equal(basic.verdict, "blocked");
  });
  test("a 535 at AUTH shows the mechanism was accepted: it is not asked; a 504 keeps it open", () => {
    const c = withFacts(BASIC_OK, { "device.authMechanism": undefined, "account.authenticationPolicy": undefined });
    const japanese = "送信エラー: サーバーからの応答\n5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [YT3PR01CA0122.CANPRD01.PROD.OUTLOOK.COM 2026-11-19T03:07:00.315Z 08DD393115E98C2B]";
    const d = evaluate(pasted(c, japanese));
    assert.deepEqual(summary(d), ["auth-policy-blocks-basic:blocking", "basic-auth-retired:warning"]);
    assert.deepEqual(d.unknowns, []);
    const unrecognized = evaluate(pasted(c, "504 5.7.4 Unrecognized authentication type [BN0PR04CA0001.namprd04.prod.outlook.com]"));
    assert.deepEqual(summary(unrecognized), ["auth-mechanism-unsupported:possible", "basic-auth-retired:warning"], "STARTTLS is recorded as used, so the mechanism is left");
    assert.ok(unrecognized.unknowns.includes("device.authMechanism"));
  });
  test("a reply from the sign-in step outranks recorded transport settings (port 465, implicit TLS)", () => {
    const c = withFacts(BASIC_OK, { "device.port": 465, "device.security": "tls", "tenant.smtpClientAuthenticationDisabled": true });
    const d = evaluate(pasted(c, TENANT));
    assert.deepEqual(summary(d), ["tenant-smtp-auth-disabled:blocking", "basic-auth-retired:warning"]);
    const info = d.info.find((i) => i.id === "setting-contradicted-by-reply");
    assert.deepEqual(info?.evidence.map((e) => (e.kind === "fact" ? e.path : e.kind)), ["inference", "device.port", "device.security"]);
    // Without the reply the same settings block.
    assert.deepEqual(summary(evaluate(c)), ["wrong-endpoint:blocking", "starttls-missing:blocking", "tenant-smtp-auth-disabled:blocking", "basic-auth-retired:warning"]);
    // A TLS reply does not show the device got further: the recorded settings still count.
    assert.deepEqual(summary(evaluate(pasted(c, TLS))), ["wrong-endpoint:blocking", "starttls-missing:blocking", "tls-version-unsupported:blocking", "tenant-smtp-auth-disabled:blocking", "basic-auth-retired:warning"]);
  });
  test("text that is not an SMTP reply changes nothing", () => {
    assert.deepEqual(evaluate(pasted(BASIC_OK, "the printer shows a red light")), evaluate(BASIC_OK));
  });
});
