// The first-line journey (issue 13), end to end in a real terminal: each persona runs the built
// program in tmux as a person would, ends with a short summary on the result screen, saves a
// hand-over that resumes to the same diagnosis, and every command in it pastes as written.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { FACT_PATHS, getFact } from "../../src/case/facts.js";
import { parseCase } from "../../src/case/io.js";
import { decodeResume } from "../../src/case/resume.js";
import type { Case } from "../../src/case/schema.js";
import { question } from "../../src/flow/questions.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { type Pane, squash, tmuxSuite } from "../helpers/tmux.js";

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const { root, bin, pane: newPane, tempDir } = tmuxSuite();
const TODAY = "2026-12-03";

function start(name: string, lang: Lang, args: string[] = [], dir?: string): { pane: Pane; dir: string } {
  const cwd = dir ?? tempDir(`sad-persona-${name}-`);
  const pane = newPane(name);
  pane.start([process.execPath, bin, ...args].join(" "), {
    cwd,
    env: { LANG: lang === "ja" ? "ja_JP.UTF-8" : "en_US.UTF-8", LC_ALL: "", SMTP_AUTH_DOCTOR_TODAY: TODAY, TERM: "xterm-256color", NO_COLOR: "1" },
  });
  return { pane, dir: cwd };
}

/** The CLI without a terminal, for the admin's side. */
function cli(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, SMTP_AUTH_DOCTOR_TODAY: TODAY, LANG: "C" } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** From the first screen: the language, "a device fails to send", the pasted reply, ended with Enter twice. */
async function pasteFirst(pane: Pane, lang: Lang, reply: string): Promise<void> {
  await pane.waitFor(t(lang, "wizard.language.q"));
  pane.keys("Enter");
  await pane.waitFor(t(lang, "wizard.purpose.q"));
  pane.keys("Enter");
  await pane.waitFor(t(lang, "wizard.keys.paste"));
  pane.paste(reply);
  await pane.waitFor(t(lang, "wizard.paste.line"));
  pane.keys("Enter");
  pane.keys("Enter");
}

/** Answer every remaining screen "I don't know" (Enter on a text field), skip the test from this PC, answer by hand, until the result. */
async function dontKnowToTheEnd(pane: Pane, lang: Lang): Promise<string> {
  const tr = (key: Parameters<typeof t>[1]) => t(lang, key);
  const marks = [tr("wizard.keys.result"), tr("wizard.keys.text"), tr("wizard.keys.select"), tr("wizard.probe.title"), tr("wizard.source.q")].map(squash);
  const has = (x: string, key: Parameters<typeof t>[1]) => squash(x).includes(squash(tr(key)));
  let last = "";
  for (let i = 0; i < 60; i++) {
    // A new frame: wait until the screen differs from the one answered (Ink redraws in place).
    const { waitFor } = await import("../helpers/wait.js");
    // The next screen, drawn whole: its heading (title, step and progress, the question) differs
    // from the one answered, and two captures in a row agree (a capture can fall mid-redraw, and a
    // pointer moved by End is not a new screen: answering it twice would press Enter on the next one).
    let previous = "";
    const head = (x: string) => x.split("\n").slice(0, 4).join("\n");
    const s = await waitFor(() => {
      const x = pane.screen();
      const settled = x === previous;
      previous = x;
      return settled && head(x) !== head(last) && marks.some((m) => squash(x).includes(m)) ? x : undefined;
    }, { what: "the next screen", last: () => pane.screen() });
    last = s;
    if (has(s, "wizard.keys.result")) return s;
    if (has(s, "wizard.probe.title")) pane.type("s");
    else if (has(s, "wizard.source.q")) pane.keys("Enter");
    else if (has(s, "wizard.keys.text")) pane.keys("Enter");
    else pane.keys("End", "Enter");
  }
  throw new Error(`no result after 60 screens:\n${last}`);
}

/** From the result: save the hand-over (in the wizard's language, offered first), then the case file, and finish (blocked: exit 1). */
async function saveHandoverAndCase(pane: Pane, lang: Lang): Promise<void> {
  const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, key, params);
  pane.keys("Enter");
  await pane.waitFor(tr("wizard.export.q"));
  pane.keys("Down", "Enter");
  await pane.waitFor(tr("wizard.export.adminLang"));
  pane.keys("Enter");
  for (const file of ["smtp-auth-handover.txt", "smtp-auth-case.json"]) {
    await pane.waitFor(tr("wizard.export.path").slice(0, 8));
    pane.keys("Enter");
    await pane.waitFor(tr("wizard.export.saved", { file }));
    if (file === "smtp-auth-handover.txt") pane.keys("Enter"); // the case file, first in the menu
  }
  pane.keys("End", "Enter");
  assert.equal(await pane.exitCode(), 1, "blocked");
}

