import assert from "node:assert/strict";
import { test } from "node:test";
import { CAUSE_IDS } from "../../src/engine/types.js";
import { causeSpec, GATE_ORDER } from "../../src/engine/causes.js";
import { isAppError } from "../../src/errors.js";
import { LANGS, t } from "../../src/i18n/index.js";
import { BASIC_SMTP_POLICY, buildPlan, OPTION_IDS, PLACEHOLDER, STEP_ORDER, type PlanStep } from "../../src/plan/index.js";
import { psIdentity } from "../../src/shell/powershell.js";
import { deviceCase, diagnosis, finding } from "../helpers/diagnosis.js";

const allCommands = (s: PlanStep) => [...s.check, ...s.commands, ...s.verify.commands, ...(s.undo?.commands ?? [])];

const RIGHT_WHATEVER = ["device-port-starttls", "device-auth-mechanism", "device-enable-auth", "device-sender-address", "device-oauth-token", "retry-later", "provider-from-address", "consumer-use-oauth", "delivery-check-recipient"];

test("every cause yields at least one step with text, in both languages", () => {
  for (const lang of LANGS) {
    for (const id of CAUSE_IDS) {
      for (const status of ["blocking", "possible", "warning"] as const) {
        const plan = buildPlan(deviceCase(), diagnosis([finding(id, status)]), lang);
        assert.ok(plan.steps.length >= 1, `${lang}: no step for ${id}`);
        for (const step of plan.steps) {
          assert.ok(step.causeIds.includes(id));
          for (const text of [step.title, step.why, step.verify.text, step.security.text]) {
            assert.ok(text.trim().length > 0, `${lang} ${step.id}: empty text`);
            assert.ok(!/plan\.(step|nav|wait|undo)\./.test(text), `${lang} ${step.id}: untranslated key in "${text}"`);
          }
          if (lang === "ja") assert.match(step.title, /[\u3040-\u30ff\u4e00-\u9fff]/, `ja ${step.id}: title is not Japanese`);
          // A possible cause is confirmed first; a safe way off a refused sign-in works whichever cause it is (issue 13.1),
          // and so does a device setting that is right whatever the cause (persona round 4: "confirm first" on port 587).
          assert.equal(step.confirmFirst, status === "possible" && !["move-to-oauth", "send-another-way", ...RIGHT_WHATEVER].includes(step.id), step.id);
        }
      }
    }
  }
});

test("steps are ordered device → mailbox → account → tenant and shared steps appear once", () => {
  // The causes up to the sign-in but security defaults: a sender's or a message's step comes after a refused sign-in, and
  // an account's exceptions after replacing security defaults (plan-order.test.ts has those rules).
  const all = CAUSE_IDS.filter((id) => id !== "security-defaults" && GATE_ORDER.indexOf(causeSpec(id).gate) < GATE_ORDER.indexOf("sending")).map((id) => finding(id));
  const plan = buildPlan(deviceCase({ tenant: { entraIdP1: true } }), diagnosis(all), "en");
  const ids = plan.steps.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length, "a step appears twice");
  const indexOf = (id: string) => STEP_ORDER.indexOf(id as (typeof STEP_ORDER)[number]);
  assert.deepEqual(ids, [...ids].sort((a, b) => indexOf(a) - indexOf(b)));
  const firstOf = (scope: string) => plan.steps.findIndex((s) => s.scope === scope);
  assert.ok(firstOf("device") < firstOf("mailbox"));
  assert.ok(firstOf("mailbox") < firstOf("account"));
  assert.ok(firstOf("account") < firstOf("tenant"));
  // Tenant + mailbox switch causes share one step.
  const mailbox = plan.steps.filter((s) => s.id === "mailbox-enable-smtp-auth");
  assert.equal(mailbox.length, 1);
  assert.deepEqual([...(mailbox[0]?.causeIds ?? [])].sort(), ["mailbox-smtp-auth-disabled", "tenant-smtp-auth-disabled"]);
});

