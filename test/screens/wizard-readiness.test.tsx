// The wizard's readiness path with the sample exports in examples/audit: paths typed in and
// checked, the audit run with a progress line, the summary (three states, effective state,
// readiness counts, top accounts), the reports saved with a confirmation before overwriting, and
// bad files said on the screen with a chance to enter them again.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import stringWidth from "string-width";
import { WizardApp, type ExitReason } from "../../screens/App.js";
import { offlineSource, readinessSummary, runAudit } from "../../src/audit/index.js";
import { NO_PROGRESS } from "../../src/audit/progress.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { initFlow, reduce } from "../../src/flow/reducer.js";
import type { FlowState } from "../../src/flow/types.js";
import { evaluate } from "../../src/engine/index.js";
import { t, type Lang } from "../../src/i18n/index.js";
import { makeTheme } from "../../src/render/theme.js";
import { frameWith, mount, press } from "../helpers/ink.js";
import { KEY, waitFor } from "../helpers/wait.js";

const EX = resolve("examples/audit");
const FILES = {
  mailboxes: join(EX, "casmailbox.csv"),
  transport: join(EX, "transportconfig.json"),
  signins: join(EX, "signins.json"),
  smtpReport: join(EX, "smtp-auth-clients.csv"),
};
const TODAY = "2026-11-22";
const dirs: string[] = [];
afterEach(() => cleanup());
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function assertFits(frame: string, cols = 80) {
  for (const line of frame.split("\n")) assert.ok(stringWidth(line) <= cols, `wider than ${cols} (${stringWidth(line)}): ${line}`);
}

function app(lang: Lang) {
  const cwd = mkdtempSync(join(tmpdir(), "sad-readiness-"));
  dirs.push(cwd);
  const services = makeServices({ today: TODAY, cwd, ascii: false });
  const initial = reduce(services.deps, initFlow(services.deps, { lang, langExplicit: true, empty: { schema: "smtp-auth-doctor/case@1" } }), { type: "choosePurpose", purpose: "readiness" });
  const exits: { state: FlowState; reason: ExitReason }[] = [];
  const r = mount(
    <WizardApp
      services={{
        deps: services.deps,
        resultLines: (state, width) => services.resultLines(state, width),
        defaultName: services.defaultName,
        save: (state, kind, path, overwrite) => services.save(state, kind, path, overwrite),
        checkAuditFile: (l, path) => services.checkAuditFile(l, path),
        runReadiness: (l, files, onProgress) => services.runReadiness(l, files, onProgress),
      }}
      initial={initial}
      theme={makeTheme({ color: false, ascii: false, columns: 80 })}
      rows={40}
      onExit={(state, reason) => exits.push({ state, reason })}
    />,
  );
  return { r, exits, cwd };
}

/** The summary the audit itself gives for the same files. */
async function expected() {
  const run = await runAudit(
    offlineSource([
      { path: FILES.mailboxes, option: "--mailboxes", expected: ["mailboxes"] },
      { path: FILES.transport, option: "--transport", expected: ["transport"] },
      { path: FILES.signins, option: "--signins", expected: ["signins"] },
      { path: FILES.smtpReport, option: "--smtp-report", expected: ["smtp-report"] },
    ]),
    { asOf: TODAY, change: "enable-used", evaluate: (c) => evaluate(c, { today: TODAY }) },
    NO_PROGRESS,
  );
  return readinessSummary(run, 5);
}

const flat = (f: string) => f.replace(/\s+/g, "");

