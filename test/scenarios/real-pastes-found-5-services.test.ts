// The fifth hunt's pastes (./real-pastes-found-5.ts) that showed another service, or no Exchange Online at all, and got
// Exchange Online's framing (/work/handoff/hunt5-report.md, items A and C and WRONG #18): the service is read from its own
// words, and an unexplained refusal lists no Exchange Online sign-in settings nor the options for a Basic-auth device.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_5 } from "./real-pastes-found-5.js";
import { assertNoTenantCause, explain, ids, pasteOf } from "./real-pastes-data.js";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { analyzeReply, providerFromText } from "../../src/replies/index.js";
import { nonMicrosoftOffer, OTHER_SERVICE, OTHER_SERVICES, SERVICE_WORDS } from "../../src/replies/providers.js";

/** The paste of that number in the hunt's file (numbered from 1, as the report does). */
const paste = pasteOf(FOUND_ROUND_5);

test("services named by their own words, not by a host name: Gmail's bounces, SendGrid, Amazon SES, Yahoo's codes, Zoho, nifty in a Japanese Outlook dialog (#7, #9, #10, #17, #21, #30, #32, #33)", () => {
  const expected: Array<[number, string, string]> = [
    [7, "other", "mbp.nifty.com"],
    [9, "google", "has an SPF record with a hard fail policy"],
    [10, "google", "Gmail requires"],
    [17, "other", "verified Sender Identity"],
    [21, "other", "Relaying disallowed as"],
    [30, "other", "(#AUTH005)"],
    [32, "other", "identities failed the check in region"],
    [33, "other", "Relaying disallowed as"],
  ];
  for (const [n, id, clue] of expected) {
    const a = analyzeReply(paste(n).text);
    assert.deepEqual(a.provider, { id, clue }, `#${n}`);
  }
});

test("the services' words stay out of Exchange Online's texts: a report naming a gmail.com or nifty.com address, or Microsoft's host names, stays Exchange Online's (or no service)", () => {
  assert.equal(providerFromText("550 5.7.520 Access denied, Your organization does not allow external forwarding. user@gmail.com"), undefined);
  assert.equal(providerFromText("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient someone@nifty.com not found by SMTP address lookup"), undefined);
  assert.equal(providerFromText("550 5.7.26 Gmail requires all senders to authenticate [SN2PR00CA0018.namprd00.prod.outlook.com]")?.id, "exchange-online");
  assert.equal(providerFromText("Relay Access Denied ATTR36"), undefined);
});

test("every match of the other services' patterns holds a word of their gate (OTHER_SERVICE), alternative by alternative; the services' own words each have a sample", () => {
  // One sample a top-level alternative of each pattern: the sample must match that alternative, and the gate must find it.
  const samples = [
    "x - gsmtp",
    "https://support.google.com/mail/?p=BadCredentials",
    "accounts.google.com",
    "smtp.gmail.com",
    "smtp.googlemail.com",
    "smtp-relay.brevo.com",
    "brevo",
    "sendinblue",
    "smtp.qq.com",
    "smtp.163.com",
    "smtp.yeah.net",
    "netease",
    "email-smtp.us-east-1.amazonaws.com",
    "smtp.sendgrid.net",
    "smtp.mailgun.org",
    "smtp.zoho.eu",
    "smtp.mail.yahoo.co.jp",
    "smtp.mail.me.com",
    "smtp.fastmail.com",
    "smtp.azurecomm.net",
    "250-My capabilities are",
    "235 Granted for org/server",
    "502 Invalid/unsupported command",
  ];
  for (const s of OTHER_SERVICES) {
    for (const alternative of topLevelAlternatives(s.re.source)) {
      const re = new RegExp(alternative, s.re.flags);
      assert.ok(samples.some((x) => re.test(x)), `no sample for ${s.id}'s /${alternative}/`);
    }
  }
  for (const x of samples) assert.ok(OTHER_SERVICE.test(x), `the gate misses ${JSON.stringify(x)}`);
  const words = [
    "550-5.7.26 Gmail requires all senders",
    "The MAIL FROM domain [x] has an SPF record with a hard fail policy (-all)",
    "Visit https://sendgrid.com/docs/for-developers/",
    "does not match a verified Sender Identity",
    "The following identities failed the check in region US-EAST-1",
    "535 5.7.0 (#AUTH005) Too many bad auth attempts.",
    "553 Relaying disallowed as @",
    "サーバー : 'mbp.nifty.com'",
    "Please visit https://support.apple.com/en-us/HT204137",
    "554 5.7.1 [CS01] Message rejected due to local policy.",
  ];
  for (const s of SERVICE_WORDS) {
    for (const alternative of topLevelAlternatives(s.re.source)) {
      const re = new RegExp(alternative, s.re.flags);
      assert.ok(words.some((x) => re.test(x)), `no sample for ${s.id}'s /${alternative}/`);
    }
  }
  // A reply this tool reads as Exchange Online's keeps that reading, whatever service a link beside it names.
  assert.equal(analyzeReply("535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. See https://sendgrid.com/docs/x").provider, undefined);
});