test("identities are quoted with embedded quotes doubled", () => {
  const c = deviceCase({ device: { auth: "basic", username: "o'brien@contoso.com", from: "sales'team@contoso.com" } });
  const plan = buildPlan(c, diagnosis([finding("mailbox-smtp-auth-disabled"), finding("send-as-denied")]), "en");
  const step = plan.steps.find((s) => s.id === "mailbox-enable-smtp-auth");
  assert.equal(step?.commands[0]?.text, "Set-CASMailbox -Identity 'o''brien@contoso.com' -SmtpClientAuthenticationDisabled $false");
  const sendAs = plan.steps.find((s) => s.id === "mailbox-grant-send-as");
  assert.equal(sendAs?.commands[0]?.text, "Add-RecipientPermission -Identity 'sales''team@contoso.com' -Trustee 'o''brien@contoso.com' -AccessRights SendAs -Confirm:$false");
  assert.equal(psIdentity("o'brien@contoso.com"), "'o''brien@contoso.com'");
});

test("a value that cannot be an identity never reaches a command: placeholder and a note instead", () => {
  assert.throws(() => psIdentity("mfp@contoso.com'; Remove-Mailbox x"), (e) => isAppError(e) && e.code === "identity.invalid");
  const bad = "DOMAIN\\scanner";
  const c = deviceCase({ device: { auth: "basic", username: bad } });
  const plan = buildPlan(c, diagnosis([finding("mailbox-smtp-auth-disabled"), finding("per-user-mfa")]), "en");
  for (const step of plan.steps) {
    for (const cmd of allCommands(step)) assert.ok(!cmd.text.includes("scanner"), cmd.text);
  }
  const step = plan.steps.find((s) => s.id === "mailbox-enable-smtp-auth");
  assert.match(step?.commands[0]?.text ?? "", /-Identity '<device-mailbox@contoso\.com>'/);
  assert.ok(step?.placeholders.includes(PLACEHOLDER.mailbox));
  assert.ok(plan.notes.some((n) => n.includes("DOMAIN\\scanner") && n.includes(PLACEHOLDER.mailbox)));
  assert.ok(plan.notes.some((n) => n.includes("placeholders")));
});

test("unknown identity uses a clearly marked placeholder", () => {
  const c = deviceCase({ device: { auth: "basic" } });
  const plan = buildPlan(c, diagnosis([finding("mailbox-smtp-auth-disabled")]), "ja");
  const step = plan.steps[0];
  assert.match(step?.commands[0]?.text ?? "", /'<device-mailbox@contoso\.com>'/);
  assert.ok(plan.notes.some((n) => n.includes("プレースホルダー")));
});

test("tenant SMTP AUTH off is fixed per mailbox, never tenant-wide", () => {
  const plan = buildPlan(deviceCase({ tenant: { smtpClientAuthenticationDisabled: true } }), diagnosis([finding("tenant-smtp-auth-disabled")]), "en");
  const texts = plan.steps.flatMap((s) => s.commands.map((c) => c.text));
  assert.ok(texts.some((t) => t.startsWith("Set-CASMailbox -Identity 'mfp@contoso.com' -SmtpClientAuthenticationDisabled $false")));
  assert.ok(!texts.some((t) => t.startsWith("Set-TransportConfig")), "no tenant-wide change");
  const step = plan.steps.find((s) => s.id === "mailbox-enable-smtp-auth");
  assert.equal(step?.scope, "mailbox");
  assert.equal(step?.changesTenant, false);
});

test("undo puts back the mailbox's previous value", () => {
  const undoFor = (prev: boolean | null | undefined) => {
    const c = deviceCase({ account: prev === undefined ? {} : { smtpClientAuthenticationDisabled: prev } });
    const plan = buildPlan(c, diagnosis([finding("mailbox-smtp-auth-disabled")]), "en");
    return plan.steps[0]?.undo?.commands[0]?.text;
  };
  assert.equal(undoFor(null), "Set-CASMailbox -Identity 'mfp@contoso.com' -SmtpClientAuthenticationDisabled $null");
  assert.equal(undoFor(true), "Set-CASMailbox -Identity 'mfp@contoso.com' -SmtpClientAuthenticationDisabled $true");
  assert.match(undoFor(undefined) ?? "", /-SmtpClientAuthenticationDisabled <previous-value>$/);
});

