// Ink screens with hostile data (issue 11, finding 2): a case file whose fields carry OSC 52, CSI,
// C1, bare CR, bidi overrides; a pasted error with the same. Every frame the wizard and the
// what-if screen draw is free of control characters (Ink itself passes SGR and OSC straight to the
// terminal), and the values are shown visibly.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { WizardApp } from "../../screens/App.js";
import { WhatIf } from "../../screens/WhatIf.js";
import { parseCase } from "../../src/case/io.js";
import { emptyCase } from "../../src/case/schema.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { evaluate } from "../../src/engine/index.js";
import { initFlow } from "../../src/flow/reducer.js";
import { t } from "../../src/i18n/index.js";
import { makeTheme } from "../../src/render/theme.js";
import { assertNoControls, EVIL, hostileCase } from "../helpers/hostile.js";
import { frameWith, mount, press } from "../helpers/ink.js";
import { KEY } from "../helpers/wait.js";

afterEach(() => cleanup());

function allFramesClean(frames: readonly string[], what: string): void {
  assert.ok(frames.length > 0);
  for (const f of frames) assertNoControls(f, what);
}

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: the wizard with a hostile case file: question and result screens show the values visibly, nothing else`, async () => {
    const services = makeServices({ today: "2026-11-22", cwd: process.cwd(), ascii: false });
    const loaded = parseCase(JSON.stringify(hostileCase()), "case.json");
    const initial = initFlow(services.deps, { lang, langExplicit: true, empty: emptyCase(), loaded });
    const r = mount(
      <WizardApp
        services={{
          deps: services.deps,
          resultLines: (state, width) => services.resultLines(state, width),
          defaultName: services.defaultName,
          save: async (_s, _k, path) => ({ ok: true, path }),
        }}
        initial={initial}
        theme={makeTheme({ color: false, ascii: false, columns: 100 })}
        rows={60}
        onExit={() => undefined}
      />,
    );
    // Answer whatever is still asked with "I don't know" (Enter on the default) until the result shows.
    for (let i = 0; i < 40; i++) {
      const f = r.lastFrame() ?? "";
      if (f.includes(t(lang, "wizard.result.title"))) break;
      await press(r, KEY.enter);
      await new Promise((res) => setTimeout(res, 20));
    }
    const f = await frameWith(r, t(lang, "wizard.result.title"));
    assert.match(f, /\\x1b|\\u202e/, "the hostile values are shown visibly");
    allFramesClean(r.frames, "wizard frames");
  });

  test(`${lang}: a hostile paste on the paste screen and its summary`, async () => {
    const services = makeServices({ today: "2026-11-22", cwd: process.cwd(), ascii: false });
    const initial = initFlow(services.deps, { lang, langExplicit: true, empty: emptyCase() });
    const r = mount(
      <WizardApp
        services={{
          deps: services.deps,
          resultLines: (state, width) => services.resultLines(state, width),
          defaultName: services.defaultName,
          save: async (_s, _k, path) => ({ ok: true, path }),
        }}
        initial={initial}
        theme={makeTheme({ color: false, ascii: false, columns: 100 })}
        rows={60}
        onExit={() => undefined}
      />,
    );
    await frameWith(r, t(lang, "wizard.purpose.q"));
    await press(r, KEY.enter);
    await frameWith(r, t(lang, "wizard.keys.paste"));
    // A paste arrives as text; the bidi override, U+2028 and the like are text and stay in it.
    await press(r, `535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. evil\u202eRLO\u2028LS\u061c`);
    await press(r, KEY.enter, KEY.enter);
    await frameWith(r, t(lang, "wizard.pasteSummary.resolved"));
    allFramesClean(r.frames, "paste frames");
  });

  test(`${lang}: the what-if screen with a hostile case`, async () => {
    const original = parseCase(JSON.stringify(hostileCase()), "case.json");
    const r = mount(<WhatIf lang={lang} original={original} evaluate={(c) => evaluate(c, { today: "2026-11-22" })} today="2026-11-22" color={false} width={100} listRows={30} />);
    const first = lang === "en" ? "Evaluation date" : "評価日";
    await frameWith(r, first);
    // Walk the whole fact list and the options view.
    await press(r, KEY.down.repeat(40));
    await press(r, "\t");
    await new Promise((res) => setTimeout(res, 50));
    const shown = r.frames.join("\n");
    assert.ok(shown.includes("\\x1b") || shown.includes(EVIL.slice(0, 4)), "the values are there");
    allFramesClean(r.frames, "what-if frames");
  });
}
