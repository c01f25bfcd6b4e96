// Step 2: paste the exact error. Multi-line; a paste arrives whole.
import { Box } from "ink";
import { useState } from "react";
import { parseTextAnswer } from "../src/flow/questions.js";
import { t, type Lang } from "../src/i18n/index.js";
import { Frame, MultilineInput, Para, Steps, type OnBack } from "../src/ui/components.js";
import type { Theme } from "../src/render/theme.js";

export interface PasteScreenProps {
  theme: Theme;
  lang: Lang;
  step: string;
  initial?: string;
  onSubmit: (text: string) => void;
  onBack: OnBack;
  /** The text Enter would submit now (the paste ends on an empty line): see MultilineInput. */
  onReady?: (text: string | undefined) => void;
}

export function PasteScreen({ theme, lang, step, initial, onSubmit, onBack, onReady }: PasteScreenProps) {
  // A paste longer than a case file holds is refused here, with what to do, and the field starts again empty: taken,
  // it was analysed only in part and no case file or hand-over could be saved (a persona's 1,500-line log, 2026-12-04).
  const [refused, setRefused] = useState(0);
  // The refusal stays until something new is typed or pasted (it stood over the next paste, persona round 5 C7).
  const [said, setSaid] = useState(false);
  const submit = (text: string) => {
    const parsed = parseTextAnswer({ type: "paste" }, text);
    if (parsed.ok) onSubmit(text);
    else {
      setRefused((n) => n + 1);
      setSaid(true);
    }
  };
  return (
    <Frame theme={theme} title={t(lang, "wizard.title")} step={step} keys={t(lang, "wizard.keys.paste")}>
      <Para text={t(lang, "wizard.paste.q")} theme={theme} role="heading" />
      <Steps text={t(lang, "questions.device.reply.where")} theme={theme} role="muted" />
      {said ? <Para text={t(lang, "questions.err.paste")} theme={theme} role="warning" /> : null}
      <Box marginTop={1}>
        <MultilineInput key={refused} theme={theme} initial={refused > 0 ? "" : (initial ?? "")} linesLabel={(count) => (count === 1 ? t(lang, "wizard.paste.line") : t(lang, "wizard.paste.lines", { count }))} onSubmit={submit} onBack={onBack} onType={() => said && setSaid(false)} {...(onReady ? { onReady } : {})} />
      </Box>
    </Frame>
  );
}