/** The result drawn again under the copy view: its key bar is the last thing on the screen. */
async function backOnResult(pane: Pane, keys: string): Promise<void> {
  const { waitFor } = await import("../helpers/wait.js");
  await waitFor(() => (squash(pane.screen()).endsWith(squash(keys)) ? true : undefined), { what: "the result again", last: () => pane.screen() });
}

/** The command lines of the last copy view on the pane (the joined capture: soft-wrapped rows are one line). */
function copyView(joined: string, heading: string): string[] {
  const view = joined.slice(joined.lastIndexOf(squash(heading).slice(0, 10)) >= 0 ? joined.lastIndexOf(heading.slice(0, 20)) : 0);
  return view.split("\n").filter((l) => /^(?:Get-|Invoke-|Set-|Test-|Resolve-|Connect-|New-|Add-|Remove-)/.test(l));
}

/** The hand-over's rules: at most 30 lines, the last one resumes the same case, every command is one the tool writes for that case. */
function checkHandover(text: string, saved: Case, dir: string): string {
  const lines = text.trimEnd().split("\n");
  assert.ok(lines.length <= 30, `${lines.length} lines:\n${text}`);
  const code = /npx smtp-auth-doctor --resume (sad1\.\S+)$/.exec(lines[lines.length - 1] ?? "")?.[1];
  assert.ok(code, "the last line resumes");
  const resumed = decodeResume(code);
  assert.deepEqual(resumed, saved, "the code is the saved case");
  // The same diagnosis, without a terminal, from the code and from the saved file.
  const viaCode = cli(["diagnose", "--resume", code, "--json"], dir);
  const viaFile = cli(["diagnose", "--case", "smtp-auth-case.json", "--json"], dir);
  assert.equal(viaCode.stdout, viaFile.stdout);
  assert.equal(viaCode.code, viaFile.code);
  // Commands paste as written: each is exactly a line the question catalogue writes for this case.
  const written = new Set(FACT_PATHS.flatMap((p) => question(p).powershell?.(saved) ?? []));
  for (const line of lines.filter((l) => /^\s+(Get-|Invoke-MgGraphRequest|Connect-)/.test(l))) {
    for (const cmd of line.trim().split("; ")) {
      if (cmd === "Connect-ExchangeOnline") continue;
      if (cmd.startsWith("Connect-MgGraph -Scopes ")) {
        for (const scope of cmd.slice("Connect-MgGraph -Scopes ".length).split(",")) assert.match(scope, /^'[A-Za-z.]+'$/, cmd);
        continue;
      }
      assert.ok(written.has(cmd), `not a command the tool writes for this case: ${cmd}`);
    }
  }
  return code;
}

