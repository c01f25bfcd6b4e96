// The wizard as data plus a pure reducer. No diagnosis logic lives here: which facts to ask, and in
// which order, is the engine's `unknowns`; what a pasted error means is the reply parser's answer.
import { sendingProgram } from "../replies/signals.js";
import { isKnown, setFact, type FactPath } from "../case/facts.js";
import { causeSpec } from "../engine/causes.js";
import type { Case } from "../case/schema.js";
import type { Lang } from "../i18n/index.js";
import { initialExport, reduceExport } from "./export.js";
import { initialLive, reduceLive } from "./live.js";
import { initialProbe, probeTarget, reduceProbe } from "./probe.js";
import { initialReadiness, reduceReadiness } from "./readiness.js";
import { redactPaste } from "./redact-paste.js";
import { pasteTail, question } from "./questions.js";
import { buildPlan } from "../plan/index.js";
import type { Diagnosis } from "../engine/types.js";
import { isKnownVendor } from "../devices/ids.js";
import { initialWhatIf, reduceWhatIf } from "./whatif.js";
import { DEVICE_FIELDS, HISTORY_FIELDS, type DeviceField, type HistoryField, type FlowDeps, type FlowEvent, type FlowState, type Screen, type SubFlowId, type SubState, type SubStates } from "./types.js";

/** Device fields that stay worth asking even when the engine no longer needs them (the plan quotes them, or shows the maker's settings). */
const ALWAYS_ASKED: readonly FactPath[] = ["device.username", "device.from", "device.vendor", "device.model"];

/** Device fields asked only when another answer makes them useful: the model only once a maker is known. */
const ASKED_IF: Partial<Record<DeviceField, (s: FlowState) => boolean>> = {
  // A model only for a maker whose facts depend on it (not for another maker, nor for an application or a script).
  "device.model": (s) => s.case.device?.vendor !== undefined && isKnownVendor(s.case.device.vendor),
  // A device that signs in with OAuth can: asked right after "OAuth 2.0", the question read as a second chance (persona run).
  "device.oauthSupported": (s) => s.case.device?.auth !== "oauth",
};

/** The device field whose answer decides whether a field of ASKED_IF is asked. */
const DECIDED_BY: Partial<Record<DeviceField, DeviceField>> = { "device.model": "device.vendor", "device.oauthSupported": "device.auth" };

export interface InitOptions {
  lang: Lang;
  /** --lang was given: the language screen is skipped. */
  langExplicit: boolean;
  /** A case loaded with --case: the flow opens at its first unanswered question, or at the result. */
  loaded?: Case;
  empty: Case;
}

export function initFlow(deps: FlowDeps, opts: InitOptions): FlowState {
  const c = opts.loaded ?? opts.empty;
  const base: FlowState = {
    lang: opts.lang,
    case: c,
    diagnosis: deps.evaluate(c),
    dontKnow: [],
    screen: { id: "language" },
    history: [],
    liveFailed: [],
    done: false,
  };
  // An opened case (an admin with the hand-over's code) goes on with its questions; the screen before them is where the facts
  // come from, so Esc leads there and an admin can read the tenant live instead. It opened at "Question 1", Esc did nothing
  // and there was no way to the live read (persona round 7).
  // (A case that decides opens at its result, as before: nothing to go back to.)
  if (opts.loaded) {
    const screen = nextQuestion(deps, base);
    return withSub({ ...base, purpose: "failing", source: "manual", opened: true, history: screen.id === "result" ? [] : [{ id: "source" }], screen });
  }
  return { ...base, screen: opts.langExplicit ? { id: "purpose" } : { id: "language" } };
}

/** The screens that are steps of their own, each with the sub-flow that starts when it is shown. */
const SUB_FLOWS: { [K in SubFlowId]: () => SubStates[K] } = {
  readiness: initialReadiness,
  export: initialExport,
  probe: initialProbe,
  whatif: () => initialWhatIf(),
  live: initialLive,
};

const isSubFlow = (id: Screen["id"]): id is SubFlowId => id in SUB_FLOWS;

function freshSub(screen: Screen): SubState | undefined {
  const id = screen.id;
  return isSubFlow(id) ? ({ id, state: SUB_FLOWS[id]() } as SubState) : undefined;
}

