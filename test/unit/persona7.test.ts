// Persona round 7 (tmux, three people; /work/handoff/persona7-report.md): what it found wrong or confusing in the readings and the
// hand-over, fixed, in both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCase } from "../../src/case/io.js";
import { evaluate } from "../../src/engine/index.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { renderHandover } from "../../src/report/handover.js";
import { renderText as renderTextSync } from "../../src/report/text.js";
import { runMain } from "../helpers/run-main.js";

const LANGS = ["en", "ja"] as const;
// A Canon on Basic that fails to sign in, the help desk's paste as the persona typed it from the panel.
const CANON = parseCase(
  JSON.stringify({ schema: "smtp-auth-doctor/case@1", device: { vendor: "canon", auth: "basic", username: "scan-3f@contoso.co.jp", port: 587, reply: "エラー #839\n送信できませんでした。SMTPサーバーの認証に失敗しました。" } }),
  "persona7-canon.json",
);
const handover = (today: string, lang: Lang): string => {
  const d = evaluate(CANON, { today });
  return renderHandover({ case: CANON, diagnosis: d, plan: buildPlan(CANON, d, lang), lang });
};
const flat = (s: string) => s.replace(/\s+/g, " ");

test("#1: the hand-over of a device on Basic tells the admin of the end of December, 'any day now' in December, not after the change", () => {
  for (const lang of LANGS) {
    // (The hand-over wraps its lines: the opening words of each text are looked for.)
    const opening = (key: "plan.handover.retiringImminent" | "plan.handover.retiring") => flat(t(lang, key)).slice(0, lang === "ja" ? 20 : 40);
    assert.ok(flat(handover("2026-12-06", lang)).includes(opening("plan.handover.retiringImminent")), handover("2026-12-06", lang));
    assert.ok(flat(handover("2026-11-20", lang)).includes(opening("plan.handover.retiring")), lang);
    // Only December says "any day now".
    const anyDay = lang === "ja" ? "いつ実施されても" : "any day now";
    assert.ok(flat(handover("2026-12-06", lang)).replace(/ /g, "").includes(anyDay.replace(/ /g, "")), lang);
    assert.ok(!flat(handover("2026-11-20", lang)).replace(/ /g, "").includes(anyDay.replace(/ /g, "")), lang);
    // After the change the retirement is a cause of its own (possible), listed with the others: no extra line.
    assert.ok(!flat(handover("2027-01-15", lang)).includes(opening("plan.handover.retiring")), lang);
  }
});

test("#14: a port without its server reads as a port in the hand-over, not '→ :587'", () => {
  assert.match(handover("2026-12-06", "en"), /scan-3f@contoso\.co\.jp → port 587 ·/);
  assert.match(handover("2026-12-06", "ja"), /scan-3f@contoso\.co\.jp -> ポート 587・/);
});

test("#2: a TLS handshake alert (.NET's 'HandshakeFailure', Python's SSLV3_ALERT_HANDSHAKE_FAILURE) leaves the TLS version and the handshake possible", async () => {
  for (const text of ["System.Security.Authentication.AuthenticationException: Authentication failed because the remote party sent a TLS alert: 'HandshakeFailure'.", "ssl.SSLError: [SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure (_ssl.c:1006)"]) {
    for (const lang of LANGS) {
      const r = await runMain(["explain", "--json", "--lang", lang, text]);
      assert.equal(r.code, 3, `${lang}: ${text}`);
      const j = JSON.parse(r.stdout) as { causes: Array<{ id: string; status: string }> };
      assert.deepEqual(j.causes.filter((c) => c.status !== "warning").map((c) => `${c.id}:${c.status}`).sort(), ["tls-handshake-failed:possible", "tls-version-unsupported:possible"], text);
    }
  }
});

test("#3: a maker's code beside the device's own words says no server reply decides, and its sentences end before the next", async () => {
  for (const lang of LANGS) {
    const words = await runMain(["explain", "--vendor", "canon", "--lang", lang, "#839 送信できませんでした。SMTPサーバーの認証に失敗しました。"]);
    assert.ok(!flat(words.stdout).includes(flat(t(lang, "devices.panel.replyDecides")).slice(0, 20)), words.stdout);
    const reply = await runMain(["explain", "--vendor", "canon", "--lang", lang, "-"], { stdin: "#839\n535 5.7.3 Authentication unsuccessful" });
    const out = flat(reply.stdout).replace(/ /g, "");
    // The list of causes ends before the sentence that the server's reply decides.
    const decides = flat(t(lang, "devices.panel.replyDecides")).replace(/ /g, "").slice(0, 12);
    assert.ok(out.includes(lang === "ja" ? `ありません。${decides}` : `signinwith.${decides}`), reply.stdout);
  }
});

