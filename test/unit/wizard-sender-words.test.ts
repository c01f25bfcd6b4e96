// The words a user of an application (not a printer) sees, and the wizard's count of the device questions (persona round 8,
// #16 and the what-if's labels): "Device: SMTP server", "Move the device to OAuth (XOAUTH2)", "Step 2 of 6: The device",
// "Device setting 1 of 8" read so for an application's case; the count read 1 / 8, then 2 / 9 once a maker was chosen, and
// the model's examples were a Canon's and a Sharp's after Brother was chosen. In both languages, for an application's case
// and a device's (whose words are unchanged).
import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyCase, type Case } from "../../src/case/schema.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { loadCatalog } from "../../src/devices/index.js";
import { evaluate } from "../../src/engine/index.js";
import { APP_WHERE_PATHS, promptText, question } from "../../src/flow/questions.js";
import { deviceProgress, initFlow, makeReducer } from "../../src/flow/reducer.js";
import type { FlowEvent, FlowState } from "../../src/flow/types.js";
import { LANGS, t, type Lang } from "../../src/i18n/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { deviceProgressLabel, factLabel, senderParams } from "../../src/render/labels.js";
import { renderHandover } from "../../src/report/handover.js";
import { whatIf } from "../../src/whatif/index.js";
import { compareOptions } from "../../src/whatif/options.js";
import { optionsJson, optionTitle, renderOptions, renderWhatIf } from "../../src/whatif/render.js";
import { stepLabel } from "../../screens/App.js";

const WORDS = {
  app: { en: { Sender: "Application", sender: "application" }, ja: { Sender: "アプリケーション", sender: "アプリケーション" } },
  device: { en: { Sender: "Device", sender: "device" }, ja: { Sender: "デバイス", sender: "デバイス" } },
} as const;

const ev = (c: Case) => evaluate(c, { today: "2026-12-06" });

/** Blocked (SMTP AUTH off, per-user MFA on), with the OAuth fix on offer: an application's, or a Canon's. */
function sending(vendor: "app" | "canon"): Case {
  return {
    schema: "smtp-auth-doctor/case@1",
    asOf: "2026-12-06",
    device: { vendor, host: "smtp.office365.com", port: 587, security: "starttls", auth: "basic", oauthSupported: true, username: "billing@contoso.com", from: "billing@contoso.com" },
    tenant: { smtpClientAuthenticationDisabled: true, securityDefaultsEnabled: false },
    account: { smtpClientAuthenticationDisabled: null, perUserMfaState: "enforced" },
  };
}