function withoutSub(state: FlowState): FlowState {
  const { sub: _sub, ...rest } = state;
  return rest;
}

/** The state with the sub-flow of the screen on show (started afresh when missing or another screen's). */
export function withSub(state: FlowState): FlowState {
  if (state.sub && state.sub.id === state.screen.id) return state;
  const sub = freshSub(state.screen);
  if (sub) return { ...state, sub };
  return state.sub ? withoutSub(state) : state;
}

/** The state of the sub-flow on show, when it is `id`'s. */
export function subState<K extends SubFlowId>(state: FlowState, id: K): SubStates[K] | undefined {
  const sub = state.sub;
  if (!sub || sub.id !== id || state.screen.id !== id) return undefined;
  return sub.state as SubStates[K];
}

/** Facts the engine still wants, minus those the user said they do not know. */
/**
 * The questions still to ask: first the facts that decide a cause still only possible (as the hand-over lists them,
 * src/report/checks.ts), then the engine's order. With the "criteria" reply, per-user MFA and Conditional Access came
 * 5th and 6th, after facts that decided nothing the reply had not (persona round 3).
 */
export function pendingQuestions(state: Pick<FlowState, "diagnosis" | "dontKnow">): FactPath[] {
  const open = state.diagnosis.unknowns.filter((p) => !state.dontKnow.includes(p));
  const deciding = state.diagnosis.causes.filter((f) => f.status === "possible").flatMap((f) => causeSpec(f.id).settledBy ?? []);
  if (deciding.length === 0) return open;
  return [...new Set([...deciding.filter((p) => open.includes(p)), ...open])];
}

/**
 * What a first-line user is told to do, as the engine and the plan read the case: the verdict, the causes the facts or the reply
 * prove (blocking), and the plan's first step.
 */
function outcome(c: Case, d: Diagnosis): string {
  const blocking = d.causes.filter((f) => f.status === "blocking").map((f) => f.id).sort();
  return `${d.verdict}|${blocking.join(",")}|${buildPlan(c, d, "en").steps[0]?.id ?? ""}`;
}

/** Every answer a question takes, when they can be listed (its choices, a policy's three kinds); a typed text or a date cannot. */
function everyAnswer(path: FactPath, c: Case): readonly unknown[] | undefined {
  const input = question(path, c).input;
  if (input.type === "choice") return input.choices.map((choice) => choice.value);
  if (input.type === "policy") return [null, { name: "?", allowBasicAuthSmtp: true }, { name: "?", allowBasicAuthSmtp: false }];
  return undefined;
}

const askedCache = new WeakMap<Case, { dontKnow: readonly FactPath[]; asked: FactPath[] }>();

/**
 * The questions the walk asks (step 4): those still to ask (pendingQuestions) whose answer can change the outcome. Once the
 * reply or the facts prove a cause (a blocking one), a question is left out when the engine, asked with each answer it takes,
 * gives the same verdict, the same proved causes and the same first step of the plan as with the fact unknown: after a 5.7.139
 * naming security defaults the wizard asked nine questions on the account and the tenant, six of which could change nothing a
 * first-line user does (persona run, tmux ja). A question left out stays unknown: the engine lists it in the result, the
 * hand-over and the reports. While no cause is proved every question is asked (their answers together narrow the reading), and
 * so is one whose answers cannot be listed (a typed text, a date, a paste).
 */
export function questionsToAsk(deps: Pick<FlowDeps, "evaluate">, state: Pick<FlowState, "case" | "diagnosis" | "dontKnow">): FactPath[] {
  const pending = pendingQuestions(state);
  if (pending.length === 0 || !state.diagnosis.causes.some((f) => f.status === "blocking")) return pending;
  const cached = askedCache.get(state.case);
  if (cached && cached.dontKnow.length === state.dontKnow.length && cached.dontKnow.every((p, i) => state.dontKnow[i] === p)) return cached.asked;
  const now = outcome(state.case, state.diagnosis);
  const asked = pending.filter((path) => {
    const answers = everyAnswer(path, state.case);
    if (answers === undefined) return true;
    return answers.some((value) => {
      const c = setFact(state.case, path, value);
      return outcome(c, deps.evaluate(c)) !== now;
    });
  });
  askedCache.set(state.case, { dontKnow: [...state.dontKnow], asked });
  return asked;
}

