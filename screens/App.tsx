// The one Ink root of the interactive phase. It owns the flow state (the pure reducer of
// src/flow, with the sub-flows of its steps), switches screens by the state, and runs the effects
// the state asks for through the wizard's ports (src/flow/effects.ts), the same way plain mode
// does. Ctrl+C is handled here and nowhere else.
import { useEffect, useMemo, useRef, useState, type ReactElement } from "react";
import { Box, renderToString, useStdout, type Key } from "ink";
import { deviceProgress, historyQuestion, makeReducer, nothingMoreToAsk, questionsToAsk, subState, withSub } from "../src/flow/reducer.js";
import { question } from "../src/flow/questions.js";
import { PURPOSES, SOURCE_MODES, type FlowEvent, type FlowState, type Screen } from "../src/flow/types.js";
import { sourceNote, liveSetupText } from "../src/flow/live-setup.js";
import { oneShot, pendingEffect, runEffect } from "../src/flow/effects.js";
import type { WizardServices } from "../src/flow/ports.js";
import { probeTarget } from "../src/flow/probe.js";
import { initialWhatIf, whatIfModel, type WhatIfState } from "../src/flow/whatif.js";
import { getFact } from "../src/case/facts.js";
import { t, type Lang } from "../src/i18n/index.js";
import type { Case } from "../src/case/schema.js";
import { deviceProgressLabel, senderParams } from "../src/render/labels.js";
import { KeyRoot, Para } from "../src/ui/components.js";
import { useFatal } from "../src/ui/input.js";
import { useStore } from "../src/ui/store.js";
import { themeWidth, type Theme } from "../src/render/theme.js";
import { ChoiceScreen } from "./Choice.js";
import { ExportScreen } from "./Export.js";
import { PasteScreen } from "./Paste.js";
import { ProbeScreen } from "./Probe.js";
import { PasteSummaryScreen } from "./PasteSummary.js";
import { QuestionScreen } from "./Question.js";
import { openedNotice, pasteSender } from "../src/flow/summary.js";
import { ReadinessScreen } from "./Readiness.js";
import type { ReadinessPhase } from "../src/flow/readiness.js";
import { WhatIfScreen } from "./WhatIf.js";
import { ResultScreen, resultRows } from "./Result.js";

/** done: finished; cancel: Ctrl+C; copy / handover: show the commands or the hand-over outside the screen, for copying, then come back. */
export type ExitReason = "done" | "cancel" | "copy" | "handover";

export interface WizardAppProps {
  /** The wizard's ports, passed once (src/flow/ports.ts). */
  services: WizardServices;
  initial: FlowState;
  theme: Theme;
  /** Terminal rows at the start, for the result's scrolling and the questions' notes (followed as the window is resized). */
  rows: number;
  onExit: (state: FlowState, reason: ExitReason) => void;
  /** The result screen offers "c: commands to copy" (the runner then shows them outside the screen and comes back). */
  copy?: boolean;
}

const LANG_ORDER: readonly Lang[] = ["ja", "en"];

/** How long the keys of a paste must pause before the step of its Enter is prepared (a paste arrives in one go). */
const PREPARE_AFTER_MS = 20;

/**
 * The terminal's rows and columns, following a resize: the result pages and the questions' notes are cut by the rows
 * (a shrink left the result's top above the screen; found in tmux), the lines wrapped to the columns. A stream without
 * them keeps `initial` rows and no columns of its own (the theme's width stays).
 */
function useTerminalSize(initial: number): { rows: number; columns: number | undefined } {
  const { stdout } = useStdout();
  const [size, setSize] = useState<{ rows: number; columns: number | undefined }>({ rows: initial, columns: undefined });
  useEffect(() => {
    const s = stdout as NodeJS.WriteStream | undefined;
    if (!s || typeof s.on !== "function") return undefined;
    const onResize = () => {
      const rows = typeof s.rows === "number" && s.rows > 0 ? s.rows : undefined;
      const columns = typeof s.columns === "number" && s.columns > 0 ? s.columns : undefined;
      setSize((old) => ({ rows: rows ?? old.rows, columns: columns ?? old.columns }));
    };
    s.on("resize", onResize);
    return () => {
      s.off("resize", onResize);
    };
  }, [stdout]);
  return size;
}

