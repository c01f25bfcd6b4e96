// Sixth hunt (./real-pastes-found-6.ts): readings fixed after the hunt, each against the `reading` written before the tool was
// run on the paste (hunt6-report.md lists them). Through the real parser, engine and plan (explain --json and its text).
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_6 } from "./real-pastes-found-6.js";
import { assertNoTenantCause, explain, explainText, ids, pasteOf } from "./real-pastes-data.js";
import { t } from "../../src/i18n/index.js";
import { analyzeReply } from "../../src/replies/index.js";
import { evaluate } from "../../src/engine/index.js";
import { buildPlan } from "../../src/plan/index.js";

const paste = pasteOf(FOUND_ROUND_6);
const LANGS = ["en", "ja"] as const;

test("#18: Exchange Server offers only NTLM and PHPMailer gives up without sending AUTH: no sign-in method in common, not a refused password", async () => {
  const p = paste(18);
  assert.ok(p.source.includes("mCJnxPkH"));
  for (const lang of LANGS) {
    const { code, json } = await explain(p, lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(ids(json), ["onprem-basic-auth-off"], lang);
    assert.deepEqual(json.plan.steps.map((s) => s.id), ["onprem-server-auth"], lang);
    assertNoTenantCause(lang, json);
  }
  // The same offer with a sign-in the server refused in its own words: that refusal is read (a password refused after NTLM).
  const tried = analyzeReply(`250-AUTH NTLM\n535 5.7.3 Authentication unsuccessful\nSMTP Error: Could not authenticate.`);
  assert.ok(!tried.matches.some((m) => m.candidates.includes("onprem-basic-auth-off")), JSON.stringify(tried.matches.map((m) => m.candidates)));
});

test("#35 and #06: Exchange Server's '5.7.1 Client does not have permissions to send as this sender' gets Exchange Server's advice, not Exchange Online's Add-RecipientPermission, retirement warning or 'move to OAuth'", async () => {
  for (const n of [35, 6]) {
    const p = paste(n);
    for (const lang of LANGS) {
      const { code, json } = await explain(p, lang);
      assert.equal(code, 1, `#${n} ${lang}`);
      assert.deepEqual(ids(json), ["provider-sender-mismatch"], `#${n} ${lang}`);
      assertNoTenantCause(`#${n} ${lang}`, json);
      const step = json.plan.steps.find((s) => s.id === "provider-from-address");
      assert.equal(step?.why, t(lang, "plan.step.provider-from-address.why.onprem"), `#${n} ${lang}`);
      const out = await explainText(p, lang);
      assert.ok(!out.includes("Add-RecipientPermission"), `#${n} ${lang}`);
      assert.ok(out.includes("Add-ADPermission"), `#${n} ${lang}`);
    }
  }
  // #06 (.NET SmtpClient, which may send without signing in): no sign-in is claimed; #35's transcript shows its 235.
  const dotnet = await explain(paste(6), "en");
  assert.ok(!dotnet.json.info.some((i) => i.id === "auth-succeeded"), JSON.stringify(dotnet.json.info.map((i) => i.id)));
  const transcript = await explain(paste(35), "en");
  assert.ok(transcript.json.info.some((i) => i.id === "auth-succeeded"));
});

test("Exchange Online's own form of the refusal (550 5.7.60 SMTP; …) stays Exchange Online's: Send As in the tenant", () => {
  const reply = "550 5.7.60 SMTP; Client does not have permissions to send as this sender";
  const d = evaluate({ schema: "smtp-auth-doctor/case@1", device: { host: "smtp.office365.com", reply } }, { today: "2026-12-05" });
  assert.ok(d.causes.some((f) => f.id === "send-as-denied"), d.causes.map((c) => c.id).join(", "));
});

test("#20: Gmail's 5.7.26 'blocked because the sender is unauthenticated' is the sending domain's SPF/DKIM at delivery, not SMTP AUTH: no sign-in fact asked", async () => {
  const p = paste(20);
  for (const lang of LANGS) {
    const { code, json } = await explain(p, lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(ids(json), ["sender-domain-unauthenticated"], lang);
    assert.deepEqual(json.unknowns, [], lang);
    assert.deepEqual(json.plan.steps.map((s) => s.id), ["delivery-sender-domain-auth"], lang);
  }
  // Gmail's other 5.7.26 (SPF hard fail, fifth hunt #9) names Google in its words: the service stays named beside the cause.
  const spf = analyzeReply("550-5.7.26 The MAIL FROM domain [example.jp] has an SPF record with a hard fail policy (-all)\nbut it fails to pass SPF checks with the ip: [192.0.2.1].");
  assert.deepEqual([spf.primary?.candidates, spf.provider?.id], [["sender-domain-unauthenticated"], "google"]);
});

test("#01: AADSTS50076 (MFA required for a token asked with the user's password) is read: the app's sign-in flow, never 'turn MFA off'; the other user-side sign-in codes too", async () => {
  const p = paste(1);
  for (const lang of LANGS) {
    const { code, json } = await explain(p, lang);
    assert.equal(code, 1, lang);
    // The account's own sign-in, not the app's registration ("its client secret, its redirect URI …" was the summary).
    assert.deepEqual(ids(json), ["entra-user-sign-in-refused"], lang);
    assert.deepEqual(json.plan.steps.map((s) => s.id), ["entra-user-sign-in"], lang);
    assert.equal(json.plan.steps[0]?.title, t(lang, "plan.step.entra-user-sign-in.title"), lang);
    // Nothing on the SMTP side can be tried before the app has its token: only the flow and the user name are asked (were 13).
    assert.deepEqual([...json.unknowns].sort(), ["device.oauthFlow", "device.username"], lang);
    assert.ok(!json.info.some((i) => i.id === "assumed-oauth-mechanism"), lang);
    assert.ok(!json.plan.options.some((o) => (o as { id: string }).id === "exception-per-user-mfa"), lang);
    const out = await explainText(p, lang);
    assert.ok(out.replace(/\s+/g, "").includes(t(lang, "note.entra.mfaRequired").replace(/\s+/g, "")), `${lang}: the note on MFA and the password grant`);
    assert.ok(!out.replace(/\s+/g, "").includes(t(lang, "cli.explain.entraUnknown", { code: "AADSTS50076", number: "50076" }).replace(/\s+/g, "")), lang);
  }
  // A code this tool does not read names no cause: every unknown stays (nothing may turn "clear" for lack of questions).
  const unread = await explain({ source: "test", text: "AADSTS9999999: a code no table holds." }, "en");
  assert.notEqual(unread.json.verdict, "clear");
  assert.ok(unread.json.unknowns.includes("tenant.smtpClientAuthenticationDisabled"), JSON.stringify(unread.json.unknowns));
  const reading = (code: number) => analyzeReply(`{"error":"invalid_grant","error_description":"AADSTS${code}: whatever the words."}`).primary;
  const expected: Array<[number, string, string | undefined]> = [
    [50076, "entra-user-sign-in-refused", "note.entra.mfaRequired"],
    [50074, "entra-user-sign-in-refused", "note.entra.mfaRequired"],
    [53003, "entra-user-sign-in-refused", "note.entra.caBlocked"],
    [50126, "entra-user-sign-in-refused", "note.entra.badPassword"],
    [50055, "entra-user-sign-in-refused", "note.entra.passwordExpired"],
    [50053, "account-locked", undefined],
    [50057, "account-disabled", undefined],
  ];
  for (const [code, cause, note] of expected) {
    const m = reading(code);
    assert.deepEqual([m?.stage, m?.candidates, m?.decisive, m?.notes?.[0]], ["token", [cause], true, note], `AADSTS${code}`);
  }
  // Each kind has its own step: the flow (MFA), the sign-in logs (Conditional Access: read, never an exclusion offered), the
  // password, its expiry; never per-user MFA off, a Conditional Access exclusion, or the app registration's ids.
  const steps: Array<[number, "ca" | "password" | "expired" | undefined, string]> = [
    [50074, undefined, "device-owner"],
    [53003, "ca", "identity-admin"],
    [50126, "password", "device-owner"],
    [50055, "expired", "identity-admin"],
  ];
  for (const [code, variant, who] of steps) {
    for (const lang of LANGS) {
      const { json } = await explain({ source: "test", text: `{"error":"invalid_grant","error_description":"AADSTS${code}: whatever the words."}` }, lang);
      const ids = json.plan.steps.map((s) => s.id);
      assert.deepEqual(ids, ["entra-user-sign-in"], `AADSTS${code} ${lang}`);
      const step = json.plan.steps[0] as unknown as { title: string; who: string };
      assert.equal(step.title, t(lang, variant ? `plan.step.entra-user-sign-in.${variant}.title` : "plan.step.entra-user-sign-in.title"), `AADSTS${code} ${lang}`);
      assert.equal(step.who, who, `AADSTS${code} ${lang}`);
      const all = JSON.stringify(json.plan);
      for (const never of ["account-per-user-mfa", "account-ca-exclusion", "exception-per-user-mfa", "oauth-client-settings"]) assert.ok(!all.includes(never), `AADSTS${code} ${lang}: ${never}`);
    }
  }
});

test("#28: a Postfix log of AUTH XOAUTH2 refused with 535 5.7.3: the text shows OAuth, so no Basic-auth options, no 'Basic auth likely' and no retirement note", async () => {
  const p = paste(28);
  for (const lang of LANGS) {
    const { json } = await explain(p, lang);
    // The XOAUTH2 string names karl_rez@outlook.com: a personal account, no tenant to consent in (its token is refused).
    assert.deepEqual(ids(json), ["consumer-oauth-refused"], lang);
    assert.deepEqual(json.plan.steps.map((s) => s.id), ["consumer-oauth-token"], lang);
    const plan = json.plan as unknown as { basicAuth: string; options: unknown[]; notes: string[] };
    assert.equal(plan.basicAuth, "no", lang);
    assert.deepEqual(plan.options, [], lang);
    for (const key of ["plan.note.basicLikely", "plan.note.basicRetirement", "plan.note.basicDisabledByDefault"] as const) assert.ok(!plan.notes.includes(t(lang, key)), `${lang}: ${key}`);
  }
  // Only the address is read from the XOAUTH2 string: neither the string nor its token reaches any output.
  const blob = /AUTH XOAUTH2 (\S+)/.exec(p.text)?.[1] as string;
  // eslint-disable-next-line no-control-regex
  const token = /auth=Bearer ([^\x01]+)/.exec(Buffer.from(blob, "base64").toString("latin1"))?.[1] as string;
  assert.ok(token.length > 20);
  for (const lang of LANGS) {
    const outputs = [JSON.stringify((await explain(p, lang)).json), await explainText(p, lang)];
    for (const out of outputs) {
      assert.ok(out.includes("karl_rez@outlook.com"), lang);
      assert.ok(!out.includes(blob.slice(0, 40)) && !out.includes(blob.slice(40, 80)) && !out.includes(token.slice(0, 16)), `${lang}: the XOAUTH2 string or its token in the output`);
    }
  }
  // A work address in the XOAUTH2 string is a tenant's mailbox: the tenant's OAuth set-up, as before; so is a recorded work user name.
  const work = Buffer.from(`user=printer@contoso.com\x01auth=Bearer ${token}\x01\x01`, "latin1").toString("base64");
  const tenant = { ...p, text: p.text.replace(blob, work) };
  assert.deepEqual(ids((await explain(tenant, "en")).json), ["oauth-misconfigured"]);
  assert.equal(analyzeReply(tenant.text).oauthUser, undefined);
  const recorded = evaluate({ schema: "smtp-auth-doctor/case@1", device: { username: "printer@contoso.com", reply: p.text } }, { today: "2026-12-05" });
  assert.ok(!recorded.causes.some((f) => f.id === "consumer-oauth-refused"), recorded.causes.map((f) => f.id).join(", "));
  // A string cut before the end of its address, or not base64 at all, names nobody.
  assert.equal(analyzeReply(p.text.replace(blob, blob.slice(0, 20))).oauthUser, undefined);
  assert.equal(analyzeReply(p.text.replace(blob, `dXNlcj${"!".repeat(30)}`)).oauthUser, undefined);
  // The same refusal after AUTH LOGIN: a password sign-in, shown as such ("yes", not "likely").
  const login = { ...p, text: p.text.replace(/AUTH XOAUTH2 \S+/, "AUTH LOGIN") };
  const { json } = await explain(login, "en");
  assert.equal((json.plan as unknown as { basicAuth: string }).basicAuth, "yes");
});

test("#36: Exim's '503 Administrative prohibition -- authorization required' (mail.ru, after a session that never signed in) is mail sent without a sign-in, not commands in the wrong order", async () => {
  const p = paste(36);
  const a = analyzeReply(p.text);
  assert.deepEqual([a.primary?.patternId, a.primary?.candidates], ["other-authorization-required", ["no-authentication"]]);
  for (const lang of LANGS) {
    const { json } = await explain(p, lang);
    assert.deepEqual(ids(json), ["no-authentication"], lang);
    assertNoTenantCause(lang, json);
  }
  // A 503 of another wording stays a command out of order.
  assert.deepEqual(analyzeReply("503 5.5.1 Bad sequence of commands").primary?.candidates, ["client-protocol-error"]);
});

test("#12: nodemailer's 'Connection established' then 'Greeting never received' is a connection held without its greeting, said so, not 'no connection can be opened'", async () => {
  const p = paste(12);
  const a = analyzeReply(p.text);
  assert.deepEqual([a.primary?.patternId, a.primary?.stage, a.primary?.notes], ["network-no-greeting", "network", ["note.connectedNoGreeting"]]);
  for (const lang of LANGS) {
    const out = await explainText(p, lang);
    // (nodemailer's own words: a program's, so the application's text of the note.)
    assert.ok(out.replace(/\s+/g, "").includes(t(lang, "note.connectedNoGreeting.app").replace(/\s+/g, "")), lang);
  }
  // A timeout without those words is still a timeout.
  assert.equal(analyzeReply("Error: connect ETIMEDOUT 40.101.92.18:587").primary?.patternId, "network-timeout");
});

test("#16: ssmtp's configuration pasted with its -vvv log: the user name it sets ('AuthUser=customerservice') is no full address, and its '[->] AUTH LOGIN' marks a password sign-in", async () => {
  const p = paste(16);
  const a = analyzeReply(p.text);
  assert.deepEqual(a.userName, { value: "customerservice", clue: "AuthUser=customerservice" });
  assert.equal(a.mechanismTried, "LOGIN");
  for (const lang of LANGS) {
    const { json } = await explain(p, lang);
    const wrong = json.causes.find((c) => c.id === "wrong-credentials") as { status: string; notes: string[] } | undefined;
    assert.equal(wrong?.status, "blocking", lang);
    assert.equal(ids(json)[0], "wrong-credentials", lang);
    const out = await explainText(p, lang);
    assert.ok(out.includes("AuthUser=customerservice"), lang);
    assert.ok(!out.includes("mypassword"), `${lang}: the password of the configuration is never shown`);
  }
  // A poster's placeholder is no evidence of the device's name: at most possible.
  const placeholder = { ...p, text: p.text.replace("AuthUser=customerservice", "AuthUser=smtp_username") };
  const { json } = await explain(placeholder, "en");
  assert.notEqual((json.causes.find((c) => c.id === "wrong-credentials") as { status: string } | undefined)?.status, "blocking");
  // A full address there: no finding from it.
  const full = analyzeReply("SMTP_USER=scanner@contoso.com\n535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.");
  assert.equal(full.userName?.value, "scanner@contoso.com");
});

test("#33, #22, #23: Exchange Online's OutboundSpamException is a restricted sender; Outlook's Japanese 'サーバーの応答:認証が必要です' and sendmail's 'Relaying denied' are mail sent without a sign-in", async () => {
  const expected: Array<[number, string, string[]]> = [
    [33, "sender-restricted", ["sender-restricted"]],
    [22, "auth-required-words", ["no-authentication", "starttls-missing"]],
    [23, "other-relay-needs-auth", ["no-authentication"]],
  ];
  for (const [n, pattern, causes] of expected) {
    const p = paste(n);
    const a = analyzeReply(p.text);
    assert.deepEqual([a.primary?.patternId, a.primary?.candidates], [pattern, causes], `#${n}`);
    for (const lang of LANGS) {
      const { code, json } = await explain(p, lang);
      assert.notEqual(code, 2, `#${n} ${lang}: read`);
      assert.deepEqual([...ids(json)].sort(), [...causes].sort(), `#${n} ${lang}`);
    }
  }
});

test("#32: PHPMailer's debug output pasted as one line is read entry by entry: after the server's '220 2.0.0' to STARTTLS, 'Could not connect to SMTP host' is the TLS handshake failing, not 'TLS: success'", async () => {
  const p = paste(32);
  const a = analyzeReply(p.text);
  assert.ok(a.replies.some((r) => r.line === "220 2.0.0 SMTP server ready"), a.replies.map((r) => r.line).join(" | "));
  assert.deepEqual([a.primary?.patternId, a.primary?.stage, a.primary?.candidates], ["tls-failed-after-starttls", "tls", ["tls-version-unsupported", "tls-handshake-failed"]]);
  for (const lang of LANGS) {
    const { json } = await explain(p, lang);
    assert.deepEqual([...ids(json)].sort(), ["tls-handshake-failed", "tls-version-unsupported"], lang);
    // A program has no firmware: its library and runtime are what is updated, and the certificate check stays on.
    const step = json.plan.steps.find((s) => s.id === "device-firmware");
    assert.equal(step?.title, t(lang, "plan.step.device-firmware.app.title"), lang);
    assert.equal(step?.why, t(lang, "plan.step.device-firmware.app.why", { program: "PHPMailer" }), lang);
  }
  // A device's own TLS failure (no program's words in it) keeps the firmware step.
  const device = { schema: "smtp-auth-doctor/case@1", device: { host: "smtp.office365.com", reply: "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2." } } as const;
  const panel = evaluate(device, { today: "2026-12-05" });
  const firmware = buildPlan(device, panel, "en").steps.find((s) => s.id === "device-firmware");
  assert.equal(firmware?.title, t("en", "plan.step.device-firmware.title"), JSON.stringify(panel.causes.map((c) => c.id)));
  // The same failure before any STARTTLS stays a connection that could not be opened.
  assert.equal(analyzeReply("SMTP Error: Could not connect to SMTP host.").primary?.stage, "network");
});

test("#03: nodemailer's 'Invalid login: 502 Command not implemented' with command: 'AUTH PLAIN' is the sign-in method refused at AUTH: one cause, not also commands in the wrong order at MAIL FROM", async () => {
  const p = paste(3);
  const a = analyzeReply(p.text);
  assert.deepEqual([a.primary?.stage, a.primary?.candidates], ["auth", ["auth-mechanism-unsupported"]]);
  for (const lang of LANGS) {
    const { json } = await explain(p, lang);
    assert.deepEqual(ids(json).filter((id) => id !== "basic-auth-retired"), ["auth-mechanism-unsupported"], lang);
  }
  // The field names the stage of other refusals too: a 550 with command: 'MAIL FROM' stays at MAIL FROM.
  const from = analyzeReply("Error: Message failed: 550 5.7.60 SMTP; Client does not have permissions to send as this sender\n  command: 'MAIL FROM'");
  assert.equal(from.primary?.stage, "mail-from");
});

test("#08, #09: an SMTP-to-Graph relay's ErrorSendAsDenied is Send As refused, its ErrorAccessDenied the app's Graph permission, each with a note on what Graph wants (they were 'no SMTP reply' and 'not a reply this tool knows')", async () => {
  const expected: Array<[number, string, "note.graphSendAs" | "note.graphAccessDenied"]> = [
    [8, "send-as-denied", "note.graphSendAs"],
    [9, "oauth-client-settings", "note.graphAccessDenied"],
  ];
  for (const [n, cause, note] of expected) {
    const p = paste(n);
    for (const lang of LANGS) {
      const { code, json } = await explain(p, lang);
      assert.equal(code, 1, `#${n} ${lang}`);
      assert.deepEqual(ids(json), [cause], `#${n} ${lang}`);
      const out = await explainText(p, lang);
      assert.ok(out.replace(/\s+/g, "").includes(t(lang, note).replace(/\s+/g, "")), `#${n} ${lang}`);
    }
  }
});

test("#34: the IIS SMTP service's W3C log is read as a transcript: its replies without the '+' for blanks and the log's fields, the refusal at BDAT placed at the end of the message", () => {
  const a = analyzeReply(paste(34).text);
  assert.equal(a.primary?.reply.line, "550 5.7.60 SMTP; Client does not have permissions to send as this sender");
  assert.deepEqual([a.primary?.stage, a.primary?.candidates], ["data", ["send-as-denied"]]);
  assert.ok(a.replies.some((r) => r.line === "250 2.1.0 Sender OK"));
});

test("#17: a Postfix log relaying to smtp.office365.us (GCC High) gets that host in every step and the US government note, never smtp.office365.com", async () => {
  const p = paste(17);
  for (const lang of LANGS) {
    const { json } = await explain(p, lang);
    assert.ok(json.info.some((i) => i.id === "exchange-online-us-government"), lang);
    const plan = json.plan as unknown as { steps: Array<Record<string, unknown>>; notes: string[] };
    assert.ok(plan.notes.includes(t(lang, "plan.note.usGovernment")), lang);
    const steps = JSON.stringify(plan.steps);
    assert.ok(!steps.includes("smtp.office365.com"), `${lang}: the worldwide host in a step`);
    assert.ok(steps.includes("smtp.office365.us"), lang);
    // Postfix sends for the device: its main.cf signs in and starts TLS, by the relay's administrator, not "on the device".
    const byId = new Map(json.plan.steps.map((s) => [s.id, s as unknown as { title: string; who: string; why: string }]));
    assert.equal(byId.get("device-enable-auth")?.title, t(lang, "plan.step.device-enable-auth.postfix.title"), lang);
    assert.equal(byId.get("device-port-starttls")?.title, t(lang, "plan.step.device-port-starttls.postfix.title"), lang);
    assert.equal(byId.get("device-enable-auth")?.who, "network-admin", lang);
    assert.ok(byId.get("device-enable-auth")?.why.includes("[smtp.office365.us]:587"), lang);
  }
  // A device's own 530 5.7.57 (no relay's log) keeps the device's steps.
  const device = await explain({ source: "test", text: "530 5.7.57 Client not authenticated to send mail. [BN1P110CA0052.NAMP110.PROD.OUTLOOK.COM]" }, "en");
  assert.equal(device.json.plan.steps.find((s) => s.id === "device-enable-auth")?.title, t("en", "plan.step.device-enable-auth.title"));
  // The worldwide host stays the worldwide one.
  const { json } = await explain({ ...p, text: p.text.replace(/office365\.us/g, "office365.com") }, "en");
  assert.ok(!json.info.some((i) => i.id === "exchange-online-us-government"));
});

test("GCC High's sign-in host (login.microsoftonline.us) out of reach: the US government organization is recognised and the step names that host, not the worldwide one", async () => {
  const p = { source: "derived from the fifth hunt's #19 (MustMail) with the US government sign-in host", text: "Azure.Identity.AuthenticationFailedException: ClientSecretCredential authentication failed: Resource temporarily unavailable (login.microsoftonline.us:443)" };
  for (const lang of LANGS) {
    const { json } = await explain(p, lang);
    assert.ok(json.info.some((i) => i.id === "exchange-online-us-government"), lang);
    const steps = JSON.stringify(json.plan.steps);
    assert.ok(steps.includes("login.microsoftonline.us") && !steps.includes("login.microsoftonline.com"), `${lang}: ${steps.slice(0, 300)}`);
  }
});

test("#04: Go's 'read tcp …->[…]:587: i/o timeout' is a connection opened whose answer never came in time (a note says what holds it), not the wrong server; 'dial tcp …: i/o timeout' stays a connection that could not be opened", async () => {
  const p = paste(4);
  const a = analyzeReply(p.text);
  assert.deepEqual([a.primary?.patternId, a.primary?.candidates, a.primary?.notes], ["network-read-timeout", ["network-unreachable"], ["note.readTimeout"]]);
  for (const lang of LANGS) {
    const { json } = await explain(p, lang);
    assert.deepEqual(ids(json), ["network-unreachable"], lang);
    assert.ok(!json.plan.steps.some((s) => s.id === "device-endpoint"), lang);
    const out = (await explainText(p, lang)).replace(/\s+/g, "");
    assert.ok(out.includes(t(lang, "note.readTimeout").replace(/\s+/g, "")), lang);
  }
  const dial = analyzeReply("err: dial tcp 52.96.0.1:587: i/o timeout");
  assert.equal(dial.primary?.patternId, "network-timeout");
});

test("#27: Outlook.com's own block list for the sending network (S3140) is a delivery refusal with its own delisting (the sender support form, by the address's owner): not 'no cause' with no step", async () => {
  const p = paste(27);
  assert.ok(p.text.includes("S3140"));
  for (const lang of LANGS) {
    const { code, json } = await explain(p, lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(ids(json), ["sending-ip-on-outlook-com-list"], lang);
    assert.deepEqual(json.plan.steps.map((s) => s.id), ["delist-outlook-com"], lang);
    assert.deepEqual(json.unknowns, [], lang);
    assertNoTenantCause(lang, json);
    const plan = JSON.stringify(json.plan);
    // Not Microsoft 365's portal, and not a public list's site.
    assert.ok(plan.includes("LinkID=614866") && !plan.includes("delist-sending-ip") && !plan.includes("delist-public-blocklist"), lang);
  }
  // The older wording (SC-001, no enhanced code) and S3150 are the same list; Spamhaus stays the public list's.
  assert.equal(analyzeReply("550 SC-001 (BAY004-MC2F37) Unfortunately, messages from 198.51.100.4 weren't sent. Please contact your Internet service provider since part of their network is on our block list. You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.").primary?.candidates[0], "sending-ip-on-outlook-com-list");
  assert.equal(analyzeReply("550 5.7.1 Unfortunately, messages from [198.51.100.4] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).").primary?.candidates[0], "sending-ip-on-outlook-com-list");
  assert.equal(analyzeReply("554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org").primary?.candidates[0], "sending-ip-on-public-blocklist");
});

test("#10: Ricoh's Scan to Office365 panel message 'Cannot Connect to Office365 Service.' is read as a path the device cannot take to Microsoft 365 (SMTP or its HTTPS sign-in), not refused as having no reply", async () => {
  const p = paste(10);
  for (const lang of LANGS) {
    const { code, json } = await explain(p, lang);
    assert.equal(code, 3, lang);
    assert.deepEqual([...ids(json)].sort(), ["entra-unreachable", "network-unreachable"], lang);
    assert.ok(json.causes.every((c) => (c as unknown as { status: string }).status === "possible"), lang);
    assert.deepEqual([...json.plan.steps.map((s) => s.id)].sort(), ["app-reach-entra", "device-network"], lang);
    for (const never of ["device-credentials", "account-password"]) assert.ok(!JSON.stringify(json.plan).includes(never), `${lang}: ${never}`);
  }
});