for (const lang of ["ja", "en"] as const) {
  test(`${lang}: files typed in, a missing one said and re-entered, the summary shown, the reports saved (overwrite confirmed)`, async () => {
    const want = await expected();
    const { r, exits, cwd } = app(lang);
    let f = await frameWith(r, t(lang, "wizard.readiness.file.mailboxes"));
    assertFits(f);
    const missing = join(cwd, "no-such.csv");
    await press(r, missing + KEY.enter);
    await waitFor(() => flat(r.lastFrame() ?? "").includes(flat(t(lang, "wizard.readiness.err.missing", { file: missing }))), { what: "the missing-file message", last: () => r.lastFrame() ?? "" });
    // The bad path stays in the field to correct it: clear it and type the right one.
    await press(r, KEY.backspace.repeat(missing.length) + FILES.mailboxes + KEY.enter);
    await frameWith(r, t(lang, "wizard.readiness.file.transport"));
    await press(r, FILES.transport + KEY.enter);
    await frameWith(r, t(lang, "wizard.readiness.file.signins"));
    await press(r, FILES.signins + KEY.enter);
    await frameWith(r, t(lang, "wizard.readiness.file.smtpReport"));
    await press(r, FILES.smtpReport + KEY.enter);
    f = await frameWith(r, t(lang, "wizard.readiness.at", { date: want.changeDate }));
    assertFits(f);
    for (const state of ["keeps-working", "breaks-at-change", "blocked-now", "undetermined"] as const) {
      assert.ok(f.includes(`${t(lang, `wizard.readiness.count.${state}`)}: ${want.counts[state]}`), `count of ${state}`);
    }
    const m = want.mailboxes;
    assert.ok(m && m.total > 0);
    assert.ok(flat(f).includes(flat(t(lang, "wizard.readiness.effective", { enabled: m.effectiveEnabled, disabled: m.effectiveDisabled, unknown: m.effectiveUnknown }))), "effective state");
    assert.ok(flat(f).includes(flat(t(lang, "wizard.readiness.mailboxes", { total: m.total, disabled: m.disabled, enabled: m.enabled, followOrg: m.followOrg }))), "the three states");
    for (const a of want.attention) assert.ok(f.includes(a.upn), `top account ${a.upn}`);

    // Save the reports: default folder, then again (exists: keep is offered first, overwrite chosen).
    await press(r, KEY.enter);
    await frameWith(r, t(lang, "wizard.readiness.dir"));
    await press(r, KEY.enter);
    f = await frameWith(r, "\u2714");
    const out = join(cwd, "smtp-auth-audit");
    const written = readdirSync(out).sort();
    assert.ok(written.includes("audit-report.md") && written.includes("audit-report.json") && written.some((n) => n.endsWith(".ps1")), written.join(","));
    assert.ok(f.includes(t(lang, "wizard.readiness.saved", { n: written.length, dir: "smtp-auth-audit" })));
    await press(r, KEY.enter);
    await frameWith(r, t(lang, "wizard.readiness.dir"));
    await press(r, KEY.enter);
    await frameWith(r, t(lang, "wizard.readiness.overwrite"));
    await press(r, KEY.down + KEY.enter);
    await frameWith(r, t(lang, "wizard.readiness.saved", { n: written.length, dir: "smtp-auth-audit" }));
    await press(r, KEY.end + KEY.enter);
    await waitFor(() => exits.length === 1, { what: "finish" });
    assert.equal(exits[0]?.reason, "done");
  });

  test(`${lang}: a file the audit cannot use is said on the screen and the files can be entered again`, async () => {
    const { r, exits, cwd } = app(lang);
    const junk = join(cwd, "junk.csv");
    writeFileSync(junk, "hello,world\n1,2\n");
    await frameWith(r, t(lang, "wizard.readiness.file.mailboxes"));
    await press(r, junk + KEY.enter);
    for (const field of ["transport", "signins", "smtpReport"] as const) {
      await frameWith(r, t(lang, `wizard.readiness.file.${field}`));
      await press(r, KEY.enter);
    }
    const f = await frameWith(r, "\u2718");
    assertFits(f);
    assert.ok(f.includes(t(lang, "wizard.readiness.file.mailboxes")), "back at the first file");
    assert.ok(flat(f).includes(junk) || flat(f).includes("junk.csv"), `the message names the file:\n${f}`);
    assert.ok(!/\n\s+at .*:\d+:\d+/.test(f), `no stack trace:\n${f}`);
    // Enter it again, right this time: the summary comes.
    await press(r, KEY.backspace.repeat(junk.length) + FILES.mailboxes + KEY.enter);
    for (const field of ["transport", "signins", "smtpReport"] as const) {
      await frameWith(r, t(lang, `wizard.readiness.file.${field}`));
      await press(r, KEY.enter);
    }
    await frameWith(r, t(lang, "wizard.readiness.noUsage").slice(0, 12));
    assert.equal(exits.length, 0);
    assert.ok(!existsSync(join(cwd, "smtp-auth-audit")), "nothing written before asked");
  });
}

