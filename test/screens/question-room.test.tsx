// Persona round 6, P6-8: the question screen cut its directions ("…") above rows it left empty (a Ricoh's OAuth
// question at 80×24: two), drew more rows than the window at 60×24 (the mailbox-type question: 27 of 24, its title gone),
// and Ctrl+O, which the screen offers for what it cuts, showed only the maker's sources, one of them twice. The
// directions now take the rows the rest leaves, a cut says Ctrl+O shows the rest, and Ctrl+O shows the question whole.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { QuestionScreen } from "../../screens/Question.js";
import { FACT_PATHS, type FactPath } from "../../src/case/facts.js";
import { emptyCase, type Case } from "../../src/case/schema.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { KNOWN_VENDOR_IDS } from "../../src/devices/ids.js";
import { loadCatalog } from "../../src/devices/index.js";
import { question } from "../../src/flow/questions.js";
import { initFlow, reduce } from "../../src/flow/reducer.js";
import type { DEVICE_FIELDS, FlowState } from "../../src/flow/types.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { stepLines, width } from "../../src/render/layout.js";
import { makeTheme } from "../../src/render/theme.js";
import { frameWith, mount, press } from "../helpers/ink.js";
import { KEY } from "../helpers/wait.js";

afterEach(() => cleanup());

const squash = (s: string) => s.replace(/\s+/g, "");
const ASKED = FACT_PATHS.filter((p) => p !== "asOf" && p !== "device.reply" && p !== "device.vendor");

async function frameOf(services: ReturnType<typeof makeServices>, lang: Lang, c: Case, path: FactPath, cols: number, rows: number): Promise<string> {
  const theme = makeTheme({ color: false, ascii: false, columns: cols });
  const state = initFlow(services.deps, { lang, langExplicit: true, empty: c });
  const r = mount(<QuestionScreen theme={theme} lang={lang} step="Step 2 / 6" progress="3 / 9" question={question(path, c)} case={c} value={undefined} deviceHint={services.deviceHint(state, path)} rows={rows} onAnswer={() => {}} onDontKnow={() => {}} onBack={() => {}} />);
  const f = await frameWith(r, t(lang, "wizard.title").slice(0, 10));
  r.unmount();
  return f.replace(/\n+$/, "");
}

test("every question, with and without a maker's notes, fits 80×24 and 60×24; directions are cut only when no row is left, and the cut says Ctrl+O shows the rest", async () => {
  const services = makeServices({ today: "2026-11-22", cwd: process.cwd(), ascii: false, devices: await loadCatalog() });
  let cut = 0;
  let whole = 0;
  for (const lang of ["en", "ja"] as const) {
    for (const [cols, rows] of [[80, 24], [60, 24]] as const) {
      for (const vendor of [undefined, ...KNOWN_VENDOR_IDS]) {
        const c: Case = vendor ? { ...emptyCase(), device: { vendor } } : emptyCase();
        // The maker changes only the device questions.
        for (const path of vendor ? ASKED.filter((p) => p.startsWith("device.")) : ASKED) {
          const f = await frameOf(services, lang, c, path, cols, rows);
          const lines = f.split("\n");
          const where = `${lang} ${cols}×${rows} ${vendor ?? "-"} ${path}`;
          // One row is kept for the terminal's last line; the title is the first.
          assert.ok(lines.length <= rows - 1, `${where}: ${lines.length} rows\n${f}`);
          assert.ok(lines[0]?.startsWith("smtp-auth-doctor"), `${where}: the title\n${f}`);
          // A cut of the directions is the line that starts with the ellipsis under them.
          const cutLine = lines.find((l) => /^ {2}(…|\.\.\.)( |$)/.test(l));
          if (cutLine === undefined) {
            whole++;
            continue;
          }
          cut++;
          assert.ok(squash(cutLine).includes(squash(t(lang, "questions.whereMore"))), `${where}: the cut says Ctrl+O shows the rest\n${f}`);
          // A list shown in a window may leave less than its next answer's row; nothing else leaves rows free.
          const windowed = lines.some((l) => /^ {2}(\d+ more (above|below)|[上下]にあと \d+ 件)$/.test(l));
          assert.ok(lines.length >= rows - 1 - (windowed ? 1 : 0), `${where}: directions cut with ${rows - 1 - lines.length} rows free\n${f}`);
        }
      }
    }
  }
  assert.ok(cut > 0 && whole > 0, `${cut} cut, ${whole} whole`);
});