for (const lang of LANGS) {
  test(`${lang}: {Sender} starts a label with the application's word for an application, the device's otherwise`, () => {
    for (const [kind, c] of [["app", sending("app")], ["device", sending("canon")], ["device", undefined]] as const) {
      const words = WORDS[kind][lang];
      assert.equal(senderParams(lang, c).Sender, words.Sender);
      assert.equal(t(lang, "whatif.fact.device.host", senderParams(lang, c)), `${words.Sender}: ${lang === "en" ? "SMTP server" : "SMTP サーバー"}`);
      assert.equal(factLabel(lang, "device.username", c), t(lang, "whatif.fact.device.username", { Sender: words.Sender }));
      assert.ok(factLabel(lang, "device.oauthSupported", c).startsWith(words.Sender), factLabel(lang, "device.oauthSupported", c));
    }
    // A message that names no sender's word is left as it is; without a case, t() gives the device's word.
    assert.equal(t(lang, "whatif.fact.device.port"), t(lang, "whatif.fact.device.port", { Sender: WORDS.device[lang].Sender }));
  });

  test(`${lang}: the what-if and the options name the application in an application's case, the device in a device's`, () => {
    for (const kind of ["app", "device"] as const) {
      const c = sending(kind === "app" ? "app" : "canon");
      const words = WORDS[kind][lang];
      const other = WORDS[kind === "app" ? "device" : "app"][lang];
      const r = whatIf(c, [{ path: "device.host", value: "smtp.contoso.com" }, { path: "device.oauthSupported", value: false }], { today: "2026-12-06", evaluate: ev });
      const text = renderWhatIf(lang, r, 200);
      assert.ok(text.includes(`${words.Sender}: ${lang === "en" ? "SMTP server" : "SMTP サーバー"} [device.host]`), text);
      assert.ok(text.includes(`${t(lang, "whatif.fact.device.oauthSupported", { Sender: words.Sender })} [device.oauthSupported]`), text);
      assert.ok(!text.includes(`${other.Sender}: `), text);
      const cmp = compareOptions(c, ev);
      const oauth = cmp.options.find((o) => o.id === "oauth");
      assert.ok(oauth, "OAuth is offered");
      const title = t(lang, "whatif.option.oauth.title", { sender: words.sender });
      assert.equal(optionTitle(lang, oauth, c), title);
      assert.ok(title.includes(words.sender) && !title.includes(other.sender), title);
      assert.ok(renderOptions(lang, cmp, 200, undefined, c).includes(title));
      const json = optionsJson(lang, cmp, c) as { options: { id: string; title: string }[] };
      assert.equal(json.options.find((o) => o.id === "oauth")?.title, title);
    }
  });

  test(`${lang}: the wizard's step, its count and the hand-over name the application in an application's case`, () => {
    for (const kind of ["app", "device"] as const) {
      const c = sending(kind === "app" ? "app" : "canon");
      const words = WORDS[kind][lang];
      const step = stepLabel(lang, { id: "device", path: "device.host" }, c);
      assert.equal(step, t(lang, "wizard.step", { n: 2, name: t(lang, "wizard.step.2", { sender: words.sender }) }));
      assert.ok(step.includes(words.sender), step);
      const exact = deviceProgressLabel(lang, { n: 2, total: 7, upTo: false }, c);
      assert.equal(exact, lang === "en" ? `${words.Sender} setting 2 of 7` : `${words.Sender}の設定 2 / 7`);
      const most = deviceProgressLabel(lang, { n: 1, total: 9, upTo: true }, c);
      assert.equal(most, lang === "en" ? `${words.Sender} setting 1 of up to 9` : `${words.Sender}の設定 1 / 最大 9`);
      const d = ev(c);
      const hand = renderHandover({ case: c, diagnosis: d, plan: buildPlan(c, d, lang), lang });
      assert.ok(hand.includes(`${t(lang, "plan.handover.device", { Sender: words.Sender })} `), hand);
    }
    // The probe's offer for a sender that signs in with OAuth.
    assert.ok(t(lang, "wizard.probe.offerOauth", senderParams(lang, sending("app"))).startsWith(lang === "en" ? "The application signs in" : "アプリケーションは"));
    assert.ok(t(lang, "wizard.probe.offerOauth").startsWith(lang === "en" ? "The device signs in" : "デバイスは"));
  });

  test(`${lang}: the plan's device steps name the application in an application's case, the device in a device's`, () => {
    for (const kind of ["app", "device"] as const) {
      const base = sending(kind === "app" ? "app" : "canon");
      const words = WORDS[kind][lang];
      const other = WORDS[kind === "app" ? "device" : "app"][lang];
      // A host a letter away from Microsoft 365's: the endpoint step, corrected.
      const typo: Case = { ...base, device: { ...base.device, host: "smtp.office365.con" } };
      const fix = buildPlan(typo, ev(typo), lang).steps.find((s) => s.id === "device-endpoint");
      assert.ok(fix);
      assert.equal(fix.verify.text, t(lang, "plan.step.device-endpoint.typo.verify", { sender: words.sender, host: "smtp.office365.com" }));
      assert.ok(fix.verify.text.startsWith(lang === "en" ? `The ${words.sender}'s ` : `${words.sender}の`), fix.verify.text);
      // Sent with implicit TLS on port 465: the port and STARTTLS step, and its "verify".
      const tls: Case = { ...base, device: { ...base.device, port: 465, security: "tls" } };
      const port = buildPlan(tls, ev(tls), lang).steps.find((s) => s.id === "device-port-starttls");
      assert.ok(port);
      assert.ok(port.verify.text.startsWith(lang === "en" ? `The ${words.sender}'s settings` : `${words.sender}の設定`), port.verify.text);
      assert.ok(!port.verify.text.includes(other.sender), port.verify.text);
    }
  });
}

async function walk(lang: Lang, vendor: "brother" | "app") {
  const deps = makeServices({ today: "2026-12-06", cwd: process.cwd(), ascii: true, devices: await loadCatalog() }).deps;
  const reduce = makeReducer(deps);
  const run = (s: FlowState, ...events: FlowEvent[]) => events.reduce(reduce, s);
  let s = run(initFlow(deps, { lang, langExplicit: true, empty: emptyCase() }), { type: "choosePurpose", purpose: "new-device" });
  const seen: { path: string; n: number; total: number; upTo: boolean; label: string; where: string }[] = [];
  while (s.screen.id === "device") {
    const path = s.screen.path;
    const p = deviceProgress(s);
    assert.ok(p);
    seen.push({ path, ...p, label: deviceProgressLabel(lang, p, s.case), where: t(lang, question(path, s.case).where) });
    s = path === "device.vendor" ? run(s, { type: "answer", path, value: vendor }) : path === "device.auth" ? run(s, { type: "answer", path, value: "basic" }) : run(s, { type: "dontKnow", path });
  }
  return seen;
}

