// Plain mode: the same flow (the same reducer) with one @inquirer prompt per line, for screen
// readers, narrow or old terminals and remote consoles. Prompts and explanations go to stderr; the
// result goes to stdout.
import type { FactPath } from "../case/facts.js";
import { getFact } from "../case/facts.js";
import { makeReducer } from "../flow/reducer.js";
import { choiceIndex, IDENTITY_PLACEHOLDER, parseTextAnswer, policyValue, question } from "../flow/questions.js";
import { pasteSummaryText } from "../flow/summary.js";
import { DEVICE_FIELDS, PURPOSES, SOURCE_MODES, type FlowEvent, type FlowState } from "../flow/types.js";
import { t, type Lang, type MessageKey } from "../i18n/index.js";
import { makeTheme } from "../ui/theme.js";
import { stepLines, truncate, wrap } from "../ui/text.js";
import { renderPhaseLine } from "../probe/render.js";
import { err, out, type Context } from "./context.js";
import { safeText } from "../render/sanitize.js";
import type { ExportKind, ReadinessFiles, WizardServices } from "./wizard-services.js";
import type { ReadinessSummary } from "../audit/index.js";
import { liveSetupText, sourceNote } from "../flow/live-setup.js";

export interface PlainChoice<V> {
  name: string;
  value: V;
  disabled?: string | boolean;
}

/** The prompts plain mode needs. The real one is @inquirer/prompts; tests drive it with @inquirer/testing. */
export interface Prompter {
  select<V>(message: string, choices: PlainChoice<V>[], defaultValue?: V): Promise<V>;
  input(message: string, defaultValue?: string): Promise<string>;
  multiline(message: string): Promise<string>;
  /** A hidden line (a password): nothing is echoed; the text is returned once. */
  hidden(message: string): Promise<string>;
  /** Explanations, to stderr. */
  say(text: string): void;
  /** Results, to stdout. */
  result(text: string): void;
}

const BACK = "\u0000back" as const;
const DONT_KNOW = "\u0000dontKnow" as const;
type Special = typeof BACK | typeof DONT_KNOW;

export async function inquirerPrompter(ctx: Context): Promise<Prompter> {
  const { select, input } = await import("@inquirer/prompts");
  const { multilinePrompt } = await import("./multiline-prompt.js");
  const io = { input: ctx.stdin, output: ctx.stderr } as unknown as Parameters<typeof input>[1];
  const handOff = () => {
    // Each prompt takes stdin over: make sure it is referenced and flowing.
    const s = ctx.stdin as NodeJS.ReadStream;
    s.ref?.();
    s.resume?.();
  };
  return {
    async select(message, choices, defaultValue) {
      handOff();
      // Inquirer draws the prompt itself: the message and the choices pass the sanitiser here.
      const safeChoices = choices.map((c) => ({ ...c, name: safeText(c.name), ...(typeof c.disabled === "string" ? { disabled: safeText(c.disabled) } : {}) }));
      return (await select({ message: safeText(message, { multiline: true }), choices: safeChoices, ...(defaultValue !== undefined ? { default: defaultValue } : {}) }, io)) as never;
    },
    async input(message, defaultValue) {
      handOff();
      // The typed (or pasted) value is echoed by inquirer: shown through the sanitiser, kept as typed.
      return input({ message: safeText(message, { multiline: true }), transformer: (value: string) => safeText(value), ...(defaultValue !== undefined ? { default: safeText(defaultValue) } : {}) }, io);
    },
    async multiline(message) {
      handOff();
      return multilinePrompt({ message: safeText(message, { multiline: true }) }, io);
    },
    async hidden(message) {
      handOff();
      const { readHidden } = await import("../probe/hidden-input.js");
      const { HiddenInputCancelled } = await import("../probe/hidden-input.js");
      try {
        return await readHidden(ctx.stdin as NodeJS.ReadStream, ctx.stderr, safeText(message, { multiline: true }));
      } catch (e) {
        // Ctrl+C at the password: the same cancellation as in any other prompt.
        if (e instanceof HiddenInputCancelled) {
          const err = new Error("cancelled");
          err.name = "ExitPromptError";
          throw err;
        }
        throw e;
      }
    },
    say: (text) => err(ctx, text),
    result: (text) => out(ctx, text),
  };
}

