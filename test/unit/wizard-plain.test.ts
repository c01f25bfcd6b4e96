// Plain mode: the same flow through real @inquirer prompts, driven with @inquirer/testing.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { after, test } from "node:test";
import { input, select } from "@inquirer/prompts";
import { render } from "@inquirer/testing";
import type { Context } from "../../src/cli/context.js";
import { multilinePrompt } from "../../src/cli/multiline-prompt.js";
import { runPlain, type Prompter } from "../../src/cli/wizard-plain.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { parseCase, serializeCase } from "../../src/case/io.js";
import { decodeResume } from "../../src/case/resume.js";
import { emptyCase } from "../../src/case/schema.js";
import { initFlow } from "../../src/flow/reducer.js";
import { loadCatalog } from "../../src/devices/index.js";
import { t, type Lang } from "../../src/i18n/index.js";

type Screen = Awaited<ReturnType<typeof render>>;
type Step = (s: Screen) => Promise<void>;

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Choose the visible choice whose line contains `label`, moving down from the current one. */
const choose = (label: string): Step => async (s) => {
  for (let i = 0; i < 30; i++) {
    const active = s.getScreen().split("\n").find((l) => l.startsWith("\u276f"));
    if (active?.includes(label)) {
      s.events.keypress("enter");
      return;
    }
    s.events.keypress("down");
    await s.nextRender();
  }
  throw new Error(`no choice "${label}" in:\n${s.getScreen()}`);
};
const typeLine = (text: string): Step => async (s) => {
  s.events.type(text);
  s.events.keypress("enter");
};
const expectScreen = (text: string, then: Step): Step => async (s) => {
  // (Whitespace aside: plain mode wraps a prompt's message to the width.)
  assert.ok(s.getScreen().replace(/\s+/g, "").includes(text.replace(/\s+/g, "")), `expected "${text}" in:\n${s.getScreen()}`);
  await then(s);
};

function scripted(steps: Step[]) {
  const said: string[] = [];
  const results: string[] = [];
  const screens: string[] = [];
  let i = 0;
  const drive = async <V>(answer: Promise<V>, s: Screen): Promise<V> => {
    screens.push(s.getScreen());
    const step = steps[i++];
    if (!step) throw new Error(`the script ended; the flow asks:\n${s.getScreen()}`);
    await step(s);
    return answer;
  };
  const prompter: Prompter = {
    async select(message, choices, defaultValue) {
      const s = await render(select, { message, choices, ...(defaultValue !== undefined ? { default: defaultValue } : {}) } as never);
      return drive(s.answer as never, s);
    },
    async input(message, defaultValue) {
      const s = await render(input, { message, ...(defaultValue !== undefined ? { default: defaultValue } : {}) });
      return drive(s.answer, s);
    },
    async multiline(message) {
      const s = await render(multilinePrompt, { message });
      return drive(s.answer, s);
    },
    hidden: () => Promise.reject(new Error("no password is asked in this script")),
    say: (text) => said.push(text),
    result: (text) => results.push(text),
  };
  return { prompter, said, results, screens, done: () => i === steps.length };
}

function ctxFor(lang: Lang, cwd: string): Context {
  const stream = new PassThrough();
  return { stdout: stream, stderr: stream, stdin: new PassThrough(), env: {}, cwd, lang, langExplicit: false, color: false, ascii: false, today: "2026-11-22" };
}

const TENANT = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.";