for (const lang of LANGS) {
  test(`${lang}: the device questions' total never grows: "of up to" while an answer may leave a question out, exact after`, async () => {
    for (const vendor of ["brother", "app"] as const) {
      const seen = await walk(lang, vendor);
      const trail = seen.map((x) => `${x.path} ${x.n}/${x.upTo ? "<=" : ""}${x.total}`);
      // Brother's model is asked (nine questions); an application has none (eight). The first screen says "up to 9" either way.
      const asked = vendor === "brother" ? 9 : 8;
      assert.equal(seen.length, asked, trail.join(", "));
      assert.deepEqual(seen[0], { ...seen[0], n: 1, total: 9, upTo: true });
      seen.forEach((x, i) => {
        assert.equal(x.n, i + 1, trail.join(", "));
        if (i > 0) assert.ok(x.total <= (seen[i - 1]?.total ?? 0), `the total grew: ${trail.join(", ")}`);
      });
      // Once the authentication type is answered (Basic), nothing is left open: the last questions say the exact total.
      const after = seen.slice(seen.findIndex((x) => x.path === "device.auth") + 1);
      assert.ok(after.length > 0 && after.every((x) => !x.upTo && x.total === asked), trail.join(", "));
      // The count's words: the sender's, as the answers stand.
      const words = WORDS[vendor === "app" ? "app" : "device"][lang];
      assert.ok((seen.at(-1)?.label ?? "").startsWith(words.Sender), seen.at(-1)?.label);
      assert.ok(seen[0]?.label.startsWith(WORDS.device[lang].Sender), "before the maker is chosen: the device's word");
    }
  });

  test(`${lang}: the model question's examples are the chosen maker's (Brother's after Brother, not a Canon's and a Sharp's)`, async () => {
    const seen = await walk(lang, "brother");
    const model = seen.find((x) => x.path === "device.model");
    assert.ok(model);
    assert.equal(model.where, t(lang, "questions.device.model.where.brother"));
    assert.ok(model.where.includes("MFC-L8900CDW"), model.where);
    assert.ok(!model.where.includes("imageRUNNER") && !model.where.includes("BP-70C65"), model.where);
    // With no maker chosen (or another maker), the general examples.
    assert.equal(question("device.model").where, "questions.device.model.where");
    assert.equal(question("device.model", { schema: "smtp-auth-doctor/case@1", device: { vendor: "other" } }).where, "questions.device.model.where");
  });
}

for (const lang of LANGS) {
  test(`${lang}: the device questions ask about the application in an application's case, about the device otherwise`, () => {
    for (const kind of ["app", "device"] as const) {
      const c = sending(kind === "app" ? "app" : "canon");
      const words = WORDS[kind][lang];
      const other = WORDS[kind === "app" ? "device" : "app"][lang];
      for (const path of APP_WHERE_PATHS) {
        const prompt = promptText(lang, question(path, c), c);
        assert.ok(prompt.includes(words.sender) && !prompt.includes(other.sender), `${path}: ${prompt}`);
      }
    }
    // Without a case (the paste summary's list of questions the paste settled): the device's words, as before.
    assert.equal(promptText(lang, question("device.host")), t(lang, "questions.device.host.q"));
    assert.ok(t(lang, "questions.device.host.q").includes(WORDS.device[lang].sender));
  });
}

for (const lang of LANGS) {
  test(`${lang}: the plan's titles, warnings and the hand-over's parts name the application in an application's case`, () => {
    for (const kind of ["app", "device"] as const) {
      const base = sending(kind === "app" ? "app" : "canon");
      const words = WORDS[kind][lang];
      const other = WORDS[kind === "app" ? "device" : "app"][lang];
      // Security defaults on and no OAuth: keep them and move the sender off Basic auth; the mailbox switch alone is said
      // not to let it send.
      const c: Case = { ...base, device: { ...base.device, oauthSupported: false }, tenant: { ...base.tenant, securityDefaultsEnabled: true }, account: { ...base.account, perUserMfaState: "disabled" } };
      const d = ev(c);
      const plan = buildPlan(c, d, lang);
      const keep = plan.steps.find((s) => s.id === "security-defaults-keep");
      assert.ok(keep, plan.steps.map((s) => s.id).join(" "));
      assert.equal(keep.title, t(lang, "plan.step.security-defaults-keep.title", { sender: words.sender }));
      assert.ok(keep.title.includes(words.sender) && !keep.title.includes(other.sender), keep.title);
      const warned = plan.steps.find((s) => s.warning !== undefined);
      assert.ok(warned?.warning?.includes(words.sender) && !warned.warning.includes(other.sender), warned?.warning);
      const hand = renderHandover({ case: c, diagnosis: d, plan, lang });
      const desk = t(lang, "plan.handover.deskHeading", { sender: words.sender });
      if (hand.includes(t(lang, "plan.handover.deskHeading", { sender: other.sender }))) assert.fail(hand);
      if (plan.steps.some((s) => s.who === "helpdesk" || s.who === "device-owner")) assert.ok(hand.includes(desk), hand);
    }
  });
}

