// Plain mode's renderers: one per screen of the flow, in a table keyed by every screen id (a
// screen without a plain renderer does not compile), and what plain mode says while an effect runs
// (one entry per kind of effect, likewise). The sub-flows' renderers have files of their own.
import { getFact } from "../../case/facts.js";
import type { EffectKind } from "../../flow/effects.js";
import { liveSetupText, sourceNote } from "../../flow/live-setup.js";
import { answerWarning, choiceIndex, dateAnswerError, IDENTITY_PLACEHOLDER, openingAnswer, parseTextAnswer, policyValue, promptText, question, whereText } from "../../flow/questions.js";
import { deviceProgress, historyQuestion, nothingMoreToAsk } from "../../flow/reducer.js";
import { openedNotice, pasteSender, pasteSummaryText } from "../../flow/summary.js";
import { PURPOSES, SOURCE_MODES, type FlowEvent, type FlowState, type Screen, type ScreenId } from "../../flow/types.js";
import { t, type Lang, type MessageKey } from "../../i18n/index.js";
import { renderPhaseLine } from "../../probe/render.js";
import { stepLines, truncate, wrapHanging } from "../../render/layout.js";
import { deviceProgressLabel, senderParams } from "../../render/labels.js";
import { BACK, backChoice, DONT_KNOW, type PlainContext, type PlainRenderer, type Special } from "./context.js";
import { plainExport } from "./export.js";
import { plainProbe } from "./probe.js";
import { plainReadiness, sayAuditProgress } from "./readiness.js";
import { plainWhatIf } from "./whatif.js";

export type { PlainContext } from "./context.js";

/** Every screen of the flow, drawn as prompts. */
export const PLAIN_SCREENS: { [K in ScreenId]: PlainRenderer<Extract<Screen, { id: K }>> } = {
  language: async (s, _screen, { p }) => {
    const lang = s.lang;
    const v = await p.select<Lang | Special>(t(lang, "wizard.language.q"), [
      { name: t(lang, "wizard.language.ja"), value: "ja" },
      { name: t(lang, "wizard.language.en"), value: "en" },
      ...backChoice(s),
    ], lang);
    return v === BACK ? { type: "back" } : { type: "chooseLanguage", lang: v as Lang };
  },
  purpose: async (s, _screen, { p }) => {
    const lang = s.lang;
    const v = await p.select<string>(t(lang, "wizard.purpose.q"), [...PURPOSES.map((x) => ({ name: t(lang, `wizard.purpose.${x}`), value: x as string })), ...backChoice(s)]);
    return v === BACK ? { type: "back" } : { type: "choosePurpose", purpose: v as (typeof PURPOSES)[number] };
  },
  paste: async (s, _screen, { p, width }) => {
    const lang = s.lang;
    p.say(t(lang, "wizard.paste.q", senderParams(lang, s.case)));
    for (const line of stepLines(whereText(lang, question("device.reply", s.case).where, s.case), width)) p.say(line);
    // (A paste longer than a case file holds keeps its end: the summary says so.)
    return { type: "submitPaste", text: await p.multiline(t(lang, "wizard.plain.pasteEnd")) };
  },
  pasteSummary: async (s, _screen, { p, glyphs }) => {
    const lang = s.lang;
    if (s.paste) for (const line of pasteSummaryText(lang, s.paste, s.diagnosis, glyphs, nothingMoreToAsk(s), pasteSender(s.case, s.paste), s.case)) p.say(line);
    const v = await p.select<string>(t(lang, "wizard.plain.what"), [{ name: t(lang, "wizard.plain.next"), value: "go" }, ...backChoice(s)]);
    return v === BACK ? { type: "back" } : { type: "continue" };
  },
  device: (s, screen, ctx) => askFact(s, screen, ctx),
  history: (s, screen, ctx) => askFact(s, screen, ctx),
  question: (s, screen, ctx) => askFact(s, screen, ctx),
  probe: (s, _screen, ctx) => plainProbe(s, ctx),
  source: async (s, _screen, { p, services }) => {
    const lang = s.lang;
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
  },
  liveSetup: async (s, _screen, { p }) => {
    const lang = s.lang;
    p.say(liveSetupText(lang, s.livePwsh));
    const v = await p.select<string>(t(lang, "wizard.plain.what"), [{ name: t(lang, "wizard.liveSetup.continue"), value: "go" }, ...backChoice(s)]);
    return v === BACK ? { type: "back" } : { type: "continue" };
  },
  // The live read is an effect: the plain loop runs it (see PLAIN_EFFECTS.readLive).
  live: async () => undefined,
  result: async (s, _screen, { p, services, width }) => {
    const lang = s.lang;
    p.result(services.resultLines(s, width).join("\n"));
    const v = await p.select<string>(t(lang, "wizard.result.title"), [{ name: t(lang, "wizard.step.6"), value: "save" }, { name: t(lang, "wizard.result.whatIf"), value: "whatif" }, ...backChoice(s)]);
    return v === BACK ? { type: "back" } : v === "whatif" ? { type: "openWhatIf" } : { type: "continue" };
  },
  export: (s, _screen, ctx) => plainExport(s, ctx),
  readiness: (s, _screen, ctx) => plainReadiness(s, ctx),
  whatif: (s, _screen, ctx) => plainWhatIf(s, ctx),
};