test("auth policy: dedicated policy, per-user assignment, refresh, undo to the previous policy", () => {
  const prev = { name: "Block Basic", allowBasicAuthSmtp: false };
  const plan = buildPlan(deviceCase({ account: { authenticationPolicy: prev } }), diagnosis([finding("auth-policy-blocks-basic")]), "en");
  const step = plan.steps.find((s) => s.id === "account-auth-policy");
  assert.ok(step);
  assert.deepEqual(
    step.commands.map((c) => c.text),
    [
      `New-AuthenticationPolicy -Name '${BASIC_SMTP_POLICY}' -AllowBasicAuthSmtp`,
      `Set-User -Identity 'mfp@contoso.com' -AuthenticationPolicy '${BASIC_SMTP_POLICY}'`,
      "Set-User -Identity 'mfp@contoso.com' -STSRefreshTokensValidFrom ([DateTime]::UtcNow)",
    ],
  );
  assert.equal(step.undo?.commands[0]?.text, "Set-User -Identity 'mfp@contoso.com' -AuthenticationPolicy 'Block Basic'");
  assert.match(step.waitTime ?? "", /24 hours.*30 minutes/);
  const none = buildPlan(deviceCase({ account: { authenticationPolicy: null } }), diagnosis([finding("auth-policy-blocks-basic")]), "en");
  assert.equal(none.steps.find((s) => s.id === "account-auth-policy")?.undo?.commands[0]?.text, "Set-User -Identity 'mfp@contoso.com' -AuthenticationPolicy $null");
});

test("per-user MFA: Graph PATCH for this account, undo to the previous state", () => {
  const plan = buildPlan(deviceCase({ account: { perUserMfaState: "enforced" } }), diagnosis([finding("per-user-mfa")]), "en");
  const step = plan.steps.find((s) => s.id === "account-per-user-mfa");
  assert.equal(
    step?.commands[0]?.text,
    `Invoke-MgGraphRequest -Method PATCH -Uri 'https://graph.microsoft.com/beta/users/mfp%40contoso.com/authentication/requirements' -Body '{"perUserMfaState":"disabled"}'`,
  );
  assert.match(step?.undo?.commands[0]?.text ?? "", /"perUserMfaState":"enforced"/);
  assert.equal(step?.commands[0]?.whatIf, false);
});

test("security defaults: never turned off without the warning and the Conditional Access replacement", () => {
  for (const lang of LANGS) {
    const plan = buildPlan(deviceCase({ tenant: { securityDefaultsEnabled: true } }), diagnosis([finding("security-defaults")]), lang);
    const keep = plan.steps.find((s) => s.id === "security-defaults-keep");
    const replace = plan.steps.find((s) => s.id === "security-defaults-replace");
    assert.ok(keep && replace);
    assert.ok(plan.steps.indexOf(keep) < plan.steps.indexOf(replace), "keeping them comes first");
    assert.equal(keep.commands.length, 0);
    assert.ok(keep.check.every((c) => !c.changes));
    assert.equal(replace.security.level, "high");
    assert.equal(replace.changesTenant, true);
    assert.ok(replace.warning && replace.warning.length > 40);
    assert.match(replace.why, lang === "en" ? /Conditional Access/ : /条件付きアクセス/);
    assert.match(replace.warning, lang === "en" ? /MFA/ : /多要素認証/);
    assert.ok(!plan.steps.some((s) => s.commands.some((c) => /identitySecurityDefaultsEnforcementPolicy/.test(c.text) && c.changes)));
  }
  // Without P1 there is nothing to put in its place: the replacement step is not offered; the safe ways off Basic are (issue 13.1).
  const noP1 = buildPlan(deviceCase({ tenant: { securityDefaultsEnabled: true, entraIdP1: false } }), diagnosis([finding("security-defaults")]), "en");
  assert.deepEqual(noP1.steps.map((s) => s.id), ["security-defaults-keep", "move-to-oauth", "send-another-way"]);
});