for (const lang of LANGS) {
  test(`${lang}: the report's section on what sends the mail is headed by the application's word for an application`, async () => {
    const { evaluateDevice, loadDevice, planDevice } = await import("../../src/devices/index.js");
    const { renderText } = await import("../../src/report/text.js");
    const { renderMarkdown } = await import("../../src/report/markdown.js");
    for (const kind of ["app", "device"] as const) {
      const c = sending(kind === "app" ? "app" : "canon");
      const dev = await loadDevice(c);
      const diagnosis = evaluateDevice(c, dev, "2026-12-06");
      const input = { case: c, diagnosis, plan: planDevice(c, diagnosis, lang, dev), lang };
      const heading = t(lang, "devices.section", { sender: WORDS[kind][lang].sender });
      const wrong = t(lang, "devices.section", { sender: WORDS[kind === "app" ? "device" : "app"][lang].sender });
      const text = renderText({ ...input, width: 200 }).split("\n");
      assert.ok(text.includes(heading) && !text.includes(wrong), text.join("\n"));
      const md = renderMarkdown(input).split("\n");
      assert.ok(md.includes(`## ${heading}`) && !md.includes(`## ${wrong}`), md.join("\n"));
    }
  });
}

// Every message whose words for the sender became {sender} (or {Sender}): an application's words with an application's
// params, a device's without (t()'s default), and no word of the other kind, in both languages.
const SENDER_KEYS = [
  "plan.step.provider-connection.title",
  "plan.step.provider-connection.why",
  "plan.step.provider-app-password.title",
  "plan.step.provider-from-address.title",
  "plan.step.onprem-server-auth.title",
  "plan.step.onprem-server-auth.why",
  "plan.step.device-sender-address.why",
  "plan.step.mailbox-quota.title",
  "plan.step.account-enable.why",
  "plan.step.device-endpoint.mx.why",
  "plan.step.device-network.other.why",
  "plan.step.device-helo-name.title",
  "plan.warning.switchBehindPasswordRefusal",
  "plan.handover.fromSupportPc",
  "wizard.title",
  "wizard.probe.merge",
  "wizard.live.noUser",
  "devices.section",
  "whatif.fact.device.provider",
  // The wizard's paste (asked for again after an application was chosen), its summary and the PowerShell placeholder's hint.
  "wizard.paste.q",
  "wizard.pasteSummary.straightToResult",
  "questions.device.reply.q",
  "questions.placeholderHint",
  // The plan's steps an application's case can reach that named "the device" / 「デバイス」 (its mailbox, its account, its From address, the relay that sends for it).
  "plan.step.oauth-mailbox-permission.title",
  "plan.step.security-defaults-replace.why",
  "plan.step.account-restricted.account-banned.why",
  "plan.step.account-restricted.account-banned.why.initialDomain",
  "plan.step.account-restricted.unregistered-domains.why",
  "plan.step.federation-sts.why",
  "plan.step.direct-send-connector.why",
  "plan.step.device-sending-rate.onmicrosoft.why",
  "plan.step.mailbox-grant-send-as.security",
  "plan.step.allow-external-forwarding.why",
  "plan.step.account-password.optional",
  "plan.step.account-locked.security",
  "plan.wait.lockout",
  "plan.step.delivery-sender-domain-auth.why",
  "plan.step.relay-own-settings.security",
  "plan.step.provider-app-password.security",
  "plan.step.provider-service-limits.size.security",
  "plan.step.outbound-connector-check.title",
  "plan.step.device-port-starttls.postfix.why",
  "plan.step.device-enable-auth.postfix.why",
  "plan.step.delivery-recipient-side.why",
] as const;

for (const lang of LANGS) {
  test(`${lang}: each message that names the sender names the application for an application and the device otherwise`, () => {
    const app = senderParams(lang, sending("app"));
    for (const key of SENDER_KEYS) {
      const forApp = t(lang, key, app);
      const forDevice = t(lang, key);
      // ({Sender} starts a label with a capital: the words are compared whatever their case.)
      const has = (text: string, word: string) => text.toLowerCase().includes(word.toLowerCase());
      assert.ok(has(forApp, WORDS.app[lang].sender) && !has(forApp, WORDS.device[lang].sender), `${key}: ${forApp}`);
      assert.ok(has(forDevice, WORDS.device[lang].sender) && !has(forDevice, WORDS.app[lang].sender), `${key}: ${forDevice}`);
      assert.equal(forDevice, t(lang, key, senderParams(lang, sending("canon"))), key);
    }
  });
}

// An application's plan when its sign-in method is not known: its own reason for showing Basic auth's options ("most printers
// and scanners use Basic auth" said nothing of an application); the device's section names its sources as the application's.
for (const lang of LANGS) {
  test(`${lang}: Basic auth's options are explained for an application in its own words, and its sources are the application's`, () => {
    for (const vendor of ["app", "canon"] as const) {
      const c = sending(vendor);
      const { auth: _auth, oauthSupported: _o, ...device } = c.device ?? {};
      const unknownAuth: Case = { ...c, device };
      const plan = buildPlan(unknownAuth, evaluate(unknownAuth, { today: "2026-12-06" }), lang);
      const own = t(lang, vendor === "app" ? "plan.note.basicLikely.app" : "plan.note.basicLikely");
      const other = t(lang, vendor === "app" ? "plan.note.basicLikely" : "plan.note.basicLikely.app");
      assert.ok(plan.notes.includes(own), `${vendor}: ${plan.notes.join(" | ")}`);
      assert.ok(!plan.notes.includes(other), vendor);
    }
    assert.equal(t(lang, "devices.sources", senderParams(lang, { device: { vendor: "app" } })), lang === "en" ? "Sources (application)" : "出典 (アプリケーション)");
    assert.equal(t(lang, "devices.sources"), lang === "en" ? "Sources (device)" : "出典 (デバイス)");
  });
}

