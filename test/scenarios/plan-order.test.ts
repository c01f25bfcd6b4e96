// Issue 13.1, plan order under uncertainty: while a cause is only possible, its step is the read-only
// check that confirms it (with the roles that can run it); no change that weakens a protection comes
// before a safer fix that would also work (OAuth, another way of sending); each weakening change says
// what it opens; confirmed causes keep their fix, safest first. Run through the CLI (text, Markdown,
// JSON, .ps1, both languages) and over every mix of the Basic-auth policies.
//
// The persona: a Japanese help-desk member without admin rights who answers "I don't know" to every
// question and pastes the reply below (domain.md §4 C5/C6: MFA or Conditional Access, unconfirmed).
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { BASIC_POLICY_CAUSES, causeSpec, GATE_ORDER } from "../../src/engine/causes.js";
import type { CauseStatus } from "../../src/engine/types.js";
import { LANGS, t } from "../../src/i18n/index.js";
import { buildPlan, WEAKENING_STEPS, type Plan, type PlanStep } from "../../src/plan/index.js";
import { deviceCase, diagnosis, finding } from "../helpers/diagnosis.js";
import { runMain } from "../helpers/run-main.js";
import { randomCase, rng } from "../helpers/random-case.js";
import { evaluate } from "../../src/engine/index.js";
import { causeTitle } from "../../src/render/labels.js";

const CRITERIA = "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.";
const SCHEMA = "smtp-auth-doctor/case@1" as const;
const ROUTES: readonly string[] = ["move-to-oauth", "send-another-way"];

async function diagnose(c: Case, lang: "en" | "ja", format: "text" | "md" | "json" | "ps1"): Promise<string> {
  const r = await runMain(["diagnose", "--case", "-", "--format", format, "--lang", lang], { stdin: JSON.stringify(c), env: { SMTP_AUTH_DOCTOR_TODAY: "2026-12-03" } });
  assert.equal(r.code, 1, r.stderr);
  return r.stdout;
}

async function planOf(c: Case, lang: "en" | "ja" = "en"): Promise<Plan> {
  return (JSON.parse(await diagnose(c, lang, "json")) as { plan: Plan }).plan;
}

const ids = (p: Plan): string[] => p.steps.map((s) => s.id);
const isRead = (s: PlanStep) => s.commands.length === 0 && s.check.every((c) => !c.changes) && s.verify.commands.every((c) => !c.changes);

/** The rules of the issue, on any plan. */
function assertOrder(p: Plan, where: string): void {
  const first = p.steps.findIndex((s) => s.weakens);
  if (first >= 0) {
    assert.ok(first > 0, `${where}: a weakening change is step 1`);
    assert.ok(p.steps.slice(first).every((s) => s.weakens), `${where}: a safer step after a weakening one: ${ids(p)}`);
  }
  for (const [i, s] of p.steps.entries()) {
    if (s.kind === "check") {
      assert.ok(isRead(s) && s.check.length > 0, `${where}: check step ${s.id} changes something`);
      assert.ok((s.checkBy ?? []).length > 0, `${where}: ${s.id} does not say who can run it`);
      assert.ok(s.causeIds.length > 0 && s.status === "possible", `${where}: ${s.id} checks a cause that is not only possible`);
    }
    if (!s.weakens) continue;
    assert.ok((s.opens ?? "").length > 40, `${where}: ${s.id} does not say what it opens`);
    for (const id of s.onlyIf?.saferSteps ?? []) assert.ok(p.steps.findIndex((x) => x.id === id) < i, `${where}: ${id} after ${s.id}`);
    // Every safe route in the plan that addresses the same cause is named as the one to prefer.
    for (const r of p.steps.filter((x) => ROUTES.includes(x.id) && x.causeIds.some((c) => s.causeIds.includes(c)))) assert.ok(s.onlyIf?.saferSteps.includes(r.id), `${where}: ${s.id} does not defer to ${r.id}`);
    const confirm = s.onlyIf?.confirmedBy;
    if (s.status === "possible") {
      assert.ok(confirm, `${where}: ${s.id} has no check for its possible cause`);
      assert.ok(p.steps.findIndex((x) => x.id === confirm) < i, `${where}: ${confirm} after ${s.id}`);
    } else assert.equal(confirm, undefined, `${where}: ${s.id} waits for a check although its cause is confirmed`);
  }
}