test("a message under a text answer (refused, or the user name's warning) takes its rows from the directions: the screen still fits", async () => {
  const services = makeServices({ today: "2026-11-22", cwd: process.cwd(), ascii: false, devices: await loadCatalog() });
  for (const lang of ["en", "ja"] as const) {
    for (const [path, typed, message] of [
      ["device.username", "scanner", "questions.device.username.notAddress"],
      ["device.port", "58x7", "questions.err.port"],
    ] as const) {
      for (const cols of [80, 60]) {
        const theme = makeTheme({ color: false, ascii: false, columns: cols });
        const c: Case = { ...emptyCase(), device: { vendor: "xerox" } };
        const state = initFlow(services.deps, { lang, langExplicit: true, empty: c });
        const r = mount(<QuestionScreen theme={theme} lang={lang} step="Step 2 / 6" progress="3 / 9" question={question(path, c)} case={c} value={undefined} deviceHint={services.deviceHint(state, path)} rows={24} onAnswer={() => {}} onDontKnow={() => {}} onBack={() => {}} />);
        await frameWith(r, t(lang, "wizard.title").slice(0, 10));
        await press(r, typed);
        await press(r, KEY.enter);
        const f = (await frameWith(r, t(lang, message).slice(0, 12))).replace(/\n+$/, "");
        r.unmount();
        const lines = f.split("\n");
        assert.ok(lines.length <= 23, `${lang} ${cols} ${path}: ${lines.length} rows\n${f}`);
        assert.ok(lines[0]?.startsWith("smtp-auth-doctor"), `${lang} ${cols} ${path}: the title\n${f}`);
      }
    }
  }
});

/** The wizard's state on a device question for a Ricoh (the maker and model answered). */
function onDeviceQuestion(services: ReturnType<typeof makeServices>, lang: Lang, path: (typeof DEVICE_FIELDS)[number]): FlowState {
  let state = initFlow(services.deps, { lang, langExplicit: true, empty: emptyCase() });
  state = reduce(services.deps, state, { type: "choosePurpose", purpose: "new-device" });
  state = reduce(services.deps, state, { type: "answer", path: "device.vendor", value: "ricoh" });
  return { ...state, screen: { id: "device", path } };
}

test("Ctrl+O shows the question whole: the question, every step of where to look, the maker's notes, each source once, the PowerShell whole", async () => {
  const services = makeServices({ today: "2026-11-22", cwd: process.cwd(), ascii: false, devices: await loadCatalog() });
  for (const lang of ["en", "ja"] as const) {
    for (const cols of [80, 60]) {
      // The sign-in question of a Ricoh: two of its notes rest on the same page (it was listed twice).
      const state = onDeviceQuestion(services, lang, "device.auth");
      const text = services.copyText(state, cols);
      const q = question("device.auth", state.case);
      assert.ok(squash(text).includes(squash(t(lang, q.prompt))), `${lang}: the question\n${text}`);
      assert.ok(squash(text).includes(squash(stepLines(t(lang, q.where), cols).join(" "))), `${lang}: where to look, whole\n${text}`);
      const hint = services.deviceHint(state, "device.auth");
      const urls = [...new Set(hint.map((l) => l.trim().replace(/ \(.*\)$/, "")).filter((l) => /^https?:\/\//.test(l)))];
      assert.ok(urls.length >= 2, `${lang}: the notes have sources`);
      assert.ok(hint.length > urls.length, `${lang}: and notes`);
      for (const u of urls) {
        const at = text.split("\n").filter((l) => l.includes(u));
        assert.equal(at.length, 1, `${lang}: ${u} once\n${text}`);
        assert.match(at[0] as string, /^ {2}\[\d+\] https?:\/\/\S+$/, `${lang}: the address whole on its own line`);
      }
      // The notes' own words (each note's label and text), numbered to their sources.
      for (const line of hint.filter((l) => l.startsWith("- "))) {
        assert.ok(squash(text).includes(squash(line).slice(0, 40)), `${lang}: ${line}\n${text}`);
      }
      assert.match(text, /\[1\]\)/, `${lang}: a note names its source by number\n${text}`);
      // Prose is wrapped to the columns; the only longer lines are addresses.
      for (const l of text.split("\n")) if (width(l) > cols) assert.match(l, /^ {2}\[\d+\] https?:\/\//, `${lang} ${cols}: ${l}`);
    }
    // A question with PowerShell: each command whole on its own line, and the note on <UPN>.
    const mfa = { ...initFlow(services.deps, { lang, langExplicit: true, empty: emptyCase() }), screen: { id: "question" as const, path: "account.perUserMfaState" as const } };
    const text = services.copyText(mfa, 80).split("\n");
    for (const cmd of question("account.perUserMfaState").powershell?.(mfa.case) ?? []) assert.ok(text.includes(cmd), `${lang}: ${cmd}`);
    assert.ok(squash(text.join(" ")).includes(squash(t(lang, "questions.placeholderHint"))), lang);
    assert.ok(squash(text.join(" ")).includes(squash(t(lang, "questions.account.perUserMfaState.where"))), `${lang}: where to look`);
  }
});