// The maker's fact (device.vendor) in an application's case: "Maker of the device (or an application or a script)" /
// 「デバイスのメーカー (またはアプリケーションやスクリプト)」 headed the value "An application or a script" in the reports' facts,
// and "Device maker (or an application)" in the what-if. A device's case keeps the device's words.
for (const lang of LANGS) {
  test(`${lang}: the maker's fact is labelled as what sends the mail in an application's case, the device's maker otherwise`, async () => {
    const { factDescription } = await import("../../src/render/labels.js");
    const { renderMarkdown } = await import("../../src/report/markdown.js");
    const said = {
      en: { report: "What sends the mail (an application or a script, or a maker)", whatif: "Sent by (an application or a maker)", deviceReport: "Maker of the device (or an application or a script)", deviceWhatif: "Device maker (or an application)" },
      ja: { report: "メールを送るもの (アプリケーションやスクリプト、またはメーカー)", whatif: "メールを送るもの (アプリまたはメーカー)", deviceReport: "デバイスのメーカー (またはアプリケーションやスクリプト)", deviceWhatif: "デバイスのメーカー (またはアプリ)" },
    }[lang];
    assert.equal(factDescription(lang, "device.vendor", sending("app")), said.report);
    assert.equal(factLabel(lang, "device.vendor", sending("app")), said.whatif);
    for (const c of [sending("canon"), undefined]) {
      assert.equal(factDescription(lang, "device.vendor", c), said.deviceReport);
      assert.equal(factLabel(lang, "device.vendor", c), said.deviceWhatif);
    }
    for (const vendor of ["app", "canon"] as const) {
      const c = sending(vendor);
      const d = ev(c);
      const md = renderMarkdown({ case: c, diagnosis: d, plan: buildPlan(c, d, lang), lang });
      const label = vendor === "app" ? said.report : said.deviceReport;
      assert.ok(md.includes(`| ${label} (\`device.vendor\`) | ${t(lang, `devices.vendor.${vendor}`)} (${vendor}) |`), md);
      // The what-if names the facts as the changed case reads them: a Canon made an application is labelled as one.
      const r = whatIf(c, [{ path: "device.vendor", value: vendor === "app" ? "other" : "app" }], { today: "2026-12-06", evaluate: ev });
      const text = renderWhatIf(lang, r, 300);
      assert.ok(text.includes(`${vendor === "app" ? said.deviceWhatif : said.whatif} [device.vendor]`), text);
    }
  });
}

// The admin's directions and the account's questions name the sender as the case does: an application's report told its admin
// that a Conditional Access policy "blocks the device's sign-in" / 「デバイスのサインインはブロックされます」, and its OAuth option
// to "check with the vendor whether the device's firmware supports OAuth". A device's words are unchanged.
const SENDER_WHERE = [
  "questions.account.legacyAuthBlockedByConditionalAccess.whereAdmin",
  "questions.account.sendAs.whereAdmin",
  "questions.tenant.rejectDirectSend.where",
  "questions.account.smtpClientAuthenticationDisabled.q",
  "questions.account.recipientTypeDetails.q",
] as const;