const persona = (extra: Case["device"] = {}): Case => ({ schema: SCHEMA, device: { reply: CRITERIA, ...extra } });

test("persona (did not meet the criteria, everything else unknown): checks and safe fixes first, MFA off never step 1 (json, both languages)", async () => {
  for (const lang of LANGS) {
    for (const device of [{}, { auth: "basic" as const }]) {
      const p = await planOf(persona(device), lang);
      assert.deepEqual(ids(p), ["confirm-conditional-access", "confirm-per-user-mfa", "move-to-oauth", "send-another-way", "account-ca-exclusion", "account-per-user-mfa"], lang);
      assertOrder(p, `persona ${lang} ${JSON.stringify(device)}`);
      const [ca, mfa] = p.steps as [PlanStep, PlanStep];
      assert.deepEqual(ca.checkBy, ["security-reader", "global-reader"]);
      assert.ok(ca.check.some((c) => c.text.includes("auditLogs/signIns")), "the sign-in log tells CA from MFA");
      assert.deepEqual(mfa.checkBy, ["global-reader", "auth-policy-admin"]);
      assert.equal(ca.adminCenter?.portal, lang === "ja" ? "Microsoft Entra 管理センター" : "Microsoft Entra admin center");
      assert.deepEqual(ca.adminCenter?.path, lang === "ja" ? ["監視と正常性", "サインイン ログ"] : ["Monitoring & health", "Sign-in logs"]);
      const oauth = p.steps[2] as PlanStep;
      assert.equal(oauth.confirmFirst, false, "moving to OAuth waits for no check");
      // HVE still meets Conditional Access: only the ways that avoid both causes are offered.
      assert.match((p.steps[3] as PlanStep).title, lang === "ja" ? /SMTP リレー コネクタ、ダイレクト送信/ : /SMTP relay connector, Direct Send/);
      assert.ok(!(p.steps[3] as PlanStep).title.includes("High Volume Email"));
      assert.deepEqual(p.steps[5]?.onlyIf, { saferSteps: ["move-to-oauth", "send-another-way"], confirmedBy: "confirm-per-user-mfa" });
      if (lang === "ja") assert.match(p.steps[5]?.opens ?? "", /パスワードだけでサインイン/);
    }
  }
});

