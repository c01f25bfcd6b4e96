// Keys never kill the wizard, in a real terminal (issue 11, finding 1): the built program in tmux
// gets Ctrl+F1…F4 (tmux sends xterm's ESC[1;5P …), coloured pastes, mouse reports and OSC strings
// on the start screen, the paste screen and the what-if screen, and goes on working. Before the
// fix each of these ended the program with a minified stack trace and exit 1 ("blocked").
// A bug in the screens (injected for the test) ends with exit 70, one line in the user's
// language, no stack trace, raw mode off and the cursor visible.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { t, type Lang } from "../../src/i18n/index.js";
import { type Pane, tmuxSuite } from "../helpers/tmux.js";
import { healthyBasic } from "../helpers/whatif-cases.js";

const { bin, pane: newPane, tempDir } = tmuxSuite();

function start(name: string, lang: Lang, args: string, env: Record<string, string> = {}): { pane: Pane; dir: string } {
  const dir = tempDir(`sad-hostile-${name}-`);
  const pane = newPane(`hostile-${name}`);
  pane.start(`${process.execPath} ${bin} ${args}`, {
    cwd: dir,
    env: { LANG: lang === "ja" ? "ja_JP.UTF-8" : "en_US.UTF-8", LC_ALL: "", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22", TERM: "xterm-256color", NO_COLOR: "1", ...env },
  });
  return { pane, dir };
}

/** A colour-coded paste as a terminal delivers it, plus mouse reports and an OSC 52 clipboard write. */
const COLOURED = "\u001b[31m535 5.7.139 Authentication unsuccessful\u001b[0m \u001b[1;33mdisabled for the Tenant\u001b[0m";
const ODD = "\u001b[<0;10;5M\u001b[M !!\u001b]52;c;aGVsbG8=\u0007\u001b[200~\u001b[201~\u001b[99;5~";

function hostileKeys(pane: Pane): void {
  pane.keys("C-F1", "C-F2", "C-F3", "C-F4", "C-S-F5", "M-F1");
  pane.paste(ODD);
}

function noCrash(screen: string): void {
  assert.doesNotMatch(screen, /TypeError|startsWith|__EXIT=| {4}at /, screen);
}

for (const lang of ["ja", "en"] as const) {
  const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, key, params);

  test(`${lang}: start and paste screens take Ctrl+F1…F4, mouse reports and a coloured paste`, { timeout: 90000 }, async () => {
    const { pane } = start(`wizard-${lang}`, lang, `--lang ${lang}`);
    await pane.waitFor(tr("wizard.purpose.q"));
    hostileKeys(pane);
    // On a list, digits pick an item: a coloured paste without digits.
    pane.paste("\u001b[32mhello\u001b[0m \u001b[1;31mworld\u001b[0m");
    // Still there, still answering: Enter picks the first purpose (a failing device) → the paste screen.
    pane.keys("Enter");
    await pane.waitFor(tr("wizard.keys.paste"));
    noCrash(pane.screen());
    hostileKeys(pane);
    pane.paste(COLOURED);
    const s = await pane.waitFor("535 5.7.139 Authentication unsuccessful disabled for the Tenant");
    noCrash(s);
    assert.doesNotMatch(s, /\[0m|\[31m|\[1;33m|52;c|!!/, "colour codes and mouse bytes are not typed into the paste");
    pane.keys("Enter");
    pane.keys("Enter");
    await pane.waitFor(tr("wizard.pasteSummary.resolved"));
    pane.keys("C-c");
    assert.equal(await pane.exitCode(), 130);
    assert.ok((await pane.waitFor(/__MODE=-?icanon__/)).includes("__MODE=icanon__"), "raw mode is off again");
  });

  test(`${lang}: the what-if screen takes Ctrl+F1…F4 and a coloured paste`, { timeout: 90000 }, async () => {
    const dir = tempDir("sad-hostile-case-");
    const file = join(dir, "case.json");
    const c = healthyBasic();
    c.account = { ...c.account, smtpClientAuthenticationDisabled: null };
    writeFileSync(file, JSON.stringify(c));
    const { pane } = start(`whatif-${lang}`, lang, `whatif --case '${file}' --lang ${lang}`);
    const first = lang === "ja" ? "評価日" : "Evaluation date";
    await pane.waitFor(first);
    hostileKeys(pane);
    pane.paste(COLOURED);
    pane.keys("Down");
    await pane.waitFor(/❯ +(?!評価日|Evaluation date)\S/);
    noCrash(pane.screen());
    pane.keys("Escape");
    const code = await pane.exitCode();
    assert.ok([0, 1, 3].includes(code), `exit code from the verdict, got ${code}`);
  });
}

for (const [kind, lang] of [
  ["key", "ja"],
  ["render", "en"],
  ["async", "en"],
] as const) {
  test(`${lang}: a bug in the screens (${kind}) ends with exit 70, one line, the terminal restored`, { timeout: 60000 }, async () => {
    const { pane } = start(`fault-${kind}`, lang, `--lang ${lang}`, { SMTP_AUTH_DOCTOR_TEST_FAULT: kind });
    await pane.waitFor(t(lang, "wizard.purpose.q"));
    pane.type("§");
    assert.equal(await pane.exitCode(), 70);
    const s = pane.screen();
    const lines = s.split("\n").filter((l) => /^smtp-auth-doctor: (Internal error|内部エラーが発生しました)/.test(l));
    assert.equal(lines.length, 1, s);
    assert.ok((lines[0] as string).includes(lang === "ja" ? "内部エラーが発生しました" : "Internal error"), s);
    assert.doesNotMatch(s, / {4}at |\.js:\d+:\d+/, "no stack trace");
    assert.ok((await pane.waitFor(/__MODE=-?icanon__/)).includes("__MODE=icanon__"), "raw mode is off again");
    assert.ok(pane.cursorVisible(), "the cursor is visible");
  });
}
