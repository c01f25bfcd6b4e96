// Which service answered (issue 10): text clues, hosts, consumer addresses, and the reading of a reply
// for a service other than Exchange Online.
import assert from "node:assert/strict";
import { test } from "node:test";
import { pasteSummaryText } from "../../src/flow/summary.js";
import { t } from "../../src/i18n/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { evaluate as engineEvaluate } from "../../src/engine/index.js";
import type { Case } from "../../src/case/schema.js";
import { analyzeReply, causesOutside, isConsumerMicrosoftAddress, providerFromHost, providerFromText } from "../../src/replies/index.js";
import { compareOptions } from "../../src/whatif/options.js";
import { renderOptions } from "../../src/whatif/render.js";
import { BASIC_OK, withFacts } from "../helpers/engine-cases.js";

/** The engine at the date of the baseline cases (they carry asOf 2026-11-22 as well). */
const evaluate = (c: Case) => engineEvaluate(c, { today: "2026-11-22" });

test("text clues: Google, QQ, 163, Brevo, Outlook.com, Microsoft's cloud, an on-premises NTLM-only offer", () => {
  assert.equal(providerFromText("535 5.7.8 https://support.google.com/mail/?p=BadCredentials x - gsmtp")?.id, "google");
  assert.equal(providerFromText("More information in http://service.mail.qq.com/cgi-bin/help?subtype=1")?.id, "qq");
  assert.equal(providerFromText("connect to smtp.163.com:465")?.id, "netease");
  assert.equal(providerFromText("server failed : smtp-relay.brevo.com:587")?.id, "brevo");
  assert.equal(providerFromText("failed to authenticate with smtp-mail.outlook.com:587: 535")?.id, "outlook-consumer");
  assert.equal(providerFromText("535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]")?.id, "exchange-online");
  assert.deepEqual(providerFromText("250-AUTH NTLM\n250-X-EXPS GSSAPI NTLM"), { id: "exchange-onprem", clue: "AUTH NTLM" });
  assert.equal(providerFromText("250-AUTH GSSAPI NTLM LOGIN\n250 XRDST")?.id, "exchange-onprem", "an Exchange Server's own capability words");
  assert.equal(providerFromText("220 AM5PR0601CA0034.outlook.office365.com Microsoft ESMTP MAIL Service ready")?.id, "exchange-online");
  assert.equal(providerFromText("535 5.7.139 Authentication unsuccessful"), undefined);
});

test("hosts and consumer addresses", () => {
  assert.equal(providerFromHost("SMTP.Gmail.com."), "google");
  assert.equal(providerFromHost("smtp-mail.outlook.com"), "outlook-consumer");
  assert.equal(providerFromHost("smtp.office365.com"), undefined);
  assert.equal(providerFromHost("smtp.qq.com"), "qq");
  for (const a of ["me@outlook.com", "Me <me@hotmail.co.uk>", "x@live.jp", "y@msn.com"]) assert.ok(isConsumerMicrosoftAddress(a), a);
  for (const a of ["mfp@contoso.com", "me@outlook.contoso.com", "no-at-sign"]) assert.ok(!isConsumerMicrosoftAddress(a), a);
});

test("a reply read outside Exchange Online: tenant causes replaced by the service's own; network and TLS kept", () => {
  const auth = causesOutside("google", { patternId: "auth-failed", candidates: ["wrong-credentials", "security-defaults"], stage: "auth", decisive: false });
  assert.deepEqual(auth.candidates, ["provider-sign-in-refused", "provider-app-password"]);
  const consumer = causesOutside("outlook-consumer", { patternId: "auth-basic-disabled", candidates: ["auth-policy-blocks-basic", "basic-auth-retired"], stage: "auth", decisive: false });
  assert.deepEqual(consumer, { candidates: ["consumer-basic-auth-ended"], decisive: true });
  const onprem = causesOutside("exchange-onprem", { patternId: "auth-mechanism-unrecognized", candidates: ["auth-mechanism-unsupported", "starttls-missing"], stage: "auth", decisive: false });
  assert.deepEqual(onprem.candidates, ["starttls-missing", "onprem-basic-auth-off"]);
  const net = causesOutside("google", { patternId: "network-dns", candidates: ["network-unreachable", "wrong-endpoint"], stage: "network", decisive: false });
  assert.deepEqual(net.candidates, ["network-unreachable"], "Exchange Online's endpoint advice does not apply");
});

test("a bare code keeps the meaning a code has by itself, and decides nothing it cannot", () => {
  const retired = analyzeReply("550 5.7.30");
  assert.equal(retired.codeOnly, true);
  assert.equal(retired.primary?.decisive, true, "5.7.30 is the retirement whatever the text");
  const echo = analyzeReply("5.7.57");
  assert.equal(echo.primary?.decisive, false);
  assert.ok(echo.primary?.candidates.includes("no-authentication") && echo.primary.candidates.includes("wrong-credentials"), "no sign-in, or the echo of a failed one");
  assert.equal(analyzeReply("the printer says 535 somewhere").codeOnly, undefined);
});

test("outside Exchange Online: the plan has the service's steps only, and what-if offers no Microsoft 365 fix", () => {
  const c = withFacts(BASIC_OK, { "device.host": "smtp.gmail.com", "device.reply": "534-5.7.9 Application-specific password required. https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp" });
  const d = evaluate(c);
  for (const lang of ["en", "ja"] as const) {
    const plan = buildPlan(c, d, lang);
    assert.deepEqual(plan.steps.map((s) => s.id), ["provider-app-password"]);
    assert.deepEqual(plan.options, []);
    assert.match(plan.steps[0]!.why, lang === "en" ? /2-Step Verification/ : /2 段階認証プロセス/);
    const cmp = compareOptions(c, (x) => evaluate(x));
    assert.equal(cmp.reason, "outside-exchange-online");
    assert.match(renderOptions(lang, cmp), /Exchange Online/);
  }
});

test("plain wizard: the paste summary says which service answered, in both languages", () => {
  const text = "Error: Invalid login: 535-5.7.8 Username and Password not accepted. https://support.google.com/mail/?p=BadCredentials x - gsmtp";
  const c = withFacts(BASIC_OK, { "device.reply": text });
  for (const lang of ["en", "ja"] as const) {
    const lines = pasteSummaryText(lang, { analysis: analyzeReply(text), resolved: [] }, evaluate(c), { bullet: "-", ok: "+" });
    assert.ok(lines.includes(t(lang, "info.provider-google")), lines.join("\n"));
  }
});

test("Outlook.com's personal-account block is told by its words in any case: a log in capitals reads as the lower-case paste does", () => {
  // The Valine-Admin paste (twenty-first hunt #1) and MailCore's words (#4), as a logger that upper-cases its lines prints them.
  const verdict = "554 5.2.0 STOREDRV.Submission.Exception:OutboundSpamException; WASCL UserAction verdict is not None. Actual verdict is HipNotify, ShowTierUpgrade. [Hostname=TY2PR06MB3117.apcprd06.prod.outlook.com]";
  const webmail = "The current HotMail account cannot connect to WebMail.";
  for (const text of [verdict, webmail]) {
    for (const variant of [text, text.toUpperCase(), text.toLowerCase()]) {
      assert.equal(providerFromText(variant)?.id, "outlook-consumer", variant);
    }
  }
  assert.equal(providerFromText("Verdict: the WEBMAIL sign-in page is down")?.id, undefined, "the gates' words alone name no service");
});
