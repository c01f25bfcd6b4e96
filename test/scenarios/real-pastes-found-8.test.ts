// Eighth hunt (./real-pastes-found-8.ts): the readings it found wrong or weak, fixed, and the two it found right, through the
// real parser, engine and plan (explain --json and its text), in both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_8 } from "./real-pastes-found-8.js";
import { assertNoTenantCause, explain, explainText, ids, pasteOf } from "./real-pastes-data.js";
import { t } from "../../src/i18n/index.js";
import { analyzeReply } from "../../src/replies/index.js";

const paste = pasteOf(FOUND_ROUND_8);
const LANGS = ["en", "ja"] as const;

test("#8: Exchange's non-delivery report for sending on behalf of another sender without the permission, in Japanese (and its English words), is Send As missing, not refused as bad input", async () => {
  const p = paste(8);
  assert.ok(p.text.startsWith("代理送信のためのアクセス許可"));
  for (const lang of LANGS) {
    const { code, json } = await explain(p, lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(ids(json), ["send-as-denied"], lang);
    assert.deepEqual(json.plan.steps.map((s) => s.id), ["device-from-address", "mailbox-grant-send-as"], lang);
  }
  const english = analyzeReply("You can't send a message on behalf of this user unless you have permission to do so. Please make sure you're sending on behalf of the correct sender, or request the necessary permission.");
  assert.deepEqual(english.primary?.candidates, ["send-as-denied"]);
});

test("#6, #7: another server's refusal of relaying without a sign-in ('I don't allow unauthorized relaying', Postfix's 'Client host rejected: Access denied') is 'the device does not sign in', on that service", async () => {
  for (const n of [6, 7]) {
    const p = paste(n);
    for (const lang of LANGS) {
      const { code, json } = await explain(p, lang);
      assert.equal(code, 1, `#${n} ${lang}`);
      assert.deepEqual(ids(json), ["no-authentication"], `#${n} ${lang}`);
      assert.ok(json.info.some((i) => i.id === "provider-other"), `#${n} ${lang}`);
      assertNoTenantCause(`#${n} ${lang}`, json);
    }
  }
  // Postfix's other client restrictions are not read as a sign-in: only "Access denied".
  assert.equal(analyzeReply("554 5.7.1 <a@example.com>: Client host rejected: cannot find your hostname").primary?.candidates.includes("no-authentication") ?? false, false);
});

test("#10, #11, #12: Postal's own words (\"My capabilities are\", \"235 Granted for\", \"502 Invalid/unsupported command\") name another service than Exchange Online", async () => {
  for (const n of [10, 11, 12]) {
    for (const lang of LANGS) {
      const { json } = await explain(paste(n), lang);
      assert.ok(json.info.some((i) => i.id === "provider-other"), `#${n} ${lang}`);
      assertNoTenantCause(`#${n} ${lang}`, json);
      assert.deepEqual(json.unknowns, [], `#${n} ${lang}`);
    }
  }
});

test("#10: a device that signs in and then says QUIT without starting a message is not 'clear, nothing to change': possibly the device ended the session (a connection test does the same), its own step", async () => {
  const p = paste(10);
  for (const lang of LANGS) {
    const { code, json } = await explain(p, lang);
    assert.equal(code, 3, lang);
    assert.deepEqual(json.causes.map((c) => (c as unknown as { status: string }).status), ["possible"], lang);
    assert.deepEqual(ids(json), ["session-ended-after-sign-in"], lang);
    assert.deepEqual(json.plan.steps.map((s) => s.id), ["device-after-sign-in"], lang);
    assertNoTenantCause(lang, json);
    const out = (await explainText(p, lang)).replace(/\s+/g, "");
    assert.ok(out.includes(t(lang, "cause.session-ended-after-sign-in.title").replace(/\s+/g, "")), lang);
    assert.ok(out.includes(t(lang, "note.connectionTestQuits").replace(/\s+/g, "")), lang);
    assert.notEqual(json.verdict, "clear", lang);
  }
  // The same with Exchange Online's own words; not when a message was started, and not in the probe's own transcript
  // (which signs in and quits by design unless asked to send).
  const eo = "S: 235 2.7.0 Authentication successful\nC: QUIT\nS: 221 2.0.0 Service closing transmission channel";
  assert.equal(analyzeReply(eo).primary?.patternId, "quit-after-sign-in");
  assert.equal(analyzeReply("S: 235 2.7.0 Authentication successful\nC: MAIL FROM:<a@example.com>\nS: 250 2.1.0 Sender OK\nC: QUIT").primary, undefined);
  assert.equal(analyzeReply("    30 ms  S: 235 2.7.0 Authentication successful\n    31 ms  C: QUIT\n    40 ms  S: 221 2.0.0 Bye").primary, undefined);
  assert.equal(analyzeReply("S: 235 2.7.0 Authentication successful").primary, undefined);
});

test("#3, #4, #5, #15: Outlook's and Windows Mail's own codes (0x800CCC78 sender, 0x800CCC79 recipient, 0x800CCC0F connection) and tokio's 'deadline has elapsed' are read as undetermined with their first checks, not refused as bad input", async () => {
  const expected: Array<[number, string[]]> = [
    [3, ["no-authentication", "send-as-denied"]],
    [4, ["network-unreachable", "tls-version-unsupported"]],
    [5, ["no-authentication", "recipient-refused"]],
    [15, ["network-unreachable", "wrong-endpoint"]],
  ];
  for (const [n, causes] of expected) {
    const p = paste(n);
    for (const lang of LANGS) {
      const { code, json } = await explain(p, lang);
      assert.equal(code, 3, `#${n} ${lang}`);
      assert.deepEqual([...ids(json)].sort(), [...causes].sort(), `#${n} ${lang}`);
      assert.ok(json.causes.every((c) => (c as unknown as { status: string }).status === "possible"), `#${n} ${lang}`);
      // Outlook's dialog hides the server's answer: the report says where to see it.
      if (n === 3 || n === 5) assert.ok(json.info.some((i) => i.id === "server-text-hidden"), `#${n} ${lang}`);
    }
  }
  // The server's own answer, when the dialog quotes it, decides (the Outlook code is only its wrapper).
  const quoted = analyzeReply("0x800CCC78: 530 5.7.57 Client not authenticated to send mail.");
  assert.notEqual(quoted.primary?.patternId, "outlook-sender-rejected");
});

test("#1, #14: the readings the hunt found right stay right (550 5.7.30 in a Japanese label; lettre's 'permanent error (535): 5.7.3')", async () => {
  for (const lang of LANGS) {
    const one = await explain(paste(1), lang);
    assert.equal(one.code, 1, lang);
    assert.deepEqual(ids(one.json).filter((id) => id !== "basic-auth-retired").length, 0, lang);
    assert.equal(one.json.plan.steps[0]?.id, "move-to-oauth", lang);
    const oauth = await explain(paste(14), lang, ["--auth", "oauth"]);
    assert.ok(ids(oauth.json).includes("oauth-misconfigured"), lang);
  }
});

test("#16: a sending IP on Microsoft's block list (5.7.606, in a qmail server's bounce) is a refusal of mail that came without a sign-in: no sign-in or tenant setting asked, no AUTH LOGIN assumed", async () => {
  const p = paste(16);
  for (const lang of LANGS) {
    const { code, json } = await explain(p, lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(ids(json), ["sending-ip-blocked"], lang);
    assert.deepEqual(json.plan.steps.map((s) => s.id), ["delist-sending-ip"], lang);
    const unknowns = json.unknowns as string[];
    assert.ok(!unknowns.some((u) => u.startsWith("account.") || u.startsWith("tenant.") || u === "device.auth" || u === "device.username"), `${lang}: ${unknowns.join(", ")}`);
    assert.ok(!json.info.some((i) => i.id === "assumed-auth-mechanism"), lang);
  }
});

test("#11: a server's log showing the client's first bytes as binary, answered '502 … command', is TLS started at once on a STARTTLS port (set the device to STARTTLS on 587), not commands in the wrong order and a firmware update", async () => {
  const p = paste(11);
  for (const lang of LANGS) {
    // Postal's own words name another service: its connection settings, no tenant setting or option.
    const { json } = await explain(p, lang);
    assert.deepEqual(ids(json), ["starttls-missing"], lang);
    assert.deepEqual(json.plan.steps.map((s) => s.id), ["provider-connection"], lang);
    assertNoTenantCause(lang, json);
    const out = (await explainText(p, lang)).replace(/\s+/g, "");
    assert.ok(out.includes(t(lang, "note.tlsBeforeEhlo").replace(/\s+/g, "")), lang);
  }
  // The same hello before Exchange-like words: the device's port and STARTTLS, not a firmware update.
  const binary = { source: "test", text: "<= \uFFFD \uFFFD  \uFFFD\uFFFD\uFFFD\uFFFD\uFFFDO\"3C\uFFFDmee\n=> 500 5.3.3 Unrecognized command 'unknown' [AM0PR06CA0090.eurprd06.prod.outlook.com]" };
  for (const lang of LANGS) {
    const { json } = await explain(binary, lang);
    assert.deepEqual([...ids(json)].sort(), ["starttls-missing", "wrong-endpoint"], lang);
    assert.equal(json.plan.steps[0]?.id, "device-port-starttls", lang);
    assert.ok(!json.plan.steps.some((s) => s.id === "device-firmware"), lang);
  }
  // One stray replacement character (a log's encoding) before a 502 is not read so.
  assert.equal(analyzeReply("EHLO pr\uFFFDnter\n502 5.5.2 Error: command not recognized").primary?.patternId, "protocol-error");
});

test("#2, #7: Postfix's restriction refusals are placed at the command their restriction answers (client, HELO and recipient restrictions at RCPT TO, the sender's at MAIL FROM), not at DATA by the code 554", () => {
  for (const n of [2, 7]) assert.equal(analyzeReply(paste(n).text).primary?.stage, "rcpt", `#${n}`);
  assert.equal(analyzeReply("553 5.7.1 <a@example.com>: Sender address rejected: not owned by user b@example.com").primary?.stage, "mail-from");
  assert.equal(analyzeReply("554 5.7.1 <b@example.net>: Recipient address rejected: Access denied").primary?.stage, "rcpt");
});
