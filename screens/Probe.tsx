// After the device step: "test from this PC". Draws the probe step of the flow (src/flow/probe.ts):
// the device's settings prefilled, the password typed hidden, each phase as it ends. The password
// goes from the input straight to `onPassword` (the Ink root hands it to the probe, once): it is
// kept nowhere, not in the flow state, not in React state.
import { Box } from "ink";
import { useRef } from "react";
import type { ProbeTarget } from "../src/flow/ports.js";
import { probeAddsNothing, type ProbeEvent, type ProbeState } from "../src/flow/probe.js";
import { t, type Lang, type Params } from "../src/i18n/index.js";
import { renderPhaseLine } from "../src/probe/render.js";
import { Frame, Line, Para, PasswordInput, useKeys } from "../src/ui/components.js";
import type { Theme } from "../src/render/theme.js";

export interface ProbeScreenProps {
  theme: Theme;
  lang: Lang;
  step: string;
  state: ProbeState;
  settings: ProbeTarget;
  /** False when this build cannot probe: the step can only be skipped. */
  available: boolean;
  /** The words for what sends the mail (src/render/labels.ts senderParams): "The application signs in with OAuth …". */
  sender?: Params;
  /** Sends an event; answers the step's state after it, or undefined when the step was left. */
  onEvent: (event: ProbeEvent) => ProbeState | undefined;
  /** The password typed (the probe starts with it). */
  onPassword: (password: string) => void;
}

export function ProbeScreen({ theme, lang, step, state, settings, available, sender, onEvent, onPassword }: ProbeScreenProps) {
  const { phase, lines } = state;
  // Keys of one burst each see the phase the previous key left: the phase moves with the answer
  // of every event sent (the flow's own transition), not only when the screen is drawn again.
  const phaseRef = useRef<ProbeState["phase"]["id"] | "left">(phase.id);
  phaseRef.current = phase.id;
  const send = (event: ProbeEvent) => {
    phaseRef.current = onEvent(event)?.phase.id ?? "left";
  };
  useKeys((input, key) => {
    const current = phaseRef.current;
    // Once the step is left, keys wait for the next screen.
    if (current === "left" || current === "password") return false;
    if (current === "running") return true;
    if (key.ctrl) return;
    if (current === "offer") {
      if (input.toLowerCase() === "s" || (key.return && !available)) send({ type: "skip" });
      else if (key.return) send({ type: "test" });
      else if (key.escape || key.leftArrow) send({ type: "back" });
      return;
    }
    // On the result Esc is back, as on every screen; testing again has its own key (persona round 7 #4).
    if (key.return) send({ type: "accept" });
    else if (input.toLowerCase() === "r") send({ type: "retest" });
    else if (key.escape || key.leftArrow) send({ type: "back" });
  });

  const keys =
    phase.id === "offer"
      ? t(lang, available ? "wizard.probe.keys.offer" : "wizard.probe.keys.skipOnly")
      : phase.id === "password"
        ? t(lang, "wizard.probe.keys.password")
        : phase.id === "running"
          ? t(lang, "wizard.probe.keys.running")
          : t(lang, "wizard.probe.keys.done");
  const setting = (label: string, value: string) => <Line text={`  ${label}: ${value}`} theme={theme} />;
  return (
    <Frame theme={theme} title={t(lang, "wizard.probe.title")} step={step} keys={keys}>
      <Para text={t(lang, "wizard.probe.intro", sender)} theme={theme} />
      <Box flexDirection="column" marginY={1}>
        {setting(t(lang, "wizard.probe.host"), settings.host)}
        {setting(t(lang, "wizard.probe.port"), String(settings.port))}
        {setting(t(lang, "wizard.probe.username"), settings.username ?? t(lang, "wizard.probe.noUsername"))}
      </Box>
      {phase.id === "offer" ? (
        <Para text={t(lang, !available ? "wizard.probe.unavailable" : settings.oauth ? "wizard.probe.offerOauth" : settings.username ? "wizard.probe.offer" : "wizard.probe.offerNoUser", sender)} theme={theme} role="accent" />
      ) : null}
      {phase.id === "password" ? (
        <Box flexDirection="column">
          <Para text={t(lang, "wizard.probe.password", { user: settings.username ?? "" })} theme={theme} />
          <PasswordInput
            theme={theme}
            label={t(lang, "wizard.probe.passwordLabel")}
            onSubmit={onPassword}
            onBack={() => {
              onEvent({ type: "back" });
            }}
          />
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
          <Para text={t(lang, probeAddsNothing(phase.result) ? "wizard.probe.mergeNothing" : "wizard.probe.merge", sender)} theme={theme} role="muted" />
        </Box>
      ) : null}
    </Frame>
  );
}