for (const lang of ["ja", "en"] as const) {
  test(`${lang}: plain mode runs the whole flow with one prompt per line and saves the files`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "sad-plain-"));
    dirs.push(dir);
    writeFileSync(join(dir, "smtp-auth-plan.md"), "old\n");
    const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, key, params);
    const other = lang === "ja" ? "en" : "ja";
    const dontKnow = tr("questions.dontKnow");
    const rest: Step[] = Array.from({ length: 40 }, () => async (s: Screen) => {
      const screen = s.getScreen();
      if (screen.includes(tr("wizard.result.title")) && screen.includes(tr("wizard.step.6"))) return choose(tr("wizard.step.6"))(s);
      if (screen.includes(tr("wizard.export.q"))) return choose(tr("wizard.export.finish"))(s);
      if (screen.includes("\u276f")) return choose(dontKnow)(s);
      s.events.keypress("enter"); // typed answer left empty: I don't know
    });
    const script = scripted([
      expectScreen(tr("wizard.language.q"), choose(lang === "ja" ? "日本語" : "English")),
      expectScreen(tr("wizard.purpose.q"), choose(tr("wizard.purpose.failing"))),
      // A multi-line paste: lines arrive with their Enter; a line with only "." ends.
      async (s) => {
        s.events.type("Send failed.");
        s.events.keypress("enter");
        s.events.type(TENANT);
        s.events.keypress("enter");
        s.events.type(".");
        s.events.keypress("enter");
      },
      expectScreen(tr("wizard.plain.what"), choose(tr("wizard.plain.next"))),
      // The maker first, then its model: the device questions then say where to look on that device.
      expectScreen(tr("questions.device.vendor.q"), choose(tr("devices.vendor.canon"))),
      expectScreen(tr("questions.device.model.q"), typeLine("imageRUNNER ADVANCE DX C5840")),
      expectScreen(tr("questions.device.auth.q"), choose(tr("questions.device.auth.opt.basic"))),
      expectScreen(tr("questions.device.username.q"), typeLine("mfp@contoso.com")),
      expectScreen(tr("questions.device.from.q"), typeLine("mfp@contoso.com")),
      expectScreen(tr("questions.device.oauthSupported.q"), choose(tr("questions.device.oauthSupported.opt.false"))),
      // Did it work before (persona round 8 #10): not known here.
      expectScreen(tr("questions.history.workedBefore.q"), choose(dontKnow)),
      // The test from this PC is offered with the device's settings; Enter (the default) skips it.
      expectScreen(tr("wizard.probe.plain.q"), async (s) => s.events.keypress("enter")),
      // No app registration, no PowerShell with the modules: live is offered with "set-up needed";
      // choosing it explains the two set-ups (with what was found missing), then the questions go on.
      async (s) => {
        assert.ok(s.getScreen().includes(tr("wizard.source.notAvailable")), s.getScreen());
        await choose(tr("wizard.source.live"))(s);
      },
      expectScreen(tr("wizard.plain.what"), choose(tr("wizard.liveSetup.continue"))),
      // First question: I don't know, then back, then I don't know again.
      choose(dontKnow),
      choose(tr("wizard.plain.back")),
      choose(dontKnow),
      ...rest,
    ]);
    // Export through the same prompts: Markdown over an existing file (confirm), then the case file.
    const services = makeServices({ today: "2026-11-22", cwd: dir, ascii: false, devices: await loadCatalog() });
    const initial = initFlow(services.deps, { lang, langExplicit: false, empty: emptyCase() });
    const exportSteps: Step[] = [
      choose(tr("wizard.export.md")),
      async (s) => s.events.keypress("enter"), // default file name
      expectScreen(tr("wizard.export.exists", { file: "smtp-auth-plan.md" }), choose(tr("wizard.export.overwrite"))),
      choose(tr("wizard.export.case")),
      async (s) => s.events.keypress("enter"),
      // The hand-over, in the admin's language (the other one).
      choose(tr("wizard.export.handover")),
      expectScreen(tr("wizard.export.adminLang"), choose(tr(`wizard.export.lang.${other}`))),
      async (s) => s.events.keypress("enter"),
      choose(tr("wizard.export.finish")),
    ];
    // Splice the export steps in when the export menu first shows.
    const original = script.prompter.select.bind(script.prompter);
    let exporting = false;
    let k = 0;
    script.prompter.select = async (message, choices, def) => {
      if (message === tr("wizard.export.q")) exporting = true;
      if (!exporting) return original(message, choices, def);
      const s = await render(select, { message, choices, ...(def !== undefined ? { default: def } : {}) } as never);
      await (exportSteps[k++] as Step)(s);
      return s.answer as never;
    };
    const originalInput = script.prompter.input.bind(script.prompter);
    script.prompter.input = async (message, def) => {
      if (!exporting) return originalInput(message, def);
      const s = await render(input, { message, ...(def !== undefined ? { default: def } : {}) });
      await (exportSteps[k++] as Step)(s);
      return s.answer;
    };

    let looked = 0;
    const withPwshCheck = { ...services, checkLive: async () => (looked++, { status: "missing" as const, key: "live.err.pwshMissing" as const, params: {} }) };
    const r = await runPlain(ctxFor(lang, dir), initial, withPwshCheck, script.prompter);
    assert.equal(looked, 1, "PowerShell was looked for once");
    // (The message wrapped to the width; the commands whole on their lines.)
    assert.ok(script.said.some((l) => l.replace(/\s+/g, "").includes(tr("live.err.pwshMissing").replace(/\s+/g, "")) && l.includes("Install-Module ExchangeOnlineManagement -Scope CurrentUser")), "what is missing, then the set-ups");
    assert.equal(r.state.source, "manual");
    assert.equal(r.cancelled, false);
    assert.equal(r.state.done, true);
    assert.equal(k, exportSteps.length, "every export step ran");
    // Explanations went to stderr (say), the result to stdout (result).
    assert.ok(script.said.some((l) => l.includes(tr("wizard.pasteSummary.resolved"))));
    assert.ok(script.said.some((l) => l.includes("Get-CASMailbox -Identity 'mfp@contoso.com'") || l.includes("Get-")), "PowerShell is shown with the questions");
    assert.ok(script.results.join("\n").includes("535 5.7.139"));
    assert.equal(r.state.diagnosis.verdict, "blocked");
    const md = readFileSync(join(dir, "smtp-auth-plan.md"), "utf8");
    assert.notEqual(md, "old\n", "overwritten after the confirmation");
    const c = parseCase(readFileSync(join(dir, "smtp-auth-case.json"), "utf8"), "case");
    assert.equal(c.device?.username, "mfp@contoso.com");
    assert.match(c.device?.reply ?? "", /^Send failed\.\n535 5\.7\.139/);
    assert.equal(c.sources?.["device.auth"]?.kind, "answer");
    // The maker and model: asked, saved, and used.
    assert.equal(c.device?.vendor, "canon");
    assert.equal(c.device?.model, "imageRUNNER ADVANCE DX C5840");
    const said = script.said.join("\n");
    assert.ok(said.includes(tr("devices.onDevice", { vendor: tr("devices.vendor.canon") })), "the device questions say where to look on a Canon");
    assert.ok(said.includes("Remote UI > Settings/Registration"), "in Canon's own labels");
    if (lang === "ja") assert.ok(said.replace(/\n\s*/g, "").includes(tr("devices.onlyEn").replace(/\s/g, "")) || said.replace(/\n\s*/g, "").includes(tr("devices.onlyEn")), "only English labels are known for that screen: it says so");
    assert.ok(said.includes("https://oip.manual.canon/"), "with the sources");
    const result = script.results.join("\n");
    assert.ok(result.includes(tr("devices.section")), "the result has the device section");
    assert.ok(result.includes(tr("devices.family", { family: "imageRUNNER ADVANCE DX" })), "the model family is matched from the model");
    assert.ok(md.includes("OAuth 2.0"), md);
    // The hand-over: in the admin's language, at most 30 lines, and its code opens the saved case.
    const handover = readFileSync(join(dir, "smtp-auth-handover.txt"), "utf8").trimEnd().split("\n");
    assert.ok(handover.length <= 30, `${handover.length} lines`);
    assert.equal(handover[0]?.startsWith(other === "ja" ? "smtp-auth-doctor 引き継ぎメモ" : "smtp-auth-doctor hand-over"), true, handover[0]);
    const code = /--resume (sad1\.\S+)$/.exec(handover[handover.length - 1] ?? "")?.[1] ?? "";
    assert.equal(serializeCase(decodeResume(code)), serializeCase(c));
  });
}