function nextQuestion(deps: FlowDeps, state: FlowState): Screen {
  const next = questionsToAsk(deps, state)[0];
  if (next === undefined) return { id: "result" };
  if (next === "device.reply") return { id: "paste" };
  return { id: "question", path: next };
}

/** Is this device field asked, as the state stands? `asIf`: whatever the answer its condition (ASKED_IF) waits for. */
function asksDeviceField(state: FlowState, path: DeviceField, asIf = false): boolean {
  // A maker chosen from the paste's own message is asked all the same, with it chosen (to confirm or change it).
  const assumed = path === "device.vendor" && (state.paste?.maker !== undefined || state.paste?.program !== undefined || state.paste?.bareCode !== undefined) && state.case.sources?.[path]?.kind === "assumed";
  if ((isKnown(state.case, path) && !assumed) || state.dontKnow.includes(path)) return false;
  if (state.paste?.resolved.includes(path) && !ALWAYS_ASKED.includes(path)) return false;
  return asIf || ASKED_IF[path]?.(state) !== false;
}

function nextDeviceField(state: FlowState, after: DeviceField | undefined): Screen {
  const start = after === undefined ? 0 : DEVICE_FIELDS.indexOf(after) + 1;
  const path = DEVICE_FIELDS.slice(start).find((p) => asksDeviceField(state, p));
  // After the device: the failure's history, then the offer to test from this PC (skipped in one key).
  return path ? { id: "device", path } : nextHistoryField(state, undefined);
}

/** Is this question on the failure's history asked? Whether it worked: only for something that fails; since when: only if it did. */
function asksHistoryField(state: FlowState, path: HistoryField): boolean {
  if (state.purpose !== "failing" || isKnown(state.case, path) || state.dontKnow.includes(path)) return false;
  return path === "history.workedBefore" || state.case.history?.workedBefore === "yes";
}

function nextHistoryField(state: FlowState, after: HistoryField | undefined): Screen {
  const start = after === undefined ? 0 : HISTORY_FIELDS.indexOf(after) + 1;
  const path = HISTORY_FIELDS.slice(start).find((p) => asksHistoryField(state, p));
  return path ? { id: "history", path } : { id: "probe" };
}

/** The screen on show asks about the failure's history (step 2, after the device's settings). */
export function historyQuestion(state: Pick<FlowState, "screen">): boolean {
  return state.screen.id === "history";
}

/**
 * "Device setting n of total" for the device question on show: the questions of this walk already asked, this one, and those
 * still to come. It counted the nine fields whatever the paste had settled: after a 5.7.139 the walk read 1, 2, 6, 7, 9 of 9,
 * as if questions had been skipped unseen (tmux, ja). A question that waits for an answer still to be given (the model for a
 * maker, "supports OAuth?" unless the device signs in with OAuth) is counted as if it will be asked, and the total is then a
 * most (`upTo`: "1 of up to 9"): counted only once the maker was chosen, the total grew as the walk went on (1 / 8, then 2 / 9,
 * persona round 8, #16). So the total never grows; it can shrink when an answer leaves a question out, and says so.
 */
export function deviceProgress(state: FlowState): { n: number; total: number; upTo: boolean } | undefined {
  const screen = state.screen;
  if (screen.id !== "device") return undefined;
  const at = DEVICE_FIELDS.indexOf(screen.path);
  // The questions this walk has shown (`walked`, which `back` keeps, and the screens behind this one), while their condition
  // still holds (a model shown for a maker since changed to another is no longer part of the walk). Back past the first device
  // question and on again, the walk skips those answered, and only the screens behind counted: `2 / 最大 6` became `1 / 最大 5`.
  const shown = new Set<DeviceField>([...(state.walked ?? []), ...state.history.flatMap((h) => (h.id === "device" ? [h.path] : []))]);
  const walked = (path: DeviceField) => shown.has(path) && ASKED_IF[path]?.(state) !== false;
  const before = DEVICE_FIELDS.slice(0, at).filter(walked).length;
  let after = 0;
  let upTo = false;
  for (const path of DEVICE_FIELDS.slice(at + 1)) {
    const by = DECIDED_BY[path];
    // Its deciding answer is the one on show, or one still to be asked: it may yet be asked, or not.
    const open = by !== undefined && (by === screen.path || (DEVICE_FIELDS.indexOf(by) > at && asksDeviceField(state, by)));
    if (!asksDeviceField(state, path, open) && !walked(path)) continue;
    after += 1;
    if (open) upTo = true;
  }
  return { n: before + 1, total: before + 1 + after, upTo };
}

