// The question screen's note "a line ending in … is longer than the screen: Ctrl+O shows it whole" stands only when a
// line on screen is shown cut. Found in tmux (persona round 5 leftovers): at 80×24 a Ricoh's notes on the server
// question were cut to "… and 4 more lines", and the note stood under them with no line ending in "…".
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { QuestionScreen } from "../../screens/Question.js";
import { FACT_PATHS } from "../../src/case/facts.js";
import { emptyCase } from "../../src/case/schema.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { KNOWN_VENDOR_IDS } from "../../src/devices/ids.js";
import { loadCatalog } from "../../src/devices/index.js";
import { question } from "../../src/flow/questions.js";
import { initFlow } from "../../src/flow/reducer.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { makeTheme } from "../../src/render/theme.js";
import { frameWith, mount } from "../helpers/ink.js";

afterEach(() => cleanup());

const DEVICE_QUESTIONS = FACT_PATHS.filter((p) => p.startsWith("device.") && p !== "device.vendor" && p !== "device.model" && p !== "device.reply");

/** The note, without its spaces (it wraps). */
const note = (lang: Lang, glyph: string) => t(lang, "questions.clipped", { glyph }).replace(/\s+/g, "");

/**
 * Lines of a frame that are shown cut: they end in the ellipsis after some text (a command, an address). The title and
 * the step line (cut too at 60 columns) are the frame's, not what the note is about.
 */
function cutLines(frame: string, glyph: string): string[] {
  return frame.split("\n").slice(2).filter((l) => l.trimEnd().endsWith(glyph) && l.trim() !== glyph);
}

async function screen(lang: Lang, vendor: (typeof KNOWN_VENDOR_IDS)[number], path: (typeof DEVICE_QUESTIONS)[number], cols: number, rows: number, services: ReturnType<typeof makeServices>) {
  const theme = makeTheme({ color: false, ascii: false, columns: cols });
  const state = initFlow(services.deps, { lang, langExplicit: true, empty: { ...emptyCase(), device: { vendor } } });
  const hint = services.deviceHint?.(state, path) ?? [];
  const r = mount(<QuestionScreen theme={theme} lang={lang} step="Step 2 / 6" progress="3 / 9" question={question(path)} case={state.case} value={undefined} deviceHint={hint} rows={rows} onAnswer={() => {}} onDontKnow={() => {}} onBack={() => {}} />);
  const frame = await frameWith(r, t(lang, "wizard.title").slice(0, 10));
  r.unmount();
  return { frame, glyph: theme.glyphs.ellipsis };
}

test("at 80×24 a Ricoh's server question cut to 'N more lines' has no note about lines ending in …, in both languages", async () => {
  const services = makeServices({ today: "2026-11-22", cwd: process.cwd(), ascii: false, devices: await loadCatalog() });
  for (const lang of ["en", "ja"] as const) {
    const { frame, glyph } = await screen(lang, "ricoh", "device.host", 80, 24, services);
    // The maker's notes were cut to the line that says how many were left out.
    assert.match(frame, lang === "ja" ? /メーカーの注記があと \d+ 行/ : /\d+ more lines of the maker's notes/, frame);
    assert.deepEqual(cutLines(frame, glyph), [], frame);
    assert.ok(!frame.replace(/\s+/g, "").includes(note(lang, glyph)), `${lang}: the note stands under no cut line\n${frame}`);
  }
});

test("every maker's device questions: the note stands exactly when a line on screen is shown cut (80×24, 60×24, 100×32)", async () => {
  const services = makeServices({ today: "2026-11-22", cwd: process.cwd(), ascii: false, devices: await loadCatalog() });
  let withNote = 0;
  let withoutNote = 0;
  for (const lang of ["en", "ja"] as const) {
    for (const [cols, rows] of [[80, 24], [60, 24], [100, 32]] as const) {
      for (const vendor of KNOWN_VENDOR_IDS) {
        for (const path of DEVICE_QUESTIONS) {
          const { frame, glyph } = await screen(lang, vendor, path, cols, rows, services);
          const shown = frame.replace(/\s+/g, "").includes(note(lang, glyph));
          const cut = cutLines(frame, glyph);
          assert.equal(shown, cut.length > 0, `${lang} ${cols}×${rows} ${vendor} ${path}: note ${shown ? "shown" : "not shown"}, cut lines: ${cut.length}\n${frame}`);
          if (shown) withNote++;
          else withoutNote++;
        }
      }
    }
  }
  // Both cases are met (an address too long for 60 columns; notes cut to their "more lines" line at 24 rows).
  assert.ok(withNote > 0 && withoutNote > 0, `${withNote} with the note, ${withoutNote} without`);
});

test("at 80×24 a Ricoh's server question cuts its directions only to show the maker's first note, with no row left empty under the cut", async () => {
  const services = makeServices({ today: "2026-11-22", cwd: process.cwd(), ascii: false, devices: await loadCatalog() });
  for (const lang of ["en", "ja"] as const) {
    const { frame, glyph } = await screen(lang, "ricoh", "device.host", 80, 24, services);
    const lines = frame.replace(/\n+$/, "").split("\n");
    assert.ok(lines.length <= 23, `${lang}: ${lines.length} rows\n${frame}`);
    // The directions are whole, or cut with every row in use (a Ricoh's server question showed "…" under step 1 above
    // seven empty rows; persona round 6, P6-8: two under its OAuth question); the cut says Ctrl+O shows the rest.
    const cut = lines.find((l) => l.startsWith(`  ${glyph}`));
    if (cut !== undefined) {
      assert.equal(lines.length, 23, `${lang}: cut with rows free\n${frame}`);
      assert.ok(cut.includes("Ctrl+O"), cut);
      assert.ok(frame.includes(t(lang, "devices.onDevice", { vendor: t(lang, "devices.vendor.ricoh") })), `${lang}: the maker's first note is what the rows went to\n${frame}`);
    } else assert.ok(frame.includes("smtp.office365.com"), `${lang}: the last step is shown\n${frame}`);
  }
});
