// Leftovers of the sixteenth hunt (./real-pastes-found-16.ts), read again: Exchange Online's newer 5.7.57 wording, n8n's 5.7.708,
// a hosting provider's Exim greeting in place of Microsoft's, FluentSMTP's 423 and Mailspring's 296, and Go's unknown-authority
// certificate. Each paste's source is recorded with it (FOUND_ROUND_16, or here); the reading is domain.md's.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_16 } from "./real-pastes-found-16.js";
import { explain, notesOf, pasteOf, statuses, stepIds } from "./real-pastes-data.js";
import { t } from "../../src/i18n/index.js";
import { analyzeReply } from "../../src/replies/index.js";
import type { Case } from "../../src/case/schema.js";
import { CASE_SCHEMA_ID } from "../../src/case/values.js";
import { evaluate } from "../../src/engine/index.js";
import { pasteSummaryText, pointedCauses } from "../../src/flow/summary.js";
import { runMain } from "../helpers/run-main.js";

const round16 = pasteOf(FOUND_ROUND_16);
const LANGS = ["en", "ja"] as const;

// A Postfix smarthost that had no password for the next hop (tarickb/sasl-xoauth2#96, held in real-pastes-found-2.ts) and a
// script whose wrapper did not pass its credential (ZacksHomeLab/BitWarden#2, sixteenth hunt #3): the newer wording
// "Client not authenticated to send mail". Exchange Online answers a session without STARTTLS with "451 5.7.3 STARTTLS is
// required to send mail" (held: VeeamHub #190, SendEmail-BuildTask #66), so this wording means TLS was up and no AUTH was sent.
test("16#3: the newer 5.7.57 wording ('Client not authenticated to send mail') leads with the sender not signing in, STARTTLS after it", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(round16(3), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["no-authentication:possible", "starttls-missing:possible"], lang);
    assert.deepEqual(stepIds(json).slice(0, 2), ["device-enable-auth", "device-port-starttls"], lang);
    assert.ok(json.causes[1]?.notes?.includes("note.starttlsAnsweredOtherwise"), lang);
  }
  for (const t of ["530 5.7.57 Client not authenticated to send mail.", "530 5.7.57 Client not authenticated to send mail. [BN1P110CA0052.NAMP110.PROD.OUTLOOK.COM]", "SMTP< 530 5.7.57 Client not authenticated to send mail"]) {
    const p = analyzeReply(t).primary;
    assert.equal(p?.patternId, "not-authenticated", t);
    assert.deepEqual(p?.lessLikely, ["starttls-missing"], t);
  }
});

test("16#3: the older 5.7.57 wording, whole or cut, and the bare code keep STARTTLS and no sign-in as equal readings", () => {
  for (const t of [
    "530 5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM [SN4PR0701CA0030.namprd07.prod.outlook.com]",
    "5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM",
    "NOT able to send mail to outlook :com.sun.mail.smtp.SMTPSendFailedException: 530 5.7.57 SMTP",
    "530 5.7.57 SMTP; Client was not authenticated",
    "5.7.57",
  ]) {
    const p = analyzeReply(t).primary;
    assert.equal(p?.lessLikely, undefined, t);
    assert.ok(p?.candidates.includes("starttls-missing") && p.candidates.includes("no-authentication"), t);
  }
});

// n8n's Microsoft Outlook node (n8n-io/n8n#11113, sixteenth hunt #15): Exchange Online's 5.7.708 for a message sent through Graph.
// domain.md §4 C14: the organization's sending IP reputation (a new or trial tenant, or one Microsoft restricted), lifted by
// Microsoft support or the bought licences. The cross-tenant OAuth app's wrong tenant id (C16, one low-confidence source) is
// a reading only for a sender known to use OAuth: without it, OAuth consent and service-principal steps led nowhere.
test("16#15: n8n's 550 5.7.708 is the organization's sending reputation, with no OAuth set-up cause or step while the sign-in method is unknown", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(round16(15), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["sender-restricted:possible"], lang);
    assert.deepEqual(stepIds(json), ["account-restricted"], lang);
    assert.ok(notesOf(json).includes("note.newTenantReputation"), lang);
    // A sender recorded as using OAuth keeps the cross-tenant reading.
    const oauth = await explain(round16(15), lang, ["--auth", "oauth"]);
    assert.ok(statuses(oauth.json).includes("oauth-misconfigured:possible"), lang);
  }
});