test("persona 1, ja, no admin rights: pastes 'did not meet the criteria', answers わからない to everything; summary first, no weakening change first, a hand-over that resumes", { timeout: 180000 }, async () => {
  const lang = "ja";
  const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, key, params);
  const { pane, dir } = start("p1", lang);
  await pasteFirst(pane, lang, "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. [TYCP286CA0123.JPNP286.PROD.OUTLOOK.COM 2026-12-03T01:23:45.678Z 08DE1234ABCD5678]");
  await pane.waitFor(tr("wizard.pasteSummary.resolved"));
  pane.keys("Enter");
  await pane.waitFor(tr("questions.device.vendor.q"));
  pane.keys("3", "Enter"); // Sharp
  await pane.waitFor(tr("questions.device.model.q"));
  pane.type("BP-70C65");
  pane.keys("Enter");

  const result = await dontKnowToTheEnd(pane, lang);
  // Summary first: under the verdict, the most likely cause, who acts, the next steps; the first step only reads.
  const top = result.split("\n").slice(0, 20).join("\n");
  assert.ok(top.includes(tr("plan.summary.next")), top);
  assert.ok(top.includes(tr("plan.summary.who")), top);
  const first = /1\. ([^\n]+)/.exec(top.slice(top.indexOf(tr("plan.summary.next"))))?.[1] ?? "";
  assert.doesNotMatch(first, /オフにします|除外します|例外/, `the first step weakens nothing: ${first}`);

  // c: the plan's commands, each whole on one line outside the screen (a long Graph request included); Enter comes back.
  pane.keys("c");
  await pane.waitFor(tr("wizard.copy.back"));
  const copied = copyView(pane.joined(), tr("wizard.copy.heading"));
  assert.ok(copied.some((l) => l.length > 80), `a command longer than the screen, whole:\n${copied.join("\n")}`);
  pane.keys("Enter");
  await backOnResult(pane, tr("wizard.keys.result"));

  // h: the hand-over itself, outside the screen, to copy into the ticket; its resume line whole.
  pane.keys("h");
  await pane.waitFor(tr("wizard.copy.back"));
  const shown = pane.joined();
  const handoverShown = shown.slice(shown.lastIndexOf("smtp-auth-doctor 引き継ぎメモ"));
  assert.match(handoverShown, /^smtp-auth-doctor 引き継ぎメモ/);
  assert.match(handoverShown, /npx smtp-auth-doctor --resume sad1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{8}\n/, "the resume line whole on one line");
  pane.keys("Enter");
  await backOnResult(pane, tr("wizard.keys.result"));

  // Save: the hand-over (in Japanese, the wizard's language first), then the case file.
  await saveHandoverAndCase(pane, lang);

  const saved = parseCase(readFileSync(join(dir, "smtp-auth-case.json"), "utf8"), "case");
  const handover = readFileSync(join(dir, "smtp-auth-handover.txt"), "utf8");
  assert.ok(handover.startsWith("smtp-auth-doctor 引き継ぎメモ"), handover);
  assert.match(handover, /シャープ BP-70C65/);
  assert.match(handover, /535 5\.7\.139/);
  const code = checkHandover(handover, saved, dir);
  // Each command of the copy view is a whole line of the text report (which never wraps or cuts a command).
  const report = cli(["diagnose", "--case", "smtp-auth-case.json", "--lang", "ja"], dir).stdout.split("\n").map((l) => l.trim());
  for (const cmd of copied) assert.ok(report.includes(cmd), `not a whole command of the plan: ${cmd}`);

  // The admin opens it in English: the wizard starts on the same case, at the questions still open.
  const admin = start("p1-admin", "en", ["--resume", code], dir);
  const s = await admin.pane.waitFor(new RegExp(`${esc(t("en", "wizard.keys.select"))}|${esc(t("en", "wizard.keys.text"))}`));
  const open = FACT_PATHS.filter((p) => getFact(saved, p) === undefined);
  assert.ok(open.some((p) => squash(s).includes(squash(t("en", question(p).prompt)))), `a question the first-line person left open:\n${s}`);
  admin.pane.keys("C-c");
  assert.equal(await admin.pane.exitCode(), 130);
});

test("persona 2, en admin: a printer on port 25 without encryption, 530 5.7.57; the paste leaves port and encryption open, the plan leads with 587 + STARTTLS, the commands open whole for copying", { timeout: 180000 }, async () => {
  const lang = "en";
  const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, key, params);
  const { pane, dir } = start("p2", lang);
  await pasteFirst(pane, lang, "530 5.7.57 Client not authenticated to send mail. [TYCP286CA0001.JPNP286.PROD.OUTLOOK.COM]");
  const summary = await pane.waitFor(tr("wizard.pasteSummary.title"));
  // 5.7.57 does not show that TLS happened: the port and encryption questions are not closed by it.
  assert.ok(!squash(summary).includes(squash(tr("questions.device.port.q"))), summary);
  assert.ok(!squash(summary).includes(squash(tr("questions.device.security.q"))), summary);
  pane.keys("Enter");
  await pane.waitFor(tr("questions.device.vendor.q"));
  pane.keys("6", "Enter"); // Kyocera
  await pane.waitFor(tr("questions.device.model.q"));
  pane.type("TASKalfa 2553ci");
  pane.keys("Enter");
  await pane.waitFor(tr("questions.device.host.q"));
  pane.type("smtp.office365.com");
  pane.keys("Enter");
  await pane.waitFor(tr("questions.device.port.q"));
  pane.type("25");
  pane.keys("Enter");
  await pane.waitFor(tr("questions.device.security.q"));
  pane.keys("3", "Enter"); // no encryption
  await pane.waitFor(tr("questions.device.auth.q"));
  pane.keys("Enter"); // user name and password

  const result = await dontKnowToTheEnd(pane, lang);
  const top = result.split("\n").slice(0, 16).join("\n");
  assert.ok(top.includes(t(lang, "cause.starttls-missing.title")), top);
  assert.ok(squash(top).includes(squash(`${tr("plan.summary.next")} 1. ${tr("plan.step.device-port-starttls.title")}`)), `the first step: 587 + STARTTLS\n${top}`);

  // c: the commands of the plan (none here: every step is on the device), outside the screen; Enter comes back.
  pane.keys("c");
  await pane.waitFor(tr("wizard.copy.back"));
  const joined = pane.joined();
  assert.ok(joined.includes(tr("wizard.copy.heading")), joined);
  const copied = copyView(joined, tr("wizard.copy.heading"));
  // While the commands are shown the terminal stays raw: Ctrl+Z and Ctrl+S are ignored, not obeyed.
  pane.keys("C-z", "C-s", "x");
  pane.keys("Enter");
  await backOnResult(pane, tr("wizard.keys.result"));

  // The hand-over, in English, then the case file.
  await saveHandoverAndCase(pane, lang);

  const saved = parseCase(readFileSync(join(dir, "smtp-auth-case.json"), "utf8"), "case");
  assert.equal(saved.device?.port, 25);
  assert.equal(saved.device?.security, "none");
  const handover = readFileSync(join(dir, "smtp-auth-handover.txt"), "utf8");
  assert.match(handover, /smtp\.office365\.com:25 no encryption/);
  assert.match(handover, /STARTTLS not used \(blocking\)/);
  assert.match(handover, /1\. Use port 587 with STARTTLS/);
  checkHandover(handover, saved, dir);
  // Each command of the copy view is whole: the same line as in the text report (which never wraps a command).
  const report = cli(["diagnose", "--case", "smtp-auth-case.json", "--lang", "en"], dir).stdout.split("\n").map((l) => l.trim());
  for (const cmd of copied) assert.ok(report.includes(cmd), `not a whole command of the plan: ${cmd}`);
});

