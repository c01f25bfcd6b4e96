// Plain mode, Enter pressed through every prompt (persona round 6, P6-9): a fact's list starts on
// "I don't know", so nothing is recorded that the user did not choose; a resumed case's answers
// stay where they were; lists that are not facts (language, purpose) keep their defaults.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
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
import { parseCase } from "../../src/case/io.js";
import { emptyCase, type Case } from "../../src/case/schema.js";
import { loadCatalog } from "../../src/devices/index.js";
import { initFlow } from "../../src/flow/reducer.js";
import { PLAIN_SCREENS } from "../../src/cli/plain/screens.js";
import { makeTheme } from "../../src/render/theme.js";
import type { FlowState } from "../../src/flow/types.js";
import { t, type Lang } from "../../src/i18n/index.js";

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function ctxFor(lang: Lang, cwd: string): Context {
  const stream = new PassThrough();
  return { stdout: stream, stderr: stream, stdin: new PassThrough(), env: {}, cwd, lang, langExplicit: false, color: false, ascii: false, today: "2026-11-22" };
}

const squash = (x: string) => x.replace(/\s+/g, "");

/** Enter on every prompt (the result's menu and the export menu aside, which end the wizard); the lines the cursor stood on. */
async function enterThrough(lang: Lang, initial: (services: ReturnType<typeof makeServices>) => FlowState): Promise<{ state: FlowState; chosen: Map<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), "sad-plain-enter-"));
  dirs.push(dir);
  const tr = (key: Parameters<typeof t>[1]) => t(lang, key);
  const chosen = new Map<string, string>();
  let prompts = 0;
  const prompter: Prompter = {
    async select(message, choices, defaultValue) {
      if (++prompts > 80) throw new Error(`still asking after 80 prompts: ${message}`);
      const s = await render(select, { message, choices, ...(defaultValue !== undefined ? { default: defaultValue } : {}) } as never);
      const active = s.getScreen().split("\n").find((l) => l.startsWith("\u276f")) ?? "";
      // (Keyed without the line breaks plain mode wraps a message with.)
      chosen.set(squash(message), active);
      // The result's menu saves; the export menu finishes (the only prompts not answered with Enter).
      if (squash(message) === squash(tr("wizard.result.title")) || squash(message) === squash(tr("wizard.export.q"))) {
        const want = squash(message) === squash(tr("wizard.export.q")) ? tr("wizard.export.finish") : tr("wizard.step.6");
        for (let i = 0; i < 10 && !(s.getScreen().split("\n").find((l) => l.startsWith("\u276f")) ?? "").includes(want); i++) {
          s.events.keypress("down");
          await s.nextRender();
        }
      }
      s.events.keypress("enter");
      return s.answer as never;
    },
    async input(message, defaultValue) {
      const s = await render(input, { message, ...(defaultValue !== undefined ? { default: defaultValue } : {}) });
      s.events.keypress("enter");
      return s.answer;
    },
    async multiline(message) {
      const s = await render(multilinePrompt, { message });
      s.events.keypress("enter");
      return s.answer;
    },
    hidden: () => Promise.reject(new Error("no password is asked")),
    say: () => undefined,
    result: () => undefined,
  };
  const services = makeServices({ today: "2026-11-22", cwd: dir, ascii: false, devices: await loadCatalog() });
  const r = await runPlain(ctxFor(lang, dir), initial(services), services, prompter);
  assert.equal(r.cancelled, false);
  return { state: r.state, chosen };
}

for (const lang of ["ja", "en"] as const) {
  test(`${lang}: Enter through plain mode records no fact (every fact's list starts on "I don't know")`, async () => {
    const tr = (key: Parameters<typeof t>[1]) => t(lang, key);
    const { state, chosen } = await enterThrough(lang, (services) => initFlow(services.deps, { lang, langExplicit: false, empty: emptyCase() }));
    // The lists that are not facts kept their defaults: the language, the purpose.
    assert.ok(chosen.get(squash(tr("wizard.language.q")))?.includes(tr(lang === "ja" ? "wizard.language.ja" : "wizard.language.en")), chosen.get(squash(tr("wizard.language.q"))));
    assert.ok(chosen.get(squash(tr("wizard.purpose.q")))?.includes(tr("wizard.purpose.failing")), chosen.get(squash(tr("wizard.purpose.q"))));
    // The fact questions met on the way (the maker, OAuth, the mailbox's SMTP AUTH...) stood on "I don't know".
    const facts = ["device.vendor", "device.oauthSupported", "device.security", "account.smtpClientAuthenticationDisabled"] as const;
    for (const path of facts) assert.ok(chosen.get(squash(tr(`questions.${path}.q`)))?.includes(tr("questions.dontKnow")), `${path}: ${chosen.get(squash(tr(`questions.${path}.q`)))}`);
    assert.ok(chosen.size > 10, `${chosen.size} lists were shown`);
    // Nothing was answered: the case holds no fact and no source "answer".
    assert.equal(state.case.device?.vendor, undefined);
    assert.equal(state.case.device?.oauthSupported, undefined);
    assert.equal(state.case.account?.smtpClientAuthenticationDisabled, undefined);
    assert.deepEqual(state.case.sources ?? {}, {});
  });
}

/** A fact's value by its dotted path. */
function getFactIn(c: Case, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), c);
}

