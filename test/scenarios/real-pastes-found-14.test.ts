// Fourteenth hunt (./real-pastes-found-14.ts: Exchange Online's own replies and NDR lines as help desks paste them, in English and
// in Microsoft's Japanese help, and clients not seen before): the readings it found wrong or weak and fixed, through the real
// parser, engine and plan (explain --json), in both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_14 } from "./real-pastes-found-14.js";
import { assertNoTenantCause, explain, notesOf, pasteOf, statuses, stepIds } from "./real-pastes-data.js";

const paste = pasteOf(FOUND_ROUND_14);
const LANGS = ["en", "ja"] as const;

test("#3, #4: Japanese words after an enhanced code that names a reading alone (Microsoft's Japanese help) are that reply, not 'no reply found'", async () => {
  for (const lang of LANGS) {
    assert.deepEqual(statuses((await explain(paste(3), lang)).json), ["sending-limit:blocking"], lang);
    assert.deepEqual(statuses((await explain(paste(4), lang)).json), ["sending-limit:blocking"], lang);
  }
  const { analyzeReply } = await import("../../src/replies/index.js");
  assert.equal(analyzeReply("5.1.90 メッセージ受信者の 1 日の制限に達したため、メッセージを送信できません").primary?.patternId, "recipient-rate-limit");
  // After a code that names nothing alone, Japanese words are no reply: .NET's Japanese message around them keeps its reading
  // (thirteenth hunt #1).
  assert.equal(analyzeReply("5.7.1 クライアントは認証されませんでした").recognized, false);
  assert.equal(analyzeReply("SmtpException: SMTP サーバーにセキュリティで保護された接続が必要であるか、またはクライアントが認証されていません。 サーバーの応答: 5.7.1 クライアントは認証されませんでした").primary?.patternId, "dotnet-secure-connection-required");
});

test("#2, #5, #7: Exchange Online Protection's 4.7.500–4.7.899 ('Access denied, please try again later', 'rate limited due to IP reputation') is the sending address held back for a while", async () => {
  for (const n of [2, 5, 7]) {
    for (const lang of LANGS) {
      const { json } = await explain(paste(n), lang);
      assert.ok(notesOf(json).includes("note.eopThrottled"), `#${n} ${lang}`);
      assert.deepEqual(stepIds(json), ["retry-later"], `#${n} ${lang}`);
    }
  }
});

test("#10: 'MailFrom domain is listed in Spamhaus' is a domain to look up and delist, not the sending IP address", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(10), lang);
    assert.deepEqual(statuses(json), ["sending-ip-on-public-blocklist:blocking"], lang);
    assert.deepEqual(notesOf(json), ["note.blocklistDomain"], lang);
    const step = json.plan.steps.find((s) => s.id === "delist-public-blocklist");
    assert.match(step?.why ?? "", /MAIL FROM/, lang);
    assert.doesNotMatch(step?.why ?? "", /spamhaus\.org\/query\/ip/, lang);
    assertNoTenantCause(`#10 ${lang}`, json);
  }
  // A listed IP address keeps the address's step.
  const ip = (await explain({ source: "(this test)", text: "550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Spamhaus" }, "en")).json;
  assert.match(ip.plan.steps.find((s) => s.id === "delist-public-blocklist")?.why ?? "", /query\/ip/);
});

test("#11: libcurl's bare 'MAIL failed: 530' (R's blastula) is a 530 at MAIL FROM: the client did not sign in, or not after STARTTLS", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(11), lang);
    assert.deepEqual(statuses(json).map((s) => s.split(":")[0]).sort(), ["no-authentication", "starttls-missing"], lang);
  }
  // Any other 530 the table does not read by its words reads so too; its own words still lead.
  const { analyzeReply } = await import("../../src/replies/index.js");
  assert.equal(analyzeReply("530 Authentication required").primary?.patternId, "auth-required-code");
  assert.equal(analyzeReply("530 5.7.57 Client not authenticated to send mail.").primary?.patternId, "not-authenticated");
});

test("#8: '421 4.3.2 The maximum number of concurrent connections per resource forest has exceeded a limit … PRX8' is the connections-at-a-time limit, not a generic front-end error", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(8), lang);
    assert.deepEqual(statuses(json), ["sending-limit:blocking"], lang);
    assert.match(json.plan.steps[0]?.title ?? "", /3/, lang);
  }
  // "421 4.3.2 Service not available" is no such limit.
  const { analyzeReply } = await import("../../src/replies/index.js");
  assert.notEqual(analyzeReply("421 4.3.2 Service not available, closing transmission channel").primary?.patternId, "concurrent-connections-forest");
});

test("#12: a German NDR's '550 5.4.316 Message expired, connection refused' after '450 4.4.316 Connection refused' is the recipient's server unreachable: the recipient's side, not MAIL FROM", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(12), lang);
    assert.deepEqual(statuses(json), ["recipient-server-unreachable:blocking"], lang);
    assert.deepEqual(stepIds(json), ["delivery-recipient-server"], lang);
    assertNoTenantCause(`#12 ${lang}`, json);
  }
});
