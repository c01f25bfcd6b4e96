// Twelfth hunt (./real-pastes-found-12.ts: monitoring, backup and NAS products, SQL Server's Database Mail and SSRS, hosting
// providers): the readings it found wrong and fixed, through the real parser, engine and plan (explain --json), in both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_12 } from "./real-pastes-found-12.js";
import { assertNoTenantCause, explain, infoIds, notesOf, pasteOf, statuses, stepIds } from "./real-pastes-data.js";

const paste = pasteOf(FOUND_ROUND_12);
const LANGS = ["en", "ja"] as const;

test("#9: rustls' 'invalid peer certificate' (Vaultwarden through lettre) is the server's certificate refused, not bad input", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(9), lang);
    assert.deepEqual(statuses(json), ["tls-handshake-failed:blocking"], lang);
  }
});

test("#12: '502 5.3.3 Command not implemented' to go-mail's MAIL FROM is a parameter the program adds (SMTPUTF8), not commands out of order or the firmware", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(12), lang);
    assert.deepEqual(notesOf(json), ["note.mailFromParameterRefused"], lang);
    const [step] = json.plan.steps;
    assert.equal(step?.id, "device-firmware", lang);
    assert.match(step?.title ?? "", /SMTPUTF8/, lang);
  }
  const { analyzeReply } = await import("../../src/replies/index.js");
  // Without the command named, a 502 keeps its reading.
  assert.equal(analyzeReply("502 Invalid/unsupported command").primary?.patternId, "protocol-error");
});

test("#13: OPNsense's 'could not connect to the host \"smtp.strato.de\"' tests that host, and offers smtp.office365.com only if the device should send through Microsoft 365", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(13), lang);
    const steps = json.plan.steps as unknown as Array<{ id: string; title: string; check?: Array<{ text: string }> }>;
    assert.deepEqual(steps.find((s) => s.id === "device-network")?.check?.map((c) => c.text), ["Test-NetConnection -ComputerName 'smtp.strato.de' -Port 587"], lang);
    assert.match(steps.find((s) => s.id === "device-endpoint")?.title ?? "", /smtp\.strato\.de/, lang);
  }
});

test("#15: a host's outbound spam block ('[CSR] … unusual amount of unsolicited email originating from your address') is the account blocked at that service", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(15), lang);
    assert.deepEqual(statuses(json), ["provider-sign-in-refused:blocking"], lang);
    assert.deepEqual(notesOf(json).filter((n) => n === "note.accountBlockedByProvider"), ["note.accountBlockedByProvider"], lang);
    assertNoTenantCause(`#15 ${lang}`, json);
  }
});

test("#14, #16: a host's own refusals (cPanel's 'max defers and failures per hour', 'End-of-data rejected: user not permitted to relay') are that service's limit and account, not Exchange Online's", async () => {
  for (const lang of LANGS) {
    const fourteen = (await explain(paste(14), lang)).json;
    assert.deepEqual(statuses(fourteen), ["sending-limit:blocking"], lang);
    assert.deepEqual(stepIds(fourteen), ["provider-service-limits"], lang);
    assertNoTenantCause(`#14 ${lang}`, fourteen);
    const sixteen = (await explain(paste(16), lang)).json;
    assert.deepEqual(statuses(sixteen), ["provider-sign-in-refused:blocking"], lang);
    assert.deepEqual(notesOf(sixteen).filter((n) => n === "note.accountBlockedByProvider"), ["note.accountBlockedByProvider"], lang);
    assert.ok(infoIds(sixteen).includes("provider-other") && !infoIds(sixteen).includes("delivery-refused"), lang);
    assertNoTenantCause(`#16 ${lang}`, sixteen);
  }
});

test("#8: a self-signed certificate is the server's (or an inspecting box's): find it and give it a trusted certificate, not the device's firmware", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(8), lang);
    assert.deepEqual(statuses(json), ["tls-handshake-failed:blocking"], lang);
    assert.deepEqual(notesOf(json), ["note.selfSignedCertificate"], lang);
    const [step] = json.plan.steps as unknown as Array<{ id: string; title: string; who: string }>;
    assert.equal(step?.who, "network-admin", lang);
    assert.match(step?.title ?? "", lang === "en" ? /self-signed certificate/ : /自己署名の証明書/, lang);
  }
});

