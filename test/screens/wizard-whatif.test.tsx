// The what-if explorer inside the wizard: its state is the flow's (FlowState.sub), keys go through
// the flow's what-if reducer, and `s` saves the marked hypothetical case through the wizard's save
// port, to the first free name, saying where. Esc returns to the purpose.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import stringWidth from "string-width";
import { WizardApp, type ExitReason } from "../../screens/App.js";
import { FACT_PATHS, setFact } from "../../src/case/facts.js";
import { evaluate } from "../../src/engine/index.js";
import type { SaveResult } from "../../src/flow/ports.js";
import { initFlow, reduce } from "../../src/flow/reducer.js";
import type { FlowDeps, FlowState } from "../../src/flow/types.js";
import { t } from "../../src/i18n/index.js";
import { analyzeReply } from "../../src/replies/index.js";
import { makeTheme } from "../../src/render/theme.js";

import { frameWith, mount, press } from "../helpers/ink.js";
import { KEY, waitFor } from "../helpers/wait.js";
import { healthyBasic } from "../helpers/whatif-cases.js";
import { verdictLabel } from "../../src/render/labels.js";

afterEach(() => cleanup());

const TODAY = "2026-11-22";
const deps: FlowDeps = { evaluate: (c) => evaluate(c, { today: TODAY }), analyzeReply, liveAvailable: false, today: TODAY };

for (const lang of ["ja", "en"] as const) {
  test(`${lang}: change a fact in the wizard's what-if, save (the first free name), see where; Esc returns to the purpose`, async () => {
    const recorded = setFact(healthyBasic(), "account.smtpClientAuthenticationDisabled", null);
    const initial = reduce(deps, initFlow(deps, { lang, langExplicit: true, empty: recorded }), { type: "choosePurpose", purpose: "whatif" });
    const saves: { path: string; state: FlowState }[] = [];
    const save = async (state: FlowState, kind: string, path: string, overwrite: boolean): Promise<SaveResult> => {
      assert.equal(kind, "case");
      assert.equal(overwrite, false, "never over a file");
      if (path === "smtp-auth-whatif.json") return { ok: false, exists: true, path };
      saves.push({ path, state });
      return { ok: true, path };
    };
    const exits: { state: FlowState; reason: ExitReason }[] = [];
    const r = mount(
      <WizardApp
        services={{ deps, resultLines: () => ["result"], defaultName: (k) => `out.${k}`, save }}
        initial={initial}
        theme={makeTheme({ color: false, ascii: false, columns: 80 })}
        rows={40}
        onExit={(state, reason) => exits.push({ state, reason })}
      />,
    );
    await frameWith(r, t(lang, "whatif.screen.title"));
    await press(r, KEY.down.repeat(FACT_PATHS.indexOf("account.smtpClientAuthenticationDisabled")) + " ");
    const changed = await frameWith(r, t(lang, "whatif.screen.verdictChanged", { before: verdictLabel(lang, "blocked"), after: verdictLabel(lang, "clear") }));
    for (const line of changed.split("\n")) assert.ok(stringWidth(line) <= 80, line);
    await press(r, "s");
    await frameWith(r, t(lang, "whatif.screen.saved", { file: "smtp-auth-whatif-2.json" }));
    assert.equal(saves.length, 1);
    const c = saves[0]?.state.case;
    assert.equal(c?.hypothetical, true);
    assert.equal(c?.account?.smtpClientAuthenticationDisabled, false);
    assert.deepEqual(c?.sources?.["account.smtpClientAuthenticationDisabled"], { kind: "whatif", original: null });
    await press(r, KEY.escape);
    await frameWith(r, t(lang, "wizard.purpose.q"));
    await press(r, KEY.ctrlC);
    await waitFor(() => exits.length === 1, { what: "exit" });
    assert.equal(exits[0]?.state.case.account?.smtpClientAuthenticationDisabled, null, "the recorded case is untouched");
  });
}

// Persona round 4: in a narrow window the explorer cut its texts with "~", read as part of the value; the reports cut with "...".
test("in a narrow window the what-if explorer cuts its texts with '...' as the reports do, never '~'", async () => {
  const initial = reduce(deps, initFlow(deps, { lang: "en", langExplicit: true, empty: healthyBasic() }), { type: "choosePurpose", purpose: "whatif" });
  const r = mount(<WizardApp services={{ deps, resultLines: () => ["result"], defaultName: (k) => `out.${k}`, save: async (_s, _k, path) => ({ ok: true, path }) }} initial={initial} theme={makeTheme({ color: false, ascii: false, columns: 44 })} rows={40} onExit={() => {}} />);
  const f = await frameWith(r, t("en", "whatif.screen.title").slice(0, 10));
  assert.ok(f.includes("..."), f);
  assert.ok(!/\S~(?:\s|$)/m.test(f), f);
});