test("a recorded answer (a resumed case, or coming back) is where the cursor starts: Enter keeps it", async () => {
  const loaded = parseCase(
    JSON.stringify({
      schema: "smtp-auth-doctor/case@1",
      device: { vendor: "canon", oauthSupported: false, security: "tls" },
      account: { smtpClientAuthenticationDisabled: true, authenticationPolicy: { name: "Block Basic", allowBasicAuthSmtp: false } },
    }),
    "case",
  );
  const services = makeServices({ today: "2026-11-22", cwd: tmpdir(), ascii: false, devices: await loadCatalog() });
  const state = initFlow(services.deps, { lang: "en", langExplicit: true, empty: emptyCase(), loaded });
  const expected = [
    ["device.vendor", "devices.vendor.canon"],
    ["device.oauthSupported", "questions.device.oauthSupported.opt.false"],
    ["device.security", "questions.device.security.opt.tls"],
    ["account.smtpClientAuthenticationDisabled", "questions.account.smtpClientAuthenticationDisabled.opt.true"],
    ["account.authenticationPolicy", "questions.policy.blocks"],
  ] as const;
  for (const [path, label] of expected) {
    const lines: string[] = [];
    const prompter: Prompter = {
      async select(message, choices, defaultValue) {
        const s = await render(select, { message, choices, ...(defaultValue !== undefined ? { default: defaultValue } : {}) } as never);
        lines.push(s.getScreen().split("\n").find((l) => l.startsWith("\u276f")) ?? "");
        s.events.keypress("enter");
        return s.answer as never;
      },
      async input(message, defaultValue) {
        const s = await render(input, { message, ...(defaultValue !== undefined ? { default: defaultValue } : {}) });
        s.events.keypress("enter");
        return s.answer;
      },
      multiline: () => Promise.reject(new Error("no paste is asked")),
      hidden: () => Promise.reject(new Error("no password is asked")),
      say: () => undefined,
      result: () => undefined,
    };
    const ctx = { p: prompter, services, glyphs: makeTheme({ color: false, ascii: false }).glyphs, ascii: false, width: 80, putSecret: () => undefined, progress: { shown: -1 } };
    const event = await PLAIN_SCREENS.question({ ...state, screen: { id: "question", path } }, { id: "question", path }, ctx);
    assert.ok(lines[0]?.includes(t("en", label)), `${path}: ${lines[0]}`);
    // Enter records the same value again (the policy with its name, the default of the name's field).
    assert.equal(event?.type, "answer", path);
    assert.deepEqual(event?.type === "answer" ? event.value : undefined, getFactIn(loaded, path), path);
  }
});

for (const lang of ["ja", "en"] as const) {
  test(`${lang}: plain mode warns about a user name that is no address, asks again with it filled in, and Enter keeps it (P6-3)`, async () => {
    const services = makeServices({ today: "2026-11-22", cwd: tmpdir(), ascii: false });
    const state = initFlow(services.deps, { lang, langExplicit: true, empty: emptyCase() });
    const said: string[] = [];
    const asked: (string | undefined)[] = [];
    const typed = ["CONTOSO\\scanner", ""]; // the name, then Enter alone on the same question
    const prompter: Prompter = {
      select: () => Promise.reject(new Error("no list is asked")),
      async input(message, defaultValue) {
        asked.push(defaultValue);
        const s = await render(input, { message, ...(defaultValue !== undefined ? { default: defaultValue } : {}) });
        s.events.type(typed.shift() ?? "");
        s.events.keypress("enter");
        return s.answer;
      },
      multiline: () => Promise.reject(new Error("no paste is asked")),
      hidden: () => Promise.reject(new Error("no password is asked")),
      say: (text) => said.push(text),
      result: () => undefined,
    };
    const ctx = { p: prompter, services, glyphs: makeTheme({ color: false, ascii: false }).glyphs, ascii: false, width: 80, putSecret: () => undefined, progress: { shown: -1 } };
    const screen = { id: "device", path: "device.username" } as const;
    const event = await PLAIN_SCREENS.device({ ...state, screen }, screen, ctx);
    assert.deepEqual(event, { type: "answer", path: "device.username", value: "CONTOSO\\scanner" });
    assert.deepEqual(asked, [undefined, "CONTOSO\\scanner"], "asked twice, the second time with the name filled in");
    const warning = t(lang, "questions.device.username.notAddress").replace(/\s+/g, "");
    assert.ok(said.join("").replace(/\s+/g, "").includes(warning), said.join("\n"));
  });

  test(`${lang}: plain mode takes a full address at once`, async () => {
    const services = makeServices({ today: "2026-11-22", cwd: tmpdir(), ascii: false });
    const state = initFlow(services.deps, { lang, langExplicit: true, empty: emptyCase() });
    let asks = 0;
    const prompter: Prompter = {
      select: () => Promise.reject(new Error("no list is asked")),
      async input(message) {
        asks++;
        const s = await render(input, { message });
        s.events.type("mfp@contoso.com");
        s.events.keypress("enter");
        return s.answer;
      },
      multiline: () => Promise.reject(new Error("no paste is asked")),
      hidden: () => Promise.reject(new Error("no password is asked")),
      say: () => undefined,
      result: () => undefined,
    };
    const ctx = { p: prompter, services, glyphs: makeTheme({ color: false, ascii: false }).glyphs, ascii: false, width: 80, putSecret: () => undefined, progress: { shown: -1 } };
    const screen = { id: "device", path: "device.username" } as const;
    assert.deepEqual(await PLAIN_SCREENS.device({ ...state, screen }, screen, ctx), { type: "answer", path: "device.username", value: "mfp@contoso.com" });
    assert.equal(asks, 1);
  });
}
