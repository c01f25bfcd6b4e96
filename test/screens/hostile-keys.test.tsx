// Keys never kill the wizard (issue 11, finding 1). Whatever a terminal sends — function keys with
// modifiers (Ctrl+F1 is ESC[1;5P in xterm), a paste with colour codes (even the reset ESC[0m),
// mouse reports, bracketed-paste markers, OSC strings, C1 controls — is used or ignored on the
// start screen, the paste screen and the what-if screen, and the screen goes on working. Under
// Ink 6.8's own key parser each of the first two killed the program (TypeError … 'startsWith').
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { Text } from "ink";
import { WizardApp, type ExitReason } from "../../screens/App.js";
import { WhatIf } from "../../screens/WhatIf.js";
import { emptyCase, type Case } from "../../src/case/schema.js";
import { setFact } from "../../src/case/facts.js";
import { evaluate } from "../../src/engine/index.js";
import { initFlow } from "../../src/flow/reducer.js";
import type { FlowState } from "../../src/flow/types.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { UiGuard, useTerminalInput } from "../../src/ui/input.js";
import { makeTheme } from "../../src/render/theme.js";
import { fakeDeps } from "../helpers/flow.js";
import { frameWith, mount, press } from "../helpers/ink.js";
import { healthyBasic } from "../helpers/whatif-cases.js";
import { KEY, waitFor } from "../helpers/wait.js";

afterEach(() => cleanup());

/** What terminals send that Ink 6.8 could not take, and other odd input. */
export const HOSTILE_KEYS: Record<string, string> = {
  "Ctrl+F1": "\u001b[1;5P",
  "Ctrl+F2": "\u001b[1;5Q",
  "Ctrl+F3": "\u001b[1;5R",
  "Ctrl+F4": "\u001b[1;5S",
  "Ctrl+Shift+F5": "\u001b[15;6~",
  "SGR reset": "\u001b[0m",
  "SGR red (bold)": "\u001b[1;31m",
  "SGR 256 colours": "\u001b[38;5;196m",
  "Ctrl+unknown CSI": "\u001b[99;5~",
  "SGR mouse report": "\u001b[<0;10;5M",
  "X10 mouse report": "\u001b[M !!",
  "urxvt mouse report": "\u001b[32;10;5M",
  "focus in/out": "\u001b[I\u001b[O",
  "bracketed paste markers": "\u001b[200~\u001b[201~",
  "OSC 52 clipboard write": "\u001b]52;c;aGVsbG8=\u0007",
  "OSC title with ST": "\u001b]0;title\u001b\\",
  "DCS string": "\u001bP1$r0m\u001b\\",
  "C1 CSI": "\u009b31m",
  "lone ESC [": "\u001b[",
  "Alt+[": "\u001b\u001b[",
  "NUL and FS": "\u0000\u001c",
  "replacement characters (invalid UTF-8)": "\ufffd\ufffd",
  "bidi override": "\u202e",
  "kitty CSI u": "\u001b[97;5u",
};

const COLOURED_PASTE = "\u001b[31m535 5.7.139 Authentication unsuccessful\u001b[0m, \u001b[1;33mSmtpClientAuthentication\u001b[0m is disabled for the Tenant.";

function wizard(lang: Lang) {
  const deps = fakeDeps(false);
  const initial = initFlow(deps, { lang, langExplicit: true, empty: emptyCase() });
  const exits: { state: FlowState; reason: ExitReason }[] = [];
  const fatal: unknown[] = [];
  const r = mount(
    <UiGuard onFatal={(e) => fatal.push(e)}>
      <WizardApp
        services={{
          deps,
          resultLines: () => ["result"],
          defaultName: (kind) => `out.${kind}`,
          save: async (_s, _k, path) => ({ ok: true, path }),
        }}
        initial={initial}
        theme={makeTheme({ color: false, ascii: false, columns: 80 })}
        rows={30}
        onExit={(state, reason) => exits.push({ state, reason })}
      />
    </UiGuard>,
  );
  return { r, exits, fatal };
}

