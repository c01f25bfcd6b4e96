// Persona round 5, C10: the device questions for an application or a script (device.vendor "app") show its own
// directions, and fit 80×24 and 60×24 like every question (the title, the question and its answers on screen).
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { PasteScreen } from "../../screens/Paste.js";
import { QuestionScreen } from "../../screens/Question.js";
import { emptyCase, type Case } from "../../src/case/schema.js";
import { APP_WHERE_PATHS, promptText, question } from "../../src/flow/questions.js";
import { t } from "../../src/i18n/index.js";
import { makeTheme } from "../../src/render/theme.js";
import { frameWith, mount } from "../helpers/ink.js";

afterEach(() => cleanup());

const squash = (s: string) => s.replace(/\s+/g, "");

test("an application's device questions fit 80×24 and 60×24 with their own directions, in both languages", async () => {
  const app: Case = { ...emptyCase(), device: { vendor: "app" } };
  for (const lang of ["en", "ja"] as const) {
    for (const [cols, rows] of [[80, 24], [60, 24]] as const) {
      const theme = makeTheme({ color: false, ascii: false, columns: cols });
      for (const path of APP_WHERE_PATHS) {
        const q = question(path, app);
        const r = mount(<QuestionScreen theme={theme} lang={lang} step="Step 2 / 6" progress="3 / 9" question={q} case={app} value={undefined} rows={rows} onAnswer={() => {}} onDontKnow={() => {}} onBack={() => {}} />);
        const f = await frameWith(r, t(lang, "wizard.title").slice(0, 10));
        r.unmount();
        const lines = f.replace(/\n+$/, "").split("\n");
        assert.ok(lines.length <= rows - 1, `${lang} ${cols}×${rows} ${path}: ${lines.length} rows\n${f}`);
        // The question names the application, not a device (persona round 8: "Which SMTP server is the device set to …").
        const prompt = promptText(lang, q, app);
        assert.ok(squash(f).includes(squash(prompt)), `${path}: the question`);
        assert.ok(!prompt.includes(t(lang, "plan.sender.device")) && (path === "device.vendor" || prompt.includes(t(lang, "plan.sender.app"))), prompt);
        // The directions shown are the application's (their first words; a short window may cut the rest).
        assert.ok(squash(f).includes(squash(t(lang, q.where)).slice(0, 24)), `${lang} ${cols}×${rows} ${path}: the application's directions\n${f}`);
      }
    }
  }
});

// The paste asked for again once an application was chosen (step 4) read "Paste the exact error the device shows" and "On the
// device, open the send log or job history"; an application's asks for its error, in its log. A device's screen is unchanged.
test("the paste screen asks an application for the application's error, in its log; a device's for the device's", async () => {
  const app: Case = { ...emptyCase(), device: { vendor: "app" } };
  const canon: Case = { ...emptyCase(), device: { vendor: "canon" } };
  const theme = makeTheme({ color: false, ascii: false, columns: 100 });
  for (const lang of ["en", "ja"] as const) {
    for (const [c, sender, where, other] of [
      [app, "plan.sender.app", "questions.device.reply.where.app", "questions.device.reply.where"],
      [canon, "plan.sender.device", "questions.device.reply.where", "questions.device.reply.where.app"],
      [undefined, "plan.sender.device", "questions.device.reply.where", "questions.device.reply.where.app"],
    ] as const) {
      const r = mount(<PasteScreen theme={theme} lang={lang} step="4/6" {...(c ? { case: c } : {})} onSubmit={() => {}} onBack={() => false} />);
      const f = await frameWith(r, t(lang, "wizard.title").slice(0, 10));
      r.unmount();
      const q = t(lang, "wizard.paste.q", { sender: t(lang, sender) });
      assert.ok(squash(f).includes(squash(q)), `${lang} ${c?.device?.vendor}: ${q}\n${f}`);
      assert.ok(squash(f).includes(squash(t(lang, where)).slice(0, 30)) && !squash(f).includes(squash(t(lang, other)).slice(0, 30)), `${lang} ${c?.device?.vendor}\n${f}`);
    }
  }
  // The device's words as before.
  assert.equal(t("en", "wizard.paste.q"), "Paste the exact error the device shows (or leave it empty if there is none).");
  assert.equal(t("ja", "wizard.paste.q"), "デバイスに表示されたエラーをそのまま貼り付けてください (エラーがない場合は空のままで構いません)。");
});

// Persona 9b: a .NET application's connection security question offered "STARTTLS (on port 587 or 25; some devices call it
// "TLS")"; an application's answer speaks of applications (and of "SSL", as EnableSsl does). A Canon's keeps its label.
test("the connection security's STARTTLS answer speaks of applications for an application, of devices for a device", async () => {
  const theme = makeTheme({ color: false, ascii: false, columns: 100 });
  for (const lang of ["en", "ja"] as const) {
    for (const [vendor, label, other] of [
      ["app", "questions.device.security.opt.starttls.app", "questions.device.security.opt.starttls"],
      ["canon", "questions.device.security.opt.starttls", "questions.device.security.opt.starttls.app"],
    ] as const) {
      const c: Case = { ...emptyCase(), device: { vendor } };
      const q = question("device.security", c);
      const r = mount(<QuestionScreen theme={theme} lang={lang} step="Step 2 / 6" progress="3 / 9" question={q} case={c} value={undefined} rows={32} onAnswer={() => {}} onDontKnow={() => {}} onBack={() => {}} />);
      const f = await frameWith(r, t(lang, "wizard.title").slice(0, 10));
      r.unmount();
      assert.ok(squash(f).includes(squash(t(lang, label))), `${lang} ${vendor}: ${t(lang, label)}\n${f}`);
      assert.ok(!squash(f).includes(squash(t(lang, other))), `${lang} ${vendor}: not ${t(lang, other)}\n${f}`);
      if (vendor === "app") assert.ok(!t(lang, label).includes(t(lang, "plan.sender.device")), t(lang, label));
    }
  }
});
