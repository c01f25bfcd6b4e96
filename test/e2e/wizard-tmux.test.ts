// End to end: the real built program in a tmux terminal, driven like a person would, through a
// complete manual diagnosis in Japanese and in English (a paste, an "I don't know", going back,
// saving files), then the saved files are checked.
import assert from "node:assert/strict";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseCase } from "../../src/case/io.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { FACT_PATHS, getFact } from "../../src/case/facts.js";
import { question } from "../../src/flow/questions.js";
import { type Pane, squash, tmuxSuite } from "../helpers/tmux.js";
import { waitFor } from "../helpers/wait.js";

const { bin, pane: newPane, tempDir } = tmuxSuite();

function setup(name: string, lang: Lang): { pane: Pane; dir: string } {
  const dir = tempDir(`sad-e2e-${name}-`);
  const pane = newPane(name);
  pane.start(`${process.execPath} ${bin}`, {
    cwd: dir,
    env: { LANG: lang === "ja" ? "ja_JP.UTF-8" : "en_US.UTF-8", LC_ALL: "", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22", TERM: "xterm-256color", NO_COLOR: "1" },
  });
  return { pane, dir };
}

const PASTE = [
  "Send failed (SMTP).",
  "Server response: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [TYAP286CA0012.JPNP286.PROD.OUTLOOK.COM 2026-11-20T01:02:03.456Z 08DD000000000000]",
].join("\n");

for (const lang of ["ja", "en"] as const) {
  test(`${lang}: a complete manual diagnosis in the real program, saved to files`, { timeout: 120000 }, async () => {
    const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, key, params);
    const { pane, dir } = setup(`full-${lang}`, lang);

    // Step 1: the language is preselected from the locale; then the purpose.
    await pane.waitFor(tr("wizard.language.q"));
    pane.keys("Enter");
    await pane.waitFor(tr("wizard.purpose.q"));
    pane.keys("Enter");

    // Step 2: a multi-line paste, finished with Enter on an empty line.
    await pane.waitFor(tr("wizard.keys.paste"));
    pane.paste(PASTE);
    await pane.waitFor(tr("wizard.paste.lines", { count: 2 }));
    pane.keys("Enter");
    pane.keys("Enter");
    let s = await pane.waitFor(tr("wizard.pasteSummary.resolved"));
    assert.ok(s.includes("535 5.7.139"), s);
    assert.ok(s.includes(tr("questions.tenant.smtpClientAuthenticationDisabled.q")), "the tenant question is no longer needed");
    pane.keys("Enter");

    // The device: first its maker (Kyocera, the sixth) and model; then the paste made host/port/security
    // unnecessary; sign-in type, account, From, OAuth support remain, each with where to look on a Kyocera.
    await pane.waitFor(tr("questions.device.vendor.q"));
    pane.keys("6", "Enter");
    await pane.waitFor(tr("questions.device.model.q"));
    pane.type("TASKalfa 2553ci");
    pane.keys("Enter");
    s = await pane.waitFor(tr("questions.device.auth.q"));
    assert.ok(s.includes(tr("devices.onDevice", { vendor: tr("devices.vendor.kyocera") })), s);
    assert.ok(s.includes("Command Center RX"), "the maker's own menu names");
    pane.keys("1", "Enter"); // user name and password (the list starts on "I don't know")
    await pane.waitFor(tr("questions.device.username.q"));
    pane.type("mfp@contoso.com");
    pane.keys("Enter");
    await pane.waitFor(tr("questions.device.from.q"));
    pane.type("scan@contoso.com");
    pane.keys("Enter");
    await pane.waitFor(tr("questions.device.oauthSupported.q"));
    pane.keys("2", "Enter"); // no OAuth
    // Did it work before (persona round 8 #10): the list starts on "I don't know".
    await pane.waitFor(tr("questions.history.workedBefore.q"));
    pane.keys("Enter");
    await pane.waitFor(tr("wizard.probe.title"));
    pane.type("s"); // skip the test from this PC: one key
    s = await pane.waitFor(tr("wizard.source.q"));
    assert.ok(s.includes(tr("wizard.source.notAvailable")));
    pane.keys("Enter"); // answer by hand (preselected)

    // Step 4: the first question answered "I don't know", then back: the question returns.
    const progress = (n: number) => new RegExp(`${escape(tr("wizard.question.progress", { n, left: 999 })).replace("999", "\\d+")}|${escape(tr("wizard.question.progressLast", { n }))}`);
    // A whole frame: under load a capture can fall between Ink erasing the old frame and drawing the
    // new one, so wait until the line under the rule is the question, not a rule or blank.
    const { waitFor } = await import("../helpers/wait.js");
    s = await waitFor(
      () => {
        const x = pane.screen();
        const line = x.split("\n")[3]?.trim() ?? "";
        return progress(1).test(x) && line !== "" && !/^-+$/.test(line) ? x : undefined;
      },
      { what: "the first question, drawn whole", last: () => pane.screen() },
    );
    const firstTitle = s.split("\n")[3]?.trim() ?? "";
    assert.ok(firstTitle.length > 0, s);
    pane.keys("End", "Enter"); // I don't know
    await pane.waitFor(progress(2));
    pane.keys("Escape");
    s = await pane.waitFor(progress(1));
    assert.ok(s.includes(firstTitle), "back shows the previous question again");
    pane.keys("End", "Enter");

    // The rest: "I don't know" (empty Enter for typed answers) until the result.
    for (let n = 2; n < 40; n++) {
      s = await pane.waitFor(new RegExp(`${progress(n).source}|${escape(tr("wizard.keys.result"))}`));
      if (s.includes(tr("wizard.keys.result"))) break;
      if (s.includes(tr("wizard.keys.text"))) pane.keys("Enter");
      else pane.keys("End", "Enter");
    }

    // Step 5: the result, from the engine and the report renderer, within 80 columns.
    s = await pane.waitFor(tr("wizard.keys.result"));
    assert.ok(s.includes("tenant-smtp-auth-disabled") || s.includes("535"), s);

    // Step 6: save the plan as Markdown, the case, the .ps1 and the JSON; then overwrite the Markdown after confirming.
    pane.keys("Enter");
    await pane.waitFor(tr("wizard.export.q"));
    const save = async (downs: number, file: string) => {
      pane.keys(...Array(downs).fill("Down"), "Enter");
      await pane.waitFor(tr("wizard.export.path").slice(0, 8));
      pane.keys("Enter");
      await pane.waitFor(tr("wizard.export.saved", { file }));
    };
    // The menu: the case file, the hand-over, Markdown, .ps1, JSON.
    await save(2, "smtp-auth-plan.md");
    await save(0, "smtp-auth-case.json");
    await save(3, "smtp-auth-plan.ps1");
    await save(4, "smtp-auth-result.json");
    pane.keys("Down", "Down", "Enter");
    await pane.waitFor(tr("wizard.export.path").slice(0, 8));
    pane.keys("Enter");
    await pane.waitFor(tr("wizard.export.exists", { file: "smtp-auth-plan.md" }).slice(0, 20));
    pane.keys("Down", "Enter");
    await pane.waitFor(/smtp-auth-plan\.md[\s\S]*smtp-auth-case\.json[\s\S]*smtp-auth-plan\.ps1[\s\S]*smtp-auth-result\.json[\s\S]*smtp-auth-plan\.md/);
    pane.keys("End", "Enter"); // finish

    assert.equal(await pane.exitCode(), 1, "blocked");
    assert.ok((await pane.waitFor(/__MODE=-?icanon__/)).includes("__MODE=icanon__"), "raw mode is off again");
    assert.ok(pane.cursorVisible(), "the cursor is visible");

    // The saved files.
    const c = parseCase(readFileSync(join(dir, "smtp-auth-case.json"), "utf8"), "case");
    assert.equal(c.device?.username, "mfp@contoso.com");
    assert.equal(c.device?.from, "scan@contoso.com");
    assert.equal(c.device?.auth, "basic");
    assert.equal(c.device?.oauthSupported, false);
    assert.equal(c.device?.vendor, "kyocera");
    assert.equal(c.device?.model, "TASKalfa 2553ci");
    assert.match(c.device?.reply ?? "", /SmtpClientAuthentication is disabled for the Tenant/);
    assert.deepEqual(c.sources?.["device.username"], { kind: "answer" });
    assert.deepEqual(c.sources?.["device.reply"], { kind: "answer" });
    // The first question was answered "I don't know": the fact stays unknown and the result says so.
    const firstPath = FACT_PATHS.find((p) => squash(firstTitle).length > 4 && squash(t(lang, question(p).prompt)).startsWith(squash(firstTitle)));
    assert.ok(firstPath, `no question titled ${firstTitle}`);
    assert.equal(getFact(c, firstPath), undefined, "I don't know leaves the fact unknown");
    const md = readFileSync(join(dir, "smtp-auth-plan.md"), "utf8");
    assert.match(md, /^#/m);
    assert.ok(md.includes("mfp@contoso.com"));
    assert.ok(md.includes(`## ${t(lang, "devices.section")}`), "the plan has the device section");
    assert.ok(md.includes("https://github.com/msgwing/ZeroSMTP"), "with its sources");
    const ps1 = readFileSync(join(dir, "smtp-auth-plan.ps1"), "utf8");
    assert.ok(ps1.startsWith("\uFEFF"), "the script has a BOM for Windows PowerShell");
    assert.ok(ps1.includes("'mfp@contoso.com'"));
    if (lang === "ja") assert.match(ps1, /[\u3040-\u30ff]/, "comments in Japanese");
    for (const line of ps1.split(/\r?\n/)) {
      if (/^\s*(Set|New|Remove|Add|Enable|Disable)-/.test(line)) assert.match(line, /-WhatIf/, `a state-changing command runs only with -WhatIf: ${line}`);
    }
    const json = JSON.parse(readFileSync(join(dir, "smtp-auth-result.json"), "utf8")) as { verdict: string; unknowns: string[] };
    assert.equal(json.verdict, "blocked");
    assert.ok(json.unknowns.includes(firstPath), "the unknown answered \"I don't know\" is reported");
  });
}

test("Ctrl+C leaves the terminal clean and exits 130; nothing is written", { timeout: 60000 }, async () => {
  const { pane, dir } = setup("cancel", "en");
  await pane.waitFor(t("en", "wizard.language.q"));
  pane.keys("Enter");
  await pane.waitFor(t("en", "wizard.purpose.q"));
  pane.keys("Down", "Enter");
  await pane.waitFor(t("en", "questions.device.vendor.q"));
  pane.keys("End", "Enter");
  await pane.waitFor(t("en", "questions.device.host.q"));
  pane.type("smtp.office365.com");
  pane.keys("C-c");
  assert.equal(await pane.exitCode(), 130);
  assert.ok((await pane.waitFor(/__MODE=-?icanon__/)).includes("__MODE=icanon__"), "raw mode is off again");
  assert.ok(pane.cursorVisible(), "the cursor is visible");
  const { readdirSync } = await import("node:fs");
  assert.deepEqual(readdirSync(dir), []);
});

test("Ctrl+C while PowerShell is still being looked for: the program ends at once (130), the terminal clean", { timeout: 60000 }, async () => {
  // The wizard looks for PowerShell in the background. A PowerShell slow to start (here one that
  // never answers) kept the program running after Ctrl+C until it answered, the wizard's last
  // screen still shown and the terminal already back in line mode: keys typed were echoed over the
  // screen, Ctrl+\\ ended the program with 131 and Ctrl+Z stopped it. The long fuzz run found the
  // same in the milliseconds any program takes to end, after the wizard had given the terminal back.
  const dir = tempDir("sad-e2e-slow-pwsh-");
  const fake = tempDir("sad-e2e-slow-pwsh-bin-");
  const started = join(fake, "started");
  writeFileSync(join(fake, "pwsh"), `#!/bin/sh\necho started > '${started}'\nexec sleep 60\n`);
  chmodSync(join(fake, "pwsh"), 0o755);
  const pane = newPane("slow-pwsh");
  pane.start(`${process.execPath} ${bin} --lang en`, {
    cwd: dir,
    env: { LANG: "en_US.UTF-8", LC_ALL: "", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22", TERM: "xterm-256color", NO_COLOR: "1", PATH: `${fake}:/usr/bin:/bin` },
  });
  await pane.waitFor(t("en", "wizard.purpose.q"));
  await waitFor(() => (existsSync(started) ? true : undefined), { what: "the PowerShell check to start" });
  pane.keys("C-c");
  assert.equal(await pane.exitCode(5000), 130);
  assert.ok((await pane.waitFor(/__MODE=-?icanon__/)).includes("__MODE=icanon__"), "raw mode is off again");
  assert.ok(pane.cursorVisible(), "the cursor is visible");
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