test("options for Basic auth come in order of safety, exceptions last", () => {
  const plan = buildPlan(deviceCase(), diagnosis([finding("auth-policy-blocks-basic")]), "en");
  assert.equal(plan.basicAuth, "yes");
  assert.deepEqual(plan.options.map((o) => o.id), [...OPTION_IDS]);
  assert.deepEqual(plan.options.map((o) => o.rank), [1, 2, 3, 4, 5, 6, 7]);
  const firstException = plan.options.findIndex((o) => o.perAccountException);
  assert.ok(plan.options.slice(firstException).every((o) => o.perAccountException));
  assert.ok(plan.options.slice(0, firstException).every((o) => !o.perAccountException));
  const level = { none: 0, low: 1, medium: 2, high: 3 } as const;
  const levels = plan.options.map((o) => level[o.security.level]);
  assert.deepEqual(levels, [...levels].sort((a, b) => a - b));
  assert.equal(plan.options.find((o) => o.id === "hve")?.internalOnly, true);
  assert.equal(plan.options.find((o) => o.id === "direct-send")?.internalOnly, true);
  assert.equal(plan.options.find((o) => o.id === "hve")?.billed, true);
  assert.match(plan.options.find((o) => o.id === "hve")?.lasts ?? "", /2028/);
  for (const o of plan.options.filter((x) => x.perAccountException)) assert.match(o.lasts, /2026.*2027/);
  assert.equal(plan.options.find((o) => o.id === "exception-auth-policy")?.relevant, true);
  assert.equal(plan.options.find((o) => o.id === "exception-per-user-mfa")?.relevant, false);
});

test("security defaults named by the server's reply rule the options as a recorded fact does: HVE to check, no per-account exception", () => {
  // Persona run, 2026-12-04: only the reply ("user is locked by your organization's security defaults policy") was known, and
  // the table said HVE was usable with Basic until 2028 and the exceptions "yes"; security defaults block both (domain.md §8).
  const plan = buildPlan(deviceCase(), diagnosis([finding("security-defaults", "blocking")]), "en");
  assert.equal(plan.options.find((o) => o.id === "hve")?.availability, "check");
  for (const id of ["exception-auth-policy", "exception-conditional-access", "exception-per-user-mfa"]) assert.equal(plan.options.find((o) => o.id === id)?.availability, "no", id);
  // Only possible: while security defaults are not known, HVE is a check (persona round 8 #15).
  const maybe = buildPlan(deviceCase(), diagnosis([finding("security-defaults", "possible")]), "en");
  assert.equal(maybe.options.find((o) => o.id === "hve")?.availability, "check");
});

test("HVE is not 'usable' where a new HVE account would meet the same block: Conditional Access, the organization's default policy (persona run, 2026-12-04)", () => {
  // What-if models HVE with the same Conditional Access targeting and the organization's default policy (src/whatif/options.ts):
  // the table said "yes" beside a confirmed CA block while `options` said otherwise.
  const hve = (c: ReturnType<typeof deviceCase>, causes: ReturnType<typeof finding>[]) => buildPlan(c, diagnosis(causes), "en").options.find((o) => o.id === "hve");
  assert.equal(hve(deviceCase(), [finding("conditional-access", "blocking")])?.availability, "check");
  assert.equal(hve(deviceCase(), [finding("conditional-access", "possible"), finding("per-user-mfa", "possible")])?.availability, "check");
  assert.equal(hve(deviceCase({ account: { legacyAuthBlockedByConditionalAccess: true } }), [])?.availability, "check");
  const policy = hve(deviceCase({ tenant: { defaultAuthenticationPolicy: { name: "Block Basic", allowBasicAuthSmtp: false } } }), [finding("auth-policy-blocks-basic", "blocking")]);
  assert.equal(policy?.availability, "no");
  assert.match(policy?.availabilityNote ?? "", /default authentication policy/);
  // Nothing of the kind, security defaults known to be off: usable; not known: a check that says so (persona round 8 #15).
  assert.equal(hve(deviceCase({ tenant: { securityDefaultsEnabled: false } }), [finding("mailbox-smtp-auth-disabled", "blocking")])?.availability, "yes");
  const unknown = hve(deviceCase(), [finding("mailbox-smtp-auth-disabled", "blocking")]);
  assert.equal(unknown?.availability, "check");
  assert.equal(unknown?.availabilityNote, t("en", "plan.option.hve.securityDefaultsUnknown"));
});