/** Ask the screen on show. */
export function askScreen(s: FlowState, ctx: PlainContext): Promise<FlowEvent | undefined> {
  const render = PLAIN_SCREENS[s.screen.id] as PlainRenderer<Screen>;
  return render(s, s.screen, ctx);
}

export interface PlainEffectView {
  /** Said when the effect starts. */
  start?(s: FlowState, ctx: PlainContext): void;
  /** Said for each event of progress. */
  progress?(s: FlowState, event: FlowEvent, ctx: PlainContext): void;
  /** Said when it has ended with `event` (`s` is the state before that event). */
  done?(s: FlowState, event: FlowEvent, ctx: PlainContext): void;
}

/** What plain mode says while each kind of effect runs, and when it ends. */
export const PLAIN_EFFECTS: { [K in EffectKind]: PlainEffectView } = {
  readLive: {
    start: (s, { p }) => p.say(t(s.lang, "wizard.live.reading")),
    progress: (_s, e, { p }) => {
      if (e.type === "live") p.say(e.event.text);
    },
    done: (_s, e, { p }) => {
      if (e.type === "liveRead" && e.error !== undefined) p.say(e.error);
    },
  },
  checkAuditFile: {},
  runReadiness: {
    start: (_s, ctx) => {
      ctx.progress = { shown: -1 };
    },
    progress: (s, e, ctx) => {
      if (e.type === "readiness" && e.event.type === "progress") sayAuditProgress(s.lang, e.event.file, e.event.ratio, ctx);
    },
  },
  saveAudit: {},
  saveExport: {},
  probe: {
    start: (s, { p }) => p.say(t(s.lang, "wizard.probe.running")),
    progress: (s, e, { p, ascii, width }) => {
      if (e.type === "probe" && e.event.type === "phase") p.say(truncate(renderPhaseLine(s.lang, e.event.phase, ascii), width, "..."));
    },
  },
  saveWhatIf: {
    done: (s, e, { p }) => {
      if (e.type !== "whatif" || e.event.type !== "saved" || !e.event.result) return;
      const r = e.event.result;
      p.say(r.ok ? t(s.lang, "whatif.screen.saved", { file: r.file }) : r.message);
    },
  },
};