/**
 * The theme at the window's width once it has been resized (until then the one given): a window made narrower kept
 * the lines of its first width, which the terminal then broke over rows (P2-23).
 */
function useResizedTheme(theme: Theme, columns: number | undefined): Theme {
  return useMemo(() => (columns === undefined ? theme : { ...theme, width: themeWidth(columns) }), [theme, columns]);
}

export function stepNumber(screen: Screen): number {
  switch (screen.id) {
    case "language":
    case "purpose":
    case "readiness":
    case "whatif":
      return 1;
    case "paste":
    case "pasteSummary":
    case "device":
    case "history":
    case "probe":
      return 2;
    case "source":
    case "live":
    case "liveSetup":
      return 3;
    case "question":
      return 4;
    case "result":
      return 5;
    case "export":
      return 6;
  }
}

/** "Step 2 of 6: The device", or "The application" for an application's case (`c`). */
export function stepLabel(lang: Lang, screen: Screen, c?: Pick<Case, "device">): string {
  const n = stepNumber(screen);
  return t(lang, "wizard.step", { n, name: t(lang, `wizard.step.${n}` as "wizard.step.1", senderParams(lang, c)) });
}

/** "Question 3 (about 4 left)"; the last one says so rather than "about 0 left". */
export function questionProgress(lang: Lang, n: number, left: number): string {
  return left > 0 ? t(lang, "wizard.question.progress", { n, left }) : t(lang, "wizard.question.progressLast", { n });
}

/** The readiness path is a journey of its own, in three steps: the export files, reading them, the result and the save. */
export function readinessStepLabel(lang: Lang, phase: ReadinessPhase["id"]): string {
  const n = phase === "file" || phase === "checking" ? 1 : phase === "running" ? 2 : 3;
  return t(lang, "wizard.readinessStep", { n, name: t(lang, `wizard.readinessStep.${n}` as "wizard.readinessStep.1") });
}

