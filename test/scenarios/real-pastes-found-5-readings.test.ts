// Fifth hunt (./real-pastes-found-5.ts): readings fixed after the hunt by a helper, each against the `reading` written before
// the tool was run (the other fixes of that hunt are pinned in real-pastes-found-5*.test.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_5 } from "./real-pastes-found-5.js";
import { assertNoTenantCause, explain, explainText, ids } from "./real-pastes-data.js";
import { t } from "../../src/i18n/index.js";
import { analyzeReply } from "../../src/replies/index.js";
import type { Case } from "../../src/case/schema.js";
import type { Diagnosis } from "../../src/engine/index.js";
import { buildPlan } from "../../src/plan/index.js";

const paste = (source: string) => {
  const p = FOUND_ROUND_5.find((x) => x.source.startsWith(source));
  assert.ok(p, source);
  return p;
};

const MAILKIT = "https://github.com/jstedfast/MailKit/issues/1733";
const OAUTH_STEPS = ["oauth-consent", "oauth-service-principal", "oauth-mailbox-permission"];

test("MailKit's two sign-ins told in prose (XOAUTH2 with client credentials -> 535 5.7.3, then the password -> 5.7.139 'criteria') are both read, each for its method (#22)", () => {
  const p = paste(MAILKIT);
  const a = analyzeReply(p.text);
  assert.equal(a.primary?.patternId, "auth-criteria-not-met");
  assert.equal(a.primary?.mechanism, "LOGIN");
  assert.equal(a.otherAttempt?.reply.line, "535 5.7.3 Authentication unsuccessful");
  assert.equal(a.otherAttempt?.mechanism, "XOAUTH2");
  // In the other order the same two attempts.
  const [first, second] = p.text.split("\n");
  const swapped = analyzeReply(`${second}\n${first}`);
  assert.deepEqual([swapped.primary?.mechanism, swapped.otherAttempt?.mechanism].sort(), ["LOGIN", "XOAUTH2"]);
});

test("#22: the OAuth sign-in refused is the OAuth set-up (SMTP.SendAsApp and consent, New-ServicePrincipal, Add-MailboxPermission) before the password's causes, and the plan says OAuth was refused instead of 'move to OAuth', in both languages and either order", async () => {
  const p = paste(MAILKIT);
  const [first, second] = p.text.split("\n");
  for (const text of [p.text, `${second}\n${first}`]) {
    const variant = { ...p, text };
    for (const lang of ["en", "ja"] as const) {
      const { code, json } = await explain(variant, lang);
      assert.equal(code, 1, lang);
      assert.deepEqual(json.causes.map((c) => `${c.id}:${c.status}`), ["oauth-misconfigured:blocking", "per-user-mfa:possible", "conditional-access:possible"], lang);
      const steps = json.plan.steps.map((s) => s.id);
      assert.deepEqual(steps.slice(0, 3), OAUTH_STEPS, `${lang}: ${steps.join(", ")}`);
      const move = json.plan.steps.find((s) => s.id === "move-to-oauth");
      assert.equal(move?.title, t(lang, "plan.step.move-to-oauth.title.oauthRefused"), lang);
      assert.equal(move?.why, t(lang, "plan.step.move-to-oauth.why.oauthRefused"), lang);
      assert.ok(!json.plan.steps.some((s) => s.title === t(lang, "plan.step.move-to-oauth.title")), `${lang}: 'move to OAuth' as if OAuth had not been tried`);
      const oauthOption = (json.plan.options as Array<{ id: string; availability: string; availabilityNote?: string }>).find((o) => o.id === "oauth");
      assert.deepEqual([oauthOption?.availability, oauthOption?.availabilityNote], ["check", t(lang, "plan.option.oauth.refused")], lang);
      const out = await explainText(variant, lang);
      for (const word of ["SMTP.SendAsApp", "New-ServicePrincipal", "Add-MailboxPermission"]) assert.ok(out.includes(word), `${lang}: ${word}`);
      assert.ok(out.replace(/\s+/g, "").includes(t(lang, "cli.explain.stageOauth", { stage: t(lang, "cli.stage.auth") }).replace(/\s+/g, "")), `${lang}: which sign-in the 5.7.3 answered`);
    }
  }
});