function go(state: FlowState, screen: Screen): FlowState {
  const from = state.screen;
  const walked = from.id === "device" && !(state.walked ?? []).includes(from.path) ? { walked: [...(state.walked ?? []), from.path] } : {};
  return { ...state, ...walked, history: [...state.history, from], screen };
}

function withFact(deps: FlowDeps, state: FlowState, path: FactPath, value: unknown, source: { kind: "answer" | "assumed" } | { kind: "live"; endpoint?: string; at?: string }): FlowState {
  let c = setFact(state.case, path, value);
  const sources = { ...(c.sources ?? {}) };
  if (value === undefined) delete sources[path];
  else sources[path] = source;
  c = Object.keys(sources).length > 0 ? { ...c, sources } : omitSources(c);
  return { ...state, case: c, diagnosis: deps.evaluate(c) };
}

function omitSources(c: Case): Case {
  const { sources: _sources, ...rest } = c;
  return rest;
}

/** After a fact screen: the next device field in step 2, or the next question in step 4. */
function afterFact(deps: FlowDeps, state: FlowState): Screen {
  if (state.screen.id === "device") return nextDeviceField(state, state.screen.path);
  if (state.screen.id === "history") return nextHistoryField(state, state.screen.path);
  if (state.screen.id === "paste") return state.paste ? { id: "pasteSummary" } : afterPasteSummary(deps, state);
  return nextQuestion(deps, state);
}

function afterPasteSummary(deps: FlowDeps, state: FlowState): Screen {
  // A paste asked for by the engine in step 4 returns to the questions; in step 2 the device comes next, unless the
  // refusal came after the message was accepted and nothing is left to ask: then the result.
  if (state.source) return nextQuestion(deps, state);
  return nothingMoreToAsk(state) ? { id: "result" } : nextDeviceField(state, undefined);
}

/**
 * The pasted reply is a refusal after the message was accepted (at delivery by the recipient's side, or a forwarded copy the
 * organization's policy stopped) and the engine asks nothing more: the device's settings, a test from this PC and a read of
 * the tenant play no part, so the wizard goes from the paste to the result. (Seen in tmux with an iCloud bounce: the wizard
 * asked the nine device settings, starting with the maker, for a refusal none of them could change.)
 */
export function nothingMoreToAsk(state: Pick<FlowState, "paste" | "diagnosis" | "dontKnow">): boolean {
  if (!state.paste || state.diagnosis.verdict !== "blocked" || pendingQuestions(state).length > 0) return false;
  const blocking = state.diagnosis.causes.filter((f) => f.status === "blocking");
  return blocking.length > 0 && blocking.every((f) => causeSpec(f.id).gate === "delivery" || f.id === "auto-forwarding-blocked");
}

/**
 * The one reducer of the wizard: navigation is decided here and nowhere else. The steps with a
 * flow of their own (readiness, export, probe, what-if, live read) have their own pure reducers;
 * their events come here wrapped, and when such a step is left ("back", "finish", "skip", the
 * probe's result) this reducer decides where the wizard goes. A new screen starts its sub-flow afresh.
 */
export function reduce(deps: FlowDeps, state: FlowState, event: FlowEvent): FlowState {
  const next = reduceMain(deps, state, event);
  if (next === state) return state;
  if (next.screen !== state.screen) return withSub(next.sub === state.sub ? withoutSub(next) : next);
  return withSub(next);
}

function back(state: FlowState): FlowState {
  const previous = state.history[state.history.length - 1];
  if (!previous) return state;
  return { ...state, screen: previous, history: state.history.slice(0, -1) };
}