export async function runPlain(ctx: Context, initial: FlowState, services: WizardServices, prompter?: Prompter): Promise<{ state: FlowState; cancelled: boolean }> {
  const p = prompter ?? (await inquirerPrompter(ctx));
  try {
    return { state: await plainFlow(initial, services, p, ctx.ascii), cancelled: false };
  } catch (e) {
    if (e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError")) return { state: initial, cancelled: true };
    throw e;
  } finally {
    const s = ctx.stdin as NodeJS.ReadStream;
    s.pause?.();
    s.unref?.();
  }
}

/** Drive the reducer to the end with prompts. */
export async function plainFlow(initial: FlowState, services: WizardServices, p: Prompter, ascii = false): Promise<FlowState> {
  const reduce = makeReducer(services.deps);
  const theme = makeTheme({ color: false, ascii, columns: 80 });
  let s = initial;
  p.say(t(s.lang, "wizard.plain.intro"));
  while (!s.done) {
    const event = await ask(s, services, p, theme.glyphs);
    if (event === undefined) continue;
    s = reduce(s, event);
  }
  return s;
}

function backChoice(s: FlowState): PlainChoice<Special>[] {
  return s.history.length > 0 ? [{ name: t(s.lang, "wizard.plain.back"), value: BACK }] : [];
}

async function ask(s: FlowState, services: WizardServices, p: Prompter, glyphs: { bullet: string; check: string }): Promise<FlowEvent | undefined> {
  const lang = s.lang;
  const screen = s.screen;
  switch (screen.id) {
    case "language": {
      const v = await p.select<Lang | Special>(t(lang, "wizard.language.q"), [
        { name: t(lang, "wizard.language.ja"), value: "ja" },
        { name: t(lang, "wizard.language.en"), value: "en" },
        ...backChoice(s),
      ], lang);
      return v === BACK ? { type: "back" } : { type: "chooseLanguage", lang: v as Lang };
    }
    case "purpose": {
      const v = await p.select<string>(t(lang, "wizard.purpose.q"), [...PURPOSES.map((x) => ({ name: t(lang, `wizard.purpose.${x}`), value: x as string })), ...backChoice(s)]);
      return v === BACK ? { type: "back" } : { type: "choosePurpose", purpose: v as (typeof PURPOSES)[number] };
    }
    case "paste": {
      p.say(t(lang, "wizard.paste.q"));
      for (const line of stepLines(t(lang, "questions.device.reply.where"), 80)) p.say(line);
      return { type: "submitPaste", text: await p.multiline(t(lang, "wizard.plain.pasteEnd")) };
    }
    case "pasteSummary": {
      if (s.paste) for (const line of pasteSummaryText(lang, s.paste, s.diagnosis, glyphs)) p.say(line);
      const v = await p.select<string>(t(lang, "wizard.plain.what"), [{ name: t(lang, "wizard.plain.next"), value: "go" }, ...backChoice(s)]);
      return v === BACK ? { type: "back" } : { type: "continue" };
    }
    case "device":
    case "question":
      return askFact(s, screen.path, p, services);
    case "probe":
      return askProbe(s, services, p, glyphs);
    case "source": {
      // Without an app registration: first look for PowerShell with the modules (once).
      if (services.checkLive && !s.livePwsh) {
        p.say(t(lang, "wizard.live.checking"));
        return { type: "liveChecked", result: await services.checkLive() };
      }
      const v = await p.select<string>(t(lang, "wizard.source.q"), [
        ...SOURCE_MODES.map((m) => {
          const note = m === "manual" ? undefined : sourceNote(lang, services.deps.liveAvailable, s.livePwsh);
          return { name: note ? `${t(lang, `wizard.source.${m}`)} (${note})` : t(lang, `wizard.source.${m}`), value: m as string };
        }),
        ...backChoice(s),
      ], "manual");
      return v === BACK ? { type: "back" } : { type: "chooseSource", source: v as (typeof SOURCE_MODES)[number] };
    }
    case "liveSetup": {
      p.say(liveSetupText(lang, s.livePwsh));
      const v = await p.select<string>(t(lang, "wizard.plain.what"), [{ name: t(lang, "wizard.liveSetup.continue"), value: "go" }, ...backChoice(s)]);
      return v === BACK ? { type: "back" } : { type: "continue" };
    }
    case "live": {
      p.say(t(lang, "wizard.live.reading"));
      const r = services.readLive ? await services.readLive(s, (text) => p.say(text)) : { facts: [], failed: [] };
      if ("error" in r && r.error !== undefined) p.say(r.error);
      return { type: "liveRead", facts: r.facts, failed: r.failed, ...("error" in r && r.error !== undefined ? { error: r.error } : {}) };
    }
    case "result": {
      p.result(services.resultLines(s, 80).join("\n"));
      const v = await p.select<string>(t(lang, "wizard.result.title"), [{ name: t(lang, "wizard.step.6"), value: "save" }, ...backChoice(s)]);
      return v === BACK ? { type: "back" } : { type: "continue" };
    }
    case "export":
      return askExport(s, services, p);
    case "readiness":
      return askReadiness(s, services, p);
    case "whatif": {
      p.say(t(lang, "wizard.whatif.unavailable"));
      const v = await p.select<string>(t(lang, "wizard.plain.what"), [...backChoice(s), { name: t(lang, "wizard.export.finish"), value: "done" }]);
      return v === BACK ? { type: "back" } : { type: "finish" };
    }
  }
}

/** The readiness path: export paths typed in and checked, the audit run, its summary said, the reports saved. */
async function askReadiness(s: FlowState, services: WizardServices, p: Prompter): Promise<FlowEvent | undefined> {
  const lang = s.lang;
  p.say(t(lang, "wizard.readiness.title"));
  for (const line of stepLines(t(lang, "wizard.readiness.body"), 80)) p.say(line);
  const fields = ["mailboxes", "transport", "signins", "smtpReport"] as const;
  const files: Partial<ReadinessFiles> = {};
  for (const [i, field] of fields.entries()) {
    p.say("");
    p.say(`[${t(lang, "wizard.readiness.progress", { n: i + 1, total: fields.length })}] ${t(lang, i === 0 ? "wizard.readiness.requiredNote" : "wizard.readiness.optionalNote")}`);
    for (const line of wrap(t(lang, `wizard.readiness.hint.${field}`), 80, "  ")) p.say(line);
    for (;;) {
      const text = (await p.input(t(lang, `wizard.readiness.file.${field}`))).trim().replace(/^(["'])(.*)\1$/, "$2");
      if (text === "") {
        if (i === 0) {
          p.say(t(lang, "wizard.readiness.required"));
          continue;
        }
        break;
      }
      const r = await services.checkAuditFile(lang, text);
      if (r.ok) {
        files[field] = text;
        break;
      }
      p.say(r.message);
    }
  }
  let shown = -1;
  const outcome = await services.runReadiness(lang, files as ReadinessFiles, (file, ratio) => {
    const pct = Math.round(ratio * 100);
    if (pct === 100 || pct >= shown + 25) {
      shown = pct;
      p.say(`${t(lang, "wizard.readiness.running", { file })} ${pct}%`);
    }
  });
  if (!outcome.ok) {
    p.say(t(lang, "wizard.readiness.bad", { message: outcome.message }));
    // The screen stays: the files are asked again.
    return undefined;
  }
  for (const line of readinessLines(lang, outcome.summary)) p.say(line);
  for (;;) {
    const v = await p.select<string>(t(lang, "wizard.plain.what"), [
      { name: t(lang, "wizard.readiness.export"), value: "save" },
      { name: t(lang, "wizard.readiness.again"), value: "again" },
      { name: t(lang, "wizard.export.finish"), value: "done" },
      ...backChoice(s),
    ]);
    if (v === BACK) return { type: "back" };
    if (v === "again") return undefined;
    if (v === "done") return { type: "finish" };
    let dir = (await p.input(t(lang, "wizard.readiness.dir"), "smtp-auth-audit")).trim() || "smtp-auth-audit";
    let overwrite = false;
    for (;;) {
      const r = await outcome.save(dir, overwrite);
      if (r.ok) {
        p.say(t(lang, "wizard.readiness.saved", { n: r.files.length, dir }));
        break;
      }
      if (!r.exists) {
        p.say(t(lang, "wizard.export.failed", { message: r.message }));
        break;
      }
      const yes = await p.select<boolean>(t(lang, "wizard.readiness.exists", { file: r.path }), [
        { name: t(lang, "wizard.readiness.keep"), value: false },
        { name: t(lang, "wizard.readiness.overwrite"), value: true },
      ]);
      if (yes) overwrite = true;
      else dir = (await p.input(t(lang, "wizard.readiness.dir"), "smtp-auth-audit")).trim() || "smtp-auth-audit";
    }
  }
}

/** The audit summary as lines of at most 80 columns, for plain mode. */
export function readinessLines(lang: Lang, s: ReadinessSummary): string[] {
  const out: string[] = [""];
  const para = (text: string, indent = "") => out.push(...wrap(text, 80, indent));
  para(t(lang, "wizard.readiness.tenant", { state: t(lang, `wizard.readiness.tenant.${s.tenantSmtpAuth}`) }));
  const m = s.mailboxes;
  if (m) {
    para(t(lang, "wizard.readiness.mailboxes", { total: m.total, disabled: m.disabled, enabled: m.enabled, followOrg: m.followOrg }));
    para(t(lang, "wizard.readiness.effective", { enabled: m.effectiveEnabled, disabled: m.effectiveDisabled, unknown: m.effectiveUnknown }), "  ");
  }
  if (s.followingEnabledTenant > 0) para(t(lang, "wizard.readiness.following", { n: s.followingEnabledTenant }));
  out.push("", truncate(t(lang, "wizard.readiness.at", { date: s.changeDate }), 80, "..."));
  for (const r of ["keeps-working", "breaks-at-change", "blocked-now", "undetermined"] as const) out.push(`  ${t(lang, `wizard.readiness.count.${r}`)}: ${s.counts[r]}`);
  if (!s.signInsAvailable && !s.smtpReportAvailable) para(t(lang, "wizard.readiness.noUsage"));
  if (s.entraIdP1 === false) para(t(lang, "wizard.readiness.noP1"));
  if (s.attention.length > 0) {
    out.push("", t(lang, "wizard.readiness.top"));
    for (const a of s.attention) out.push(truncate(`  - ${a.upn}: ${t(lang, `wizard.readiness.count.${a.readiness}`)}`, 80, "..."));
  }
  if (s.plan) para(t(lang, "wizard.readiness.plan", { n: s.plan.count }));
  return out;
}

/** "Test from this PC" with the device's settings; the password is read hidden and used for this one probe. */
async function askProbe(s: FlowState, services: WizardServices, p: Prompter, glyphs: { check: string }): Promise<FlowEvent> {
  const lang = s.lang;
  const device = s.case.device ?? {};
  const target = {
    host: typeof device.host === "string" && device.host !== "" ? device.host : "smtp.office365.com",
    port: typeof device.port === "number" ? device.port : 587,
    ...(typeof device.username === "string" && device.username !== "" ? { username: device.username } : {}),
  };
  p.say("");
  p.say(t(lang, "wizard.probe.title"));
  for (const line of wrap(t(lang, "wizard.probe.intro"), 80)) p.say(line);
  p.say(`  ${t(lang, "wizard.probe.host")}: ${target.host}`);
  p.say(`  ${t(lang, "wizard.probe.port")}: ${target.port}`);
  p.say(`  ${t(lang, "wizard.probe.username")}: ${target.username ?? t(lang, "wizard.probe.noUsername")}`);
  const v = await p.select<string>(t(lang, "wizard.probe.plain.q"), [
    { name: t(lang, "wizard.probe.plain.skip"), value: "skip" },
    { name: t(lang, "wizard.probe.plain.test"), value: "test" },
    ...backChoice(s),
  ], "skip");
  if (v === BACK) return { type: "back" };
  if (v !== "test") return { type: "skipProbe" };
  const password = target.username !== undefined ? await p.hidden(t(lang, "wizard.probe.plain.password", { user: target.username })) : undefined;
  p.say(t(lang, "wizard.probe.running"));
  const ascii = glyphs.check !== "\u2714";
  const result = await services.probe(lang, target, password, (phase) => p.say(truncate(renderPhaseLine(lang, phase, ascii), 80, "...")));
  if (result.finalReply) for (const line of wrap(t(lang, "wizard.probe.reply", { reply: result.finalReply }), 80)) p.say(line);
  return { type: "probed", result };
}

async function askFact(s: FlowState, path: FactPath, p: Prompter, services: WizardServices): Promise<FlowEvent> {
  const lang = s.lang;
  const q = question(path);
  const progress =
    s.screen.id === "device" ? t(lang, "wizard.device.progress", { n: DEVICE_FIELDS.indexOf(path as never) + 1, total: DEVICE_FIELDS.length }) : t(lang, "wizard.step.4");
  p.say("");
  p.say(`[${progress}]`);
  p.say(t(lang, "wizard.plain.where"));
  for (const line of stepLines(t(lang, q.where), 80)) p.say(line);
  // Where the setting is on the named device (maker's labels, how sure, sources); URLs are never cut.
  for (const hint of services.deviceHint(s, path)) for (const line of /^\s*https?:/.test(hint) ? [hint] : wrap(hint, 80, "    ")) p.say(line);
  const ps = q.powershell ? q.powershell(s.case) : [];
  if (ps.length > 0) {
    p.say(t(lang, "questions.powershell"));
    for (const line of ps) p.say(`  ${line}`);
    if (ps.some((l) => l.includes(IDENTITY_PLACEHOLDER))) p.say(t(lang, "questions.placeholderHint"));
  }
  const current = getFact(s.case, path);
  const dontKnow = { name: t(lang, "questions.dontKnow"), value: DONT_KNOW };
  switch (q.input.type) {
    case "choice": {
      const list = q.input.choices;
      const at = choiceIndex(list, current);
      const v = await p.select<number | Special>(t(lang, q.prompt), [...list.map((c, i) => ({ name: t(lang, c.label), value: i as number | Special })), dontKnow, ...backChoice(s)], at >= 0 ? at : undefined);
      if (v === BACK) return { type: "back" };
      if (v === DONT_KNOW) return { type: "dontKnow", path };
      return { type: "answer", path, value: list[v as number]?.value };
    }
    case "policy": {
      const v = await p.select<string>(t(lang, q.prompt), [
        { name: t(lang, "questions.policy.none"), value: "none" },
        { name: t(lang, "questions.policy.allows"), value: "allows" },
        { name: t(lang, "questions.policy.blocks"), value: "blocks" },
        dontKnow,
        ...backChoice(s),
      ]);
      if (v === BACK) return { type: "back" };
      if (v === DONT_KNOW) return { type: "dontKnow", path };
      for (;;) {
        const name = v === "none" ? "" : await p.input(t(lang, "questions.policy.name"));
        const parsed = policyValue(v as "none" | "allows" | "blocks", name);
        if (parsed.ok) return { type: "answer", path, value: parsed.value };
        p.say(t(lang, parsed.error));
      }
    }
    case "text":
    case "port":
    case "date":
    case "paste": {
      p.say(t(lang, "questions.text.emptyIsDontKnow"));
      for (;;) {
        const text = await p.input(t(lang, q.prompt), current === undefined || current === null ? undefined : String(current));
        if (text.trim() === "") return { type: "dontKnow", path };
        const parsed = parseTextAnswer(q.input, text);
        if (parsed.ok) return { type: "answer", path, value: parsed.value };
        p.say(t(lang, parsed.error as MessageKey));
      }
    }
  }
}

async function askExport(s: FlowState, services: WizardServices, p: Prompter): Promise<FlowEvent | undefined> {
  const lang = s.lang;
  const kinds: ExportKind[] = ["case", "md", "ps1", "json"];
  const v = await p.select<string>(t(lang, "wizard.export.q"), [
    ...kinds.map((k) => ({ name: t(lang, `wizard.export.${k}`), value: k as string })),
    { name: t(lang, "wizard.export.finish"), value: "finish" },
    ...backChoice(s),
  ]);
  if (v === BACK) return { type: "back" };
  if (v === "finish") return { type: "finish" };
  const kind = v as ExportKind;
  let path = (await p.input(t(lang, "wizard.export.path"), services.defaultName(kind))).trim() || services.defaultName(kind);
  let overwrite = false;
  for (;;) {
    const r = await services.save(s, kind, path, overwrite);
    if (r.ok) {
      p.say(t(lang, "wizard.export.saved", { file: r.path }));
      return undefined;
    }
    if (!r.exists) {
      p.say(t(lang, "wizard.export.failed", { message: r.message }));
      return undefined;
    }
    const yes = await p.select<boolean>(t(lang, "wizard.export.exists", { file: r.path }), [
      { name: t(lang, "wizard.export.keep"), value: false },
      { name: t(lang, "wizard.export.overwrite"), value: true },
    ]);
    if (yes) overwrite = true;
    else path = (await p.input(t(lang, "wizard.export.path"), services.defaultName(kind))).trim() || services.defaultName(kind);
  }
}