// Persona round 7 (#9): a file typed for another question was refused only after all four, with a CLI option's name; the
// summary's counts added up to 3 of 6 mailboxes; the bulk plan sat under the end of Basic authentication.
const CLI_OPTION = /--(mailboxes|transport|signins|smtp-report|help)\b/;

for (const lang of ["ja", "en"] as const) {
  test(`${lang}: a file typed for another question is taken as the file its content says, and that question is not asked again`, async () => {
    const want = await expected();
    const { r, exits } = app(lang);
    const frames: string[] = [];
    const seen = (f: string) => (frames.push(f), f);
    seen(await frameWith(r, t(lang, "wizard.readiness.file.mailboxes")));
    await press(r, FILES.mailboxes + KEY.enter);
    seen(await frameWith(r, t(lang, "wizard.readiness.file.transport")));
    // The sign-in log, typed for TransportConfig: taken as the sign-in log, TransportConfig asked again (empty).
    await press(r, FILES.signins + KEY.enter);
    let f = seen(
      await waitFor(() => {
        const x = r.lastFrame() ?? "";
        return flat(x).includes(flat(t(lang, "wizard.readiness.placed", { file: FILES.signins, what: t(lang, "wizard.readiness.kind.signins") }))) ? x : undefined;
      }, { what: "the placed message", last: () => r.lastFrame() ?? "" }),
    );
    assert.ok(f.includes(t(lang, "wizard.readiness.file.transport")), `TransportConfig asked again\n${f}`);
    assert.ok(f.split("\n").some((l) => l.trim() === ">" || l.trim() === "> "), `its field is empty\n${f}`);
    await press(r, FILES.transport + KEY.enter);
    // The sign-in log is not asked for again: the SMTP AUTH clients report is next.
    seen(await frameWith(r, t(lang, "wizard.readiness.file.smtpReport")));
    assert.ok(!(r.lastFrame() ?? "").includes(t(lang, "wizard.readiness.file.signins")));
    await press(r, FILES.smtpReport + KEY.enter);
    f = seen(await frameWith(r, t(lang, "wizard.readiness.at", { date: want.changeDate })));
    for (const state of ["keeps-working", "breaks-at-change", "blocked-now", "undetermined"] as const) {
      assert.ok(f.includes(`${t(lang, `wizard.readiness.count.${state}`)}: ${want.counts[state]}`), `count of ${state}`);
    }
    // The mailboxes not seen using SMTP AUTH complete the sum.
    assert.equal(want.notSeen, 3);
    const sum = Object.values(want.counts).reduce((a, b) => a + b, 0);
    assert.equal(sum + (want.notSeen ?? 0), want.mailboxes?.total);
    assert.ok(f.includes(t(lang, "wizard.readiness.notSeen", { n: 3 })), `the not-seen line\n${f}`);
    for (const x of frames) assert.doesNotMatch(x, CLI_OPTION);
    assert.equal(exits.length, 0);
  });

  test(`${lang}: a second file of a kind already given is refused in the wizard's words; the first is kept`, async () => {
    const { r, cwd } = app(lang);
    const copy = join(cwd, "mailboxes-copy.csv");
    writeFileSync(copy, readFileSync(FILES.mailboxes));
    await frameWith(r, t(lang, "wizard.readiness.file.mailboxes"));
    await press(r, FILES.mailboxes + KEY.enter);
    await frameWith(r, t(lang, "wizard.readiness.file.transport"));
    // The same file typed another way is the one file: taken again, not refused.
    const same = `${EX}/./casmailbox.csv`;
    await press(r, same + KEY.enter);
    await waitFor(() => flat(r.lastFrame() ?? "").includes(flat(t(lang, "wizard.readiness.placed", { file: same, what: t(lang, "wizard.readiness.kind.mailboxes") }))), { what: "the same file taken", last: () => r.lastFrame() ?? "" });
    await press(r, copy + KEY.enter);
    const f = await waitFor(() => {
      const x = r.lastFrame() ?? "";
      return flat(x).includes(flat(t(lang, "wizard.readiness.sameKind", { file: copy, what: t(lang, "wizard.readiness.kind.mailboxes"), other: same }))) ? x : undefined;
    }, { what: "the same-kind message", last: () => r.lastFrame() ?? "" });
    assert.doesNotMatch(f, CLI_OPTION);
    assert.ok(f.includes(t(lang, "wizard.readiness.file.transport")), `still the TransportConfig question\n${f}`);
    // Esc: the mailbox question again, its answer kept.
    await press(r, KEY.backspace.repeat(copy.length) + KEY.escape);
    const back = await frameWith(r, t(lang, "wizard.readiness.file.mailboxes"));
    assert.ok(back.split("\n").some((l) => l.startsWith(">") && l.includes("casmailbox.csv")), `the mailbox export kept\n${back}`);
  });

  test(`${lang}: a file the audit cannot use after all four: only that one is asked again, the others kept`, async () => {
    const want = await expected();
    const { r, cwd } = app(lang);
    // A sign-in export whose header is right (recognized) and whose second row is broken.
    const broken = join(cwd, "signins-broken.csv");
    writeFileSync(broken, "Date (UTC),Username,Client app,Status\n2026-11-20T23:10:04Z,mfp-3f@contoso.co.jp,Authenticated SMTP,Success\n2026-11-21,a,b,c,d,e\n");
    const order = [FILES.mailboxes, FILES.transport, broken, FILES.smtpReport];
    for (const [i, file] of order.entries()) {
      await frameWith(r, t(lang, "wizard.readiness.progress", { n: i + 1, total: 4 }));
      await press(r, file + KEY.enter);
    }
    const f = await frameWith(r, "\u2718");
    assert.ok(f.includes(t(lang, "wizard.readiness.file.signins")), `the sign-in question, not the first\n${f}`);
    assert.ok(flat(f).includes("signins-broken.csv"), `the message names the file\n${f}`);
    assert.doesNotMatch(f, CLI_OPTION);
    // Corrected: the audit runs at once with the other three as given.
    await press(r, KEY.backspace.repeat(broken.length) + FILES.signins + KEY.enter);
    const done = await frameWith(r, t(lang, "wizard.readiness.at", { date: want.changeDate }));
    assert.ok(done.includes(`${t(lang, "wizard.readiness.count.blocked-now")}: ${want.counts["blocked-now"]}`), done);
  });

  test(`${lang}: the bulk plan is said to be about the organization switch, with what the end of Basic authentication needs`, async () => {
    const want = await expected();
    assert.ok(want.plan);
    const text = t(lang, "wizard.readiness.plan", { n: want.plan.count });
    assert.match(text, lang === "en" ? /organization-wide SMTP AUTH switch, not the end of Basic authentication/ : /組織全体の SMTP AUTH スイッチ.*基本認証の終了への対処ではありません/);
    assert.match(text, /OAuth/);
    const { readinessLines } = await import("../../src/cli/plain/readiness.js");
    const lines = readinessLines(lang, want, 200);
    assert.ok(lines.includes(`  ${t(lang, "wizard.readiness.notSeen", { n: 3 })}`), lines.join("\n"));
    assert.ok(flat(lines.join("")).includes(flat(text)), lines.join("\n"));
  });
}

test("the readiness path's header follows its own three steps, not the diagnosis's six", async () => {
  const { readinessStepLabel } = await import("../../screens/App.js");
  const { t } = await import("../../src/i18n/index.js");
  for (const lang of ["en", "ja"] as const) {
    assert.equal(readinessStepLabel(lang, "file"), t(lang, "wizard.readinessStep", { n: 1, name: t(lang, "wizard.readinessStep.1") }));
    assert.equal(readinessStepLabel(lang, "running"), t(lang, "wizard.readinessStep", { n: 2, name: t(lang, "wizard.readinessStep.2") }));
    for (const p of ["summary", "dir", "confirm", "saving"] as const) assert.equal(readinessStepLabel(lang, p), t(lang, "wizard.readinessStep", { n: 3, name: t(lang, "wizard.readinessStep.3") }));
  }
  assert.match(readinessStepLabel("ja", "summary"), /^ステップ 3 \/ 3: 結果と保存$/);
});