test("plain mode: Ctrl+C cancels", async () => {
  const services = makeServices({ today: "2026-11-22", cwd: tmpdir(), ascii: false });
  const initial = initFlow(services.deps, { lang: "en", langExplicit: true, empty: emptyCase() });
  const script = scripted([async (s) => s.events.keypress({ name: "c", ctrl: true })]);
  const r = await runPlain(ctxFor("en", tmpdir()), initial, services, script.prompter);
  assert.equal(r.cancelled, true);
});

test("the multi-line prompt keeps a pasted block whole and an empty first line skips", async () => {
  const s = await render(multilinePrompt, { message: "Paste" });
  s.events.type("line one");
  s.events.keypress("enter");
  s.events.type("");
  s.events.keypress("enter");
  s.events.type("line three");
  s.events.keypress("enter");
  s.events.type(".");
  s.events.keypress("enter");
  assert.equal(await s.answer, "line one\n\nline three");
  const empty = await render(multilinePrompt, { message: "Paste" });
  empty.events.keypress("enter");
  assert.equal(await empty.answer, "");
});

test("Ctrl+D finishes the paste, as in the Ink wizard; it ended the whole wizard (exit 130, every answer lost: persona P2-15)", async () => {
  const s = await render(multilinePrompt, { message: "Paste" });
  s.events.type("535 5.7.139 Authentication unsuccessful");
  s.events.keypress("enter");
  s.events.keypress({ name: "d", ctrl: true });
  assert.equal(await s.answer, "535 5.7.139 Authentication unsuccessful");
});
