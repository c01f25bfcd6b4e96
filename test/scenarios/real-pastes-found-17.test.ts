// Seventeenth hunt (./real-pastes-found-17.ts: monitoring/ITSM and business apps, Java and Go mailers, a Japanese manual): the
// readings it found wrong and fixed, through the real parser, engine and plan (explain --json), in both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_17 } from "./real-pastes-found-17.js";
import { explain, notesOf, pasteOf, statuses, stepIds } from "./real-pastes-data.js";
import { analyzeReply } from "../../src/replies/index.js";
import { assertReadsAlikeInBothLanguages } from "../helpers/reads-alike.js";

const paste = pasteOf(FOUND_ROUND_17);
const LANGS = ["en", "ja"] as const;

test("#6: JavaMail's 'failed to connect, no password specified?' (Gravitee) is the program sending no password, not an unreachable server", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(6), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["no-authentication:blocking"], lang);
    assert.ok(!stepIds(json).includes("device-network"), lang);
  }
  assert.equal(analyzeReply("javax.mail.AuthenticationFailedException: failed to connect, no password specified?").primary?.patternId, "javamail-no-password");
  // A connection that failed without those words stays a connection failure.
  assert.equal(analyzeReply("javax.mail.MessagingException: failed to connect").primary?.patternId, "network-connect-failed");
});

test("#10: a Gmail 534-5.7.14 reply behind Docker Compose's service column (Scava) is read as Google's web-login refusal", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(10), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["provider-app-password:possible", "provider-sign-in-refused:possible"], lang);
  }
  assert.equal(analyzeReply(paste(10).text).primary?.patternId, "google-web-login");
  // Compose v2's column ("web-1  | ") too; the extracted reply no longer carries it.
  const v2 = analyzeReply("web-1  | 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.");
  assert.equal(v2.primary?.patternId, "auth-bad-credentials");
  assert.equal(v2.primary?.reply.line, "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.");
  // A "name | text" line without a replica number is not a Compose column.
  assert.equal(analyzeReply("mailer | 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.").primary?.patternId, "auth-bad-credentials");
});

test("#2: a 504 5.7.4 to Mattermost's Go sign-in (sent only over TLS) is the sign-in method refused, not STARTTLS missing", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(2), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["auth-mechanism-unsupported:blocking"], lang);
    assert.equal(stepIds(json)[0], "device-auth-mechanism", lang);
  }
  // The log's bracket around the reply is not the reply's.
  assert.equal(analyzeReply(paste(2).text).primary?.reply.line, "504 5.7.4 Unrecognized authentication type");
  // A bare 504 5.7.4, and SwiftMailer's "Failed to authenticate on SMTP server with username …", keep STARTTLS as a reading.
  assert.deepEqual(analyzeReply("504 5.7.4 Unrecognized authentication type").primary?.candidates, ["auth-mechanism-unsupported", "starttls-missing"]);
  assert.deepEqual(analyzeReply('Failed to authenticate on SMTP server with username "a@b.example" using 1 possible authenticators. Authenticator LOGIN returned Expected response code 334 but got code "504", with message "504 5.7.4 Unrecognized authentication type".').primary?.candidates, ["auth-mechanism-unsupported", "starttls-missing"]);
});

test("#3: Go's 'unencrypted connection' (Mattermost to its own server) leads with STARTTLS, another server after it", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(3), lang);
    assert.equal(code, 3, lang);
    assert.deepEqual(statuses(json), ["starttls-missing:possible", "wrong-endpoint:possible"], lang);
    assert.equal(stepIds(json)[0], "device-port-starttls", lang);
  }
});

test("#5, #13: Go's 'wrong host name' (Bytebase) and 'Failed to open TLS connection, EOF' (Mattermost on 465) are read, not refused, and never as a firmware update", async () => {
  for (const lang of LANGS) {
    const host = await explain(paste(5), lang);
    assert.equal(host.code, 1, lang);
    assert.deepEqual(statuses(host.json), ["wrong-endpoint:blocking"], lang);
    assert.deepEqual(stepIds(host.json), ["device-endpoint"], lang);
    assert.ok(notesOf(host.json).includes("note.goWrongHostName"), lang);
    const eof = await explain(paste(13), lang);
    assert.equal(eof.code, 3, lang);
    assert.deepEqual(statuses(eof.json), ["starttls-missing:possible", "wrong-endpoint:possible"], lang);
    assert.deepEqual(stepIds(eof.json), ["device-port-starttls", "device-endpoint"], lang);
    assert.ok(notesOf(eof.json).includes("note.tlsClosedInHandshake"), lang);
    for (const j of [host.json, eof.json]) assert.ok(!stepIds(j).includes("device-firmware"), lang);
  }
  // Go's TLS failure with another reason is not this reading (a connection to 465 that timed out keeps the port's).
  assert.notEqual(analyzeReply("SendMail: Failed to open TLS connection, x509: certificate signed by unknown authority").primary?.patternId, "go-tls-eof");
  assert.equal(analyzeReply("SendMail: Failed to open TLS connection, dial tcp 192.0.2.1:465: i/o timeout").primary?.patternId, "network-port-465");
});

test("#11: MailKit's handshake failure beside 'port: 587' (OrchardCore, 'Use SSL' on) reads as SSL on the STARTTLS port first, the certificate after", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(11), lang);
    assert.equal(code, 3, lang);
    assert.deepEqual(statuses(json), ["starttls-missing:possible", "tls-handshake-failed:possible"], lang);
    assert.ok(json.causes[0]?.notes?.includes("note.sslOnStarttlsPort"), lang);
  }
  assert.equal(analyzeReply(paste(11).text).primary?.patternId, "mailkit-ssl-on-port-587");
  // Without the port, or with STARTTLS named, MailKit's guess stays a certificate.
  const guess = paste(11).text.split("\n").slice(4).join("\n");
  assert.equal(analyzeReply(guess).primary?.patternId, "tls-certificate");
  assert.equal(analyzeReply(`port: 587\nsecurity: StartTls\n${guess}`).primary?.patternId, "tls-certificate");
});

test("#12: Re:lation's '535 Authentication Credentials Invalid' list puts the wrong user name or password first, an app password after it", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(12), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["provider-sign-in-refused:possible", "provider-app-password:possible"], lang);
    assert.deepEqual(stepIds(json).slice(0, 2), ["provider-check-sign-in", "provider-app-password"], lang);
  }
  // Google's web-login refusal keeps the app password first (its own reading, not these words).
  const { json } = await explain(paste(10), "en");
  assert.deepEqual(stepIds(json)[0], "provider-app-password");
});

test("every text of the seventeenth hunt reads alike in both languages: the same exit code, the same causes, no stack trace", async () => {
  await assertReadsAlikeInBothLanguages(FOUND_ROUND_17);
});
