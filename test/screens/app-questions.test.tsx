// Persona round 5, C10: the device questions for an application or a script (device.vendor "app") show its own
// directions, and fit 80×24 and 60×24 like every question (the title, the question and its answers on screen).
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
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