test("persona 3, offline what-if: on a saved case, 'what if the device used OAuth?'; s saves without --save to a free name and says where; the saved case hands over, marked hypothetical, and resumes", { timeout: 180000 }, async () => {
  const lang = "en";
  const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, key, params);
  const dir = tempDir("sad-persona-p3-");
  const { pane } = start("p3", lang, ["whatif", "--case", join(root, "examples", "security-defaults.json")], dir);
  await pane.waitFor(tr("whatif.screen.title"));
  await pane.waitFor(/Verdict: blocked/);
  // Down to "Device: authentication" (the sixth fact), Enter cycles Basic → OAuth.
  pane.keys("Down", "Down", "Down", "Down", "Down", "Enter");
  await pane.waitFor(/hypothetical: 1 changed/);
  pane.type("s");
  await pane.waitFor(tr("whatif.screen.saved", { file: "smtp-auth-whatif.json" }));
  pane.keys("Escape");
  await pane.exitCode();

  const saved = parseCase(readFileSync(join(dir, "smtp-auth-whatif.json"), "utf8"), "whatif");
  assert.equal(saved.device?.auth, "oauth");
  assert.equal(saved.sources?.["device.auth"]?.kind, "whatif", "the change is marked");
  // The hand-over of the scenario: short, says it is hypothetical, and its code resumes to the same diagnosis.
  const r = cli(["diagnose", "--case", "smtp-auth-whatif.json", "--format", "handover", "--lang", "en"], dir);
  assert.ok(r.stdout.split("\n").slice(0, 6).join("\n").includes(tr("plan.report.hypothetical").slice(0, 12)), r.stdout);
  const lines = r.stdout.trimEnd().split("\n");
  assert.ok(lines.length <= 30);
  const code = /--resume (sad1\.\S+)$/.exec(lines[lines.length - 1] ?? "")?.[1] ?? "";
  assert.equal(cli(["diagnose", "--resume", code, "--json"], dir).stdout, cli(["diagnose", "--case", "smtp-auth-whatif.json", "--json"], dir).stdout);
  // A second save in a new session never replaces the first: the next free name.
  const again = start("p3b", lang, ["whatif", "--case", join(root, "examples", "security-defaults.json")], dir);
  await again.pane.waitFor(tr("whatif.screen.title"));
  again.pane.keys("Down", "Down", "Down", "Down", "Down", "Enter");
  await again.pane.waitFor(/hypothetical: 1 changed/);
  again.pane.type("s");
  await again.pane.waitFor(tr("whatif.screen.saved", { file: "smtp-auth-whatif-2.json" }));
  again.pane.keys("Escape");
  await again.pane.exitCode();
  assert.equal(parseCase(readFileSync(join(dir, "smtp-auth-whatif.json"), "utf8"), "x").device?.auth, "oauth", "the first file is untouched");
});