test("options depend on the case: OAuth support, RejectDirectSend, auth type", () => {
  const unknownOAuth = buildPlan(deviceCase(), diagnosis([]), "en");
  assert.equal(unknownOAuth.options[0]?.availability, "check");
  assert.match(unknownOAuth.options[0]?.availabilityNote ?? "", /vendor/);
  const c = deviceCase({ tenant: { rejectDirectSend: true } });
  c.device = { ...c.device, oauthSupported: true };
  const plan = buildPlan(c, diagnosis([]), "en");
  assert.equal(plan.options.find((o) => o.id === "oauth")?.availability, "yes");
  assert.equal(plan.options.find((o) => o.id === "direct-send")?.availability, "no");
  const oauth = buildPlan(deviceCase({ device: { auth: "oauth", username: "mfp@contoso.com" } }), diagnosis([]), "en");
  assert.equal(oauth.basicAuth, "no");
  assert.deepEqual(oauth.options, []);
  const unknown = buildPlan(deviceCase({ device: { username: "mfp@contoso.com" } }), diagnosis([]), "en");
  assert.equal(unknown.basicAuth, "likely");
  assert.equal(unknown.options.length, OPTION_IDS.length);
});

test("Japanese plan uses Microsoft's Japanese admin-center labels", () => {
  const plan = buildPlan(deviceCase(), diagnosis([finding("mailbox-smtp-auth-disabled"), finding("conditional-access"), finding("security-defaults")]), "ja");
  const mailbox = plan.steps.find((s) => s.id === "mailbox-enable-smtp-auth");
  assert.equal(mailbox?.adminCenter?.portal, "Microsoft 365 管理センター");
  assert.deepEqual(mailbox?.adminCenter?.path, ["ユーザー", "アクティブなユーザー", "(ユーザー)", "メール", "メール アプリの管理", "認証済み SMTP"]);
  const ca = plan.steps.find((s) => s.id === "account-ca-exclusion");
  assert.equal(ca?.adminCenter?.portal, "Microsoft Entra 管理センター");
  assert.ok(ca?.adminCenter?.path.includes("条件付きアクセス"));
  assert.ok(plan.steps.find((s) => s.id === "security-defaults-keep")?.title.includes("セキュリティの既定値"));
  const en = buildPlan(deviceCase(), diagnosis([finding("mailbox-smtp-auth-disabled")]), "en");
  assert.deepEqual(en.steps[0]?.adminCenter?.path.slice(-2), ["Manage email apps", "Authenticated SMTP"]);
});

test("possible causes become checks first; read commands never change anything", () => {
  const plan = buildPlan(deviceCase(), diagnosis([finding("conditional-access", "possible")]), "en");
  const step = plan.steps[0];
  assert.equal(step?.confirmFirst, true);
  assert.ok((step?.check.length ?? 0) > 0);
  for (const s of buildPlan(deviceCase(), diagnosis(CAUSE_IDS.map((id) => finding(id))), "en").steps) {
    for (const c of [...s.check, ...s.verify.commands]) assert.equal(c.changes, false, `${s.id}: ${c.text}`);
    for (const c of s.commands) assert.equal(c.changes, true, `${s.id}: ${c.text}`);
  }
});

