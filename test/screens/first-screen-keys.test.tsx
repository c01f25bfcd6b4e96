// The wizard's first screen offers no "Esc: back" (persona pass, tmux 80×30 and 100×40): there is nothing before it, and Esc
// did nothing there while the key line said it went back. The screens after it keep it.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { WizardApp } from "../../screens/App.js";
import { emptyCase } from "../../src/case/schema.js";
import { initFlow } from "../../src/flow/reducer.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { makeTheme } from "../../src/render/theme.js";
import { fakeDeps } from "../helpers/flow.js";
import { frameWith, mount, press } from "../helpers/ink.js";
import { KEY } from "../helpers/wait.js";

afterEach(() => cleanup());

function wizard(lang: Lang, langExplicit: boolean) {
  const deps = fakeDeps();
  const initial = initFlow(deps, { lang, langExplicit, empty: emptyCase() });
  return mount(<WizardApp services={{ deps, resultLines: () => [], defaultName: (kind) => `out.${kind}`, save: async (_s, _k, path) => ({ ok: true, path }) }} initial={initial} theme={makeTheme({ color: false, ascii: false, columns: 80 })} rows={24} onExit={() => {}} />);
}

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: the first screen's key line has no Esc; the next screen's has it`, async () => {
    // Without --lang the language comes first; Esc leaves it as it is.
    const r = wizard(lang, false);
    let f = await frameWith(r, t(lang, "wizard.language.q"));
    assert.ok(f.includes(t(lang, "wizard.keys.selectFirst")), f);
    assert.ok(!f.includes("Esc"), f);
    await press(r, KEY.escape);
    await press(r, KEY.enter);
    f = await frameWith(r, t(lang, "wizard.purpose.q"));
    assert.ok(f.includes(t(lang, "wizard.keys.select")), f);
    r.unmount();
    // With --lang the purpose is the first screen.
    const first = wizard(lang, true);
    f = await frameWith(first, t(lang, "wizard.purpose.q"));
    assert.ok(f.includes(t(lang, "wizard.keys.selectFirst")) && !f.includes("Esc"), f);
    await press(first, KEY.enter);
    f = await frameWith(first, t(lang, "wizard.keys.paste"));
    assert.ok(f.includes("Esc"), f);
  });
}
