// Twenty-third hunt (./real-pastes-found-23.ts: other services' replies seen by office senders, an app's own words from its 2026
// guide, msmtp, .NET in Italian and in machine-translated Japanese, Japanese ISPs' and hosts' help pages): the readings it found
// right, those it found wrong and fixed, and those left weak, through the real parser, engine and plan (explain --json), in both
// languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_23 } from "./real-pastes-found-23.js";
import { assertNoTenantCause, explain, infoIds, notesOf, statuses, stepIds } from "./real-pastes-data.js";
import { analyzeReply } from "../../src/replies/index.js";
import { assertReadsAlikeInBothLanguages } from "../helpers/reads-alike.js";
import { runMain } from "../helpers/run-main.js";

const paste = (n: number) => FOUND_ROUND_23[n - 1] as (typeof FOUND_ROUND_23)[number];
const LANGS = ["en", "ja"] as const;
/** Other words with a reading of their own, read the same way: the text found must not read otherwise. */
const alike = (text: string) => ({ source: "(words read the same way)", text });

test("#1, #2 (fixed): Yahoo's '550 5.7.9 … sender is unauthenticated … SPF or DKIM' and Gmail's '… This mail is unauthenticated … 550 5.7.26' as Postfix bounces it are the sending domain's SPF/DKIM at delivery, not an app password nor a sign-in", async () => {
  for (const n of [1, 2]) {
    assert.equal(analyzeReply(paste(n).text).primary?.patternId, "sender-domain-authentication", `#${n}`);
    for (const lang of LANGS) {
      const { json, code } = await explain(paste(n), lang);
      assert.deepEqual([code, statuses(json), stepIds(json)], [1, ["sender-domain-unauthenticated:blocking"], ["delivery-sender-domain-auth"]], `#${n} ${lang}`);
      assertNoTenantCause(`#${n} ${lang}`, json);
    }
  }
  // Yahoo's words are not Google's: no Google clue, no app password.
  const one = await explain(paste(1), "en");
  assert.ok(!infoIds(one.json).includes("provider-google"));
  // Google's own 5.7.9 at AUTH keeps its reading, with its 534, in Python's tuple and with no basic code.
  for (const t of [
    "534-5.7.9 Application-specific password required. Learn more at\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor o13sm2119833lfg.90 - gsmtp",
    "smtplib.SMTPAuthenticationError: (534, b'5.7.9 Application-specific password required. Learn more at\\n5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor x4sm1234567pfn.1 - gsmtp')",
    "5.7.9 Application-specific password required",
  ]) assert.equal(analyzeReply(t).primary?.patternId, "google-app-password", t);
});

test("#4, #5 (fixed): Layer5 Cloud's 'SMTP authentication was refused by the mail server' is the sign-in failed (the server's text hidden), 'The mail server does not support the selected authentication method' the method or STARTTLS, not no reply", async () => {
  assert.equal(analyzeReply(paste(4).text).primary?.patternId, "auth-failed-wrapper");
  assert.equal(analyzeReply(paste(5).text).primary?.patternId, "client-mechanism-not-offered");
  for (const lang of LANGS) {
    const four = await explain(paste(4), lang);
    const wrapper = await explain(alike("SMTP Error: Could not authenticate."), lang);
    assert.deepEqual([four.code, statuses(four.json), stepIds(four.json)], [wrapper.code, statuses(wrapper.json), stepIds(wrapper.json)], lang);
    assert.ok(infoIds(four.json).includes("server-text-hidden"), lang);
    const five = await explain(paste(5), lang);
    assert.equal(five.code, 3, lang);
    assert.deepEqual([...statuses(five.json)].sort(), ["auth-mechanism-unsupported:possible", "starttls-missing:possible"], lang);
  }
});

test("#13, #14 (fixed): msmtp's 'the server sent an empty reply' reads as a connection closed before an answer (the encryption and the port first), .NET's certificate refusal in Italian as in English", async () => {
  assert.equal(analyzeReply(paste(13).text).primary?.patternId, "msmtp-empty-reply");
  for (const lang of LANGS) {
    // As Ruby's EOFError reads with the same server named (Gmail: no Exchange Online endpoint cause), the network less likely.
    const thirteen = await explain(paste(13), lang);
    const ruby = await explain(alike("smtp.gmail.com: An error occurred while sending mail (end of file reached)"), lang);
    assert.deepEqual([thirteen.code, statuses(thirteen.json), stepIds(thirteen.json)], [ruby.code, statuses(ruby.json), stepIds(ruby.json)], lang);
    assert.deepEqual(statuses(thirteen.json), ["starttls-missing:possible", "network-unreachable:possible"], lang);
    assert.ok(notesOf(thirteen.json).includes("note.connectionClosedMsmtp"), lang);
    const fourteen = await explain(paste(14), lang);
    const english = await explain(alike("System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure."), lang);
    assert.deepEqual([fourteen.code, statuses(fourteen.json), stepIds(fourteen.json)], [english.code, statuses(english.json), stepIds(english.json)], lang);
    assert.deepEqual(statuses(fourteen.json), ["tls-handshake-failed:blocking"], lang);
  }
});