export function WizardApp(props: WizardAppProps) {
  const { services } = props;
  const { rows, columns } = useTerminalSize(props.rows);
  const theme = useResizedTheme(props.theme, columns);
  // The step of the Enter that ends a paste, worked out ahead while the paste screen waits for that key (the reducer is
  // pure: the same state and text give the same next state); taken only for that very state and text.
  const ahead = useRef<{ state: FlowState; text: string; next: FlowState } | undefined>(undefined);
  const reduceNow = useMemo(() => makeReducer(services.deps), [services.deps]);
  const reducer = useMemo(
    () =>
      (s: FlowState, event: FlowEvent): FlowState => {
        const a = ahead.current;
        ahead.current = undefined;
        if (event.type === "submitPaste" && a && a.state === s && a.text === event.text) return a.next;
        return reduceNow(s, event);
      },
    [reduceNow],
  );
  const store = useStore(reducer, () => withSub(props.initial));
  const { state, dispatch } = store;
  const exited = useRef(false);
  // Text typed into a question's field and not yet answered: carried out of the screen with Ctrl+O and back (FlowState.draft).
  const draft = useRef<FlowState["draft"]>(props.initial.draft);
  const exit = (reason: ExitReason) => {
    if (exited.current) return;
    exited.current = true;
    const { draft: _old, ...now } = store.current();
    props.onExit(reason === "copy" && draft.current ? { ...now, draft: draft.current } : now, reason);
  };
  // Ctrl+C can arrive inside a burst of typed characters (one chunk): look for it there too.
  const onKey = (input: string, key: Key): boolean => {
    if ((key.ctrl && input === "c") || input.includes("\u0003")) {
      exit("cancel");
      return true;
    }
    // Ctrl+O: the lines of a question (the device's included: the maker's sources), the readiness step's export commands
    // or the result that are too long for the screen, whole, for copying. The device's questions said so and did nothing
    // (persona run, 2026-12-04); the readiness step cut its commands at 60 columns and had no way to see them (N-08).
    const now = store.current();
    const id = now.screen.id;
    // (The readiness step only while a file is asked: never while the audit runs or writes.)
    const readinessFile = id === "readiness" && subState(now, "readiness")?.phase.id === "file";
    if (props.copy && key.ctrl && input === "o" && (id === "question" || id === "device" || id === "history" || id === "result" || readinessFile)) {
      exit("copy");
      return true;
    }
    return exited.current;
  };
  useEffect(() => {
    if (state.done) exit("done");
  });

  // Without an app registration: look for PowerShell with the modules once, in the background.
  const { checkLive } = services;
  useEffect(() => {
    if (!checkLive) return;
    let on = true;
    void checkLive().then((result) => on && dispatch({ type: "liveChecked", result }));
    return () => {
      on = false;
    };
  }, [checkLive]);

  // While the paste screen waits (a person takes seconds to paste), warm the reply parser and the engine once.
  const { warmUp } = services;
  const onPaste = state.screen.id === "paste";
  const warmed = useRef(false);
  useEffect(() => {
    if (!onPaste || !warmUp || warmed.current) return;
    const timer = setTimeout(() => {
      warmed.current = true;
      warmUp(store.current().lang);
    }, 50);
    return () => clearTimeout(timer);
  }, [onPaste, warmUp]);

  // A paste that ends on an empty line waits only for Enter: that step is prepared once the keys pause, and again
  // when the state changes meanwhile (the background PowerShell check answering).
  const ready = useRef<string | undefined>(undefined);
  const { stdout } = useStdout();
  const drawn = useRef({ theme, rows, columns: 80 });
  drawn.current = { theme, rows, columns: (stdout as NodeJS.WriteStream | undefined)?.columns || 80 };
  const aheadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(aheadTimer.current), []);
  const prepare = useMemo(() => {
    return (text: string | undefined, after = PREPARE_AFTER_MS) => {
      clearTimeout(aheadTimer.current);
      ahead.current = undefined;
      ready.current = text;
      if (text === undefined) return;
      aheadTimer.current = setTimeout(() => {
        const now = store.current();
        if (now.screen.id !== "paste" || exited.current || ready.current !== text) return;
        try {
          const next = reduceNow(now, { type: "submitPaste", text });
          ahead.current = { state: now, text, next };
          // The analysis screen drawn once off-screen (nothing is written): its code and Ink's text measures are
          // ready for the frame the Enter draws. (Only that screen: the result's lines go through the runner's port.)
          const { theme: th, rows: r, columns: cols } = drawn.current;
          if (next.screen.id === "pasteSummary") renderToString(<CurrentScreen services={services} theme={th} rows={r} state={next} dispatch={() => next} putSecret={() => undefined} draft={{ current: undefined }} />, { columns: cols });
        } catch {
          // Left to the Enter itself, which then fails where it always did.
        }
      }, after);
    };
  }, [reduceNow]);
  useEffect(() => {
    if (state.screen.id !== "paste") ready.current = undefined;
    else if (ready.current !== undefined && ahead.current?.state !== state) prepare(ready.current, 0);
  }, [state, prepare]);

  // The effect the state asks for (a check, the audit, a save, the probe, a live read), each once;
  // what it says after the state has moved on is dropped.
  const fatal = useFatal();
  const started = useRef<object | undefined>(undefined);
  const secret = useMemo(() => oneShot(), []);
  useEffect(() => {
    const effect = pendingEffect(state);
    if (!effect || started.current === effect.token) return;
    started.current = effect.token;
    const current = () => !exited.current && pendingEffect(store.current())?.token === effect.token;
    const deliver = (event: FlowEvent) => {
      if (current()) dispatch(event);
    };
    runEffect(effect, state, { services, emit: deliver, takeSecret: secret.take }).then(deliver, (error: unknown) => {
      if (fatal) fatal(error);
      else throw error;
    });
  });

  return (
    <KeyRoot onKey={onKey}>
      <CurrentScreen services={services} theme={theme} rows={rows} state={state} dispatch={dispatch} putSecret={secret.put} draft={draft} prepare={prepare} {...(props.copy ? { onCopy: () => exit("copy"), onHandover: () => exit("handover") } : {})} />
    </KeyRoot>
  );
}

interface CurrentScreenProps {
  services: WizardServices;
  theme: Theme;
  rows: number;
  state: FlowState;
  dispatch: (e: FlowEvent) => FlowState;
  putSecret: (password: string) => void;
  /** The question's typed text not yet answered (see WizardApp). */
  draft: { current: FlowState["draft"] };
  onCopy?: () => void;
  onHandover?: () => void;
  /** The paste Enter would submit now (undefined: Enter would not end it): its step is worked out ahead (see WizardApp). */
  prepare?: (text: string | undefined) => void;
}