// #11 (explain): a client's own error was said to be the server's ("the server names the cause", "The server's reply fits several
// causes"), and Exchange Online's 5.7.57 quoting a refused sign-in read "not a reply this tool knows".
const squashed = (s: string) => s.replace(/\s+/g, "");
const MAILKIT_PLAIN_PORT =
  "MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an SSL or TLS connection. When connecting to an SMTP service, port 587 is typically reserved for plain-text connections. If you intended to connect to SMTP on the SSL port, try connecting to port 465 instead.";
const WRONG_VERSION = "ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)";
const ECHO_57 =
  "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [TYCP286CA0012.JPNP286.PROD.OUTLOOK.COM]";

test("#11: explain says 'the program's error' for an error the client made itself, never 'the server'", async () => {
  for (const lang of LANGS) {
    const causes = (ids: string[]) => ids.map((id) => t(lang, `cause.${id}.title` as "cause.starttls-missing.title")).join(lang === "ja" ? "、" : ", ");
    const mailkit = squashed((await runMain(["explain", "--lang", lang, MAILKIT_PLAIN_PORT])).stdout);
    assert.ok(mailkit.includes(squashed(t(lang, "cli.explain.programNames", { causes: causes(["starttls-missing"]) }))), mailkit);
    assert.ok(!mailkit.includes(squashed(t(lang, "cli.explain.decisive", { causes: causes(["starttls-missing"]) }))), mailkit);
    const python = squashed((await runMain(["explain", "--lang", lang, WRONG_VERSION])).stdout);
    assert.ok(python.includes(squashed(t(lang, "note.programAmbiguous"))), python);
    assert.ok(!python.includes(squashed(t(lang, "note.replyAmbiguous"))), python);
    // The server's own reply still is the server's.
    const server = squashed((await runMain(["explain", "--lang", lang, "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator."])).stdout);
    assert.ok(server.includes(squashed(t(lang, "note.replyAmbiguous"))), server);
    assert.ok(!server.includes(squashed(t(lang, "note.programAmbiguous"))), server);
  }
});

test("#11: Exchange Online's 5.7.57 without its 530 reads as 5.7.57, alone or quoting the refused sign-in (.NET's SmtpException)", async () => {
  for (const lang of LANGS) {
    const echo = squashed((await runMain(["explain", "--lang", lang, ECHO_57])).stdout);
    assert.ok(echo.includes(squashed(t(lang, "cli.explain.afterAuthFailure"))), echo);
    assert.ok(!echo.includes(squashed(t(lang, "cli.explain.noCandidates"))), echo);
    for (const bare of ["5.7.57 Client not authenticated to send mail.", "5.7.57 Client not authenticated to send mail. [TYCP286CA0012.JPNP286.PROD.OUTLOOK.COM 2026-12-05T09:12:33.123Z 08DD1234ABCD5678]"]) {
      const r = await runMain(["explain", "--json", "--lang", lang, bare]);
      const j = JSON.parse(r.stdout) as { analysis: { primary: { patternId: string } | null }; causes: Array<{ id: string }> };
      assert.equal(j.analysis.primary?.patternId, "not-authenticated", bare);
      assert.deepEqual(j.causes.map((c) => c.id).filter((id) => id !== "basic-auth-retired").sort(), ["no-authentication", "starttls-missing"], bare);
      const text = squashed((await runMain(["explain", "--lang", lang, bare])).stdout);
      assert.ok(!text.includes(squashed(t(lang, "cli.explain.noCandidates"))), text);
    }
  }
});

// #11 (wording): an application's case was written as a printer's ("Blocked: mail from this device…", "device owner / vendor",
// "Move the device to OAuth", "send a test message from the device"). One choice of words (senderParams) names what sends.
const PYTHON_APP = parseCase(
  JSON.stringify({
    schema: "smtp-auth-doctor/case@1",
    asOf: "2026-12-06",
    device: {
      vendor: "app",
      auth: "basic",
      oauthSupported: true,
      username: "billing-noreply@contoso.com",
      reply: "smtplib.SMTPAuthenticationError: (535, b'5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.')",
    },
    account: { perUserMfaState: "enforced" },
  }),
  "persona7-python.json",
);