const askFact: PlainRenderer<Extract<Screen, { id: "device" | "history" | "question" }>> = async (s, screen, ctx) => {
  const { p, services } = ctx;
  const path = screen.path;
  const lang = s.lang;
  const q = question(path, s.case);
  const progress =
    historyQuestion(s) ? t(lang, "wizard.history.progress") : s.screen.id === "device" ? deviceProgressLabel(lang, deviceProgress(s), s.case) : t(lang, "wizard.step.4");
  p.say("");
  const opened = s.screen.id === "question" ? openedNotice(s, true) : undefined;
  if (opened) for (const line of stepLines(opened, ctx.width)) p.say(line);
  p.say(`[${progress}]`);
  p.say(t(lang, "wizard.plain.where"));
  for (const line of stepLines(whereText(lang, q.where, s.case), ctx.width)) p.say(line);
  // Where the setting is on the named device (maker's labels, how sure, sources); URLs are never cut.
  for (const hint of services.deviceHint?.(s, path) ?? []) for (const line of /^\s*https?:/.test(hint) ? [hint] : wrapHanging(hint, ctx.width, "    ")) p.say(line);
  const ps = q.powershell ? q.powershell(s.case) : [];
  if (ps.length > 0) {
    p.say(t(lang, "questions.powershell"));
    for (const line of ps) p.say(`  ${line}`);
    if (ps.some((l) => l.includes(IDENTITY_PLACEHOLDER))) p.say(t(lang, "questions.placeholderHint", senderParams(lang, s.case)));
  }
  const current = getFact(s.case, path);
  const dontKnow = { name: t(lang, "questions.dontKnow"), value: DONT_KNOW };
  switch (q.input.type) {
    case "choice": {
      const list = q.input.choices;
      const at = choiceIndex(list, current);
      // The answer recorded, else "I don't know": Enter pressed through must never record a fact (persona round 6, P6-9).
      const v = await p.select<number | Special>(promptText(lang, q, s.case), [...list.map((c, i) => ({ name: t(lang, c.label), value: i as number | Special })), dontKnow, ...backChoice(s)], at >= 0 ? at : DONT_KNOW);
      if (v === BACK) return { type: "back" };
      if (v === DONT_KNOW) return { type: "dontKnow", path };
      return { type: "answer", path, value: list[v as number]?.value };
    }
    case "policy": {
      const recorded = current === null ? "none" : current && typeof current === "object" ? ((current as { allowBasicAuthSmtp?: boolean }).allowBasicAuthSmtp ? "allows" : "blocks") : DONT_KNOW;
      const v = await p.select<string>(
        promptText(lang, q, s.case),
        [
          { name: t(lang, "questions.policy.none"), value: "none" },
          { name: t(lang, "questions.policy.allows"), value: "allows" },
          { name: t(lang, "questions.policy.blocks"), value: "blocks" },
          dontKnow,
          ...backChoice(s),
        ],
        recorded,
      );
      if (v === BACK) return { type: "back" };
      if (v === DONT_KNOW) return { type: "dontKnow", path };
      const recordedName = current && typeof current === "object" && "name" in current ? String((current as { name: unknown }).name) : undefined;
      for (;;) {
        const name = v === "none" ? "" : await p.input(t(lang, "questions.policy.name"), recordedName);
        const parsed = policyValue(v as "none" | "allows" | "blocks", name);
        if (parsed.ok) return { type: "answer", path, value: parsed.value };
        p.say(t(lang, parsed.error));
      }
    }
    case "text":
    case "port":
    case "date":
    case "paste": {
      const opening = openingAnswer(path, current, s.case, services.deps.today);
      // A field that opens filled in is cleared to say "I don't know" (Enter alone keeps what is shown).
      p.say(t(lang, opening ? "questions.text.clearIsDontKnowPlain" : "questions.text.emptyIsDontKnow"));
      // An answer warned about (a user name that is no address) is asked again with it filled in: Enter keeps it.
      let warned: string | undefined;
      for (;;) {
        const text = await p.input(promptText(lang, q, s.case), warned ?? opening);
        if (text.trim() === "") return { type: "dontKnow", path };
        const read = parseTextAnswer(q.input, text);
        // (A day it stopped after today is refused as a malformed date is.)
        const late = read.ok ? dateAnswerError(path, read.value, s.case, services.deps.today) : undefined;
        const parsed = late ? { ok: false as const, error: late } : read;
        if (!parsed.ok) {
          p.say(t(lang, parsed.error as MessageKey));
          continue;
        }
        const warning = answerWarning(path, parsed.value);
        if (warning === undefined || warned === text) return { type: "answer", path, value: parsed.value };
        for (const line of wrapHanging(t(lang, warning), ctx.width)) p.say(line);
        warned = text;
      }
    }
  }
};