// Persona round 5, C10: an MSP engineer whose Java application sends the mail found no choice for it among the makers,
// answered "another maker", and every output then read "Maker: another maker".
for (const lang of ["en", "ja"] as const) {
  test(`persona 4, ${lang}: a Java application; 'an application or a script' among the makers, no model asked, the OAuth question about the app's own OAuth 2.0 or Graph support, the outputs name it`, { timeout: 180000 }, async () => {
    const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, key, params);
    const { pane, dir } = start(`p4${lang}`, lang);
    await pasteFirst(pane, lang, "javax.mail.AuthenticationFailedException: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.");
    await pane.waitFor(tr("wizard.pasteSummary.resolved"));
    pane.keys("Enter");
    await pane.waitFor(tr("questions.device.vendor.q"));
    // The last answers of the list: "I don't know", then another maker, then the application (found by its label).
    pane.keys("End", "Up", "Up");
    const makers = await pane.waitFor(new RegExp(`\u276f 13\\. ${esc(tr("devices.vendor.app"))}`));
    pane.keys("Enter");
    // The device questions that follow: never the model; the OAuth question points at the application, not a panel.
    const head = (x: string) => x.split("\n").slice(0, 4).join("\n");
    let oauth = "";
    let answered = head(makers);
    for (let i = 0; i < 12 && oauth === ""; i++) {
      const { waitFor } = await import("../helpers/wait.js");
      // The next screen drawn whole: its heading differs from the one answered, and two captures in a row agree.
      let last = "";
      const s = await waitFor(() => {
        const x = pane.screen();
        const settled = x === last;
        last = x;
        return settled && head(x) !== answered && (squash(x).includes(squash(tr("wizard.keys.select"))) || squash(x).includes(squash(tr("wizard.keys.text")))) ? x : undefined;
      }, { what: "the next device question", last: () => pane.screen() });
      answered = head(s);
      assert.ok(!squash(s).includes(squash(tr("questions.device.model.q"))), `the model is not asked of an application:\n${s}`);
      // The question asks about the application, not a device (persona round 8).
      if (squash(s).includes(squash(tr("questions.device.oauthSupported.q", { sender: tr("plan.sender.app") })))) oauth = s;
      else if (squash(s).includes(squash(tr("wizard.keys.text")))) pane.keys("Enter");
      else pane.keys("End", "Enter");
    }
    assert.ok(squash(oauth).includes(squash(tr("questions.device.oauthSupported.where.app")).slice(0, 60)), `the app's own OAuth directions:\n${oauth}`);
    assert.ok(oauth.includes("Microsoft Graph"), oauth);
    assert.ok(!squash(oauth).includes(squash(tr("questions.device.oauthSupported.where")).slice(0, 30)), `not a printer's settings:\n${oauth}`);
    pane.keys("End", "Enter");
    await dontKnowToTheEnd(pane, lang);
    await saveHandoverAndCase(pane, lang);

    // The case says so in a way its schema reads back; the hand-over, the report and its Markdown name the application.
    const saved = parseCase(readFileSync(join(dir, "smtp-auth-case.json"), "utf8"), "case");
    assert.equal(saved.device?.vendor, "app");
    assert.equal(saved.device?.model, undefined);
    const handover = readFileSync(join(dir, "smtp-auth-handover.txt"), "utf8");
    assert.ok(squash(handover).includes(squash(tr("devices.vendor.app"))), handover);
    assert.ok(!squash(handover).includes(squash(tr("devices.vendor.other"))), handover);
    checkHandover(handover, saved, dir);
    for (const format of ["text", "md"]) {
      const report = cli(["diagnose", "--case", "smtp-auth-case.json", "--lang", lang, "--format", format], dir).stdout;
      assert.ok(squash(report).includes(squash(tr("devices.maker.app"))), `${format}:\n${report}`);
      assert.ok(!squash(report).includes(squash(tr("devices.maker", { vendor: tr("devices.vendor.other") }))), format);
      assert.ok(!squash(report).includes(squash(tr("devices.other"))), `${format}: not a maker's missing profile`);
    }
    const json = JSON.parse(cli(["diagnose", "--case", "smtp-auth-case.json", "--json"], dir).stdout) as { plan: { device?: { vendor: string; vendorName: string; modelMatch: string } } };
    assert.deepEqual([json.plan.device?.vendor, json.plan.device?.modelMatch], ["app", "app"]);
  });
}
