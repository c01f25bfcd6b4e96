// End to end: the real built program in tmux, reading live from the local emulators of Microsoft's
// endpoints (127.0.0.1 only): the device-code message on screen, live facts in the saved case with
// their provenance, and no token or secret in the files.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { parseCase } from "../../src/case/io.js";
import { t } from "../../src/i18n/index.js";
import { startEmulators, type Emulators } from "../emulators/index.js";
import { fakeShells } from "../helpers/fake-shells.js";
import { haveTmux, Pane } from "../helpers/tmux.js";

const root = new URL("../..", import.meta.url).pathname;
let em: Emulators;
let dir: string;
const pane = new Pane("live");
const pane2 = new Pane("live-pwsh");

before(async () => {
  assert.ok(haveTmux(), "tmux is needed (scripts/test-setup.mjs installs it)");
  em = await startEmulators({ tls: true });
  dir = mkdtempSync(join(tmpdir(), "sad-e2e-live-"));
});
after(async () => {
  pane.kill();
  pane2.kill();
  await em.close();
  rmSync(dir, { recursive: true, force: true });
});

test("mix: sign in with a device code shown on screen, read live, ask the rest, save the case", { timeout: 120000 }, async () => {
  const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t("en", key, params);
  const env: Record<string, string> = { LANG: "en_US.UTF-8", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22", NO_COLOR: "1", SMTP_AUTH_DOCTOR_CLIENT_ID: em.fixture.clientId };
  for (const [k, v] of Object.entries(em.env())) if (typeof v === "string") env[k] = v;
  pane.start(`${process.execPath} ${join(root, "bin/smtp-auth-doctor.js")} --lang en`, { cwd: dir, env });

  await pane.waitFor(tr("wizard.purpose.q"));
  pane.keys("2", "Enter"); // a new device: no paste
  await pane.waitFor(tr("questions.device.vendor.q"));
  pane.keys("End", "Enter"); // the maker: I don't know
  await pane.waitFor(tr("questions.device.host.q"));
  pane.type("smtp.office365.com");
  pane.keys("Enter");
  await pane.waitFor(tr("questions.device.port.q"));
  pane.type("587");
  pane.keys("Enter");
  await pane.waitFor(tr("questions.device.security.q"));
  pane.keys("Enter");
  await pane.waitFor(tr("questions.device.auth.q"));
  pane.keys("Enter");
  await pane.waitFor(tr("questions.device.username.q"));
  pane.type("mfp@contoso.com");
  pane.keys("Enter");
  await pane.waitFor(tr("questions.device.from.q"));
  pane.type("mfp@contoso.com");
  pane.keys("Enter");
  await pane.waitFor(tr("questions.device.oauthSupported.q"));
  pane.keys("Down", "Enter");
  await pane.waitFor(tr("wizard.probe.title"));
  pane.type("s");
  const src = await pane.waitFor(tr("wizard.source.q"));
  assert.ok(!src.includes(tr("wizard.source.notAvailable")));
  pane.keys("3", "Enter"); // mix
  // Leave the source screen before answering: keys meant for a question must not land on it (with the
  // mechanism no longer asked, one question can be all there is, and stray keys would reach the result).
  {
    const { waitFor } = await import("../helpers/wait.js");
    await waitFor(() => !pane.screen().includes(tr("wizard.source.q")), { what: "the source screen to close", last: () => pane.screen() });
  }
  // The emulator completes the device-code sign-in by itself; the live facts arrive, the rest is asked.
  for (let i = 0; i < 40; i++) {
    // Keys only on a question (its progress line shows): keys typed on a screen in between would be
    // kept for the next one by design, and could land on the result.
    const progress = `(?:${esc(tr("wizard.question.progress", { n: 999, left: 999 })).replace(/999/g, "\\d+")}|${esc(tr("wizard.question.progressLast", { n: 999 })).replace(/999/g, "\\d+")})`;
    const s = await pane.waitFor(new RegExp(`${progress}[\\s\\S]*(?:${esc(tr("wizard.keys.select"))}|${esc(tr("wizard.keys.text"))})|${esc(tr("wizard.keys.result"))}`), 60000);
    if (s.includes(tr("wizard.keys.result"))) break;
    // The question itself (the lines under the title, the step and the rule), not just any change:
    // under load End repaints the list before Enter moves on, and a second End+Enter would then
    // land on the next screen.
    const question = (x: string) => x.split("\n").slice(3, 5).join("\n");
    const before = question(s);
    if (s.includes(tr("wizard.keys.text"))) pane.keys("Enter");
    else pane.keys("End", "Enter");
    const { waitFor } = await import("../helpers/wait.js");
    await waitFor(() => question(pane.screen()) !== before, { what: "the next screen", last: () => pane.screen() });
  }
  // From the result to the saved case file, driven by what is on screen: a key typed ahead on the
  // last question may already have moved the wizard on (the wizard keeps type-ahead by design).
  const saved = tr("wizard.export.saved", { file: "smtp-auth-case.json" });
  const pathPrompt = tr("wizard.export.path").slice(0, 8);
  const onPath = (x: string) => x.includes(pathPrompt);
  const onMenu = (x: string) => x.includes(tr("wizard.export.q")) && !onPath(x);
  let screen = await pane.waitFor(new RegExp(`${esc(tr("wizard.keys.result"))}|${esc(tr("wizard.export.q"))}|${esc(pathPrompt)}`));
  if (!onMenu(screen) && !onPath(screen)) {
    pane.keys("Enter"); // result → export menu
    screen = await pane.waitFor(tr("wizard.export.q"));
  }
  if (onMenu(screen)) {
    pane.keys("Enter"); // first item: the case file
    screen = await pane.waitFor(pathPrompt);
  }
  pane.keys("Enter"); // keep the proposed name
  await pane.waitFor(saved);
  pane.keys("End", "Enter");
  await pane.exitCode(30000);

  const text = readFileSync(join(dir, "smtp-auth-case.json"), "utf8");
  const c = parseCase(text, "case");
  assert.equal(c.tenant?.smtpClientAuthenticationDisabled, em.fixture.transportConfig.SmtpClientAuthenticationDisabled);
  assert.equal(c.sources?.["tenant.smtpClientAuthenticationDisabled"]?.kind, "live");
  assert.equal(c.sources?.["device.username"]?.kind, "answer");
  for (const s of [...em.issued, em.fixture.clientSecret]) assert.ok(!text.includes(s), "no token or secret in the case file");
  assert.doesNotMatch(pane.screen(), /eyJ[A-Za-z0-9_-]{10,}\./, "no token on screen");
});

test("no client id: the wizard finds PowerShell with the modules, offers it, and reads through it (device codes on screen)", { timeout: 120000 }, async () => {
  const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t("en", key, params);
  const shells = fakeShells(["pwsh"]);
  const env: Record<string, string> = { LANG: "en_US.UTF-8", SMTP_AUTH_DOCTOR_TODAY: "2026-11-22", NO_COLOR: "1", PATH: shells.path, FAKE_PS_LOG: shells.log, HOME: dir };
  for (const [k, v] of Object.entries(em.env())) if (typeof v === "string") env[k] = v;
  const work = mkdtempSync(join(tmpdir(), "sad-e2e-pwsh-"));
  pane2.start(`${process.execPath} ${join(root, "bin/smtp-auth-doctor.js")} --lang en --sign-in device-code`, { cwd: work, env });
  await pane2.waitFor(tr("wizard.purpose.q"));
  pane2.keys("2", "Enter");
  await pane2.waitFor(tr("questions.device.vendor.q"));
  pane2.keys("End", "Enter"); // the maker: I don't know
  for (const [q, answer] of [["questions.device.host.q", "smtp.office365.com"], ["questions.device.port.q", "587"]] as const) {
    await pane2.waitFor(tr(q));
    pane2.type(answer);
    pane2.keys("Enter");
  }
  await pane2.waitFor(tr("questions.device.security.q"));
  pane2.keys("Enter");
  await pane2.waitFor(tr("questions.device.auth.q"));
  pane2.keys("Enter");
  for (const q of ["questions.device.username.q", "questions.device.from.q"] as const) {
    await pane2.waitFor(tr(q));
    pane2.type("mfp@contoso.com");
    pane2.keys("Enter");
  }
  await pane2.waitFor(tr("questions.device.oauthSupported.q"));
  pane2.keys("Down", "Enter");
  await pane2.waitFor(tr("wizard.probe.title"));
  pane2.type("s");
  await pane2.waitFor(tr("wizard.source.viaPwsh"), 60000);
  pane2.keys("3", "Enter"); // mix, through PowerShell
  await pane2.waitFor(/Microsoft Graph PowerShell: to sign in|Exchange Online PowerShell: to sign in|Step 4/, 60000);
  await pane2.waitFor(new RegExp(esc(tr("wizard.keys.result")) + "|" + esc(tr("wizard.keys.select")) + "|" + esc(tr("wizard.keys.text"))), 60000);
  const log = readFileSync(shells.log, "utf8");
  assert.match(log, /"op":"connect","service":"exchange","device":true/);
  assert.match(log, /"op":"cmdlet"[^\n]*"cmdlet":"Get-CASMailbox"/);
  assert.match(log, /"op":"quit"/, "the session was closed after the reads");
  pane2.keys("C-c");
  await pane2.exitCode(30000);
  assert.doesNotMatch(pane2.screen(), /eyJ[A-Za-z0-9_-]{10,}\./, "no token on screen");
  rmSync(work, { recursive: true, force: true });
});

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
