// The one Ink root of the interactive phase. It owns the flow state (the pure reducer of
// src/flow), switches screens by the state, and hands every side effect (saving, live reads,
// leaving) to callbacks from the command. Ctrl+C is handled here and nowhere else.
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import { Box, type Key } from "ink";
import { makeReducer, pendingQuestions } from "../src/flow/reducer.js";
import { question } from "../src/flow/questions.js";
import { DEVICE_FIELDS, PURPOSES, SOURCE_MODES, type FlowDeps, type FlowEvent, type FlowState, type LiveFact, type LivePwsh, type Screen } from "../src/flow/types.js";
import { sourceNote, liveSetupText } from "../src/flow/live-setup.js";
import type { FactPath } from "../src/case/facts.js";
import { getFact } from "../src/case/facts.js";
import { t, type Lang } from "../src/i18n/index.js";
import { KeyRoot, Para, useKeys } from "../src/ui/components.js";
import type { Theme } from "../src/ui/theme.js";
import { ChoiceScreen } from "./Choice.js";
import { ExportScreen, type ExportKind, type SaveResult } from "./Export.js";
import { PasteScreen } from "./Paste.js";
import { ProbeScreen, type RunProbe } from "./Probe.js";
import { PasteSummaryScreen } from "./PasteSummary.js";
import { QuestionScreen } from "./Question.js";
import { ReadinessScreen, type ReadinessScreenProps } from "./Readiness.js";
import { WhatIf } from "./WhatIf.js";
import { ResultScreen } from "./Result.js";

export type ExitReason = "done" | "cancel";

export interface WizardAppProps {
  deps: FlowDeps;
  initial: FlowState;
  theme: Theme;
  /** Today (YYYY-MM-DD), for the what-if calendar. */
  today: string;
  /** Terminal rows, for the result's scrolling. */
  rows: number;
  renderResult: (state: FlowState, width: number) => string[];
  defaultName: (kind: ExportKind) => string;
  save: (state: FlowState, kind: ExportKind, path: string, overwrite: boolean) => Promise<SaveResult>;
  /** Without an app registration: look for PowerShell with the modules (the sign-in route), once, in the background. */
  checkLive?: () => Promise<LivePwsh>;
  /** Read facts live (issue 4); `onMessage` shows sign-in instructions. Absent when no live reader is configured. */
  readLive?: (state: FlowState, onMessage: (text: string) => void) => Promise<{ facts: LiveFact[]; failed: FactPath[]; error?: string }>;
  /** The readiness path (issue 7): check a typed export path, and run the audit on the files. Absent: the path says it is not available. */
  checkAuditFile?: (lang: Lang, path: string) => ReturnType<ReadinessScreenProps["checkFile"]>;
  runReadiness?: (lang: Lang, ...args: Parameters<ReadinessScreenProps["run"]>) => ReturnType<ReadinessScreenProps["run"]>;
  /** Where a question's setting is on the named device (issue 14). Absent: no device hints. */
  deviceHint?: (state: FlowState, path: FactPath) => string[];
  /** Run the SMTP probe from this PC (issue 5). The password is passed for that one call. Absent: the step can only be skipped. */
  probe?: (lang: Lang, ...args: Parameters<RunProbe>) => ReturnType<RunProbe>;
  onExit: (state: FlowState, reason: ExitReason) => void;
}

const LANG_ORDER: readonly Lang[] = ["ja", "en"];

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

export function stepLabel(lang: Lang, screen: Screen): string {
  const n = stepNumber(screen);
  return t(lang, "wizard.step", { n, name: t(lang, `wizard.step.${n}` as "wizard.step.1") });
}