test("one sign-in's words alone change nothing: a 5.7.3 after prose about OAuth, or two refusals whose words name the same method, keep the reading of one reply", () => {
  const one = analyzeReply("I use the client_credentials flow and get: 535 5.7.3 Authentication unsuccessful");
  assert.equal(one.otherAttempt, undefined);
  assert.equal(one.primary?.mechanism, undefined);
  const same = analyzeReply("With the password: 535 5.7.3 Authentication unsuccessful\nand with a new password: 535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully.");
  assert.equal(same.otherAttempt, undefined);
  assert.ok(same.matches.every((m) => m.mechanism === undefined));
});

test("#22 keeps the password's own reading beside it: per-user MFA and Conditional Access stay possible, not dropped for the OAuth finding", async () => {
  const { json } = await explain(paste(MAILKIT), "en");
  assert.ok(ids(json).includes("per-user-mfa") && ids(json).includes("conditional-access"));
  assert.ok(json.plan.steps.some((s) => s.id === "confirm-conditional-access"));
});

const FORWARDING = "https://blog.dksg.jp/2023/02/gmailmicrosoft-365-exchangeoutlook.html";

test("'550 5.7.520 Access denied, Your organization does not allow external forwarding … AS(7555)' is the organization's outbound spam policy blocking automatic forwarding outside, in a report: its own cause and a step at the Defender portal's outbound spam policy, in both languages (#1)", async () => {
  const p = paste(FORWARDING);
  const a = analyzeReply(p.text);
  assert.equal(a.primary?.patternId, "external-forwarding-blocked");
  assert.equal(a.primary?.stage, "ndr");
  for (const lang of ["en", "ja"] as const) {
    const { code, json } = await explain(p, lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(json.causes.map((c) => `${c.id}:${c.status}`), ["auto-forwarding-blocked:blocking"], lang);
    assert.deepEqual(json.plan.steps.map((s) => s.id), ["allow-external-forwarding"], lang);
    assert.deepEqual(json.plan.options, [], lang);
    // The message was accepted and delivered; its forwarded copy was refused: nothing about the device's sign-in is asked.
    assert.deepEqual(json.unknowns, [], lang);
    const text = (await explainText(p, lang)).replace(/\s+/g, "");
    // The Defender portal's labels (learn.microsoft.com "Configure outbound spam policies"; its Japanese edition).
    const labels = lang === "en" ? ["Threat policies", "Anti-spam", "Create policy › Outbound", "Protection settings", "Forwarding rules", "Automatic forwarding rules", "On - Forwarding is enabled"] : ["脅威ポリシー", "スパム対策", "ポリシーを作成 › 送信", "保護の設定", "転送ルール", "自動転送ルール"];
    for (const label of labels) assert.ok(text.includes(label.replace(/\s+/g, "")), `${lang}: ${label}`);
    // For one mailbox, never On in the default policy for every mailbox; and it can be undone.
    assert.ok(text.includes("New-HostedOutboundSpamFilterRule-Name'Allowexternalauto-forwarding'-HostedOutboundSpamFilterPolicy'Allowexternalauto-forwarding'-From'<forwarding-mailbox@contoso.com>'"), lang);
    assert.ok(!text.includes("-IdentityDefault"), lang);
    assert.ok(text.includes("Remove-HostedOutboundSpamFilterPolicy"), lang);
  }
});

test("'550 5.7.236 … from your tenant's onmicrosoft.com domains': the step is the fix its note gives, an address at the organization's own domain, not 'reduce the sending rate' (#2)", async () => {
  const p = paste("https://jpmessaging.github.io/blog/limiting-onmicrosoft-domain-usage-for-sending-emails/");
  for (const lang of ["en", "ja"] as const) {
    const { json } = await explain(p, lang);
    assert.deepEqual(json.plan.steps.map((s) => [s.id, s.title]), [["device-sending-rate", t(lang, "plan.step.device-sending-rate.onmicrosoft.title")]], lang);
    assert.equal(json.plan.steps[0]?.why, t(lang, "plan.step.device-sending-rate.onmicrosoft.why"), lang);
    assert.ok(!json.plan.steps.some((s) => s.title === t(lang, "plan.step.device-sending-rate.title")), lang);
  }
  // Another sending limit keeps its own step.
  const rate = { ...p, text: "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception" };
  const { json } = await explain(rate, "en");
  assert.equal(json.plan.steps.find((s) => s.id === "device-sending-rate")?.title, t("en", "plan.step.device-sending-rate.title"));
});

test("mailsend's \"MAIL FROM failed: '550 Authentication is required for relay'\" is a client that did not sign in, at MAIL FROM, at a server that is not Exchange Online: no tenant cause, no options (#34)", async () => {
  const p = paste("https://github.com/4IceG/luci-app-sms-tool-js/issues/45");
  const a = analyzeReply(p.text);
  assert.equal(a.primary?.patternId, "other-relay-needs-auth");
  assert.equal(a.primary?.stage, "mail-from");
  for (const lang of ["en", "ja"] as const) {
    const { code, json } = await explain(p, lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(json.causes.map((c) => `${c.id}:${c.status}`), ["no-authentication:blocking"], lang);
    assertNoTenantCause(p.source, json);
    assert.deepEqual(json.unknowns, [], lang);
  }
  // Without mailsend's words the same reply keeps the pattern's stage (a relay refusal answers RCPT TO).
  assert.equal(analyzeReply("550 Authentication is required for relay").primary?.stage, "rcpt");
});

test("'503 5.0.0 Need EHLO before AUTH' (a Japanese mail server's FAQ) and '503 5.5.x Send hello first' are AUTH refused for want of EHLO: the step is the client's greeting, not a firmware update for TLS 1.2 (#11)", async () => {
  const p = paste("https://www.e-postinc.jp/faq/faq01-74.html");
  const a = analyzeReply(p.text);
  assert.equal(a.primary?.patternId, "need-ehlo");
  assert.equal(a.primary?.stage, "auth");
  for (const text of [p.text, "503 5.5.1 Send hello first", "503 5.5.2 Send hello first [SN2PR00CA0018.namprd00.prod.outlook.com]", "503 5.5.1 Error: send HELO/EHLO first"]) {
    for (const lang of ["en", "ja"] as const) {
      const { json } = await explain({ ...p, text }, lang);
      assert.deepEqual(json.causes.map((c) => `${c.id}:${c.status}`), ["client-protocol-error:blocking"], `${text} (${lang})`);
      assert.deepEqual(json.plan.steps.map((s) => [s.id, s.title]), [["device-ehlo", t(lang, "plan.step.device-ehlo.title")]], `${text} (${lang})`);
      assert.ok(!(json.causes[0]?.notes ?? []).includes("note.provider.notExchangeOnline"), `${text} (${lang}): its text holds for any service`);
    }
  }
  // Not Exchange Online's words: no tenant cause or setting asked.
  const { json } = await explain(p, "en");
  assertNoTenantCause(p.source, json);
  assert.deepEqual(json.unknowns, []);
  // Beside a TLS cause the firmware step stays, for the TLS cause alone.
  const c: Case = { schema: "smtp-auth-doctor/case@1", device: { tlsVersion: "1.0" } };
  const d: Diagnosis = {
    verdict: "blocked",
    asOf: "2026-12-04",
    retirement: "change-imminent",
    unknowns: [],
    info: [],
    causes: [
      { id: "tls-version-unsupported", status: "blocking", affects: "all", evidence: [{ kind: "fact", path: "device.tlsVersion", value: "1.0" }] },
      { id: "client-protocol-error", status: "blocking", affects: "all", evidence: [{ kind: "reply", reply: "503 5.5.2 Send hello first", patternId: "send-hello-first" }] },
    ],
  };
  const steps = buildPlan(c, d, "en").steps.map((s) => `${s.id}:${s.causeIds.join("+")}`);
  assert.deepEqual(steps, ["device-ehlo:client-protocol-error", "device-firmware:tls-version-unsupported"]);
});

test("an OpenResty (nginx) error-log line keeps the server's reply only: nginx's ', client: …, server: , request: …, host: …' fields are the log's (#30)", async () => {
  const p = paste("https://github.com/GUI/lua-resty-mail/issues/4");
  const a = analyzeReply(p.text);
  assert.equal(a.primary?.reply.line, "535 5.7.0 (#AUTH005) Too many bad auth attempts.");
  for (const lang of ["en", "ja"] as const) {
    const text = await explainText(p, lang);
    assert.ok(!/client: 127\.0\.0\.1|request: |host: "127/.test(text), lang);
    const { json } = await explain(p, lang);
    assert.deepEqual(json.causes.map((c) => c.id), ["provider-sign-in-refused"], lang);
  }
  // A reply whose own words hold "client:" keeps them.
  assert.equal(analyzeReply("550 5.7.1 Rejected, client: not allowed").primary?.reply.line, "550 5.7.1 Rejected, client: not allowed");
});
