// Eleventh hunt (./real-pastes-found-11.ts: Japanese hosting and ISP pages, other providers' replies, a printer behind a proxy):
// the readings it found wrong or weak and fixed, through the real parser, engine and plan (explain --json), in both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_11 } from "./real-pastes-found-11.js";
import { assertNoTenantCause, explain, infoIds, notesOf, pasteOf, statuses, stepIds } from "./real-pastes-data.js";

const paste = pasteOf(FOUND_ROUND_11);
const LANGS = ["en", "ja"] as const;

test("#18: Postfix's '454 4.7.1 <…>: Relay access denied' to a mail client is a client that does not sign in, on another server: not Exchange Online's refusal at delivery", async () => {
  for (const lang of LANGS) {
    const { code, json } = await explain(paste(18), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["no-authentication:blocking"], lang);
    assert.ok(infoIds(json).includes("provider-other"), lang);
    assert.ok(!infoIds(json).includes("auth-succeeded") && !infoIds(json).includes("delivery-refused"), lang);
    assertNoTenantCause(`#18 ${lang}`, json);
  }
  // Exchange Online's own 'Relay Access Denied' keeps its reading.
  const { json } = await explain({ source: "Microsoft NDR table [S12]", text: "550 5.4.1 Relay Access Denied" }, "en");
  assert.deepEqual(statuses(json), ["relay-denied:blocking"]);
});

test("#8, #10: Outlook Express's Japanese 'サーバーへの接続は失敗しました … 0x800CCC0E' is a connection that failed (port 25 blocked), not bad input", async () => {
  for (const n of [8, 10]) {
    for (const lang of LANGS) {
      const { code, json } = await explain(paste(n), lang);
      assert.equal(code, 3, `#${n} ${lang}`);
      assert.deepEqual(statuses(json), ["network-unreachable:possible", "wrong-endpoint:possible"], `#${n} ${lang}`);
      assert.equal(stepIds(json)[0], "device-network", `#${n} ${lang}`);
    }
  }
});

test("#14: Outlook's Japanese 'cannot send on behalf of the specified user' is Send As / Send on Behalf, not bad input", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(14), lang);
    assert.deepEqual(statuses(json), ["send-as-denied:blocking"], lang);
    assert.ok(stepIds(json).includes("mailbox-grant-send-as"), lang);
  }
});

test("#4: Gmail's 'Too many login attempts' without its code (Indy drops it) is Google's sign-in throttling, with its note, not bad input", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(4), lang);
    assert.deepEqual(statuses(json), ["provider-sign-in-refused:blocking"], lang);
    assert.ok(infoIds(json).includes("provider-google"), lang);
    assert.deepEqual(notesOf(json).filter((n) => n === "note.tooManyLoginAttempts"), ["note.tooManyLoginAttempts"], lang);
    assertNoTenantCause(`#4 ${lang}`, json);
  }
});

test("#17, #19: another service's daily quota (Gmail's 5.4.5, a host's 'only 10 messages per day' after '5.7.1 <DATA>:') is its sending limit, not Exchange Online's", async () => {
  for (const [n, provider] of [[17, "provider-google"], [19, "provider-other"]] as const) {
    for (const lang of LANGS) {
      const { code, json } = await explain(paste(n), lang);
      assert.equal(code, 1, `#${n} ${lang}`);
      assert.deepEqual(statuses(json), ["sending-limit:blocking"], `#${n} ${lang}`);
      assert.ok(infoIds(json).includes(provider), `#${n} ${lang}`);
      assert.deepEqual(stepIds(json), ["provider-service-limits"], `#${n} ${lang}`);
      assertNoTenantCause(`#${n} ${lang}`, json);
    }
  }
  const { analyzeReply } = await import("../../src/replies/index.js");
  // Postfix's "<address>:" or "<COMMAND>:" after an enhanced code alone is still a reply's text; a bare "<" is not.
  assert.equal(analyzeReply("The server responded:  5.7.1 <user@example.com>: Recipient address rejected: Access denied").primary?.reply.enhanced, "5.7.1");
  assert.equal(analyzeReply("version 5.7.1 <beta").replies.length, 0);
});