// The same 5.7.708: the summary of the pasted text ("What the pasted text says") listed "OAuth set-up incomplete" beside the
// sending reputation while the sign-in method was unknown, where the engine reads the reputation alone. It lists the OAuth set-up
// only as the engine does: for a sender recorded as using OAuth, or one the text shows signing in with XOAUTH2.
test("16#15: the summary of a 5.7.708 lists the OAuth set-up only for a sender that uses OAuth, as the engine does", async () => {
  const summary = async (text: string, lang: "en" | "ja", extra: string[] = []) => {
    const r = await runMain(["explain", "-", "--lang", lang, ...extra], { stdin: text });
    // The summary ends at the first empty line; the report follows it. (Its wrapped lines joined again.)
    return (r.stdout.split("\n\n")[0] ?? "").replace(/\n\s*/g, lang === "ja" ? "" : " ");
  };
  const withXoauth = `250-AUTH LOGIN XOAUTH2\nAUTH XOAUTH2 <token>\n235 2.7.0 Authentication successful\n${round16(15).text}`;
  for (const lang of LANGS) {
    const oauth = t(lang, "cause.oauth-misconfigured.title");
    const restricted = t(lang, "cause.sender-restricted.title");
    const unknown = await summary(round16(15).text, lang);
    assert.ok(unknown.includes(restricted) && !unknown.includes(oauth), `${lang}: ${unknown}`);
    assert.ok(!(await summary(round16(15).text, lang, ["--auth", "basic"])).includes(oauth), lang);
    assert.ok((await summary(round16(15).text, lang, ["--auth", "oauth"])).includes(oauth), lang);
    assert.ok((await summary(withXoauth, lang)).includes(oauth), lang);
  }
});

// The wizard's paste screen: where the engine names no cause from the reply (a case recorded as another service's, for which the
// engine reads none of Exchange Online's), it fell back to the parser's candidates and listed "OAuth set-up incomplete" beside the
// sending reputation, where explain's summary of the same case lists the reputation alone. Both follow replyReading now.
test("16#15: the wizard's paste screen reads a 5.7.708 the engine names no cause from as explain's summary does: the OAuth set-up only for a sender that uses OAuth", async () => {
  const { describeAnalysis } = await import("../../src/cli/commands/explain.js");
  const { wrap } = await import("../../src/render/layout.js");
  const text = round16(15).text;
  const analysis = analyzeReply(text);
  for (const lang of LANGS) {
    const oauth = t(lang, "cause.oauth-misconfigured.title");
    const restricted = t(lang, "cause.sender-restricted.title");
    for (const auth of [undefined, "basic", "oauth"] as const) {
      const c: Case = { schema: CASE_SCHEMA_ID, device: { provider: "other", reply: text, ...(auth ? { auth } : {}) } };
      const d = evaluate(c, { today: "2026-11-22" });
      // (The engine names no cause from this reply here: the wizard's fallback is what is read.)
      assert.ok(!d.causes.some((f) => f.evidence.some((e) => e.kind === "reply")), `${lang} ${auth}`);
      const summary = { analysis, resolved: [] };
      const expected = auth === "oauth" ? ["sender-restricted", "oauth-misconfigured"] : ["sender-restricted"];
      assert.deepEqual(pointedCauses(summary, d, c), expected, `${lang} ${auth}`);
      const screen = pasteSummaryText(lang, summary, d, { bullet: "-", ok: "+" }, false, undefined, c).join("\n");
      const explained = describeAnalysis(lang, analysis, 400, wrap, c, d);
      for (const said of [screen, explained]) {
        assert.ok(said.includes(restricted), `${lang} ${auth}: ${said}`);
        assert.equal(said.includes(oauth), auth === "oauth", `${lang} ${auth}: ${said}`);
      }
    }
  }
});

// PHPMailer on GoDaddy shared hosting set to smtp.office365.com:587 (PHPMailer/PHPMailer#783, sixteenth hunt #12): the greeting is
// GoDaddy's own Exim (*.secureserver.net). FreeScout on A2 Hosting (freescout-help-desk/freescout#2279): the certificate that
// answered for smtp.office365.com is *.a2hosting.com. HostGator's shared servers greet as "220-gator2016.hostgator.com ESMTP Exim"
// (PHPMailer/PHPMailer#1531, where that server was the one the poster meant to use: so a greeting alone keeps the server setting
// as a reading). The hosting network redirects outgoing SMTP to its own server; Microsoft 365 is never reached.
const A2_HOSTING = { source: "https://github.com/freescout-help-desk/freescout/issues/2279", text: "Send error. stream_socket_enable_crypto(): Peer certificate CN=`*.a2hosting.com' did not match expected CN=`smtp.office365.com'. Message-ID:" };

