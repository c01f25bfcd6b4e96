// Nineteenth hunt (./real-pastes-found-19.ts: PHP mailers, Node, Postfix relays, .NET in French, an Azure DevOps task): the
// readings it found right, and those it found wrong and fixed, through the real parser, engine and plan (explain --json), in
// both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_19 } from "./real-pastes-found-19.js";
import { explain, explainText, notesOf, pasteOf, statuses, stepIds } from "./real-pastes-data.js";
import { CASE_SCHEMA_ID } from "../../src/case/values.js";
import { t } from "../../src/i18n/index.js";
import { noteText, senderParams } from "../../src/render/labels.js";
import { analyzeReply } from "../../src/replies/index.js";
import { sendingProgram } from "../../src/replies/signals.js";
import { assertReadsAlikeInBothLanguages } from "../helpers/reads-alike.js";

const paste = pasteOf(FOUND_ROUND_19);
const LANGS = ["en", "ja"] as const;

test("#1: Exchange Online's 5.7.3 behind Gophish's 'Max connection attempts exceeded' is the 5.7.3 list, the sign-in log first and the mailbox's SMTP AUTH among the first steps", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(1), lang);
    assert.equal(code, 1, lang);
    const found = statuses(json);
    for (const c of ["wrong-credentials:possible", "mailbox-smtp-auth-disabled:possible", "tenant-smtp-auth-disabled:possible"]) assert.ok(found.includes(c), `${lang}: ${c}`);
    assert.equal(stepIds(json)[0], "confirm-sign-in-log", lang);
    assert.ok(stepIds(json).slice(0, 3).includes("mailbox-enable-smtp-auth"), lang);
  }
});

test("#2: '503 5.5.2 Need rcpt command' from the EOP host (Invoice Ninja) is the recipients refused before it, not commands out of order", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(2), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["relay-denied:possible", "recipient-refused:possible", "no-authentication:possible"], lang);
    assert.ok(notesOf(json).includes("note.recipientsRefusedEarlier"), lang);
    assert.ok(!stepIds(json).includes("device-firmware"), lang);
  }
});

test("#3, #4, #5: PHP's 'stream_socket_enable_crypto(): … wrong version number' (Invoice Ninja to Office 365's relay, PHPMailer, Grav) is the STARTTLS handshake answered in plain text, not implicit TLS on a STARTTLS port", async () => {
  for (const n of [3, 4, 5]) {
    assert.equal(analyzeReply(paste(n).text).primary?.patternId, "starttls-answered-plain", `#${n}`);
    for (const lang of LANGS) {
      const { json, code } = await explain(paste(n), lang);
      assert.equal(code, 1, `#${n} ${lang}`);
      assert.deepEqual(statuses(json), ["tls-handshake-failed:blocking"], `#${n} ${lang}`);
      assert.ok(notesOf(json).includes("note.plainAfterStarttls"), `#${n} ${lang}`);
      // The network admin finds what answers; neither the port and STARTTLS (already used) nor a firmware update.
      const [first] = json.plan.steps as unknown as Array<{ id: string; who: string }>;
      assert.equal(first?.id, "device-firmware", `#${n} ${lang}`);
      assert.equal(first?.who, "network-admin", `#${n} ${lang}`);
      assert.ok(!stepIds(json).includes("device-port-starttls"), `#${n} ${lang}`);
    }
  }
  // PHPMailer's debug output around the same words (#4's poster saw the server's go-ahead to STARTTLS before them): its closing
  // "Could not connect to SMTP host." after the 220 says less than the handshake's own line, which leads.
  const debug = "CLIENT -> SERVER: STARTTLS\nSERVER -> CLIENT: 220 2.0.0 SMTP server ready\nConnection failed. Error #2: stream_socket_enable_crypto(): SSL operation failed with code 1. OpenSSL Error messages:\nerror:1408F10B:SSL routines:ssl3_get_record:wrong version number [/var/www/vendor/phpmailer/phpmailer/src/SMTP.php line 476]\nSMTP Error: Could not connect to SMTP host.";
  assert.equal(analyzeReply(debug).primary?.patternId, "starttls-answered-plain");
  const en = await explain(paste(3), "en");
  assert.match(en.json.plan.steps[0]?.title ?? "", /after STARTTLS/);
  const ja = await explain(paste(3), "ja");
  assert.match(ja.json.plan.steps[0]?.title ?? "", /STARTTLS の後に/);
});

test("#6: implicit TLS (ssl://) on port 587 through stream_socket_client() (WP Mail SMTP) keeps its reading: STARTTLS on 587 first", async () => {
  assert.equal(analyzeReply(paste(6).text).primary?.patternId, "tls-implicit-on-starttls-port");
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(6), lang);
    assert.equal(code, 3, lang);
    assert.deepEqual([...statuses(json)].sort(), ["starttls-missing:possible", "wrong-endpoint:possible"], lang);
    assert.equal(stepIds(json)[0], "device-port-starttls", lang);
  }
  // The same OpenSSL words without PHP's STARTTLS handshake stay implicit TLS too.
  assert.equal(analyzeReply("error:1408F10B:SSL routines:ssl3_get_record:wrong version number").primary?.patternId, "tls-implicit-on-starttls-port");
});

