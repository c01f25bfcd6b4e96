// The result fits the window with its title (persona pass, tmux 60×20, ja): its page was the window's rows less seven, as if
// the key line took one row; at 60 columns it takes two, and the title 「結果」 went above the window. And the frame's
// last line lose its line break when the wizard was cancelled there, the frame taller than the window (the shell's prompt
// followed 「Esc: 戻る」 after Ctrl+C; with the frame fitting it comes on a line of its own, checked in tmux).
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { WizardApp } from "../../screens/App.js";
import { resultKeys } from "../../screens/Result.js";
import { emptyCase } from "../../src/case/schema.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { loadCatalog } from "../../src/devices/index.js";
import { initFlow, makeReducer } from "../../src/flow/reducer.js";
import type { FlowState } from "../../src/flow/types.js";
import { t } from "../../src/i18n/index.js";
import { makeTheme } from "../../src/render/theme.js";
import { keyRows } from "../../src/ui/components.js";
import { frameWith, mount } from "../helpers/ink.js";

afterEach(() => cleanup());

const NET = "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.";

for (const lang of ["ja", "en"] as const) {
  test(`${lang}: the result fits 60×20 and 80×24 with its title, whether its key line takes one row or two`, async () => {
    const services = makeServices({ today: "2026-12-07", cwd: process.cwd(), ascii: false, devices: await loadCatalog() });
    const reduce = makeReducer(services.deps);
    let s: FlowState = initFlow(services.deps, { lang, langExplicit: true, empty: emptyCase() });
    s = [{ type: "choosePurpose", purpose: "failing" }, { type: "submitPaste", text: NET }, { type: "continue" }].reduce((a, e) => reduce(a, e as never), s);
    for (let i = 0; i < 40 && s.screen.id !== "result"; i++) {
      const screen = s.screen;
      if (screen.id === "probe") s = reduce(s, { type: "skipProbe" });
      else if (screen.id === "source") s = reduce(s, { type: "chooseSource", source: "manual" });
      else if ("path" in screen) s = reduce(s, { type: "dontKnow", path: screen.path });
      else s = reduce(s, { type: "continue" });
    }
    assert.equal(s.screen.id, "result");
    const wrapped = new Set<number>();
    for (const [cols, rows] of [[60, 20], [80, 24]] as const) {
      const theme = makeTheme({ color: false, ascii: false, columns: cols });
      wrapped.add(keyRows(resultKeys(lang, true), theme));
      const r = mount(<WizardApp services={services} initial={s} theme={theme} rows={rows} copy onExit={() => {}} />);
      const f = await frameWith(r, t(lang, "wizard.result.title"));
      const lines = f.split("\n");
      assert.ok(lines.length <= rows - 1, `${cols}×${rows}: ${lines.length} rows\n${f}`);
      assert.equal(lines[0]?.trim(), t(lang, "wizard.result.title"), f);
      // The page is full: no row of the window is left empty under a result longer than it.
      assert.equal(lines.length, rows - 1, `${cols}×${rows}\n${f}`);
      r.unmount();
    }
    assert.deepEqual([...wrapped].sort(), [1, 2], "one size wraps the key line, the other does not");
  });
}