test("#11: an application's result, report, hand-over and plan name the application and its owner or developer, not a device", async () => {
  const renderText = renderTextSync;
  const { renderMarkdown } = await import("../../src/report/markdown.js");
  const { renderPs1 } = await import("../../src/report/ps1.js");
  const app = { sender: { en: "application", ja: "アプリケーション" }, who: { en: "the application's owner / developer", ja: "アプリケーションの管理者 / 開発者" } };
  for (const lang of LANGS) {
    const d = evaluate(PYTHON_APP, { today: "2026-12-06" });
    const plan = buildPlan(PYTHON_APP, d, lang);
    const input = { case: PYTHON_APP, diagnosis: d, plan, lang };
    const text = squashed(renderText({ ...input, width: 300 }));
    const md = squashed(renderMarkdown(input));
    const hand = squashed(renderHandover(input));
    const ps1 = squashed(renderPs1(input));
    const params = { verdict: lang === "en" ? "Blocked" : "ブロック", sender: app.sender[lang], senderA: lang === "en" ? "an application" : app.sender[lang], senderGuide: lang === "en" ? "the application's documentation" : "アプリケーションのドキュメント" };
    for (const [name, out] of [["text", text], ["md", md], ["handover", hand], ["ps1", ps1]] as const) {
      assert.ok(!out.includes("{sender"), `${lang} ${name}: a placeholder left`);
      assert.ok(out.includes(squashed(t(lang, "plan.report.verdict.blocked", params))), `${lang} ${name}: ${out.slice(0, 400)}`);
      assert.ok(!out.includes(squashed(t(lang, "plan.report.verdict.blocked", { ...params, sender: lang === "en" ? "device" : "デバイス" }))), `${lang} ${name}`);
    }
    for (const out of [text, md, hand]) {
      assert.ok(out.includes(squashed(app.who[lang])), `${lang}: who`);
      assert.ok(!out.includes(squashed(t(lang, "plan.report.who.device-owner"))), `${lang}: no device owner`);
    }
    const oauth = plan.steps.find((s) => s.id === "move-to-oauth");
    assert.equal(oauth?.title, t(lang, "plan.step.move-to-oauth.title", params));
    assert.ok(oauth?.why.includes(app.sender[lang]), oauth?.why);
    for (const out of [text, md]) assert.ok(out.includes(squashed(t(lang, "plan.report.step.testSend", params))), `${lang}: test send`);
    assert.equal(plan.options.find((o) => o.id === "oauth")?.title, t(lang, "plan.option.oauth.title", params));
    // The per-user MFA step and the facts name the application too (they said "this device account", "User name on the device").
    const mfa = plan.steps.find((s) => s.id === "account-per-user-mfa");
    assert.equal(mfa?.title, t(lang, "plan.step.account-per-user-mfa.title", params));
    assert.ok(mfa?.title.includes(app.sender[lang]) && !mfa.title.includes(lang === "en" ? "device" : "デバイス"), mfa?.title);
    for (const out of [text, md]) {
      assert.ok(out.includes(squashed(t(lang, "plan.report.fact.device.auth", params))), `${lang}: the authentication type's label`);
      assert.ok(!out.includes(squashed(t(lang, "plan.report.fact.device.auth"))), `${lang}: no device's authentication type`);
    }
  }
});

test("#11: a device's wording is unchanged", () => {
  const expected = {
    en: ["Blocked: mail from this device cannot be sent as things are.", "device owner / vendor", "Move the device to OAuth (Modern authentication), or to one of the options", "Then send a test message from the device.", "Options for a device that uses Basic auth (safest first)"],
    ja: ["ブロック: このままではこのデバイスからメールを送信できません。", "デバイスの管理者 / メーカー", "デバイスを OAuth (先進認証) か、いずれかの選択肢に移行します", "その後、デバイスからテスト メッセージを送信します。", "基本認証を使うデバイスの選択肢 (安全な順)"],
  };
  for (const lang of LANGS) {
    const c = parseCase(JSON.stringify({ ...JSON.parse(JSON.stringify(PYTHON_APP)), device: { ...PYTHON_APP.device, vendor: "canon" } }), "canon.json");
    const d = evaluate(c, { today: "2026-12-06" });
    const plan = buildPlan(c, d, lang);
    const text = squashed(renderTextSync({ case: c, diagnosis: d, plan, lang, width: 300 }));
    for (const words of expected[lang]) assert.ok(text.includes(squashed(words)), `${lang}: ${words}`);
  }
});