export function WizardApp(props: WizardAppProps) {
  const { deps } = props;
  const reducer = useMemo(() => makeReducer(deps), [deps]);
  const [state, dispatch] = useReducer(reducer, props.initial);
  const stateRef = useRef(state);
  stateRef.current = state;
  const exited = useRef(false);
  const exit = (reason: ExitReason) => {
    if (exited.current) return;
    exited.current = true;
    props.onExit(stateRef.current, reason);
  };
  // Ctrl+C can arrive inside a burst of typed characters (one chunk): look for it there too.
  const onKey = (input: string, key: Key): boolean => {
    if ((key.ctrl && input === "c") || input.includes("\u0003")) {
      exit("cancel");
      return true;
    }
    return exited.current;
  };
  useEffect(() => {
    if (state.done) exit("done");
  });
  return (
    <KeyRoot onKey={onKey}>
      <CurrentScreen {...props} state={state} dispatch={dispatch} stateRef={stateRef} />
    </KeyRoot>
  );
}

function CurrentScreen(props: WizardAppProps & { state: FlowState; dispatch: (e: FlowEvent) => void; stateRef: { current: FlowState } }) {
  const { deps, theme, state, dispatch, stateRef } = props;
  const { readLive, checkLive } = props;
  const [liveMessage, setLiveMessage] = useState("");
  useEffect(() => {
    if (!checkLive) return;
    let on = true;
    void checkLive().then((result) => on && dispatch({ type: "liveChecked", result }));
    return () => {
      on = false;
    };
  }, [checkLive]);
  useEffect(() => {
    if (state.screen.id !== "live") return;
    let live = true;
    const none: { facts: LiveFact[]; failed: FactPath[]; error?: string } = { facts: [], failed: [] };
    const read = readLive ? readLive(stateRef.current, (text) => live && setLiveMessage(text)) : Promise.resolve(none);
    void read.then((r) => {
      if (live) dispatch({ type: "liveRead", facts: r.facts, failed: r.failed, ...(r.error !== undefined ? { error: r.error } : {}) });
    });
    return () => {
      live = false;
    };
  }, [state.screen.id, readLive]);

  const { lang, screen } = state;
  const step = stepLabel(lang, screen);
  const back = () => dispatch({ type: "back" });
  const title = t(lang, "wizard.title");
  const key = `${state.history.length}:${screen.id}:${"path" in screen ? screen.path : ""}`;
  switch (screen.id) {
    case "language":
      return (
        <ChoiceScreen
          key={key}
          theme={theme}
          title={title}
          step={step}
          keys={t(lang, "wizard.keys.select")}
          question={t(lang, "wizard.language.q")}
          items={LANG_ORDER.map((l) => ({ label: t(lang, `wizard.language.${l}`) }))}
          initial={LANG_ORDER.indexOf(lang)}
          onSelect={(i) => dispatch({ type: "chooseLanguage", lang: LANG_ORDER[i] ?? "en" })}
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
          keys={t(lang, "wizard.keys.select")}
          question={t(lang, "wizard.purpose.q")}
          items={PURPOSES.map((p) => ({ label: t(lang, `wizard.purpose.${p}`) }))}
          initial={state.purpose ? PURPOSES.indexOf(state.purpose) : 0}
          onSelect={(i) => dispatch({ type: "choosePurpose", purpose: PURPOSES[i] ?? "failing" })}
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
          onSubmit={(text) => dispatch({ type: "submitPaste", text })}
          onBack={back}
        />
      );
    case "pasteSummary":
      return state.paste ? (
        <PasteSummaryScreen key={key} theme={theme} lang={lang} step={step} summary={state.paste} diagnosis={state.diagnosis} onContinue={() => dispatch({ type: "continue" })} onBack={back} />
      ) : null;
    case "device":
    case "question": {
      const path = screen.path;
      const progress =
        screen.id === "device"
          ? t(lang, "wizard.device.progress", { n: DEVICE_FIELDS.indexOf(screen.path) + 1, total: DEVICE_FIELDS.length })
          : t(lang, "wizard.question.progress", {
              n: state.history.filter((s) => s.id === "question").length + 1,
              left: Math.max(0, pendingQuestions(state).filter((p) => p !== path).length),
            });
      return (
        <QuestionScreen
          key={key}
          theme={theme}
          lang={lang}
          step={step}
          progress={progress}
          question={question(path)}
          {...(state.liveError && screen.id === "question" ? { notice: state.liveError } : {})}
          {...(props.deviceHint ? { deviceHint: props.deviceHint(state, path) } : {})}
          case={state.case}
          value={getFact(state.case, path)}
          onAnswer={(value) => dispatch({ type: "answer", path, value })}
          onDontKnow={() => dispatch({ type: "dontKnow", path })}
          onBack={back}
        />
      );
    }
    case "probe": {
      const device = state.case.device ?? {};
      const settings = {
        host: typeof device.host === "string" && device.host !== "" ? device.host : "smtp.office365.com",
        port: typeof device.port === "number" ? device.port : 587,
        ...(typeof device.username === "string" && device.username !== "" ? { username: device.username } : {}),
      };
      return (
        <ProbeScreen
          key={key}
          theme={theme}
          lang={lang}
          step={step}
          settings={settings}
          {...(props.probe ? { probe: (...args: Parameters<RunProbe>) => (props.probe as NonNullable<typeof props.probe>)(lang, ...args) } : {})}
          onDone={(result) => dispatch({ type: "probed", result })}
          onSkip={() => dispatch({ type: "skipProbe" })}
          onBack={back}
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
          onSelect={(i) => dispatch({ type: "chooseSource", source: SOURCE_MODES[i] ?? "manual" })}
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
          onSelect={() => dispatch({ type: "continue" })}
          onBack={back}
        />
      );
    case "live":
      return (
        <Box flexDirection="column">
          <Para text={t(lang, "wizard.live.reading")} theme={theme} role="heading" />
          {liveMessage ? <Para text={liveMessage} theme={theme} role="accent" /> : null}
        </Box>
      );
    case "result":
      return (
        <ResultScreen
          key={key}
          theme={theme}
          lang={lang}
          step={step}
          lines={props.renderResult(state, theme.width)}
          rows={Math.max(5, props.rows - 7)}
          onContinue={() => dispatch({ type: "continue" })}
          onBack={back}
        />
      );
    case "export":
      return (
        <ExportScreen
          key={key}
          theme={theme}
          lang={lang}
          step={step}
          defaultName={props.defaultName}
          save={(kind, path, overwrite) => props.save(stateRef.current, kind, path, overwrite)}
          onFinish={() => dispatch({ type: "finish" })}
          onBack={back}
        />
      );
    case "readiness":
    {
      const unavailable = { ok: false as const, message: t(lang, "wizard.readiness.unavailable") };
      const { checkAuditFile, runReadiness } = props;
      return (
        <ReadinessScreen
          key={key}
          theme={theme}
          lang={lang}
          step={step}
          checkFile={(path) => (checkAuditFile ? checkAuditFile(lang, path) : Promise.resolve(unavailable))}
          run={(files, onProgress) => (runReadiness ? runReadiness(lang, files, onProgress) : Promise.resolve(unavailable))}
          onDone={() => dispatch({ type: "finish" })}
          onBack={back}
        />
      );
    }
    case "whatif": {
      // The what-if explorer (its own area) reads keys itself; the sink keeps them from queueing here.
      const saveWhatIf = async (hypothetical: FlowState["case"]) => {
        const at = { ...stateRef.current, case: hypothetical };
        for (let n = 1; n <= 50; n++) {
          const r = await props.save(at, "case", n === 1 ? "smtp-auth-whatif.json" : `smtp-auth-whatif-${n}.json`, false);
          if (r.ok || !r.exists) return;
        }
      };
      return (
        <>
          <KeySink />
          <WhatIf
            key={key}
            lang={lang}
            original={state.case}
            evaluate={deps.evaluate}
            today={props.today}
            ascii={theme.ascii}
            color={theme.color("accent") !== undefined}
            width={theme.width}
            onBack={back}
            onSave={(hypothetical) => void saveWhatIf(hypothetical)}
          />
        </>
      );
    }
  }
}

/** Takes every key while a screen that reads keys by itself is shown. */
function KeySink() {
  useKeys(() => true);
  return null;
}
