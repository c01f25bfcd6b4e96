// Step 2: paste the exact error. Multi-line; a paste arrives whole.
import { Box } from "ink";
import type { Case } from "../src/case/schema.js";
import { question, whereText } from "../src/flow/questions.js";
import { t, type Lang } from "../src/i18n/index.js";
import { senderParams } from "../src/render/labels.js";
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
  /** The case so far: an application's is asked for the application's error, in its log (not a device's send log). */
  case?: Case;
}

export function PasteScreen({ theme, lang, step, initial, onSubmit, onBack, onReady, case: c }: PasteScreenProps) {
  return (
    <Frame theme={theme} title={t(lang, "wizard.title")} step={step} keys={t(lang, "wizard.keys.paste")}>
      <Para text={t(lang, "wizard.paste.q", senderParams(lang, c))} theme={theme} role="heading" />
      <Steps text={whereText(lang, question("device.reply", c).where, c)} theme={theme} role="muted" />
      <Box marginTop={1}>
        <MultilineInput theme={theme} initial={initial ?? ""} linesLabel={(count) => (count === 1 ? t(lang, "wizard.paste.line") : t(lang, "wizard.paste.lines", { count }))} onSubmit={onSubmit} onBack={onBack} {...(onReady ? { onReady } : {})} />
      </Box>
    </Frame>
  );
}