for (const lang of LANGS) {
  test(`${lang}: the Conditional Access check, the admin's directions, the account's questions and the OAuth option name the application`, async () => {
    const { whereText } = await import("../../src/flow/questions.js");
    const { adminChecks } = await import("../../src/report/checks.js");
    const { renderMarkdown } = await import("../../src/report/markdown.js");
    const device = WORDS.device[lang].sender;
    const app = WORDS.app[lang].sender;
    for (const key of SENDER_WHERE) {
      const forApp = whereText(lang, key, sending("app"));
      assert.ok(forApp.includes(app) && !forApp.includes(device), `${key}: ${forApp}`);
      // A device's case and no case: the device's words, as t() gave them before.
      assert.equal(whereText(lang, key, sending("canon")), t(lang, key), key);
      assert.ok(t(lang, key).includes(device), key);
    }
    const blocks = { en: { app: "blocks the application's sign-in.", device: "blocks the device's sign-in." }, ja: { app: "アプリケーションのサインインはブロックされます。", device: "デバイスのサインインはブロックされます。" } }[lang];
    assert.ok(t(lang, "questions.account.legacyAuthBlockedByConditionalAccess.whereAdmin").endsWith(blocks.device));
    // The report's "what an admin must check": Basic auth after the end of 2026 with Conditional Access unknown
    // (examples/canon-after-2026.json), as an application's case and a Canon's.
    for (const vendor of ["app", "canon"] as const) {
      const c: Case = { schema: "smtp-auth-doctor/case@1", asOf: "2027-01-15", device: { vendor, host: "smtp.office365.com", port: 587, security: "starttls", tlsVersion: "1.2", auth: "basic", username: "mfp-3f@contoso.com", from: "mfp-3f@contoso.com" }, tenant: { smtpClientAuthenticationDisabled: false, securityDefaultsEnabled: false, basicAuthSmtpReenabled: false } };
      const d = ev(c);
      const ca = adminChecks(c, d, lang).find((ch) => ch.path === "account.legacyAuthBlockedByConditionalAccess");
      assert.ok(ca, adminChecks(c, d, lang).map((ch) => ch.path).join(" "));
      assert.ok(ca.where.endsWith(vendor === "app" ? blocks.app : blocks.device), ca.where);
      const plan = buildPlan(c, d, lang);
      const md = renderMarkdown({ case: c, diagnosis: d, plan, lang });
      assert.ok(md.includes(vendor === "app" ? blocks.app : blocks.device) && !md.includes(vendor === "app" ? blocks.device : blocks.app), md);
      // The OAuth option's note while it is not known whether the sender supports OAuth.
      const oauth = plan.options.find((o) => o.id === "oauth");
      assert.equal(oauth?.availabilityNote, t(lang, vendor === "app" ? "plan.option.oauth.check.app" : "plan.option.oauth.check"));
      if (vendor === "app") assert.ok(!(oauth?.availabilityNote ?? "").includes(device), oauth?.availabilityNote);
    }
    assert.equal(t(lang, "plan.option.oauth.check"), lang === "en" ? "Check with the vendor whether the device's firmware supports OAuth." : "デバイスのファームウェアが OAuth に対応しているかメーカーに確認してください。");
  });
}

for (const lang of LANGS) {
  test(`${lang}: an application's OAuth set-up step gives its service principal access to the application's mailbox`, () => {
    // examples/oauth-app.json, as an application's case (device.vendor "app") and a Canon's.
    for (const vendor of ["app", "canon"] as const) {
      const c: Case = {
        schema: "smtp-auth-doctor/case@1",
        asOf: "2026-11-22",
        device: { vendor, host: "smtp.office365.com", port: 587, security: "starttls", tlsVersion: "1.3", auth: "oauth", authMechanism: "XOAUTH2", oauthFlow: "app", username: "orders@contoso.com", from: "orders@contoso.com", reply: "MailKit.Security.AuthenticationException: AuthenticationInvalidCredentials: 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]" },
        tenant: { smtpClientAuthenticationDisabled: true, securityDefaultsEnabled: true, oauth2ClientProfileEnabled: false },
        account: { smtpClientAuthenticationDisabled: false, recipientTypeDetails: "UserMailbox", exchangeLicensed: true, accountEnabled: true, oauthApp: { servicePrincipalRegistered: true, permissionConsented: true, mailboxPermission: false } },
      };
      const step = buildPlan(c, ev(c), lang).steps.find((s) => s.id === "oauth-mailbox-permission");
      assert.ok(step);
      const mailbox = { en: { app: "access to the application mailbox (orders@contoso.com)", canon: "access to the device mailbox (orders@contoso.com)" }, ja: { app: "アプリケーションのメールボックス (orders@contoso.com)", canon: "デバイスのメールボックス (orders@contoso.com)" } }[lang][vendor];
      assert.ok(step.title.includes(mailbox), step.title);
    }
  });
}

// The what-if's options for an application: their conditions, assumptions and who does them said "the device (firmware or
// app) supports OAuth 2.0 for SMTP; check with the vendor", "the device maker's app", "whoever configures the device", "the
// device sends from a static public IP" … A device's case keeps its words.
for (const lang of LANGS) {
  test(`${lang}: the what-if's options name the application in their conditions, assumptions and roles`, async () => {
    const { senderText } = await import("../../src/render/labels.js");
    const device = WORDS.device[lang].sender;
    const app = WORDS.app[lang].sender;
    for (const kind of ["app", "device"] as const) {
      // Basic auth blocked with OAuth support unknown: OAuth's conditions (support, app registration), relay and Direct Send's.
      const base = sending(kind === "app" ? "app" : "canon");
      const { oauthSupported: _o, ...rest } = base.device ?? {};
      const c: Case = { ...base, device: rest };
      const cmp = compareOptions(c, ev);
      const keys = [...new Set(cmp.options.flatMap((o) => [...o.conditions, ...o.assumptions, ...o.who.map((w) => `whatif.who.${w}`)]))];
      for (const key of ["whatif.cond.deviceSupportsOauth", "whatif.cond.oauthApp", "whatif.who.device"]) assert.ok(keys.includes(key), `${key} in ${keys.join(" ")}`);
      const text = renderOptions(lang, cmp, 400, undefined, c);
      const json = JSON.stringify(optionsJson(lang, cmp, c));
      for (const key of keys) {
        const said = senderText(lang, key as Parameters<typeof t>[1], c);
        assert.ok(text.includes(said) || !key.startsWith("whatif.cond") || json.includes(said), `${key}: ${said}`);
        if (key.startsWith("whatif.cond") || key.startsWith("whatif.assume")) assert.ok(json.includes(JSON.stringify(said)), `${key} in the JSON`);
        if (kind === "app") assert.ok(!said.includes(device), `${key}: ${said}`);
        // A device's case: the words t() gave before.
        else assert.equal(said, t(lang, key as Parameters<typeof t>[1]), key);
      }
      if (kind === "app") {
        // (Paths such as [device.tlsVersion] are the case's field names.)
        assert.ok(!text.split("\n").some((l) => l.replace(/\[device\.\w+\]/g, "").includes(device) && !/devices and apps|デバイスやアプリ/.test(l)), text);
        assert.ok(text.includes(app), text);
      }
    }
    // Every condition, assumption and role of the catalog (Direct Send's and the relay's too), for an application and a device.
    const { default: whatif } = await import("../../src/i18n/areas/whatif.js");
    const all = Object.keys(whatif.en).filter((k) => /^whatif\.(cond|assume|who)\.[^.]+$/.test(k)) as Parameters<typeof t>[1][];
    for (const key of all) {
      const said = senderText(lang, key, sending("app"));
      assert.ok(!said.includes(device), `${key}: ${said}`);
      assert.equal(senderText(lang, key, sending("canon")), t(lang, key), key);
    }
    for (const key of ["whatif.assume.notEvaluated", "whatif.cond.staticIpOrCert", "whatif.cond.spf", "whatif.cond.hveAccount", "whatif.cond.rejectDirectSendOff", "whatif.replyStillCounts"] as const) {
      assert.ok(senderText(lang, key, sending("app")).includes(app), key);
    }
  });
}