test("#7: nodemailer's 'Invalid login: 502 Command \"AUTH PLAIN …\" not implemented' is the sign-in method refused at AUTH, not commands out of order and a firmware update", async () => {
  const a = analyzeReply(paste(7).text);
  assert.deepEqual([a.primary?.stage, a.primary?.candidates, a.mechanismTried], ["auth", ["auth-mechanism-unsupported"], "PLAIN"]);
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(7), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json).filter((s) => !s.startsWith("basic-auth-retired")), ["auth-mechanism-unsupported:blocking"], lang);
    assert.equal(stepIds(json)[0], "device-auth-mechanism", lang);
    assert.ok(!stepIds(json).includes("device-firmware"), lang);
  }
  // nodemailer's own "Invalid login: " places a refusal without the command at AUTH too; a 502 elsewhere stays out of order.
  assert.equal(analyzeReply("Error: Invalid login: 502 Command not implemented").primary?.stage, "auth");
  assert.equal(analyzeReply("502 5.5.1 Unrecognized command").primary?.candidates.includes("auth-mechanism-unsupported"), false);
});

test("#8, #9: Postfix's 'SASL authentication failed' with 'no mechanism available' or 'offered no compatible authentication mechanisms' is Postfix finding no usable method, not every Microsoft 365 sign-in cause", async () => {
  for (const n of [8, 9]) {
    assert.equal(analyzeReply(paste(n).text).primary?.patternId, "postfix-no-common-mechanism", `#${n}`);
    for (const lang of LANGS) {
      const { json, code } = await explain(paste(n), lang);
      assert.equal(code, 3, `#${n} ${lang}`);
      assert.deepEqual([...statuses(json)].sort(), ["auth-mechanism-unsupported:possible", "starttls-missing:possible"], `#${n} ${lang}`);
      assert.ok(!stepIds(json).includes("confirm-sign-in-log"), `#${n} ${lang}`);
    }
  }
  // "no mechanism available": the relay's SASL library, so the method leads, and its step is the Postfix relay's own.
  for (const [lang, words] of [["en", /SASL modules/], ["ja", /SASL モジュール/]] as const) {
    const { json } = await explain(paste(8), lang);
    assert.deepEqual(statuses(json), ["auth-mechanism-unsupported:possible", "starttls-missing:possible"], lang);
    const step = (json.plan.steps as unknown as Array<{ id: string; title: string; who: string }>).find((s) => s.id === "device-auth-mechanism");
    assert.match(step?.title ?? "", words, lang);
    assert.equal(step?.who, "network-admin", lang);
  }
  // The bare words still read as a sign-in that failed, and a reply the server said still leads.
  assert.equal(analyzeReply("status=deferred (SASL authentication failed; cannot authenticate to server smtp.office365.com[52.98.0.1]: generic failure)").primary?.patternId, "postfix-sasl-failed");
});

test("#10: SwiftMailer's two authenticators, LOGIN then PLAIN, count LOGIN as tried: the sign-in's causes stay possible, the method is no blocker", async () => {
  assert.equal(analyzeReply(paste(10).text).mechanismTried, "LOGIN");
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(10), lang);
    assert.equal(code, 3, lang);
    assert.ok(!statuses(json).some((s) => s.startsWith("auth-mechanism-unsupported")), lang);
    assert.ok(statuses(json).includes("wrong-credentials:possible"), lang);
    assert.equal(stepIds(json)[0], "confirm-sign-in-log", lang);
  }
  // One authenticator, XOAUTH2 alone, stays the method it names.
  assert.equal(analyzeReply('Failed to authenticate on SMTP server with username "a@b.example" using 1 possible authenticators. Authenticator XOAUTH2 returned Expected response code 235 but got code "535", with message "535 5.7.3 Authentication unsuccessful"').mechanismTried, "XOAUTH2");
});

test("#11: .NET's French 'Échec d'envoi du courrier.' (sql-clr-ics) reads as 'Failure sending mail.': the inner exception, not bad input", async () => {
  const a = analyzeReply(paste(11).text);
  assert.deepEqual([a.primary?.patternId, a.client], ["dotnet-failure-sending-mail", "dotnet"]);
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(11), lang);
    assert.equal(code, 3, lang);
    assert.deepEqual([...statuses(json)].sort(), ["network-unreachable:possible", "tls-version-unsupported:possible"], lang);
    assert.ok(notesOf(json).includes("note.dotnetInnerException"), lang);
  }
  assert.equal(analyzeReply("Le serveur SMTP requiert une connexion sécurisée ou le client n'était pas authentifié.").primary?.patternId, "dotnet-secure-connection-required");
});