test("a Synology log to a local ProtonMail bridge ('220 localhost', '250-AUTH PLAIN LOGIN') is not Exchange Online: no Basic-auth retirement, no move to OAuth, no options (#18)", async () => {
  const p = paste(18);
  assert.deepEqual(analyzeReply(p.text).provider, { id: "other", clue: "AUTH PLAIN LOGIN" });
  for (const lang of ["en", "ja"] as const) {
    const { json } = await explain(p, lang);
    assert.deepEqual(json.causes, [], lang);
    assert.ok(!json.plan.steps.some((s) => s.id === "move-to-oauth"), lang);
    assertNoTenantCause(`#18 (${lang})`, json);
  }
  // Microsoft's own offers stay Microsoft's: Exchange Online's LOGIN XOAUTH2, Exchange Server's NTLM LOGIN.
  assert.equal(nonMicrosoftOffer("250-AUTH LOGIN XOAUTH2"), undefined);
  assert.equal(nonMicrosoftOffer("250-AUTH GSSAPI NTLM LOGIN PLAIN"), undefined);
  assert.equal(providerFromText("220 smtp.office365.com\n250-AUTH PLAIN LOGIN")?.id, "exchange-online");
});

/** The alternatives of a regex's source at its top level (not inside a group or a class). */
function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

test("the stage a wrapper's words give: Python's SMTPDataError and Mattermost's 'Failed to close connection' are DATA, Outlook's 「受信者 … サーバーによって拒否」 is RCPT TO, not the MAIL FROM a 550 falls back to (#7, #8, #21, #33)", () => {
  const expected: Array<[number, string]> = [
    [7, "rcpt"],
    [8, "rcpt"],
    [21, "data"],
    [33, "data"],
  ];
  for (const [n, stage] of expected) assert.equal(analyzeReply(paste(n).text).primary?.stage, stage, `#${n}`);
});

/** Exchange Online's sign-in settings, as unknowns. */
const SIGN_IN_UNKNOWNS = ["account.accountEnabled", "account.smtpClientAuthenticationDisabled", "account.exchangeLicensed", "account.perUserMfaState", "account.legacyAuthBlockedByConditionalAccess", "account.authenticationPolicy", "tenant.smtpClientAuthenticationDisabled", "tenant.securityDefaultsEnabled", "tenant.defaultAuthenticationPolicy"];

// (#1, Outlook's forwarding NDR, and #34, mailsend's 'Authentication is required for relay', are read since: pinned in
// real-pastes-found-5-readings.test.ts.)
test("a refusal this tool cannot read, given after sign-in (an ISP's relay refusals), lists no Exchange Online sign-in settings and no options for a Basic-auth device (#8, #12)", async () => {
  for (const n of [8, 12]) {
    for (const lang of ["en", "ja"] as const) {
      const { code, json } = await explain(paste(n), lang);
      assert.equal(code, 1, `#${n}`);
      // (#12's "550 Relaying denied" is read since the sixth hunt (#23's sendmail wording) as another server's refusal of
      // mail sent without a sign-in, which its reading says: the ISP's relay wants SMTP AUTH on 587 or POP before SMTP.)
      assert.deepEqual(json.info.map((i) => i.id), n === 12 ? ["provider-other"] : ["server-refused-unexplained"], `#${n} (${lang}): no sign-in method assumed`);
      if (n === 12) assert.deepEqual(ids(json), ["no-authentication"], `#${n} (${lang})`);
      assert.deepEqual(json.unknowns.filter((u) => SIGN_IN_UNKNOWNS.includes(u)), [], `#${n} (${lang})`);
      assert.deepEqual(json.plan.options, [], `#${n} (${lang})`);
    }
  }
});

test("the sign-in settings and the options stay where the sign-in is in question: a refusal at AUTH, a STARTTLS refusal before it, a recorded switch that refuses it", () => {
  const today = { today: "2026-12-04" };
  const at = (reply: string, extra: Partial<Case> = {}) => {
    const c: Case = { schema: "smtp-auth-doctor/case@1", device: { reply }, ...extra };
    const d = evaluate(c, today);
    return { d, plan: buildPlan(c, d, "en") };
  };
  const auth = at("535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]");
  assert.ok(SIGN_IN_UNKNOWNS.every((u) => (auth.d.unknowns as string[]).includes(u)), auth.d.unknowns.join(", "));
  assert.ok(auth.plan.options.length > 0);
  const tls = at("451 5.7.3 STARTTLS is required to send mail");
  assert.ok(tls.d.unknowns.includes("tenant.securityDefaultsEnabled"));
  assert.ok(tls.plan.options.length > 0, "the sign-in is still to come");
  // An unexplained refusal after sign-in beside a recorded switch that refuses the sign-in: that cause is in play.
  const switched = at("550 5.7.999 Something this tool has never seen", { tenant: { smtpClientAuthenticationDisabled: true } });
  assert.ok(switched.d.causes.some((f) => f.id === "tenant-smtp-auth-disabled"));
  assert.ok(switched.d.unknowns.includes("account.perUserMfaState"), switched.d.unknowns.join(", "));
  assert.ok(switched.plan.options.length > 0);
});

test("'550 5.7.236 … from your tenant's onmicrosoft.com domains' is the tenant's daily limit on its onmicrosoft.com domain (a sending limit, in a report), with the note to send from the organization's own domain (#2)", async () => {
  const p = paste(2);
  const a = analyzeReply(p.text);
  assert.equal(a.primary?.patternId, "tenant-onmicrosoft-limit");
  assert.equal(a.primary?.stage, "ndr");
  for (const lang of ["en", "ja"] as const) {
    const { code, json } = await explain(p, lang);
    assert.equal(code, 1);
    assert.deepEqual(json.causes.map((c) => `${c.id}:${c.status}:${(c.notes ?? []).join("+")}`), ["sending-limit:blocking:note.onmicrosoftLimit"], lang);
    assert.deepEqual(json.unknowns.filter((u) => SIGN_IN_UNKNOWNS.includes(u)), ["account.exchangeLicensed"], lang);
    assert.deepEqual(json.plan.options, [], lang);
  }
});
