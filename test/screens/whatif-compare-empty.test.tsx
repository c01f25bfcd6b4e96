// Persona round 7 (#10): after a change that leaves nothing blocked, Tab ("compare the fixes") said there was nothing to
// compare while the header still showed the recorded case blocked, until R; it now compares the recorded case and says
// so. The explorer opened from the menu on an empty case showed "No causes." with no word on what to do.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import stringWidth from "string-width";
import { WizardApp } from "../../screens/App.js";
import { FACT_PATHS, setFact } from "../../src/case/facts.js";
import { emptyCase } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import { initFlow, reduce } from "../../src/flow/reducer.js";
import type { FlowDeps } from "../../src/flow/types.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { verdictLabel } from "../../src/render/labels.js";
import { analyzeReply } from "../../src/replies/index.js";
import { makeTheme } from "../../src/render/theme.js";
import { frameWith, mount, press } from "../helpers/ink.js";
import { KEY } from "../helpers/wait.js";
import { healthyBasic } from "../helpers/whatif-cases.js";
import type { Case } from "../../src/case/schema.js";

afterEach(() => cleanup());

const TODAY = "2026-11-22";
const deps: FlowDeps = { evaluate: (c) => evaluate(c, { today: TODAY }), analyzeReply, liveAvailable: false, today: TODAY };
const flat = (s: string) => s.replace(/\s+/g, "");

function explorer(lang: Lang, recorded: Case, rows = 40) {
  const initial = reduce(deps, initFlow(deps, { lang, langExplicit: true, empty: recorded }), { type: "choosePurpose", purpose: "whatif" });
  return mount(<WizardApp services={{ deps, resultLines: () => ["result"], defaultName: (k) => `out.${k}`, save: async (_s, _k, path) => ({ ok: true, path }) }} initial={initial} theme={makeTheme({ color: false, ascii: false, columns: 80 })} rows={rows} onExit={() => {}} />);
}

for (const lang of ["ja", "en"] as const) {
  test(`${lang}: Tab after a change that leaves nothing blocked compares the fixes of the recorded case, and says so`, async () => {
    const recorded = setFact(healthyBasic(), "account.smtpClientAuthenticationDisabled", null);
    assert.equal(deps.evaluate(recorded).verdict, "blocked");
    const r = explorer(lang, recorded);
    await frameWith(r, t(lang, "whatif.screen.title"));
    // Unchanged: the fixes of the case, no note.
    await press(r, "\t");
    let f = await frameWith(r, t(lang, "whatif.screen.options"));
    assert.ok(!flat(f).includes(flat(t(lang, "whatif.options.ofRecorded", { verdict: verdictLabel(lang, "clear"), recorded: verdictLabel(lang, "blocked") }))), f);
    const unchangedOptions = f.split("\n").filter((l) => /^\s*\S?\d+\./.test(l)).length;
    assert.ok(unchangedOptions > 0, f);
    // The chosen fix's safety is named, not a bare word opening a line ("scoped. Who: …", persona pass).
    const tiers = ([1, 2, 3, 4] as const).map((n) => t(lang, "whatif.screen.safety", { tier: t(lang, `whatif.tier.${n}`) }));
    assert.ok(f.split("\n").some((l) => tiers.some((x) => l.trim().startsWith(x))), f);
    await press(r, "\t");
    await press(r, KEY.down.repeat(FACT_PATHS.indexOf("account.smtpClientAuthenticationDisabled")) + " ");
    await frameWith(r, t(lang, "whatif.screen.verdictChanged", { before: verdictLabel(lang, "blocked"), after: verdictLabel(lang, "clear") }));
    await press(r, "\t");
    f = await frameWith(r, t(lang, "whatif.screen.options"));
    assert.ok(flat(f).includes(flat(t(lang, "whatif.options.ofRecorded", { verdict: verdictLabel(lang, "clear"), recorded: verdictLabel(lang, "blocked") }))), `the note on which case\n${f}`);
    assert.ok(!flat(f).includes(flat(t(lang, "whatif.options.notBlocked", { verdict: verdictLabel(lang, "clear") }))), f);
    assert.equal(f.split("\n").filter((l) => /^\s*\S?\d+\./.test(l)).length, unchangedOptions, "the same fixes as the recorded case's");
    for (const line of f.split("\n")) assert.ok(stringWidth(line) <= 80, line);
  });

  test(`${lang}: the explorer on an empty case says what to do instead of "No causes."`, async () => {
    const r = explorer(lang, emptyCase());
    const f = await frameWith(r, t(lang, "whatif.screen.title"));
    assert.ok(f.includes(t(lang, "whatif.screen.emptyHint")), f);
    assert.ok(!f.includes(t(lang, "whatif.screen.noCauses")), f);
    for (const line of f.split("\n")) assert.ok(stringWidth(line) <= 80, line);
    // A case with facts and no cause still says "No causes.".
    const clear = explorer(lang, healthyBasic());
    const g = await frameWith(clear, t(lang, "whatif.screen.title"));
    if (deps.evaluate(healthyBasic()).causes.length === 0) assert.ok(g.includes(t(lang, "whatif.screen.noCauses")), g);
    assert.ok(!g.includes(t(lang, "whatif.screen.emptyHint")), g);
  });
}