test("#12: nodemailer's 'Greeting never received' from smtp.office365.com:587 is a connection held without its greeting, the network admin's", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(12), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["network-unreachable:blocking"], lang);
    assert.ok(notesOf(json).includes("note.connectedNoGreeting"), lang);
    const [step] = json.plan.steps as unknown as Array<{ id: string; who: string }>;
    assert.equal(step?.who, "network-admin", lang);
  }
});

test("#13: .NET's 'The remote name could not be resolved' (SendEmail-BuildTask) is the name not resolving: DNS first, the server setting after it", async () => {
  assert.equal(analyzeReply(paste(13).text).primary?.patternId, "network-dns");
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(13), lang);
    assert.equal(code, 3, lang);
    assert.deepEqual(statuses(json), ["network-unreachable:possible", "wrong-endpoint:possible"], lang);
    assert.deepEqual(stepIds(json), ["device-network", "device-endpoint"], lang);
  }
});

test("#14: Ruby's 'end of file reached' under Redmine's wrapper is the connection closed before an answer: the port and encryption first, not bad input", async () => {
  assert.equal(analyzeReply(paste(14).text).primary?.patternId, "ruby-eof");
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(14), lang);
    assert.equal(code, 3, lang);
    assert.deepEqual([...statuses(json)].sort(), ["network-unreachable:possible", "starttls-missing:possible", "wrong-endpoint:possible"], lang);
    assert.ok(notesOf(json).includes("note.connectionClosedEof"), lang);
    assert.equal(stepIds(json)[0], "device-port-starttls", lang);
  }
});

test("#15: JavaMail's 'Unrecognized SSL message, plaintext connection?' to smtp.office365.com, port 587 (GitBlit) is implicit TLS on the STARTTLS port: STARTTLS first, said so", async () => {
  assert.equal(analyzeReply(paste(15).text).primary?.patternId, "implicit-tls-on-port-587");
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(15), lang);
    assert.equal(code, 3, lang);
    assert.deepEqual(statuses(json), ["starttls-missing:possible", "wrong-endpoint:possible"], lang);
    assert.ok(notesOf(json).includes("note.implicitTls"), lang);
    assert.equal(stepIds(json)[0], "device-port-starttls", lang);
  }
  // A text that names STARTTLS keeps the general reading (the mode is not known to be implicit TLS).
  assert.equal(analyzeReply("STARTTLS\njavax.mail.MessagingException: Could not connect to SMTP host: mail.example.com, port: 587;\n  nested exception is:\n    javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?").primary?.patternId, "tls-implicit-on-starttls-port");
});

test("every text of the nineteenth hunt reads alike in both languages: the same exit code, the same causes, no stack trace", async () => {
  await assertReadsAlikeInBothLanguages(FOUND_ROUND_19);
});

test("the notes of the nineteenth hunt's program texts speak of the application, not 'the device' (PHP's handshake, SwiftMailer, nodemailer, Ruby's EOFError, JavaMail), in both languages; a device's case keeps the device's words", async () => {
  // PHP's stream functions and SwiftMailer's "Expected response code … but got …", Ruby's "end of file reached": programs.
  for (const [n, client] of [[2, "php"], [3, "php"], [4, "php"], [5, "php"], [10, "php"], [14, "ruby"]] as const) {
    assert.equal(analyzeReply(paste(n).text).client, client, `#${n}`);
    assert.ok(sendingProgram(client) !== undefined, `#${n}`);
  }
  const flat = (s: string): string => s.replace(/\s+/g, "");
  for (const lang of LANGS) {
    for (const [n, note] of [[3, "note.plainAfterStarttls.app"], [10, "note.wordsAmbiguous.app"], [12, "note.connectedNoGreeting.app"]] as const) {
      const out = flat(await explainText(paste(n), lang));
      assert.ok(out.includes(flat(t(lang, note))), `#${n} ${lang}: ${note}`);
    }
    // No note of these texts names a device.
    for (const n of [2, 3, 4, 5, 7, 10, 12, 14, 15]) {
      const c = { schema: CASE_SCHEMA_ID, device: { reply: paste(n).text } } as const;
      const notes = (await explain(paste(n), lang)).json.causes.flatMap((f) => f.notes ?? []);
      for (const key of notes) assert.doesNotMatch(noteText(lang, key, c), lang === "en" ? /\bdevice/i : /デバイス/, `#${n} ${lang}: ${key}`);
    }
    // A device's case (a printer's maker recorded) keeps the device's words for the same note.
    const printer = { schema: CASE_SCHEMA_ID, device: { reply: paste(3).text, vendor: "canon" } } as const;
    assert.equal(noteText(lang, "note.plainAfterStarttls", printer), t(lang, "note.plainAfterStarttls", senderParams(lang, undefined)));
    assert.equal(noteText(lang, "note.connectedNoGreeting", { device: { reply: "421 4.4.2 Connection dropped" } }), t(lang, "note.connectedNoGreeting", senderParams(lang, undefined)));
  }
});
