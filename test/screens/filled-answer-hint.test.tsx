// "Since when does it fail?" opens with today's date filled in, under 「わからない場合は、空欄のまま Enter キーを押してください」:
// Enter then recorded today as the day it stopped (persona pass, tmux ja 80×30). A field that opens filled in says to clear
// it (Ctrl+U in the wizard, as the plain prompt's default goes); an empty one keeps "leave it empty".
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { QuestionScreen } from "../../screens/Question.js";
import { askScreen, type PlainContext } from "../../src/cli/plain/screens.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import type { Case } from "../../src/case/schema.js";
import { loadCatalog } from "../../src/devices/index.js";
import { question } from "../../src/flow/questions.js";
import { initFlow } from "../../src/flow/reducer.js";
import type { FlowEvent } from "../../src/flow/types.js";
import { t } from "../../src/i18n/index.js";
import { makeTheme } from "../../src/render/theme.js";
import { frameWith, mount, press } from "../helpers/ink.js";
import { KEY, waitFor } from "../helpers/wait.js";

afterEach(() => cleanup());

const TODAY = "2026-12-07";
const WORKED: Case = { schema: "smtp-auth-doctor/case@1", device: { vendor: "canon" }, history: { workedBefore: "yes" } };
const flat = (s: string) => s.replace(/\s+/g, "");

for (const lang of ["ja", "en"] as const) {
  test(`${lang}: the day it stopped opens with today's date and says to clear it; Ctrl+U and Enter is "I don't know"`, async () => {
    const theme = makeTheme({ color: false, ascii: false, columns: 80 });
    const answers: unknown[] = [];
    let dontKnow = 0;
    const r = mount(<QuestionScreen theme={theme} lang={lang} step="Step 2 / 6" progress="" question={question("history.stoppedOn", WORKED)} case={WORKED} today={TODAY} value={undefined} rows={30} onAnswer={(v) => answers.push(v)} onDontKnow={() => dontKnow++} onBack={() => {}} />);
    const f = await frameWith(r, TODAY);
    assert.ok(flat(f).includes(flat(t(lang, "questions.text.clearIsDontKnow"))), f);
    assert.ok(!flat(f).includes(flat(t(lang, "questions.text.emptyIsDontKnow"))), f);
    await press(r, "\u0015");
    await press(r, KEY.enter);
    await waitFor(() => dontKnow === 1, { what: "I don't know" });
    assert.deepEqual(answers, []);
    r.unmount();
    // A field that opens empty keeps "leave it empty".
    const host = mount(<QuestionScreen theme={theme} lang={lang} step="Step 2 / 6" progress="" question={question("device.host", WORKED)} case={WORKED} today={TODAY} value={undefined} rows={30} onAnswer={() => {}} onDontKnow={() => {}} onBack={() => {}} />);
    const g = await frameWith(host, t(lang, "wizard.question.inputLabel"));
    assert.ok(flat(g).includes(flat(t(lang, "questions.text.emptyIsDontKnow"))), g);
  });

  test(`${lang}: plain mode says the same of its filled-in default`, async () => {
    const services = makeServices({ today: TODAY, cwd: process.cwd(), ascii: true, devices: await loadCatalog() });
    const said: string[] = [];
    const ask = async (path: "history.stoppedOn" | "device.host"): Promise<{ said: string[]; shown: string | undefined; event: FlowEvent | undefined }> => {
      said.length = 0;
      let shown: string | undefined;
      const base = initFlow(services.deps, { lang, langExplicit: true, empty: WORKED });
      const s = { ...base, case: WORKED, screen: path === "device.host" ? ({ id: "device", path } as const) : ({ id: "history", path } as const) };
      const ctx = {
        p: { say: (line: string) => said.push(line), input: async (_m: string, d?: string) => ((shown = d), ""), select: async () => { throw new Error("no select"); } },
        services,
        glyphs: makeTheme({ color: false, ascii: true }).glyphs,
        ascii: true,
        putSecret: () => {},
        width: 80,
        progress: { shown: 0 },
      } as unknown as PlainContext;
      const event = await askScreen(s, ctx);
      return { said: [...said], shown, event };
    };
    const day = await ask("history.stoppedOn");
    assert.equal(day.shown, TODAY);
    assert.ok(day.said.includes(t(lang, "questions.text.clearIsDontKnowPlain")), day.said.join("\n"));
    assert.deepEqual(day.event, { type: "dontKnow", path: "history.stoppedOn" });
    const host = await ask("device.host");
    assert.ok(host.said.includes(t(lang, "questions.text.emptyIsDontKnow")), host.said.join("\n"));
  });
}
