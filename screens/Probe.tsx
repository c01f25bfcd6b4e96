// After the device step: "test from this PC". The device's settings are shown prefilled; the
// password is typed hidden, handed once to the `probe` callback (the command runs the probe) and
// kept nowhere: not in the flow state, not in React state. Each phase is drawn as it ends.
import { Box } from "ink";
import { useRef, useState } from "react";
import { t, type Lang } from "../src/i18n/index.js";
import type { PhaseReport, ProbeResult } from "../src/probe/types.js";
import { renderPhaseLine } from "../src/probe/render.js";
import { Frame, Line, Para, PasswordInput, useKeys } from "../src/ui/components.js";
import type { Theme } from "../src/ui/theme.js";

export interface ProbeSettings {
  host: string;
  port: number;
  username?: string;
}

/** Runs the probe (I/O lives in the command). The password is used for this one call. */
export type RunProbe = (settings: ProbeSettings, password: string | undefined, onPhase: (phase: PhaseReport) => void) => Promise<ProbeResult>;

export interface ProbeScreenProps {
  theme: Theme;
  lang: Lang;
  step: string;
  settings: ProbeSettings;
  /** Absent when this build cannot probe: the step can only be skipped. */
  probe?: RunProbe;
  onDone: (result: ProbeResult) => void;
  onSkip: () => void;
  onBack: () => void;
}

type Phase = { id: "offer" } | { id: "password" } | { id: "running" } | { id: "done"; result: ProbeResult };

export function ProbeScreen({ theme, lang, step, settings, probe, onDone, onSkip, onBack }: ProbeScreenProps) {
  const [phase, setPhaseState] = useState<Phase>({ id: "offer" });
  const [lines, setLines] = useState<PhaseReport[]>([]);
  const leaving = useRef(false);
  const phaseRef = useRef(phase);
  // The ref moves at once: keys of the same burst see the new phase.
  const setPhase = (p: Phase) => {
    phaseRef.current = p;
    setPhaseState(p);
  };

  const start = (password: string | undefined) => {
    if (!probe) return;
    setLines([]);
    setPhase({ id: "running" });
    // The password goes into this one call and is not kept by the screen.
    void probe(settings, password === "" ? undefined : password, (p) => setLines((l) => [...l, p])).then((result) => {
      setLines(result.phases);
      setPhase({ id: "done", result });
    });
  };

  useKeys((input, key) => {
    if (leaving.current) return false;
    const current = phaseRef.current;
    if (current.id === "password" || current.id === "running") return current.id === "running" ? true : false;
    if (key.ctrl) return;
    if (current.id === "offer") {
      if (input.toLowerCase() === "s" || (key.return && !probe)) {
        leaving.current = true;
        onSkip();
      } else if (key.return) {
        if (settings.username) setPhase({ id: "password" });
        else start(undefined);
      } else if (key.escape || key.leftArrow) {
        leaving.current = true;
        onBack();
      }
      return;
    }
    if (key.return) {
      leaving.current = true;
      onDone(current.result);
    } else if (key.escape || key.leftArrow) {
      setPhase({ id: "offer" });
    }
  });

  const keys =
    phase.id === "offer"
      ? t(lang, probe ? "wizard.probe.keys.offer" : "wizard.probe.keys.skipOnly")
      : phase.id === "password"
        ? t(lang, "wizard.probe.keys.password")
        : phase.id === "running"
          ? t(lang, "wizard.probe.keys.running")
          : t(lang, "wizard.probe.keys.done");
  const setting = (label: string, value: string) => <Line text={`  ${label}: ${value}`} theme={theme} />;
  return (
    <Frame theme={theme} title={t(lang, "wizard.probe.title")} step={step} keys={keys}>
      <Para text={t(lang, "wizard.probe.intro")} theme={theme} />
      <Box flexDirection="column" marginY={1}>
        {setting(t(lang, "wizard.probe.host"), settings.host)}
        {setting(t(lang, "wizard.probe.port"), String(settings.port))}
        {setting(t(lang, "wizard.probe.username"), settings.username ?? t(lang, "wizard.probe.noUsername"))}
      </Box>
      {phase.id === "offer" ? (
        <Para text={t(lang, !probe ? "wizard.probe.unavailable" : settings.username ? "wizard.probe.offer" : "wizard.probe.offerNoUser")} theme={theme} role="accent" />
      ) : null}
      {phase.id === "password" ? (
        <Box flexDirection="column">
          <Para text={t(lang, "wizard.probe.password", { user: settings.username ?? "" })} theme={theme} />
          <PasswordInput theme={theme} label={t(lang, "wizard.probe.passwordLabel")} onSubmit={(pw) => start(pw)} onBack={() => setPhase({ id: "offer" })} />
        </Box>
      ) : null}
      {phase.id === "running" || phase.id === "done" ? (
        <Box flexDirection="column">
          <Line text={t(lang, phase.id === "running" ? "wizard.probe.running" : "wizard.probe.finished")} theme={theme} role="heading" />
          {lines.map((p, i) => (
            <Line key={i} text={renderPhaseLine(lang, p, theme.ascii)} theme={theme} role={p.status === "failed" ? "danger" : p.status === "ok" ? "success" : "muted"} />
          ))}
        </Box>
      ) : null}
      {phase.id === "done" ? (
        <Box flexDirection="column" marginTop={1}>
          {phase.result.finalReply ? <Para text={t(lang, "wizard.probe.reply", { reply: phase.result.finalReply })} theme={theme} role="accent" /> : null}
          <Para text={t(lang, "wizard.probe.merge")} theme={theme} role="muted" />
        </Box>
      ) : null}
    </Frame>
  );
}