async function sendAll(r: ReturnType<typeof mount>, keys: Record<string, string>): Promise<void> {
  for (const [name, seq] of Object.entries(keys)) {
    await new Promise((res) => setImmediate(res));
    assert.doesNotThrow(() => r.stdin.write(seq), `${name} (${JSON.stringify(seq)}) must not throw`);
  }
  // Ink holds a lone ESC for one turn of the event loop before it gives it up as Escape.
  await new Promise((res) => setImmediate(res));
}

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: start screen: every odd key is ignored, the list still works`, async () => {
    const { r, exits, fatal } = wizard(lang);
    await frameWith(r, t(lang, "wizard.purpose.q"));
    await sendAll(r, HOSTILE_KEYS);
    // Still on the purpose list, and it still answers: Down, Down, Enter picks the third purpose.
    await press(r, KEY.down + KEY.down + KEY.enter);
    await frameWith(r, t(lang, "wizard.readiness.requiredNote"));
    assert.deepEqual(fatal, []);
    assert.deepEqual(exits, []);
  });

  test(`${lang}: paste screen: a paste in colour keeps its text, never its colour codes`, async () => {
    const { r, exits, fatal } = wizard(lang);
    await frameWith(r, t(lang, "wizard.purpose.q"));
    await press(r, KEY.enter);
    await frameWith(r, t(lang, "wizard.keys.paste"));
    await sendAll(r, HOSTILE_KEYS);
    // What was text (U+FFFD, the bidi override) is kept, and shown visibly; nothing else was typed.
    let f = await frameWith(r, "\\u202e");
    assert.ok(f.includes("❯ ��\\u202e"), f);
    await press(r, KEY.enter);
    await sendAll(r, { paste: COLOURED_PASTE });
    f = await frameWith(r, "❯ 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disab");
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(f, /\[0m|\[31m|\[1;33m|52;c|title|\$r|!!|\u001b|\u009b|\u202e(?!.*\\u202e)/, f);
    // Enter on an empty line finishes: the paste was understood.
    await press(r, KEY.enter);
    await press(r, KEY.enter);
    await frameWith(r, t(lang, "wizard.pasteSummary.resolved"));
    assert.deepEqual(fatal, []);
    assert.deepEqual(exits, []);
  });

  test(`${lang}: what-if screen: odd keys and a coloured paste are ignored, the fact list still moves`, async () => {
    const fatal: unknown[] = [];
    const original: Case = setFact(healthyBasic(), "account.smtpClientAuthenticationDisabled", null);
    const r = mount(
      <UiGuard onFatal={(e) => fatal.push(e)}>
        <WhatIf lang={lang} original={original} evaluate={(c) => evaluate(c, { today: "2026-11-22" })} today="2026-11-22" color={false} />
      </UiGuard>,
    );
    const first = lang === "en" ? "Evaluation date" : "評価日";
    await frameWith(r, first);
    await sendAll(r, { ...HOSTILE_KEYS, paste: COLOURED_PASTE });
    await press(r, KEY.down);
    await frameWith(r, /❯ +(?!評価日|Evaluation date)\S/);
    assert.deepEqual(fatal, []);
  });
}

test("an error in a key handler ends the screen through the guard, once, not as an uncaught exception", async () => {
  const fatal: unknown[] = [];
  function Thrower() {
    useTerminalInput(
      (input) => {
        if (input === "x") throw new Error("handler bug");
      },
      { isActive: true },
    );
    return <Text>ready</Text>;
  }
  const r = mount(
    <UiGuard onFatal={(e) => fatal.push(e)}>
      <Thrower />
    </UiGuard>,
  );
  await frameWith(r, "ready");
  await press(r, "x");
  await press(r, "x");
  await waitFor(() => fatal.length > 0 || undefined);
  assert.equal(fatal.length, 1);
  assert.equal((fatal[0] as Error).message, "handler bug");
});

test("an error while rendering ends the screen through the guard (no Ink error screen with a stack trace)", async () => {
  const fatal: unknown[] = [];
  function Broken(): never {
    throw new Error("render bug");
  }
  const r = mount(
    <UiGuard onFatal={(e) => fatal.push(e)}>
      <Broken />
    </UiGuard>,
  );
  await waitFor(() => fatal.length > 0 || undefined);
  assert.equal((fatal[0] as Error).message, "render bug");
  assert.doesNotMatch(r.lastFrame() ?? "", /render bug|at Broken|ERROR/);
});
