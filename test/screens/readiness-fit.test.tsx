// Persona round 6: the readiness step with a path that does not exist drew 25 rows at 80×24 (the message on top of the
// introduction), and its title scrolled off. It now shows what fits of the introduction, its last row saying Ctrl+O
// shows the whole text (which Ctrl+O then shows with the commands); the summary of the audit fits too. A rejected path
// stays in the field to be corrected, and so does a rejected answer to a question (it was cleared there).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { WizardApp, type ExitReason } from "../../screens/App.js";
import { QuestionScreen } from "../../screens/Question.js";
import { emptyCase } from "../../src/case/schema.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { question } from "../../src/flow/questions.js";
import { initFlow, reduce } from "../../src/flow/reducer.js";
import type { FlowState } from "../../src/flow/types.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { stepLines } from "../../src/render/layout.js";
import { makeTheme } from "../../src/render/theme.js";
import { frameWith, mount, press } from "../helpers/ink.js";
import { KEY, waitFor } from "../helpers/wait.js";

const EX = resolve("examples/audit");
const FILES = [join(EX, "casmailbox.csv"), join(EX, "transportconfig.json"), join(EX, "signins.json"), join(EX, "smtp-auth-clients.csv")];
const TODAY = "2026-11-22";
const dirs: string[] = [];
afterEach(() => cleanup());
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const squash = (s: string) => s.replace(/\s+/g, "");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function readiness(lang: Lang, cols: number, rows: number) {
  const cwd = mkdtempSync(join(tmpdir(), "sad-readiness-fit-"));
  dirs.push(cwd);
  const services = makeServices({ today: TODAY, cwd, ascii: false });
  const initial = reduce(services.deps, initFlow(services.deps, { lang, langExplicit: true, empty: emptyCase() }), { type: "choosePurpose", purpose: "readiness" });
  const exits: { state: FlowState; reason: ExitReason }[] = [];
  const r = mount(<WizardApp services={{ ...services, resultLines: () => [], defaultName: (kind) => `out.${kind}` }} initial={initial} theme={makeTheme({ color: false, ascii: false, columns: cols })} rows={rows} copy onExit={(state, reason) => exits.push({ state, reason })} />);
  return { r, exits, cwd, services };
}

function assertFits(f: string, rows: number, what: string): string[] {
  const lines = f.replace(/\n+$/, "").split("\n");
  assert.ok(lines.length <= rows - 1, `${what}: ${lines.length} rows\n${f}`);
  return lines;
}

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: a path that does not exist: the step fits 80×24 and 60×24 with its title, the path stays in the field, the cut says Ctrl+O shows the rest`, async () => {
    for (const cols of [80, 60]) {
      const { r, exits, cwd, services } = readiness(lang, cols, 24);
      const title = t(lang, "wizard.readiness.title");
      await frameWith(r, t(lang, "wizard.readiness.file.mailboxes").slice(0, 12));
      const missing = join(cwd, "exports", "mailboxes-export.csv");
      await press(r, missing + KEY.enter);
      const f = await waitFor(() => {
        const x = r.lastFrame() ?? "";
        return squash(x).includes(squash(t(lang, "wizard.readiness.err.missing", { file: missing }))) ? x : undefined;
      }, { what: "the missing-file message", last: () => r.lastFrame() ?? "" });
      const lines = assertFits(f, 24, `${lang} ${cols}`);
      assert.equal(lines[0]?.trim(), title, f);
      // The path is kept in the field, to be corrected.
      assert.ok(lines.some((l) => l.startsWith(">") && squash(l).includes(squash(missing).slice(-20))), `${lang} ${cols}: the path in the field\n${f}`);
      // What was left out of the introduction: said on its last row, and Ctrl+O shows it whole.
      assert.ok(squash(f).includes(squash(t(lang, "wizard.readiness.bodyMore"))), `${lang} ${cols}: the cut says so\n${f}`);
      await press(r, "\u000f");
      await waitFor(() => exits.length === 1, { what: "Ctrl+O" });
      const copied = services.copyText(exits[0]?.state as FlowState, cols);
      assert.ok(squash(copied).includes(squash(stepLines(t(lang, "wizard.readiness.body"), cols).join(" "))), `${lang} ${cols}: the introduction whole\n${copied}`);
      assert.ok(copied.split("\n").some((l) => l.startsWith("Get-CASMailbox")), "the commands");
      cleanup();
    }
  });

  test(`${lang}: in a tall window the introduction is whole, with no line about the rest`, async () => {
    const { r } = readiness(lang, 80, 40);
    const f = await frameWith(r, t(lang, "wizard.readiness.file.mailboxes").slice(0, 12));
    assert.ok(squash(f).includes(squash(stepLines(t(lang, "wizard.readiness.body"), 80).join(" "))), f);
    assert.ok(!squash(f).includes(squash(t(lang, "wizard.readiness.bodyMore"))), f);
  });

  test(`${lang}: the audit's summary fits 80×24 and 60×24 with its title and its choices`, async () => {
    for (const cols of [80, 60]) {
      const { r } = readiness(lang, cols, 24);
      for (const [i, file] of FILES.entries()) {
        await frameWith(r, t(lang, "wizard.readiness.progress", { n: i + 1, total: 4 }));
        await press(r, file + KEY.enter);
      }
      const f = await frameWith(r, t(lang, "wizard.readiness.again").slice(0, 8), 30000);
      const lines = assertFits(f, 24, `${lang} ${cols} summary`);
      assert.equal(lines[0]?.trim(), t(lang, "wizard.readiness.title"), f);
      for (const key of ["wizard.readiness.export", "wizard.readiness.again", "wizard.export.finish"] as const) assert.ok(squash(f).includes(squash(t(lang, key))), `${key}\n${f}`);
      // The counts at the change stay whole.
      for (const state of ["keeps-working", "breaks-at-change", "blocked-now", "undetermined"] as const) assert.ok(f.includes(t(lang, `wizard.readiness.count.${state}`)), `${state}\n${f}`);
      // The accounts that need attention: listed, or (no room for the list) counted with where they are; never left out unsaid.
      const listed = squash(f).includes(squash(t(lang, "wizard.readiness.top")));
      const [before, after] = squash(t(lang, "wizard.readiness.topHidden", { count: 0 })).split("0") as [string, string];
      const counted = new RegExp(`${escape(before)}[1-9]\\d*${escape(after)}`).test(squash(f));
      assert.ok(listed || counted, `${lang} ${cols}: the accounts that need attention\n${f}`);
      cleanup();
    }
  });

  test(`${lang}: a refused answer to a question stays in the field to be corrected, as a refused path does`, async () => {
    const theme = makeTheme({ color: false, ascii: false, columns: 80 });
    const answers: unknown[] = [];
    const r = mount(<QuestionScreen theme={theme} lang={lang} step="Step 2 / 6" progress="4 / 9" question={question("device.port")} case={emptyCase()} value={undefined} rows={24} onAnswer={(v) => answers.push(v)} onDontKnow={() => {}} onBack={() => {}} />);
    await frameWith(r, t(lang, "questions.device.port.q").slice(0, 8));
    await press(r, "58x7");
    await press(r, KEY.enter);
    const f = await frameWith(r, t(lang, "questions.err.port").slice(0, 10));
    assert.ok(f.split("\n").some((l) => l.includes("58x7")), `${lang}: the refused answer is kept\n${f}`);
    // Corrected in place: Left, Backspace (the "x"), Enter.
    await press(r, KEY.left + KEY.backspace + KEY.enter);
    await waitFor(() => answers.length === 1, { what: "the answer" });
    assert.equal(answers[0], 587);
  });
}