// The model question's examples per maker: a model the shared device reference (devices.md) names for that maker, or one
// example only where it names none. The second examples were written from memory (MP C3004, ApeosPort C3570, imageCLASS
// MF743Cdw, ECOSYS M5526cdw, DCP-L2550DW, e-STUDIO 5015AC, CX625ade).
const MODEL_EXAMPLES: Record<string, readonly string[]> = {
  ricoh: ["IM C3000", "MP C307"], // devices.md "RICOH": the MP C307 family's service manual
  canon: ["imageRUNNER ADVANCE DX C5840"],
  sharp: ["BP-70C65", "BP-C131WD"], // devices.md "SHARP": BP series
  fujifilm: ["Apeos C7788", "ApeosPort-IV 3070"], // devices.md "FUJIFILM": the Apeos C7788 guide, ApeosPort-IV 3070 specifications
  "konica-minolta": ["bizhub C4000i", "bizhub 451i"], // devices.md "KONICA MINOLTA": bizhub i-Series
  kyocera: ["TASKalfa 2553ci"],
  xerox: ["VersaLink C415", "WorkCentre 6015"], // devices.md "XEROX": VersaLink C415, WorkCentre 6015 (CentreWare IS)
  brother: ["MFC-L8900CDW"],
  epson: ["WF-C21000", "ES-C380W"], // devices.md "EPSON"
  toshiba: ["e-STUDIO 2515AC"],
  hp: ["LaserJet Pro MFP M428fdw", "Color LaserJet Pro MFP M479fdw"], // devices.md "HP": LaserJet Pro M428–M429f, M478–M479
  lexmark: ["MX622ade"],
};