test("16#12: a shared host's Exim greeting (GoDaddy's secureserver.net) in place of Microsoft's is the hosting network redirecting SMTP, not 'connected'", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(round16(12), lang);
    assert.equal(code, 3, lang);
    assert.deepEqual(statuses(json), ["network-unreachable:possible", "wrong-endpoint:possible"], lang);
    assert.equal(stepIds(json)[0], "device-network", lang);
    assert.match(json.plan.steps[0]?.title ?? "", lang === "ja" ? /ホスティング事業者/ : /hosting provider/, lang);
    assert.ok(notesOf(json).includes("note.smtpIntercepted"), lang);
  }
  assert.equal(analyzeReply(round16(12).text).primary?.patternId, "smtp-intercepted");
  // With smtp.office365.com named as the server, the redirection is what happened.
  const named = analyzeReply(`Connection: opening to smtp.office365.com:587, timeout=300\n${round16(12).text}`).primary;
  assert.deepEqual([named?.patternId, named?.candidates, named?.decisive], ["smtp-intercepted", ["network-unreachable"], true]);
  // Microsoft's own greeting, and another Exim of no listed shared host, are not this reading.
  assert.notEqual(analyzeReply("220 DM5PR12CA0012.outlook.office365.com Microsoft ESMTP MAIL Service ready at Tue, 28 Feb 2017 19:51:01 +0000").primary?.patternId, "smtp-intercepted");
  assert.notEqual(analyzeReply("220-mail.example.org ESMTP Exim 4.96 Sun, 24 Jul 2016 11:14:49 -0700").primary?.patternId, "smtp-intercepted");
});

test("a shared host's certificate answering for smtp.office365.com (A2 Hosting) is the hosting network redirecting SMTP", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(A2_HOSTING, lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["network-unreachable:blocking"], lang);
    assert.deepEqual(stepIds(json), ["device-network"], lang);
    assert.ok(notesOf(json).includes("note.smtpIntercepted"), lang);
    assert.ok(!notesOf(json).includes("note.tlsNameMismatch"), lang);
  }
  // Another name mismatch keeps its reading (the server setting).
  assert.equal(analyzeReply("stream_socket_enable_crypto(): Peer certificate CN=`*.xserver.jp' did not match expected CN=`localhost'").primary?.patternId, "tls-name-mismatch");
});

test("a shared host's greeting beside Exchange Online's own reply is not read as a redirection", () => {
  const both = `${round16(12).text}\n535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [FR4P281CA0331.DEUP281.PROD.OUTLOOK.COM]`;
  assert.equal(analyzeReply(both).primary?.patternId, "auth-bad-credentials");
});

// FluentSMTP's Microsoft 365 connection (WPManageNinja/fluent-smtp#171, sixteenth hunt #4): its JSON of a refused Microsoft Graph call,
// "Forbidden" (its code 423), says neither which check refused nor why (that thread: a From address the connected account may not
// send as). Mailspring (Foundry376/Mailspring#1998, sixteenth hunt #10): libetpan's own error number 296, "Explanation: Unknown".
// Neither is a server's reply the tool can read: it says what the text is and where the answer is, naming no cause.
test("16#4, 16#10: FluentSMTP's Graph 'Forbidden' (423) and Mailspring's 'Last Error Code: 296' are said to be a web API's refusal and a program's own number, not read as an Exchange cause", async () => {
  for (const lang of LANGS) {
    const graph = await runMain(["explain", "-", "--lang", lang], { stdin: round16(4).text });
    assert.equal(graph.code, 2, lang);
    assert.ok(graph.stderr.includes(t(lang, "cli.err.webApiRefusal").slice(0, 40)), graph.stderr);
    const mailspring = await runMain(["explain", "-", "--lang", lang], { stdin: round16(10).text });
    assert.equal(mailspring.code, 2, lang);
    assert.ok(mailspring.stderr.includes(t(lang, "cli.err.programErrorNumber").slice(0, 40)), mailspring.stderr);
  }
  // A text that is neither still gets the general words.
  const other = await runMain(["explain", "-", "--lang", "en"], { stdin: "something went wrong" });
  assert.ok(other.stderr.includes(t("en", "cli.err.unrecognized").slice(0, 40)), other.stderr);
});

// A Go program's mailer (amborle/featmap#66): Go's crypto/x509 does not trust whoever signed the server's certificate. Exchange
// Online's certificate chains to a public authority, so the computer's CA store is missing or old (a slim container image), or a
// TLS-inspecting firewall, proxy or antivirus put its own certificate in between: the sender's side, never a sign-in cause.
const FEATMAP = { source: "https://github.com/amborle/featmap/issues/66", text: "2022/06/28 18:28:04 smtp error: x509: certificate signed by unknown authority\n2022/06/28 18:28:04 error sending mail\n" };

test("Go's 'x509: certificate signed by unknown authority' (featmap) is the sender's TLS trust (its CA store, or a TLS-inspecting box), not refused and no sign-in cause", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(FEATMAP, lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["tls-handshake-failed:blocking"], lang);
    assert.deepEqual(stepIds(json), ["device-firmware"], lang);
    assert.match(json.plan.steps[0]?.title ?? "", lang === "ja" ? /証明機関/ : /certificate authorit/, lang);
    assert.ok(notesOf(json).includes("note.unknownAuthority"), lang);
  }
  // Inside Go's TLS failure after a connection (held in real-pastes-found-17.test.ts), the same reading.
  assert.equal(analyzeReply("SendMail: Failed to open TLS connection, x509: certificate signed by unknown authority").primary?.patternId, "tls-unknown-authority");
});