test("persona: the terminal report and the Markdown open with the checks and say who can run them; MFA off comes last with what it opens", async () => {
  for (const lang of LANGS) {
    const ja = lang === "ja";
    const text = await diagnose(persona(), lang, "text");
    const plan = text.slice(text.indexOf(ja ? "対処の手順" : "Fix plan"));
    assert.match(plan, ja ? /\n {2}1\. サインイン ログで、条件付きアクセス/ : /\n {2}1\. Check the sign-in log: does a Conditional Access policy/);
    assert.match(plan, ja ? /\n {2}2\. このアカウントでユーザーごとの MFA がオンになっているか/ : /\n {2}2\. Check whether per-user MFA is on/);
    assert.match(plan, ja ? /\n {2}3\. デバイスを OAuth/ : /\n {2}3\. Move the device to OAuth/);
    assert.match(plan, ja ? /\n {2}6\. このデバイス用アカウントだけ、ユーザーごとの MFA をオフ/ : /\n {2}6\. Turn per-user MFA off/);
    assert.ok(plan.includes(ja ? "実行できるロール (いずれか 1 つ): セキュリティ閲覧者、グローバル閲覧者" : "Can be run by (any one of these roles): Security Reader, Global Reader"));
    assert.ok(plan.includes(ja ? "読み取りだけの確認です" : "Read-only check: it changes nothing."));
    assert.ok(plan.includes(ja ? "手順 2 で原因と確認できた場合だけ" : "Do this only if step 2 confirms the cause."));
    assert.ok(plan.includes(ja ? "より安全な手順 3、4 が使えない場合だけ" : "only if steps 3, 4 (safer) cannot be used"));
    assert.ok(plan.includes(ja ? "この変更で開く穴:" : "What this opens:"));

    const md = await diagnose(persona(), lang, "md");
    const headings = [...md.matchAll(/^### (\d+)\. (.*)$/gm)].map((m) => m[2] ?? "");
    assert.match(headings[0] ?? "", ja ? /読み取りのみ/ : /read-only/);
    assert.match(headings[5] ?? "", ja ? /MFA をオフ/ : /per-user MFA off/);
    assert.ok(md.includes(`> **⚠ ${ja ? "この変更で開く穴" : "What this opens"}:**`));
  }
});

test("persona: the .ps1 runs the checks under their step, with the roles; MFA off stays commented out after its safer steps and what it opens", async () => {
  for (const lang of LANGS) {
    const ps1 = (await diagnose(persona(), lang, "ps1")).replace(/^\uFEFF/, "").split("\r\n");
    const step1 = ps1.findIndex((l) => l.startsWith(lang === "ja" ? "# 手順 1: サインイン ログで" : "# Step 1: Check the sign-in log"));
    assert.ok(step1 > 0, ps1.join("\n"));
    assert.match(ps1[step1 + 2] ?? "", lang === "ja" ? /^# 実行できるロール/ : /^# Can be run by/);
    assert.match(ps1[step1 + 3] ?? "", /^Invoke-MgGraphRequest -Method GET -Uri 'https:\/\/graph\.microsoft\.com\/v1\.0\/auditLogs\/signIns/);
    assert.ok(!ps1.some((l) => /^Invoke-MgGraphRequest -Method PATCH/.test(l)), "no live change");
    const patch = ps1.findIndex((l) => l.startsWith("# Invoke-MgGraphRequest -Method PATCH") && l.includes('"disabled"'));
    const opens = ps1.findIndex((l) => l.startsWith(lang === "ja" ? "# この変更で開く穴:" : "# What this opens:"));
    // (Its safer step named in a sentence under it, persona round 5: a "# Step 3:" line read as another step's header.)
    const safer = ps1.findIndex((l) => l.startsWith(lang === "ja" ? "# (より安全な手順 3: デバイスを OAuth" : "# (The safer step 3 is: Move the device to OAuth"));
    assert.ok(step1 < safer && safer < opens && opens < patch, `${step1} ${safer} ${opens} ${patch}`);
  }
});

test("other uncertain cases: a bare 535 5.7.3, security defaults or a policy possible, Conditional Access possible", async () => {
  // 535 5.7.3 after a password: many causes, each weakening one behind its check and the safe ways.
  const generic = await planOf({ schema: SCHEMA, device: { auth: "basic", username: "mfp@contoso.com", reply: "535 5.7.3 Authentication unsuccessful" } });
  assertOrder(generic, "5.7.3");
  for (const id of ["confirm-auth-policy", "confirm-conditional-access", "confirm-per-user-mfa", "move-to-oauth"]) assert.ok(ids(generic).includes(id), `5.7.3: ${id} missing in ${ids(generic)}`);
  assert.equal(generic.steps[0]?.weakens, false);

  // "organization configuration does not allow": security defaults or an authentication policy.
  const org = await planOf({ schema: SCHEMA, device: { auth: "basic", reply: "535 5.7.139 Authentication unsuccessful, the organization configuration does not allow this authentication request." } });
  assertOrder(org, "org config");
  const order = ids(org);
  assert.ok(order.indexOf("security-defaults-keep") < order.indexOf("move-to-oauth"));
  assert.equal(org.steps.find((s) => s.id === "security-defaults-replace")?.onlyIf?.confirmedBy, "security-defaults-keep");
  assert.equal(org.steps.find((s) => s.id === "account-auth-policy")?.onlyIf?.confirmedBy, "confirm-auth-policy");
  // The tenant-wide change comes after the per-account exception (the catalogue's order) and keeps its warning.
  assert.ok(order.indexOf("account-auth-policy") < order.indexOf("security-defaults-replace"));
  assert.ok((org.steps.find((s) => s.id === "security-defaults-replace")?.warning ?? "").length > 0);

  // Per-user MFA known off: the reply leaves Conditional Access, still only possible.
  const ca = await planOf({ schema: SCHEMA, device: { auth: "basic", reply: CRITERIA }, account: { perUserMfaState: "disabled" } });
  assertOrder(ca, "CA possible");
  assert.deepEqual(ids(ca), ["confirm-conditional-access", "move-to-oauth", "send-another-way", "account-ca-exclusion"]);
});

test("confirmed causes keep their fix, safest first: no check step, the weakening change after OAuth and the other ways", async () => {
  const base = { schema: SCHEMA, device: { auth: "basic" as const, username: "mfp@contoso.com", host: "smtp.office365.com", port: 587, security: "starttls" as const } };
  const mfa = await planOf({ ...base, account: { perUserMfaState: "enforced" } });
  assertOrder(mfa, "MFA enforced");
  assert.deepEqual(ids(mfa), ["move-to-oauth", "send-another-way", "account-per-user-mfa"]);
  assert.deepEqual(mfa.steps[2]?.onlyIf, { saferSteps: ["move-to-oauth", "send-another-way"] });
  // HVE avoids per-user MFA (a new account): it is one of the other ways here.
  assert.match(mfa.steps[1]?.title ?? "", /High Volume Email, SMTP relay connector, Direct Send/);

  // A device that cannot use OAuth and a tenant that refuses Direct Send: the relay connector is the one safer way.
  const ca = await planOf({ ...base, device: { ...base.device, oauthSupported: false }, account: { legacyAuthBlockedByConditionalAccess: true }, tenant: { rejectDirectSend: true } });
  assertOrder(ca, "CA confirmed");
  // The confirmed cause's safer way comes first, and it is the device's way past the retirement too (a warning,
  // December 2026): no "move to OAuth" for a device that cannot use it (persona round 6, P6-4).
  assert.deepEqual(ids(ca), ["send-another-way", "account-ca-exclusion"]);
  assert.deepEqual(ca.steps[0]?.causeIds, ["conditional-access", "basic-auth-retired"]);
  assert.match(ca.steps[0]?.title ?? "", /\(SMTP relay connector\)$/);
  assert.deepEqual(ca.steps[1]?.onlyIf, { saferSteps: ["send-another-way"] });

  const sd = await planOf({ ...base, tenant: { securityDefaultsEnabled: true } });
  assertOrder(sd, "security defaults on");
  assert.deepEqual(ids(sd), ["security-defaults-keep", "move-to-oauth", "send-another-way", "security-defaults-replace"]);
});

test("every mix of the Basic-auth policies, possible or confirmed, with or without OAuth on the device: the rules hold in both languages", () => {
  const statuses: (CauseStatus | undefined)[] = [undefined, "possible", "blocking"];
  const causes = BASIC_POLICY_CAUSES;
  let plans = 0;
  const total = statuses.length ** causes.length;
  for (let n = 0; n < total; n++) {
    const found = causes.flatMap((id, i) => {
      const s = statuses[Math.floor(n / statuses.length ** i) % statuses.length];
      return s ? [finding(id, id === "basic-auth-retired" && s === "blocking" ? "warning" : s)] : [];
    });
    if (found.length === 0) continue;
    for (const oauthSupported of [true, false, undefined]) {
      const c = deviceCase({ device: { ...deviceCase().device, ...(oauthSupported === undefined ? {} : { oauthSupported }) } });
      for (const lang of LANGS) {
        const p = buildPlan(c, diagnosis(found), lang);
        assertOrder(p, `${found.map((f) => `${f.id}:${f.status}`).join(",")} oauth=${String(oauthSupported)} ${lang}`);
        plans++;
      }
    }
  }
  assert.ok(plans > 1000);
  // The weakening steps are the catalogue's, in its order: the exceptions for one account before the tenant-wide change.
  assert.deepEqual([...WEAKENING_STEPS], ["account-auth-policy", "account-ca-exclusion", "account-per-user-mfa", "security-defaults-replace"]);
});

// Found with a person at the keyboard (tmux, 2026-12-04): a 530 5.7.57 from an app whose answers say it uses
// STARTTLS on 587 and signs in, and the organization's SMTP AUTH is off (that cause is confirmed): the plan
// and the hand-over led with "use STARTTLS" and "turn on SMTP authentication on the device" (possible
// causes), and the confirmed cause's fix came third.
test("the confirmed cause's fix leads: steps for blocking causes before those for possible ones, and on random cases", async () => {
  const lob: Case = {
    schema: SCHEMA,
    device: { host: "smtp.office365.com", port: 587, security: "starttls", tlsVersion: "1.2", auth: "basic", username: "lob-app@fabrikam.com", from: "noreply@fabrikam.com", reply: "530 5.7.57 Client not authenticated to send mail. [BN8PR03CA0010.namprd03.prod.outlook.com]", oauthSupported: false },
    tenant: { smtpClientAuthenticationDisabled: true, securityDefaultsEnabled: false, defaultAuthenticationPolicy: null },
    account: { smtpClientAuthenticationDisabled: null, recipientTypeDetails: "UserMailbox", exchangeLicensed: true, accountEnabled: true, perUserMfaState: "disabled", authenticationPolicy: null, legacyAuthBlockedByConditionalAccess: false, sendAs: true },
  };
  for (const lang of LANGS) {
    const p = await planOf(lob, lang);
    assertOrder(p, `5.7.57 with SMTP AUTH off (${lang})`);
    assert.equal(p.steps[0]?.status, "blocking", ids(p).join(", "));
    assert.ok(p.steps[0]?.causeIds.includes("tenant-smtp-auth-disabled"), ids(p).join(", "));
    const text = await diagnose(lob, lang, "text");
    const next = text.split("\n").find((l) => /^\s+(Next|次にすること)\s+1\./.test(l)) ?? "";
    assert.match(next, lang === "ja" ? /SMTP AUTH/ : /SMTP AUTH/, next);
  }
  // On random cases: what is known comes first (blocking before possible before a warning), apart from the steps that
  // wait for others by rule: a weakening change, the SMTP AUTH switch for a device whose password is refused anyway
  // (persona run P2-10, round 5 W3), and a sender's or a message's step behind a refused sign-in (round 4 and 5).
  const next = rng(11);
  const SENDING = GATE_ORDER.indexOf("sending");
  for (let i = 0; i < 1500; i++) {
    const c = randomCase(next);
    const d = evaluate(c, { today: "2026-12-03" });
    const p = buildPlan(c, d, "en");
    const waits = (s: PlanStep) => s.weakens || s.id === "mailbox-enable-smtp-auth" || s.causeIds.every((id) => GATE_ORDER.indexOf(causeSpec(id).gate) >= SENDING);
    const ranked = p.steps.filter((s) => !waits(s)).map((s) => ({ blocking: 0, possible: 1, warning: 2 })[s.status]);
    for (let k = 1; k < ranked.length; k++) assert.ok((ranked[k - 1] as number) <= (ranked[k] as number), `${ids(p).join(", ")}\n${JSON.stringify(c)}`);
    // A weakening change never comes before a step that weakens nothing.
    const firstWeak = p.steps.findIndex((s) => s.weakens);
    if (firstWeak >= 0) assert.ok(p.steps.slice(firstWeak).every((s) => s.weakens), ids(p).join(", "));
  }
});

// Persona round 4: the facts proved Send As missing (From differs, no permission) while the pasted reply showed the
// sign-in itself refused (security defaults). The server never reaches the sender check behind a refused sign-in, yet
// the plan and the summary's "Next" led with "set the sender address", a step whose effect no test send could show.
test("a step for a later gate than the one the reply refused comes after the steps for the refusal, whatever its status", async () => {
  const refusedSignIn: Case = {
    schema: SCHEMA,
    device: { host: "smtp.office365.com", port: 587, security: "starttls", tlsVersion: "1.2", auth: "basic", username: "alerts@fabrikam.co.jp", from: "scanner@fabrikam.co.jp", reply: "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator." },
    tenant: { smtpClientAuthenticationDisabled: false, securityDefaultsEnabled: true },
    account: { smtpClientAuthenticationDisabled: false, recipientTypeDetails: "UserMailbox", exchangeLicensed: true, accountEnabled: true, sendAs: false },
  };
  for (const lang of LANGS) {
    const p = await planOf(refusedSignIn, lang);
    const sendAs = p.steps.findIndex((s) => s.causeIds.includes("send-as-denied"));
    assert.ok(sendAs > 0 && p.steps[sendAs]?.status === "blocking", ids(p).join(", "));
    assert.ok(p.steps[0]?.causeIds.includes("security-defaults"), ids(p).join(", "));
    // Every step for the refused sign-in that weakens nothing comes before the sender's steps.
    const signIn = p.steps.filter((s) => !s.weakens && s.causeIds.includes("security-defaults"));
    assert.ok(signIn.length > 0 && signIn.every((s) => p.steps.indexOf(s) < sendAs), ids(p).join(", "));
    const text = await diagnose(refusedSignIn, lang, "text");
    const next = text.split("\n").find((l) => /^\s+(Next|次にすること)\s+1\./.test(l)) ?? "";
    assert.doesNotMatch(next, lang === "ja" ? /差出人|送信者/ : /sender|From/, next);
  }
  // When the server itself refused the sender (the reply names Send As), its step keeps its place at the head.
  const refusedSender: Case = { ...refusedSignIn, device: { ...refusedSignIn.device, reply: "550 5.7.60 SMTP; Client does not have permissions to send as this sender" }, tenant: { smtpClientAuthenticationDisabled: false, securityDefaultsEnabled: false } };
  const p = await planOf(refusedSender, "en");
  assert.ok(p.steps[0]?.causeIds.includes("send-as-denied"), ids(p).join(", "));
});

// Persona round 4: "The cause is not certain: confirm it first … change nothing unless it is confirmed" stood on "Use port
// 587 with STARTTLS" and "Turn on SMTP authentication on the device", settings with nothing to confirm and nothing to lose.
test("a device setting that is right whatever the cause says so, instead of 'confirm first' (a bare 5.7.57, both languages)", async () => {
  for (const lang of LANGS) {
    const r = await runMain(["explain", "530 5.7.57 Client not authenticated to send mail.", "--lang", lang, "--no-color"]);
    const at = r.stdout.indexOf(lang === "ja" ? "対処の手順" : "Fix plan");
    const plan = at >= 0 ? r.stdout.slice(at) : "";
    assert.ok(plan.length > 0 && !plan.includes(t(lang, "plan.report.step.confirmFirst").slice(0, 20)), plan);
    assert.ok(plan.includes(t(lang, "plan.report.step.anyCause").slice(0, 20)), plan);
  }
  // A possible cause in the tenant still waits for its check.
  const p = buildPlan(deviceCase(), diagnosis([finding("conditional-access", "possible")]), "en");
  assert.equal(p.steps[0]?.confirmFirst, true);
});

// Persona round 5 (W1, W3, W4): a weakening or costly change that cannot help on its own came before what can.
test("exceptions that cannot help on their own wait, and say why; a cheap setting before a change waiting for its check", async () => {
  // W1: security defaults on (the reply) and per-user MFA enforced: turning MFA off changes nothing while security
  // defaults are on, so it comes after replacing them, with a warning.
  const defaults: Case = {
    schema: SCHEMA,
    device: { auth: "basic", username: "svc-billing@contoso.com", from: "svc-billing@contoso.com", oauthSupported: false, reply: "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator." },
    tenant: { defaultAuthenticationPolicy: null },
    account: { smtpClientAuthenticationDisabled: false, recipientTypeDetails: "UserMailbox", exchangeLicensed: true, accountEnabled: true, perUserMfaState: "enforced", authenticationPolicy: null },
  };
  for (const lang of LANGS) {
    const p = await planOf(defaults, lang);
    const at = (id: string) => ids(p).indexOf(id);
    assert.ok(at("security-defaults-replace") >= 0 && at("account-per-user-mfa") > at("security-defaults-replace"), ids(p).join(", "));
    assert.equal(p.steps[at("account-per-user-mfa")]?.warning, t(lang, "plan.warning.exceptionBehindSecurityDefaults"));
  }
  // W3: the tenant's SMTP AUTH off, Basic refused by the default policy and by MFA, no OAuth on the device: turning SMTP
  // AUTH on for the mailbox (medium risk) waits after "send another way" and names what refuses the password.
  const refused: Case = {
    schema: SCHEMA,
    device: { auth: "basic", username: "o'hara@contoso.com", from: "o'hara@contoso.com", oauthSupported: false, host: "smtp.office365.com", port: 587, security: "starttls", tlsVersion: "1.2" },
    tenant: { smtpClientAuthenticationDisabled: true, securityDefaultsEnabled: false, defaultAuthenticationPolicy: { name: "Block Basic", allowBasicAuthSmtp: false } },
    account: { smtpClientAuthenticationDisabled: null, recipientTypeDetails: "UserMailbox", exchangeLicensed: true, accountEnabled: true, perUserMfaState: "enforced", authenticationPolicy: null, legacyAuthBlockedByConditionalAccess: false, sendAs: true },
  };
  for (const lang of LANGS) {
    const p = await planOf(refused, lang);
    const at = (id: string) => ids(p).indexOf(id);
    assert.ok(at("send-another-way") >= 0 && at("mailbox-enable-smtp-auth") > at("send-another-way"), ids(p).join(", "));
    assert.match(p.steps[at("mailbox-enable-smtp-auth")]?.warning ?? "", new RegExp(causeTitle(lang, "per-user-mfa").replace(/[()]/g, ".")));
  }
  // W4: PRX4 (a temporary error, or a mailbox without a licence): waiting comes first; the licence waits for its check,
  // and the summary says so.
  const prx4 = await runMain(["explain", "451 4.7.0 Temporary server error. Please try again later. PRX4", "--json", "--lang", "en"]);
  const plan = (JSON.parse(prx4.stdout) as { plan: Plan }).plan;
  assert.equal(plan.steps[0]?.id, "retry-later", ids(plan).join(", "));
  for (const lang of LANGS) {
    const text = (await runMain(["explain", "451 4.7.0 Temporary server error. Please try again later. PRX4", "--lang", lang, "--no-color"])).stdout;
    const squashed = text.replace(/\s+/g, "");
    const licence = squashed.indexOf(t(lang, "plan.step.account-licence.title").replace(/\s+/g, ""));
    assert.ok(licence >= 0 && squashed.indexOf((lang === "ja" ? "原因を確認できた場合だけ" : "only once the cause is confirmed").replace(/\s+/g, ""), licence) > licence, text);
  }
});