for (const lang of LANGS) {
  test(`${lang}: the model question gives each maker's examples, none written from memory beside a sourced one`, () => {
    for (const [vendor, models] of Object.entries(MODEL_EXAMPLES)) {
      const where = t(lang, `questions.device.model.where.${vendor}` as Parameters<typeof t>[1]);
      const quoted = [...where.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(quoted, [...models], `${vendor}: ${where}`);
    }
  });
}

// The plan's texts whose device's words do not fit an application, or whose languages name the sender a different number of
// times, have an application's own ('<key>.app'), which the plan picks for an application's case: "A device that keeps
// retrying … switch it off", "enter the new password on the device", "type it on the device as the password", "check them on
// its network settings page", "Correct the address on the device (or in its address book)".
const PLAN_APP_KEYS = [
  "plan.step.mailbox-quota.why",
  "plan.step.account-locked.why",
  "plan.step.account-password.why",
  "plan.step.device-network.dns.why",
  "plan.step.delivery-check-recipient.why",
  "plan.step.move-to-oauth.why.unknown",
  "plan.step.move-to-oauth.why.policy.unknown",
  "plan.step.device-sending-rate.size.why",
  "plan.step.device-sending-rate.size.verify",
  "plan.step.device-credentials.title",
  "plan.step.device-credentials.userName.title",
  "plan.provider.appPassword.google",
  "plan.provider.appPassword.brevo",
  "plan.provider.appPassword.netease",
  "plan.provider.appPassword.qq",
  "plan.provider.appPassword.other",
] as const;

for (const lang of LANGS) {
  test(`${lang}: the plan picks an application's own text where a device's words do not fit it`, async () => {
    const { BASIC_OK } = await import("../helpers/engine-cases.js");
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const device = WORDS.device[lang].sender;
    for (const key of PLAN_APP_KEYS) {
      const own = t(lang, `${key}.app` as Parameters<typeof t>[1]);
      assert.ok(own !== `${key}.app`, `${key}.app exists`);
      assert.deepEqual(placeholders(own), placeholders(t(lang, key)), `${key}.app takes the same parameters`);
      assert.ok(!own.replace(/applications and devices|アプリケーションやデバイス/g, "").includes(device), `${key}.app: ${own}`);
      assert.ok(own.includes(WORDS.app[lang].sender), `${key}.app: ${own}`);
    }
    // An account locked by repeated wrong passwords (sign-in error 50053): an application's case and a Canon's.
    for (const vendor of ["app", "canon"] as const) {
      const c: Case = { ...BASIC_OK, device: { ...BASIC_OK.device, vendor }, account: { ...BASIC_OK.account, signIns: [{ at: "2026-11-22T08:00:00Z", errorCode: 50053 }] } };
      const step = buildPlan(c, ev(c), lang).steps.find((s) => s.id === "account-locked");
      assert.ok(step, buildPlan(c, ev(c), lang).steps.map((s) => s.id).join(" "));
      assert.equal(step.why, t(lang, vendor === "app" ? "plan.step.account-locked.why.app" : "plan.step.account-locked.why"));
    }
  });
}

// Persona 9b: a .NET application's plan said "Check the application's documentation (or ask its maker) whether this application
// supports OAuth …, or an update of its firmware or version adds it" / 「ファームウェアやバージョンの更新で対応するか」. An application
// has no firmware: its own text asks whether a newer version does (its developer); a Canon's keeps the firmware.
for (const lang of LANGS) {
  test(`${lang}: the move to OAuth speaks of no firmware for an application, and keeps it for a device`, () => {
    const firmware = lang === "en" ? "firmware" : "ファームウェア";
    for (const vendor of ["app", "canon"] as const) {
      // OAuth support not known: the retirement's text, and a policy's (SMTP AUTH off and per-user MFA).
      for (const asOf of ["2026-12-06", "2026-11-01"]) {
        const base = sending(vendor);
        const c: Case = { ...base, asOf, device: { ...base.device, oauthSupported: undefined } };
        const step = buildPlan(c, evaluate(c, { today: asOf }), lang).steps.find((s) => s.id === "move-to-oauth");
        assert.ok(step, `${vendor} ${asOf}: ${buildPlan(c, evaluate(c, { today: asOf }), lang).steps.map((s) => s.id).join(" ")}`);
        assert.equal(step.why.includes(firmware), vendor === "canon", `${vendor} ${asOf}: ${step.why}`);
      }
    }
  });
}

// Persona 9b: a message too large for the server (552 5.3.4) told an application "On a scanner: a lower resolution, black and
// white or grayscale, compressed PDF …" and to verify with "A scan of the same size"; an application's step speaks of its
// attachments. A Canon's keeps the scanner's advice.
for (const lang of LANGS) {
  test(`${lang}: a message too large gets an application's advice for an application, a scanner's for a device`, () => {
    const scanner = lang === "en" ? "scanner" : "スキャナー";
    for (const vendor of ["app", "canon"] as const) {
      const c: Case = { ...sending(vendor), tenant: {}, account: {}, device: { ...sending(vendor).device, reply: "552 5.3.4 Message size exceeds fixed maximum message size" } };
      const steps = buildPlan(c, ev(c), lang).steps;
      const step = steps.find((s) => s.id === "device-sending-rate");
      assert.ok(step, `${vendor}: ${steps.map((s) => s.id).join(" ")}`);
      assert.equal(step.why, t(lang, vendor === "app" ? "plan.step.device-sending-rate.size.why.app" : "plan.step.device-sending-rate.size.why"));
      assert.equal(step.why.includes(scanner), vendor === "canon", step.why);
      assert.equal(step.verify.text, t(lang, vendor === "app" ? "plan.step.device-sending-rate.size.verify.app" : "plan.step.device-sending-rate.size.verify"));
    }
  });
}

// Persona 9b: the .NET application's first step read "Re-enter the user name as the full address (…) and the password on the
// application"; an application's settings are where they are entered. A Canon's title is unchanged.
for (const lang of LANGS) {
  test(`${lang}: re-entering the credentials is done in the application's settings for an application`, () => {
    for (const vendor of ["app", "canon"] as const) {
      const c: Case = { ...sending(vendor), tenant: {}, account: {}, device: { ...sending(vendor).device, reply: "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect." } };
      const step = buildPlan(c, ev(c), lang).steps.find((s) => s.id === "device-credentials");
      assert.ok(step, vendor);
      const key = vendor === "app" ? "plan.step.device-credentials.title.app" : "plan.step.device-credentials.title";
      assert.equal(step.title, t(lang, key, { user: "billing@contoso.com", ...(vendor === "canon" ? { sender: WORDS.device[lang].sender } : {}) }));
    }
  });
}