test("send-as: changing the device's From comes before granting Send As", () => {
  const plan = buildPlan(deviceCase({ device: { auth: "basic", username: "mfp@contoso.com", from: "noreply@contoso.com" } }), diagnosis([finding("send-as-denied")]), "en");
  assert.deepEqual(plan.steps.map((s) => s.id), ["device-from-address", "mailbox-grant-send-as"]);
  assert.equal(plan.steps[1]?.alternativeTo, "device-from-address");
  assert.match(plan.steps[1]?.undo?.commands[0]?.text ?? "", /^Remove-RecipientPermission -Identity 'noreply@contoso\.com' -Trustee 'mfp@contoso\.com' -AccessRights SendAs/);
});

test("OAuth app: service principal uses the enterprise application's object id", () => {
  const c = deviceCase({ device: { auth: "oauth", oauthFlow: "app", username: "mfp@contoso.com" }, account: { oauthApp: { permissionConsented: true } } });
  const plan = buildPlan(c, diagnosis([finding("oauth-misconfigured")]), "en");
  assert.deepEqual(plan.steps.map((s) => s.id), ["oauth-service-principal", "oauth-mailbox-permission"]);
  assert.equal(plan.steps[0]?.commands[0]?.text, "New-ServicePrincipal -AppId '<application-id>' -ObjectId '<enterprise-app-object-id>'");
  assert.match(plan.steps[0]?.why ?? "", /enterprise application/);
  assert.match(plan.steps[1]?.commands[0]?.text ?? "", /^Add-MailboxPermission -Identity 'mfp@contoso\.com' -User '<enterprise-app-object-id>' -AccessRights FullAccess$/);
});

test("the plan holds no secrets from the case", () => {
  const c = deviceCase({ device: { auth: "basic", username: "mfp@contoso.com", reply: "AUTH PLAIN AG1mcEBjb250b3NvLmNvbQBTM2NyZXQh\n535 5.7.139 Authentication unsuccessful" } });
  const plan = buildPlan(c, diagnosis(CAUSE_IDS.map((id) => finding(id))), "en");
  const json = JSON.stringify(plan);
  assert.ok(!json.includes("AG1mcEBjb250b3NvLmNvbQBTM2NyZXQh"));
  assert.ok(!json.includes("S3cret"));
});

test("with security defaults on, no per-account exception is offered as usable", () => {
  const plan = buildPlan(deviceCase({ tenant: { securityDefaultsEnabled: true } }), diagnosis([finding("security-defaults")]), "en");
  for (const o of plan.options.filter((x) => x.perAccountException)) {
    assert.equal(o.availability, "no");
    assert.match(o.availabilityNote ?? "", /security defaults/);
  }
  assert.equal(plan.options.find((o) => o.id === "hve")?.availability, "check");
});

test("an exception to what is no cause here is not usable (found in tmux: 'per-user MFA off: usable' while MFA was off already)", () => {
  const c = deviceCase({ account: { perUserMfaState: "disabled", legacyAuthBlockedByConditionalAccess: false, authenticationPolicy: null } });
  const plan = buildPlan(c, diagnosis([finding("tenant-smtp-auth-disabled")]), "en");
  const exceptions = plan.options.filter((x) => x.perAccountException);
  assert.equal(exceptions.length, 3);
  for (const o of exceptions) {
    assert.equal(o.availability, "no", o.id);
    assert.match(o.availabilityNote ?? "", /not a cause in this case/);
  }
  // Where it is the cause, the exception stays an option (last, with what it opens).
  const mfa = buildPlan(c, diagnosis([finding("per-user-mfa")]), "ja").options.find((o) => o.id === "exception-per-user-mfa");
  assert.equal(mfa?.availability, "yes");
});