function afterProbe(deps: FlowDeps, state: FlowState, result: Parameters<NonNullable<FlowDeps["mergeProbe"]>>[0]): FlowState {
  if (state.screen.id !== "probe" || !deps.mergeProbe) return state;
  const c = deps.mergeProbe(result, state.case);
  // The probe's reply replaces a pasted one: it is no longer "I don't know".
  const dontKnow = c.device?.reply !== undefined ? state.dontKnow.filter((p) => p !== "device.reply") : state.dontKnow;
  return go({ ...state, case: c, diagnosis: deps.evaluate(c), dontKnow }, { id: "source" });
}

function reduceMain(deps: FlowDeps, state: FlowState, event: FlowEvent): FlowState {
  switch (event.type) {
    case "chooseLanguage":
      return go({ ...state, lang: event.lang }, { id: "purpose" });
    case "choosePurpose": {
      const s = { ...state, purpose: event.purpose };
      switch (event.purpose) {
        case "failing":
          return go(s, { id: "paste" });
        case "new-device":
          return go(s, nextDeviceField(s, undefined));
        case "readiness":
          return go(s, { id: "readiness" });
        case "whatif":
          return go(s, { id: "whatif" });
      }
      return s;
    }
    case "submitPaste": {
      // A paste longer than a case file holds keeps its end ("[redacted]" can make one at the limit a little longer too).
      const { text, cut } = pasteTail(redactPaste(event.text.replace(/\r\n?/g, "\n")).trim());
      const dontKnow = state.dontKnow.filter((p) => p !== "device.reply");
      if (text === "") {
        const s = withFact(deps, { ...state, paste: undefined, dontKnow: [...dontKnow, "device.reply"] }, "device.reply", undefined, { kind: "answer" });
        return go(s, afterFact(deps, s));
      }
      // The questions open without a reply: the state's own diagnosis when the case has none yet (a first paste).
      const without = (state.case.device?.reply === undefined ? state.diagnosis : deps.evaluate(setFact(state.case, "device.reply", undefined))).unknowns;
      let s = withFact(deps, { ...state, dontKnow }, "device.reply", text, { kind: "answer" });
      // A maker's own message (Sharp's 「トークンの更新に失敗しました」, a Xerox panel code) names the maker before it is
      // asked: that maker is chosen for the maker question (which still comes, to confirm or change it), so the
      // message is read now. The paste screen said "no SMTP reply was recognized" and nothing else (persona round 4).
      const makers = state.case.device?.vendor === undefined ? (deps.makersOf?.(text) ?? []) : [];
      const maker = makers.length === 1 ? makers[0] : undefined;
      if (maker) s = withFact(deps, s, "device.vendor", maker.vendor, { kind: "assumed" });
      // A program's own error (a .NET SmtpException, a Python traceback, PHPMailer's log) says an application sends the mail:
      // "an application or a script" is chosen likewise, so the questions and the plan speak of an application. The maker
      // question still comes with it chosen; it came with "I don't know" and every screen said "the device" (tmux, ja).
      const analysis = deps.analyzeReply(text);
      const program = maker || state.case.device?.vendor !== undefined ? undefined : sendingProgram(analysis.client);
      if (program) s = withFact(deps, s, "device.vendor", "app", { kind: "assumed" });
      // Only a code of one maker's shape, no reply (Canon's "#801", whose meaning our sources do not have): that maker is chosen
      // likewise, and the paste screen says so and where the server's reply is (it said "no SMTP reply was recognized").
      const bareCodes = maker || program || analysis.recognized || state.case.device?.vendor !== undefined ? [] : (deps.bareCodeOf?.(text) ?? []);
      const bareCode = bareCodes.length === 1 ? bareCodes[0] : undefined;
      if (bareCode) s = withFact(deps, s, "device.vendor", bareCode.vendor, { kind: "assumed" });
      const read = s.diagnosis.unknowns;
      const resolved = without.filter((p) => p !== "device.reply" && !read.includes(p));
      return go({ ...s, paste: { analysis, resolved, ...(maker ? { maker } : {}), ...(program ? { program } : {}), ...(bareCode ? { bareCode } : {}), ...(cut ? { cut } : {}) } }, { id: "pasteSummary" });
    }
    case "continue":
      if (state.screen.id === "pasteSummary") return go(state, afterPasteSummary(deps, state));
      if (state.screen.id === "liveSetup") {
        const s = { ...state, source: "manual" as const };
        return go(s, nextQuestion(deps, s));
      }
      if (state.screen.id === "result") return go(state, { id: "export" });
      return state;
    case "answer": {
      const s = withFact(deps, { ...state, dontKnow: state.dontKnow.filter((p) => p !== event.path) }, event.path, event.value, { kind: "answer" });
      return go(s, afterFact(deps, s));
    }
    case "dontKnow": {
      const dontKnow = state.dontKnow.includes(event.path) ? state.dontKnow : [...state.dontKnow, event.path];
      const s = withFact(deps, { ...state, dontKnow }, event.path, undefined, { kind: "answer" });
      return go(s, afterFact(deps, s));
    }
    case "chooseSource": {
      // No way to read live yet (no app registration, no PowerShell with the modules): say how to set one up.
      if (event.source !== "manual" && !deps.liveAvailable && state.livePwsh?.status !== "ready") return go(state, { id: "liveSetup" });
      // (An opened case's notice has said its piece once the source is chosen.)
      const { opened: _opened, ...rest } = state;
      const s = { ...rest, source: event.source };
      return go(s, event.source === "manual" ? nextQuestion(deps, s) : { id: "live" });
    }
    case "liveChecked":
      return { ...state, livePwsh: event.result };
    case "liveRead": {
      let s = state;
      for (const f of event.facts) {
        s = withFact(deps, s, f.path, f.value, { kind: "live", ...(f.endpoint ? { endpoint: f.endpoint } : {}), ...(f.at ? { at: f.at } : {}) });
      }
      s = { ...s, liveFailed: [...new Set([...s.liveFailed, ...event.failed])], ...(event.error !== undefined ? { liveError: event.error } : {}) };
      // The reading screen is not a place to come back to: replace it.
      return { ...s, screen: nextQuestion(deps, s) };
    }
    case "skipProbe":
      if (state.screen.id !== "probe") return state;
      return go(state, { id: "source" });
    case "probed":
      return afterProbe(deps, state, event.result);
    case "openExport":
      return go(state, { id: "export" });
    case "openWhatIf":
      return state.screen.id === "result" ? go(state, { id: "whatif" }) : state;
    case "back":
      return back(state);
    case "finish":
      return { ...state, done: true };
    case "readiness": {
      const sub = subState(state, "readiness");
      if (!sub) return state;
      const r = reduceReadiness(sub, event.event);
      if ("exit" in r) return r.exit === "back" ? back(state) : { ...state, done: true };
      return r.state === sub ? state : { ...state, sub: { id: "readiness", state: r.state } };
    }
    case "export": {
      const sub = subState(state, "export");
      if (!sub) return state;
      const r = reduceExport(sub, event.event);
      if ("exit" in r) return r.exit === "back" ? back(state) : { ...state, done: true };
      return r.state === sub ? state : { ...state, sub: { id: "export", state: r.state } };
    }
    case "probe": {
      const sub = subState(state, "probe");
      if (!sub) return state;
      const r = reduceProbe(sub, event.event, { target: probeTarget(state.case) });
      if (!("exit" in r)) return r.state === sub ? state : { ...state, sub: { id: "probe", state: r.state } };
      if (r.exit === "done") return afterProbe(deps, state, r.result);
      return r.exit === "back" ? back(state) : go(state, { id: "source" });
    }
    case "whatif": {
      const sub = subState(state, "whatif");
      if (!sub) return state;
      const r = reduceWhatIf(sub, event.event, { original: state.case, today: deps.today });
      if ("exit" in r) return back(state);
      return r.state === sub ? state : { ...state, sub: { id: "whatif", state: r.state } };
    }
    case "live": {
      const sub = subState(state, "live");
      if (!sub) return state;
      return { ...state, sub: { id: "live", state: reduceLive(sub, event.event) } };
    }
  }
}

/** Bind the reducer to its dependencies, for React's useReducer and the plain loop. */
export function makeReducer(deps: FlowDeps): (state: FlowState, event: FlowEvent) => FlowState {
  return (state, event) => reduce(deps, state, event);
}