function CurrentScreen({ services, theme, rows, state, dispatch, putSecret, draft, onCopy, onHandover, prepare }: CurrentScreenProps): ReactElement | null {
  const { deps } = services;
  // Screens' callbacks answer nothing (an answer from a key handler means "keys left over"). Any event ends a draft.
  const act = (event: FlowEvent): void => {
    draft.current = undefined;
    dispatch(event);
  };
  const { lang, screen } = state;
  const step = stepLabel(lang, screen, state.case);
  // False when there was nowhere to go back to (the screen, and its keys, stay). Going back also ends a draft.
  const back = (): boolean => {
    draft.current = undefined;
    return dispatch({ type: "back" }) !== state;
  };
  // Setting up a new device asks whether it will send, not why it cannot (persona run, 80x24).
  const title = t(lang, state.purpose === "new-device" ? "wizard.title.newDevice" : "wizard.title", senderParams(lang, state.case));
  const key = `${state.history.length}:${screen.id}:${"path" in screen ? screen.path : ""}`;
  // The wizard's first screen (the language, or the purpose with --lang) has nowhere to go back to: Esc is not offered.
  const firstKeys = state.history.length === 0 ? "wizard.keys.selectFirst" : "wizard.keys.select";
  switch (screen.id) {
    case "language":
      return (
        <ChoiceScreen
          key={key}
          theme={theme}
          title={title}
          step={step}
          keys={t(lang, firstKeys)}
          question={t(lang, "wizard.language.q")}
          items={LANG_ORDER.map((l) => ({ label: t(lang, `wizard.language.${l}`) }))}
          initial={LANG_ORDER.indexOf(lang)}
          onSelect={(i) => act({ type: "chooseLanguage", lang: LANG_ORDER[i] ?? "en" })}
          onBack={back}
        />
      );
    case "purpose":
      return (
        <ChoiceScreen
          key={key}
          theme={theme}
          title={title}
          step={step}
          keys={t(lang, firstKeys)}
          question={t(lang, "wizard.purpose.q")}
          items={PURPOSES.map((p) => ({ label: t(lang, `wizard.purpose.${p}`) }))}
          initial={state.purpose ? PURPOSES.indexOf(state.purpose) : 0}
          onSelect={(i) => act({ type: "choosePurpose", purpose: PURPOSES[i] ?? "failing" })}
          onBack={back}
        />
      );
    case "paste":
      return (
        <PasteScreen
          key={key}
          theme={theme}
          lang={lang}
          step={step}
          initial={typeof state.case.device?.reply === "string" ? state.case.device.reply : ""}
          case={state.case}
          rows={rows}
          onSubmit={(text) => act({ type: "submitPaste", text })}
          onBack={back}
          {...(prepare ? { onReady: prepare } : {})}
        />
      );
    case "pasteSummary":
      return state.paste ? (
        <PasteSummaryScreen key={key} theme={theme} lang={lang} step={step} summary={state.paste} sender={pasteSender(state.case, state.paste)} device={state.case} diagnosis={state.diagnosis} straight={nothingMoreToAsk(state)} rows={rows} onContinue={() => act({ type: "continue" })} onBack={back} />
      ) : null;
    case "device":
    case "history":
    case "question": {
      const path = screen.path;
      const progress =
        historyQuestion(state)
          ? t(lang, "wizard.history.progress")
          : screen.id === "device"
          ? deviceProgressLabel(lang, deviceProgress(state), state.case)
          : questionProgress(lang, state.history.filter((s) => s.id === "question").length + 1, questionsToAsk(deps, state).filter((p) => p !== path).length);
      // Why the live read did not work, else which case was opened (its first question).
      const notice = state.liveError && screen.id === "question" ? state.liveError : openedNotice(state);
      return (
        <QuestionScreen
          key={key}
          theme={theme}
          lang={lang}
          title={title}
          step={step}
          progress={progress}
          question={question(path, state.case)}
          today={services.deps.today}
          {...(notice ? { notice } : {})}
          {...(services.deviceHint ? { deviceHint: services.deviceHint(state, path) } : {})}
          case={state.case}
          value={getFact(state.case, path)}
          rows={rows}
          onAnswer={(value) => act({ type: "answer", path, value })}
          onDontKnow={() => act({ type: "dontKnow", path })}
          onBack={back}
          {...(draft.current?.path === path ? { draft: draft.current.text } : {})}
          onDraft={(text) => {
            draft.current = { path, text };
          }}
        />
      );
    }
    case "probe": {
      const sub = subState(state, "probe");
      if (!sub) return null;
      return (
        <ProbeScreen
          key={key}
          theme={theme}
          lang={lang}
          step={step}
          state={sub}
          settings={probeTarget(state.case)}
          available={services.probe !== undefined}
          sender={senderParams(lang, state.case)}
          onEvent={(event) => subState(dispatch({ type: "probe", event }), "probe")}
          onPassword={(password) => {
            // Straight to the probe effect, once: never into the flow state or an event.
            putSecret(password);
            act({ type: "probe", event: { type: "start" } });
          }}
        />
      );
    }
    case "source":
      return (
        <ChoiceScreen
          key={key}
          theme={theme}
          title={title}
          step={step}
          keys={t(lang, "wizard.keys.select")}
          question={t(lang, "wizard.source.q")}
          items={SOURCE_MODES.map((m) => {
            const note = m === "manual" ? undefined : sourceNote(lang, deps.liveAvailable, state.livePwsh);
            return { label: t(lang, `wizard.source.${m}`), ...(note ? { note } : {}) };
          })}
          initial={SOURCE_MODES.indexOf(state.source ?? "manual")}
          onSelect={(i) => act({ type: "chooseSource", source: SOURCE_MODES[i] ?? "manual" })}
          onBack={back}
        />
      );
    case "liveSetup":
      return (
        <ChoiceScreen
          key={key}
          theme={theme}
          title={title}
          step={step}
          keys={t(lang, "wizard.keys.select")}
          question={liveSetupText(lang, state.livePwsh)}
          items={[{ label: t(lang, "wizard.liveSetup.continue") }]}
          onSelect={() => act({ type: "continue" })}
          onBack={back}
        />
      );
    case "live":
      return (
        <Box flexDirection="column">
          <Para text={t(lang, "wizard.live.reading")} theme={theme} role="heading" />
          {subState(state, "live")?.message ? <Para text={subState(state, "live")?.message ?? ""} theme={theme} role="accent" /> : null}
        </Box>
      );
    case "result":
      return (
        <ResultScreen
          key={key}
          theme={theme}
          lang={lang}
          step={step}
          lines={services.resultLines(state, theme.width)}
          rows={resultRows(rows, lang, theme, onCopy !== undefined)}
          onContinue={() => act({ type: "continue" })}
          onBack={back}
          {...(onCopy ? { onCopy } : {})}
          {...(onHandover ? { onHandover } : {})}
          onWhatIf={() => act({ type: "openWhatIf" })}
        />
      );
    case "export": {
      const sub = subState(state, "export");
      if (!sub) return null;
      return <ExportScreen key={key} theme={theme} lang={lang} step={step} state={sub} defaultName={services.defaultName} onEvent={(event) => act({ type: "export", event })} />;
    }
    case "readiness": {
      const sub = subState(state, "readiness");
      if (!sub) return null;
      return <ReadinessScreen key={key} theme={theme} lang={lang} step={readinessStepLabel(lang, sub.phase.id)} state={sub} onEvent={(event) => act({ type: "readiness", event })} copyable={onCopy !== undefined} rows={rows} />;
    }
    case "whatif":
      return <WhatIfStep key={key} theme={theme} lang={lang} state={state} sub={subState(state, "whatif") ?? initialWhatIf()} services={services} act={act} rows={rows} />;
    default:
      return unreachable(screen);
  }
}

/** A screen id without a case above fails to compile here. */
function unreachable(screen: never): never {
  throw new Error(`no screen for ${JSON.stringify(screen)}`);
}

/** The what-if explorer on the recorded case: what the edits mean is derived once per change. */
function WhatIfStep({ theme, lang, state, sub, services, act, rows }: { theme: Theme; lang: Lang; state: FlowState; sub: WhatIfState; services: WizardServices; act: (e: FlowEvent) => void; rows: number }) {
  const { evaluate, today } = services.deps;
  const model = useMemo(
    () => whatIfModel(sub, { original: state.case, today, evaluate, before: state.diagnosis }),
    [sub.edits, sub.view, state.case, state.diagnosis, today, evaluate],
  );
  return <WhatIfScreen theme={theme} lang={lang} state={sub} model={model} rows={rows} onEvent={(event) => act({ type: "whatif", event })} />;
}