test("#2, #3: .NET's bare 'Failure sending mail.' (Database Mail, Reporting Services) is undetermined with the inner exception asked for, not bad input; beside another failure it adds nothing", async () => {
  for (const n of [2, 3]) {
    for (const lang of LANGS) {
      const { code, json } = await explain(paste(n), lang);
      assert.equal(code, 3, `#${n} ${lang}`);
      assert.deepEqual([...statuses(json)].sort(), ["network-unreachable:possible", "tls-version-unsupported:possible"], `#${n} ${lang}`);
      assert.ok(notesOf(json).includes("note.dotnetInnerException"), `#${n} ${lang}`);
    }
  }
  const { analyzeReply } = await import("../../src/replies/index.js");
  const beside = analyzeReply('Exception calling "Send" with "1" argument(s): "Failure sending mail."\nWARNING: Ping to 40.100.28.210 failed with status: TimedOut');
  assert.ok(!beside.matches.some((m) => m.patternId === "dotnet-failure-sending-mail"));
  // Database Mail's own "… the mail server failure. (Sending Mail using …" is not those words (#1: an address's format).
  assert.ok(!analyzeReply(paste(1).text).matches.some((m) => m.patternId === "dotnet-failure-sending-mail"));
  // MailKit's list of guesses names a self-signed certificate without one seen: a certificate in general, as before.
  assert.equal(analyzeReply("MailKit.Security.SslHandshakeException: An error occurred. 1. The server is using a self-signed certificate which cannot be verified.").matches.some((m) => m.patternId === "tls-self-signed"), false);
});

test("#6: curl's 'URL using bad/illegal format or missing URL' (Zabbix) is a setting curl cannot put in its smtp:// address, with the HELO field named, not bad input", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(6), lang);
    assert.deepEqual(notesOf(json), ["note.curlUrlMalformed"], lang);
    assert.deepEqual(stepIds(json), ["device-endpoint"], lang);
  }
});

test("#11: SAP's XS853 'No delivery to &1, authentication required' is SAP's SMTP node not signing in, with SCOT's way out; no other service is named", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(11), lang);
    assert.deepEqual(statuses(json), ["no-authentication:blocking"], lang);
    assert.deepEqual(notesOf(json), ["note.sapSmtpNode"], lang);
    assert.ok(!infoIds(json).includes("provider-other"), lang);
  }
  const { analyzeReply } = await import("../../src/replies/index.js");
  // As SOST shows it, the recipient in place of "&1"; and by its number.
  assert.equal(analyzeReply("No delivery to jane.doe@example.com, authentication required").primary?.patternId, "sap-auth-required");
  assert.equal(analyzeReply("Message no. XS853").primary?.patternId, "sap-auth-required");
  // A pattern that needs its code reads no text without one: the words alone are any server's.
  assert.equal(analyzeReply("Authentication required").recognized, false);
  assert.equal(analyzeReply("530 5.7.0 Authentication Required").primary?.patternId, "other-auth-required");
  // The server's own reply beside SAP's message says more.
  assert.equal(analyzeReply("No delivery to &1, authentication required\n530 5.7.57 Client not authenticated to send mail").primary?.patternId, "not-authenticated");
});

test("#1: Database Mail's 'The specified string is not in the form required for an e-mail address' is an address .NET could not read before sending (the From address or a recipient), not 'no reply found'", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(1), lang);
    assert.deepEqual(statuses(json), ["sender-address-invalid:blocking"], lang);
    assert.deepEqual(notesOf(json), ["note.addressFormatBeforeSending"], lang);
    const [step] = json.plan.steps;
    assert.equal(step?.id, "device-sender-address", lang);
    assert.match(step?.title ?? "", /\.NET/, lang);
  }
  const { analyzeReply } = await import("../../src/replies/index.js");
  // .NET's Japanese words for it.
  assert.equal(analyzeReply("System.FormatException: 指定された文字列は、電子メール アドレスに必要な形式ではありません。").primary?.patternId, "dotnet-address-format");
  // A server's own refusal of the sender keeps the ordinary step.
  const { json } = await explain({ source: "(this test)", text: "501 5.1.7 Invalid address" }, "en");
  assert.ok(!/\.NET/.test(json.plan.steps.find((s) => s.id === "device-sender-address")?.title ?? ""));
});

test("#5: QNAP's 「認証が切れました。アカウントを再認証しています。」 is the device's OAuth authorisation expired (sign in again on it), not 'no reply found'", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(5), lang);
    assert.deepEqual(statuses(json), ["device-oauth-token:blocking"], lang);
    assert.deepEqual(stepIds(json), ["device-oauth-token"], lang);
  }
});
