// Leftovers of the sixteenth hunt (./real-pastes-found-16.ts), read again: Exchange Online's newer 5.7.57 wording, n8n's 5.7.708,
// a hosting provider's Exim greeting in place of Microsoft's, FluentSMTP's 423 and Mailspring's 296, and Go's unknown-authority
// certificate. Each paste's source is recorded with it (FOUND_ROUND_16, or here); the reading is domain.md's.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_16 } from "./real-pastes-found-16.js";
import { explain, notesOf, pasteOf, statuses, stepIds } from "./real-pastes-data.js";
import { analyzeReply } from "../../src/replies/index.js";

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
