// The paste-analysis screen fits the window (persona round 6, P6-14): at 80×24 「認証エラー」 listed thirteen causes, the
// note on how to see the server's reply and the questions: 28 rows, and the title 「貼り付けたエラーからわかること」 scrolled
// off the top. The lists now show what fits, each with a line for the rest; a device's own words are headed as such (P6-7).
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { PasteSummaryScreen } from "../../screens/PasteSummary.js";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import { pasteSummaryText, pointedCauses } from "../../src/flow/summary.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { makeTheme } from "../../src/render/theme.js";
import { analyzeReply } from "../../src/replies/index.js";
import type { FactPath } from "../../src/case/facts.js";
import { frameWith, mount } from "../helpers/ink.js";

afterEach(() => cleanup());

async function frame(lang: Lang, reply: string, resolved: FactPath[], cols: number, rows: number | undefined) {
  const c: Case = { schema: "smtp-auth-doctor/case@1", device: { reply } };
  const diagnosis = evaluate(c, { today: "2026-11-22" });
  const summary = { analysis: analyzeReply(reply), resolved };
  const theme = makeTheme({ color: false, ascii: false, columns: cols });
  const r = mount(<PasteSummaryScreen theme={theme} lang={lang} step="Step 2 / 6" summary={summary} diagnosis={diagnosis} onContinue={() => {}} onBack={() => {}} {...(rows !== undefined ? { rows } : {})} />);
  const f = await frameWith(r, t(lang, "wizard.keys.continue").slice(0, 6));
  r.unmount();
  return { f, pointed: pointedCauses(summary, diagnosis) };
}

const MANY: FactPath[] = ["device.host", "device.port", "device.security", "device.tlsVersion", "device.authMechanism"];

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: 「認証エラー」 and a reply that settles five questions fit 24 rows at 80 and 60 columns, title first, the rest said`, async () => {
    for (const cols of [80, 60]) {
      for (const [reply, resolved] of [["認証エラー", []], ["535 5.7.3 Authentication unsuccessful", MANY]] as Array<[string, FactPath[]]>) {
        const { f, pointed } = await frame(lang, reply, resolved, cols, 24);
        const lines = f.split("\n");
        assert.ok(lines.length <= 23, `${cols} cols, ${reply}: ${lines.length} rows\n${f}`);
        assert.equal(lines[0]?.trim(), t(lang, "wizard.pasteSummary.title"));
        const shown = pointed.filter((id) => f.replace(/\s+/g, "").includes(`-${t(lang, `cause.${id}.title` as never)}`.replace(/\s+/g, ""))).length;
        if (shown < pointed.length) assert.ok(f.replace(/\s+/g, "").includes(t(lang, "wizard.pasteSummary.moreCauses", { count: pointed.length - shown }).replace(/\s+/g, "")), f);
        assert.ok(shown >= 2, `${cols} cols: at least two causes shown\n${f}`);
      }
    }
  });

  test(`${lang}: a panel's own words are headed as what the device shows, not as the server's reply; a server reply keeps its heading`, async () => {
    const own = await frame(lang, "認証エラー", [], 120, 40);
    assert.ok(own.f.replace(/\s+/g, "").includes(t(lang, "wizard.pasteSummary.shown").replace(/\s+/g, "")), own.f);
    const server = await frame(lang, "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.", [], 120, 40);
    assert.ok(server.f.includes(t(lang, "wizard.pasteSummary.reply")), server.f);
  });
}

test("without the window's rows every cause is listed", async () => {
  const { f, pointed } = await frame("en", "認証エラー", [], 80, undefined);
  assert.ok(pointed.length > 10);
  assert.ok(!f.includes("more (all in the result)"), f);
});

test("plain mode heads a panel's words the same way", () => {
  const reply = "認証エラー";
  const summary = { analysis: analyzeReply(reply), resolved: [] };
  const diagnosis = evaluate({ schema: "smtp-auth-doctor/case@1", device: { reply } }, { today: "2026-11-22" });
  for (const lang of ["en", "ja"] as const) assert.ok(pasteSummaryText(lang, summary, diagnosis, { bullet: "-", ok: "v" }).includes(t(lang, "wizard.pasteSummary.shown")), lang);
});

// Persona round 7 #13: a Canon's panel message ended with tips for developers (curl -v, PHPMailer's SMTPDebug, smtplib's
// set_debuglevel, nodemailer) and with 「不要になった質問はありません。」. A printer or scanner of a known maker is pointed at
// its own send log; an application, a script or a sender not known keeps the debug tips; no closing line says nothing.
const CANON = "エラー #839\n送信できませんでした。SMTPサーバーの認証に失敗しました。";
const DEV_TIPS = ["SMTPDebug", "set_debuglevel", "nodemailer", "curl"];
const flat = (s: string) => s.replace(/\s+/g, "");

async function senderFrame(lang: Lang, sender: "canon" | "app" | undefined, maker: boolean) {
  const c: Case = { schema: "smtp-auth-doctor/case@1", device: { reply: CANON } };
  const diagnosis = evaluate(c, { today: "2026-12-06" });
  assert.ok(diagnosis.info.some((i) => i.id === "server-text-hidden"), "the paste hides the server's reply");
  const summary = { analysis: analyzeReply(CANON), resolved: [] as FactPath[], ...(maker ? { maker: { vendor: "canon" as const, excerpt: "送信できませんでした。" } } : {}) };
  const theme = makeTheme({ color: false, ascii: false, columns: 80 });
  const r = mount(<PasteSummaryScreen theme={theme} lang={lang} step="Step 2 / 6" summary={summary} diagnosis={diagnosis} onContinue={() => {}} onBack={() => {}} rows={40} {...(sender ? { sender } : {})} />);
  const f = await frameWith(r, t(lang, "wizard.keys.continue").slice(0, 6));
  r.unmount();
  return { f, text: pasteSummaryText(lang, summary, diagnosis, { bullet: "-", ok: "v" }, false, sender).join("\n") };
}

for (const lang of ["ja", "en"] as const) {
  test(`${lang}: a Canon's panel message: the device's send log, no developer's debug tips, no empty closing line`, async () => {
    const { f, text } = await senderFrame(lang, "canon", true);
    const device = flat(t(lang, "info.server-text-hidden.device", { vendor: t(lang, "devices.vendor.canon") }));
    for (const [where, out] of [["screen", f], ["plain", text]] as const) {
      assert.ok(flat(out).includes(device), `${where}: the device's own log\n${out}`);
      for (const tip of DEV_TIPS) assert.ok(!out.includes(tip), `${where}: ${tip}\n${out}`);
      assert.ok(!out.includes(lang === "ja" ? "不要になった質問" : "did not make any question"), `${where}\n${out}`);
    }
    // The screen ends with the server-text note, then the keys: no line after it that says nothing.
    const lines = f.split("\n").filter((l) => l.trim() !== "");
    assert.ok(lines.at(-1)?.includes(t(lang, "wizard.keys.continue").slice(0, 6)), f);
  });

  test(`${lang}: an application or a sender not known keeps the SMTP debug tips`, async () => {
    for (const sender of ["app", undefined] as const) {
      const { f, text } = await senderFrame(lang, sender, false);
      for (const out of [f, text]) assert.ok(out.includes("SMTPDebug") && out.includes("set_debuglevel"), `${String(sender)}\n${out}`);
      if (sender === "app") assert.ok(flat(f).includes(flat(t(lang, "info.server-text-hidden.app"))), f);
    }
  });
}
