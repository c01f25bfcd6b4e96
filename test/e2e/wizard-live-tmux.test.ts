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
import { haveTmux, Pane } from "../helpers/tmux.js";

const root = new URL("../..", import.meta.url).pathname;
let em: Emulators;
let dir: string;
const pane = new Pane("live");

before(async () => {
  assert.ok(haveTmux(), "tmux is needed (scripts/test-setup.mjs installs it)");
  em = await startEmulators({ tls: true });
  dir = mkdtempSync(join(tmpdir(), "sad-e2e-live-"));
});
after(async () => {
  pane.kill();
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
  // The emulator completes the device-code sign-in by itself; the live facts arrive, the rest is asked.
  for (let i = 0; i < 40; i++) {
    // Keys only on a question (its progress line shows): keys typed on a screen in between would be
    // kept for the next one by design, and could land on the result.
    const progress = esc(tr("wizard.question.progress", { n: 999, left: 999 })).replace(/999/g, "\\d+");
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

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