test("#6, #11: Yandex's 'not owned by auth user' is the sender address; qmail's 'not in my list of allowed rcpthosts' is a client that does not sign in", async () => {
  for (const lang of LANGS) {
    const six = (await explain(paste(6), lang)).json;
    assert.deepEqual(statuses(six), ["provider-sender-mismatch:blocking"], lang);
    assert.deepEqual(stepIds(six), ["provider-from-address"], lang);
    const eleven = (await explain(paste(11), lang)).json;
    assert.deepEqual(statuses(eleven), ["no-authentication:blocking"], lang);
    assertNoTenantCause(`#11 ${lang}`, eleven);
  }
});

test("#2, #12: Proofpoint's DNSBL link is a public blocklist; sendmail's '5.1.2 … Host unknown' is the recipient's domain", async () => {
  for (const lang of LANGS) {
    const two = (await explain(paste(2), lang)).json;
    assert.deepEqual(statuses(two), ["sending-ip-on-public-blocklist:blocking"], lang);
    assert.deepEqual(stepIds(two), ["delist-public-blocklist"], lang);
    const twelve = (await explain(paste(12), lang)).json;
    assert.deepEqual(statuses(twelve), ["recipient-refused:blocking"], lang);
    assert.deepEqual(stepIds(twelve), ["delivery-check-recipient"], lang);
  }
});

test("#1: an iCloud bounce ('[CS01] Message rejected due to local policy', Apple's HT204137) is the recipient's service refusing the message by its policy: its page, not a Microsoft 365 setting", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(1), lang);
    assert.ok(infoIds(json).includes("provider-other"), lang);
    assert.deepEqual(json.unknowns, [], lang);
    assertNoTenantCause(`#1 ${lang}`, json);
    assert.deepEqual(statuses(json), ["recipient-policy-refused:blocking"], lang);
    assert.deepEqual(stepIds(json), ["delivery-recipient-policy"], lang);
  }
  // The same refusal in other services' words; a bare "local policy" from a server the text does not place stays unexplained.
  const { analyzeReply } = await import("../../src/replies/index.js");
  for (const text of [
    "554 Message not allowed - [PH01] Email not accepted for policy reasons.  Please visit https://postmaster.yahooinc.com/error-codes",
    "550-5.7.1 [203.0.113.5] Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked. - gsmtp",
    "550 5.7.350 Remote server returned message detected as spam -> 554 5.7.1 Message rejected due to local policy",
  ]) assert.equal(analyzeReply(text).primary?.patternId, "recipient-policy-refused", text);
  assert.equal(analyzeReply("550 5.7.1 Message rejected due to local policy").primary?.patternId, "unknown-permanent");
});

test("#13: a bounce's banner of asterisks is no masked text ('A CI log hid parts of this text')", async () => {
  const { json } = await explain(paste(13), "en");
  assert.ok(!infoIds(json).includes("text-masked"), infoIds(json).join(", "));
  const { analyzeReply } = await import("../../src/replies/index.js");
  assert.equal(analyzeReply("535 5.7.139 Authentication unsuccessful, user ***").masked, true);
  assert.equal(analyzeReply("*****\n535 5.7.139 Authentication unsuccessful\n*****").masked, undefined);
});

test("#5: a temporary refusal from a server the text does not name gets no Exchange Online PRX4 checks; 451 4.7.0 PRX4 keeps them", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(5), lang);
    const step = (json.plan.steps as Array<{ id: string; why: string }>).find((s) => s.id === "retry-later");
    assert.ok(step, lang);
    assert.ok(!step.why.includes("PRX4") && !step.why.includes("SMTP AUTH"), `${lang}: ${step.why}`);
  }
  const { json } = await explain({ source: "domain.md §5", text: "451 4.7.0 Temporary server error. Please try again later. PRX4" }, "en");
  assert.match((json.plan.steps as Array<{ id: string; why: string }>).find((s) => s.id === "retry-later")?.why ?? "", /PRX4/);
});

