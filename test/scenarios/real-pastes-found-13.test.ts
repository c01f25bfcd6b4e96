// Thirteenth hunt (./real-pastes-found-13.ts: Japanese text from Microsoft's Japanese docs and Japanese projects, OAuth and Entra
// failures quoted by apps, WordPress/.NET/curl wrappers): the readings it found wrong or weak and fixed, through the real parser,
// engine and plan (explain --json), in both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_13 } from "./real-pastes-found-13.js";
import { assertNoTenantCause, explain, notesOf, pasteOf, statuses, stepIds } from "./real-pastes-data.js";

const paste = pasteOf(FOUND_ROUND_13);
const LANGS = ["en", "ja"] as const;

test("#10: '430 4.2.0 STOREDRV; mailbox logon failure' after an app's own token is the app's permission on the mailbox, not a refused password", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(10), lang);
    assert.deepEqual(statuses(json), ["oauth-misconfigured:blocking"], lang);
    assert.deepEqual(notesOf(json), ["note.mailboxLogonFailure"], lang);
    // The sign-in was taken: consent and the service principal are in place; the mailbox permission is the step.
    assert.deepEqual(stepIds(json), ["oauth-mailbox-permission"], lang);
  }
});

test("#11–#15: Entra ID's OAuth set-up errors, with or without their AADSTS code, are the app's settings, each with what to change", async () => {
  const expected: Array<[number, string]> = [
    [11, "note.entra.tenantEndpoint"],
    [12, "note.entra.tenantEndpoint"],
    [13, "note.entra.spaRedirect"],
    [14, "note.entra.scopeInvalid"],
    [15, "note.entra.scopeInvalid"],
  ];
  for (const [n, note] of expected) {
    for (const lang of LANGS) {
      const { json } = await explain(paste(n), lang);
      assert.deepEqual(statuses(json), ["oauth-client-settings:blocking"], `#${n} ${lang}`);
      assert.deepEqual(notesOf(json), [note], `#${n} ${lang}`);
      assert.deepEqual(stepIds(json), ["oauth-client-settings"], `#${n} ${lang}`);
      assertNoTenantCause(`#${n} ${lang}`, json);
    }
  }
  // A scope the app sets is the app owner's to correct; the redirect platform is the registration's.
  assert.equal((await explain(paste(15), "en")).json.plan.steps[0]?.title.includes("scope"), true);
});

test("#9, #18, #19: a certificate for another host name (PHP), .NET's 'protocol violation' and curl's 'Weird server reply' are read, not refused as no reply", async () => {
  for (const lang of LANGS) {
    const nine = (await explain(paste(9), lang)).json;
    assert.deepEqual(statuses(nine), ["wrong-endpoint:blocking"], lang);
    assert.deepEqual(notesOf(nine), ["note.tlsNameMismatch"], lang);
    assert.ok(!stepIds(nine).includes("device-firmware"), lang);
    const eighteen = (await explain(paste(18), lang)).json;
    assert.ok(notesOf(eighteen).includes("note.dotnetProtocolViolation"), lang);
    assert.ok(statuses(eighteen).includes("tls-version-unsupported:possible"), lang);
    const nineteen = (await explain(paste(19), lang)).json;
    assert.ok(notesOf(nineteen).includes("note.curlWeirdReply"), lang);
    assert.ok(statuses(nineteen).every((s) => s.startsWith("starttls-missing") || s.startsWith("wrong-endpoint")), `${lang}: ${statuses(nineteen).join(", ")}`);
  }
  const { analyzeReply } = await import("../../src/replies/index.js");
  // Node's words for a name mismatch name no host that was expected: they stay the certificate's.
  assert.equal(analyzeReply("Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: smtp.office365.com. is not in the cert's altnames: DNS:*.contoso.com").primary?.patternId, "tls-certificate");
  assert.equal(analyzeReply("curl: (8) Weird server reply").primary?.patternId, "curl-weird-reply");
});

test("#5: .NET's FormatException in Microsoft's Japanese ('指定の文字列は、電子メール アドレスに必要な形式ではありません') is the address .NET could not read", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(5), lang);
    assert.deepEqual(statuses(json), ["sender-address-invalid:blocking"], lang);
    assert.deepEqual(notesOf(json), ["note.addressFormatBeforeSending"], lang);
  }
});

test("#3 (its English original): '5.1.0 <someuser@invaliddomain> sender rejected : invalid sender domain' after .NET's words is the sender's domain refused, not 'no reply found'", async () => {
  const { analyzeReply } = await import("../../src/replies/index.js");
  const a = analyzeReply("Mailbox unavailable. The server response was: 5.1.0 <someuser@invaliddomain> sender rejected : invalid sender domain");
  assert.equal(a.primary?.patternId, "other-sender-address-invalid");
  assert.deepEqual(a.primary?.candidates, ["sender-address-invalid"]);
  // An address in angle brackets after a code alone, then words: a reply; then nothing, or a word glued to it: none.
  assert.equal(analyzeReply("5.7.1 <jane@example.com> Relaying denied").recognized, true);
  assert.equal(analyzeReply("version 5.7.1 <beta>").recognized, false);
});

test("#16: PHPMailer's 'SMTP Error: data not accepted.' (FluentSMTP) is a refusal of the message at DATA: Send As first, and how to see the server's own answer", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(16), lang);
    assert.deepEqual(statuses(json), ["send-as-denied:possible", "sending-limit:possible"], lang);
    assert.ok(notesOf(json).includes("note.phpmailerDataNotAccepted"), lang);
  }
  // Beside the server's own reply, its words say nothing more.
  const { analyzeReply } = await import("../../src/replies/index.js");
  assert.equal(analyzeReply("SMTP Error: data not accepted.\nSMTP server error: DATA END command failed Detail: 5.2.252 SendAsDenied; test@contoso.com not allowed to send as other@contoso.com").primary?.patternId, "send-as-denied");
});