test("a case with no evaluation date shows 'today (date)' on the explorer's date row, not 'unknown' (persona round 4)", async () => {
  for (const lang of ["en", "ja"] as const) {
    const c = healthyBasic();
    delete c.asOf;
    const initial = reduce(deps, initFlow(deps, { lang, langExplicit: true, empty: c }), { type: "choosePurpose", purpose: "whatif" });
    const r = mount(<WizardApp services={{ deps, resultLines: () => ["result"], defaultName: (k) => `out.${k}`, save: async (_s, _k, path) => ({ ok: true, path }) }} initial={initial} theme={makeTheme({ color: false, ascii: false, columns: 100 })} rows={40} onExit={() => {}} />);
    const f = await frameWith(r, t(lang, "whatif.screen.title").slice(0, 6));
    const row = f.split("\n").find((l) => l.includes(t(lang, "whatif.fact.asOf")));
    assert.ok(row?.includes(t(lang, "whatif.value.today", { date: TODAY })), `${lang}: ${row}\n${f}`);
    cleanup();
  }
});

test("the wizard's what-if fits 24 rows with its title: fewer facts are listed (persona round 5: the title scrolled off)", async () => {
  for (const lang of ["ja", "en"] as const) {
    const initial = reduce(deps, initFlow(deps, { lang, langExplicit: true, empty: healthyBasic() }), { type: "choosePurpose", purpose: "whatif" });
    const r = mount(<WizardApp services={{ deps, resultLines: () => ["result"], defaultName: (k) => `out.${k}`, save: async (_s, _k, path) => ({ ok: true, path }) }} initial={initial} theme={makeTheme({ color: false, ascii: false, columns: 80 })} rows={24} onExit={() => {}} />);
    const f = await frameWith(r, t(lang, "whatif.screen.title").slice(0, 6));
    const lines = f.replace(/\n+$/, "").split("\n");
    assert.ok(lines.length <= 23, `${lang}: ${lines.length} rows\n${f}`);
    assert.ok(lines[0]?.startsWith(t(lang, "whatif.screen.title")), f);
    cleanup();
  }
});

// The long fuzz run (seed 11768814): a paste of an emoji into a value being typed, then End, ended the wizard with
// "Cannot read properties of undefined": the cursor counted the graphemes as typed, the screen counted them again in the
// joined text, where a mark typed after a letter joins it ("e" then U+0301 is one grapheme, "é").
test("typing a combining mark after a letter in a what-if value (two graphemes typed, one shown) keeps the editor drawn, the cursor at the end", async () => {
  const initial = reduce(deps, initFlow(deps, { lang: "en", langExplicit: true, empty: healthyBasic() }), { type: "choosePurpose", purpose: "whatif" });
  const r = mount(<WizardApp services={{ deps, resultLines: () => [], defaultName: (k) => `out.${k}`, save: async (_s, _k, path) => ({ ok: true, path }) }} initial={initial} theme={makeTheme({ color: false, ascii: false, columns: 80 })} rows={40} onExit={() => {}} />);
  await frameWith(r, t("en", "whatif.screen.title"));
  await press(r, KEY.down.repeat(FACT_PATHS.indexOf("device.username")) + KEY.enter);
  await press(r, "\u0015"); // Ctrl+U: the value cleared
  await press(r, "e");
  await press(r, "\u0301");
  await press(r, "\u001b[F"); // End
  await press(r, "x");
  const f = await frameWith(r, "e\u0301x");
  assert.ok(f.includes("e\u0301x"), f);
});

for (const lang of ["ja", "en"] as const) {
  test(`${lang}: turning security defaults off in the grid says, under the verdict, what every account of the tenant loses (persona round 8 #4)`, async () => {
    const recorded = setFact(healthyBasic(), "tenant.securityDefaultsEnabled", true);
    const initial = reduce(deps, initFlow(deps, { lang, langExplicit: true, empty: recorded }), { type: "choosePurpose", purpose: "whatif" });
    const r = mount(
      <WizardApp
        services={{ deps, resultLines: () => ["result"], defaultName: (k) => `out.${k}`, save: async (_s, _k, path) => ({ ok: true, path }) }}
        initial={initial}
        theme={makeTheme({ color: false, ascii: false, columns: 80 })}
        rows={40}
        onExit={() => undefined}
      />,
    );
    const first = await frameWith(r, t(lang, "whatif.screen.title"));
    const opens = t(lang, "whatif.screen.opens.security-defaults-replace");
    const head = [...opens].slice(0, 24).join("");
    assert.ok(!first.includes(head), "nothing given up before a change");
    await press(r, KEY.down.repeat(FACT_PATHS.indexOf("tenant.securityDefaultsEnabled")) + " ");
    const frame = await frameWith(r, head);
    for (const line of frame.split("\n")) assert.ok(stringWidth(line) <= 80, line);
    // The whole sentence is there, however it wraps.
    const flat = (s: string) => s.replace(/[\s│]+/g, "");
    assert.ok(flat(frame).includes(flat(opens)), frame);
  });
}