test("#20: a load balancer's PROXY protocol header refused as a command ('500 5.3.3 Unrecognized command') is that setting, not the printer's firmware", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(20), lang);
    assert.deepEqual(statuses(json), ["client-protocol-error:blocking"], lang);
    assert.deepEqual(notesOf(json), ["note.proxyProtocolHeader"], lang);
    const [step] = json.plan.steps as unknown as Array<{ id: string; title: string; who: string }>;
    assert.equal(step?.id, "device-firmware", lang);
    assert.match(step?.title ?? "", /PROXY/, lang);
    assert.equal(step?.who, "network-admin", lang);
  }
  const { analyzeReply } = await import("../../src/replies/index.js");
  // Version 1's text header in a transcript; without a header the same refusal keeps its reading.
  assert.equal(analyzeReply("C: PROXY TCP4 192.0.2.10 192.0.2.20 36607 25\nS: 500 5.5.2 Error: command not recognized").primary?.patternId, "proxy-protocol-header");
  assert.equal(analyzeReply("C: HELO\nS: 500 5.5.2 Error: command not recognized").primary?.patternId, "protocol-error");
});

test("#15: Exchange Online's '554 5.2.0' with its words cut off is its store refusing the submission: Send As first, a limit or a restricted sender next, and the full reply asked for", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(15), lang);
    assert.deepEqual(statuses(json), ["send-as-denied:possible", "sender-restricted:possible", "sending-limit:possible"], lang);
    assert.ok(notesOf(json).includes("note.submissionUnnamed"), lang);
  }
  const { analyzeReply } = await import("../../src/replies/index.js");
  // Its words keep their own reading.
  assert.equal(analyzeReply("554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException").primary?.patternId, "submission-quota");
});

test("#13: a delay notice ('YOU DO NOT NEED TO RESEND YOUR MESSAGE') is told to wait without sending again, not 'wait and send again'", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(13), lang);
    const step = (json.plan.steps as Array<{ id: string; title: string }>).find((s) => s.id === "retry-later");
    assert.match(step?.title ?? "", lang === "en" ? /do not send it again/ : /再送信はしないでください/, lang);
  }
});

test("#7: Amazon SES's 'Email address is not verified … identities failed the check in region' (its API's words too) is the sender, not bad input", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(7), lang);
    assert.deepEqual(statuses(json), ["provider-sender-mismatch:blocking"], lang);
    assert.deepEqual(stepIds(json), ["provider-from-address"], lang);
    assertNoTenantCause(`#7 ${lang}`, json);
  }
});

test("#18: a dialog's field that shows the code alone ('Erro de Servidor: 454') is not a reply whose text is the next field's label", async () => {
  const { analyzeReply } = await import("../../src/replies/index.js");
  const a = analyzeReply(paste(18).text);
  assert.deepEqual(a.replies.map((r) => r.line.slice(0, 13)), ["454 4.7.1 <*@"]);
  // A capability line before a prefixed one keeps both (no field label before the first code).
  assert.equal(analyzeReply("250-X-ANONYMOUSTLS 送信エラー: 250-AUTH NTLM\n535 5.7.3 Authentication unsuccessful").replies.length >= 2, true);
});

test("#9: Outlook Express's cut connection with 「セキュリティ (SSL): なし」 on port 25 is the network path; no TLS version or firmware step", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(9), lang);
    assert.deepEqual(statuses(json), ["network-unreachable:blocking"], lang);
    assert.deepEqual(stepIds(json), ["device-network"], lang);
  }
});