test("#3, #9, #10, #11, #12 as found: another service's refusals (Amazon SES's and Zoho's 530 without a sign-in, Copernica's relay refusal, Zoho's and Gmail's 535) read as that service's, never an Exchange Online tenant's", async () => {
  const expected: Record<number, string[]> = {
    3: ["starttls-missing:possible", "no-authentication:possible"],
    9: ["no-authentication:blocking"],
    10: ["provider-app-password:possible", "provider-sign-in-refused:possible"],
    11: ["starttls-missing:possible", "no-authentication:possible"],
    12: ["provider-app-password:possible", "provider-sign-in-refused:possible"],
  };
  for (const [n, causes] of Object.entries(expected)) {
    for (const lang of LANGS) {
      const { json, code } = await explain(paste(Number(n)), lang);
      assert.deepEqual([code, statuses(json)], [1, causes], `#${n} ${lang}`);
      assertNoTenantCause(`#${n} ${lang}`, json);
    }
  }
  assert.ok(infoIds((await explain(paste(12), "en")).json).includes("provider-google"));
});

test("#6, #7, #17 as found: Gmail's 'Must issue a STARTTLS command first' through .NET, a Japanese ISP's 「サーバーとの接続に失敗しました。」 and a qmail 'User unknown' bounce from a Japanese help page", async () => {
  for (const lang of LANGS) {
    const six = await explain(paste(6), lang);
    assert.deepEqual([six.code, statuses(six.json), stepIds(six.json)], [1, ["starttls-missing:blocking"], ["device-port-starttls"]], lang);
    const seven = await explain(paste(7), lang);
    assert.deepEqual([seven.code, statuses(seven.json)], [3, ["network-unreachable:possible", "wrong-endpoint:possible"]], lang);
    const seventeen = await explain(paste(17), lang);
    assert.deepEqual([seventeen.code, statuses(seventeen.json), stepIds(seventeen.json)], [1, ["recipient-refused:blocking"], ["delivery-check-recipient"]], lang);
  }
});

test("guards of readings left weak: #8 Google Workspace's relay refusal reads as Google refusing the sign-in, its note (fixed) naming the relay's registered addresses and smtp.gmail.com, #15 a bare 5.7.57 as mail sent without a sign-in (the poster's fix was Conditional Access)", async () => {
  assert.equal(analyzeReply(paste(8).text).primary?.patternId, "google-relay-denied");
  for (const lang of LANGS) {
    const eight = await explain(paste(8), lang);
    // Left weak: no Google relay cause exists; the cause is still the sign-in refused, its note says the relay and the host.
    assert.deepEqual([eight.code, statuses(eight.json), stepIds(eight.json)], [1, ["provider-sign-in-refused:blocking"], ["provider-check-sign-in"]], lang);
    assert.ok(notesOf(eight.json).includes("note.provider.googleRelay"), lang);
    assert.ok(infoIds(eight.json).includes("provider-google"), lang);
    assertNoTenantCause(`#8 ${lang}`, eight.json);
    const fifteen = await explain(paste(15), lang);
    // Left weak: the sign-in's refusals (Conditional Access here) are not listed for a 5.7.57 with no 535 after it.
    assert.deepEqual([fifteen.code, statuses(fifteen.json)], [1, ["no-authentication:possible", "starttls-missing:possible"]], lang);
  }
});

test("guard of a reading left weak: #16 the machine-translated '…サーバーの応答: 5.1.0 < someuser@invaliddomain >送信者を拒否しました…' is refused as no reply; the same line with the server's words as a program prints them reads as the sender address", async () => {
  for (const lang of LANGS) {
    const r = await runMain(["explain", "-", "--json", "--lang", lang], { stdin: paste(16).text });
    assert.equal(r.code, 2, lang);
    assert.equal((JSON.parse(r.stdout) as { error: { type: string } }).error.type, "bad-input", lang);
  }
  const printed = "メールボックスが使用できません。サーバーの応答: 5.1.0 <someuser@invaliddomain> sender rejected : invalid sender domain";
  assert.equal(analyzeReply(printed).primary?.patternId, "other-sender-address-invalid");
});

test("every text of the twenty-third hunt reads alike in both languages: the same exit code, the same causes, no stack trace", async () => {
  await assertReadsAlikeInBothLanguages(FOUND_ROUND_23);
});