test("the SMTP AUTH switch for a device that can use neither OAuth nor its password past security defaults comes after the ways that need no sign-in, and says why (persona run P2-10)", () => {
  const c = deviceCase({ device: { auth: "basic", oauthSupported: false, username: "mfp@contoso.com" } });
  const d = diagnosis([finding("security-defaults", "blocking"), finding("mailbox-smtp-auth-disabled", "blocking")]);
  for (const lang of LANGS) {
    const plan = buildPlan(c, d, lang);
    const ids = plan.steps.map((s) => s.id);
    assert.ok(ids.indexOf("mailbox-enable-smtp-auth") > ids.indexOf("send-another-way"), ids.join(", "));
    assert.ok(ids.indexOf("mailbox-enable-smtp-auth") < ids.indexOf("security-defaults-replace"), ids.join(", "));
    assert.ok(plan.steps.find((s) => s.id === "mailbox-enable-smtp-auth")?.warning);
  }
  // A device that can use OAuth needs the switch for it: first, as a blocking cause's fix.
  const oauthable = buildPlan(deviceCase({ device: { auth: "basic", oauthSupported: true, username: "mfp@contoso.com" } }), d, "en");
  assert.equal(oauthable.steps[0]?.id, "mailbox-enable-smtp-auth");
  assert.equal(oauthable.steps[0]?.warning, undefined);
});

test("the per-user MFA step's admin-center path is the question's own (persona round 5, C3: the step left out Identity / ID)", () => {
  for (const lang of LANGS) {
    const plan = buildPlan(deviceCase(), diagnosis([finding("per-user-mfa", "blocking")]), lang);
    const path = plan.steps.find((s) => s.id === "account-per-user-mfa")?.adminCenter?.path ?? [];
    const where = t(lang, "questions.account.perUserMfaState.where");
    assert.ok(where.includes(path.slice(0, 3).join(" > ")), `${path.join(" > ")} / ${where}`);
  }
});

test("a device set to the organization's MX host on port 25 that cannot connect: that host on port 25 is tested, and kept for Direct Send", () => {
  const base = deviceCase();
  const c = deviceCase({ device: { ...base.device, host: "Contoso-com.mail.protection.outlook.com", port: 25 } });
  for (const lang of LANGS) {
    const plan = buildPlan(c, diagnosis([finding("network-unreachable", "possible"), finding("wrong-endpoint", "possible")]), lang);
    const network = plan.steps.find((s) => s.id === "device-network");
    assert.equal(network?.title, t(lang, "plan.step.device-network.mx.title", { host: "contoso-com.mail.protection.outlook.com", port: "25" }), lang);
    assert.deepEqual(network?.check.map((x) => x.text), ["Test-NetConnection -ComputerName 'contoso-com.mail.protection.outlook.com' -Port 25"], lang);
    const endpoint = plan.steps.find((s) => s.id === "device-endpoint");
    assert.equal(endpoint?.title, t(lang, "plan.step.device-endpoint.mx.title", { host: "contoso-com.mail.protection.outlook.com" }), lang);
  }
  // On another port the MX host is simply the wrong endpoint: the general steps (smtp.office365.com on 587).
  const on587 = buildPlan(deviceCase({ device: { ...base.device, host: "contoso-com.mail.protection.outlook.com", port: 587 } }), diagnosis([finding("network-unreachable", "possible")]), "en");
  assert.equal(on587.steps.find((s) => s.id === "device-network")?.title, t("en", "plan.step.device-network.title"));
});

test("a host a letter or two from Microsoft 365's: the step corrects it to that host and says what the wrong name may have received (persona round 7 #10b)", () => {
  const base = deviceCase();
  const c = deviceCase({ device: { ...base.device, host: "smtp.office365.con" } });
  const typo = finding("wrong-endpoint", "blocking");
  typo.evidence = [{ kind: "inference", messageKey: "inference.hostTypo", params: { host: "smtp.office365.com" } }];
  for (const lang of LANGS) {
    const step = buildPlan(c, diagnosis([typo]), lang).steps.find((s) => s.id === "device-endpoint");
    assert.equal(step?.title, t(lang, "plan.step.device-endpoint.typo.title", { host: "smtp.office365.com", typed: "smtp.office365.con" }), lang);
    assert.equal(step?.why, t(lang, "plan.step.device-endpoint.typo.why", { host: "smtp.office365.com", typed: "smtp.office365.con" }), lang);
    assert.deepEqual(step?.verify.commands.map((x) => x.text), ["Test-NetConnection -ComputerName 'smtp.office365.com' -Port 587"], lang);
  }
});
