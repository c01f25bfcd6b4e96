// Step 1, "readiness": what the audit does and the command to run it.
import { Box } from "ink";
import { useRef } from "react";
import { t, type Lang } from "../src/i18n/index.js";
import { Frame, Line, Para, Steps, useKeys } from "../src/ui/components.js";
import type { Theme } from "../src/ui/theme.js";

export function ReadinessScreen({ theme, lang, step, onDone, onBack }: { theme: Theme; lang: Lang; step: string; onDone: () => void; onBack: () => void }) {
  const done = useRef(false);
  useKeys((_input, key) => {
    if (done.current) return false;
    if (key.return) {
      done.current = true;
      onDone();
    } else if (key.escape || key.leftArrow) {
      done.current = true;
      onBack();
    }
  });
  return (
    <Frame theme={theme} title={t(lang, "wizard.readiness.title")} step={step} keys={t(lang, "wizard.keys.continue")}>
      <Steps text={t(lang, "wizard.readiness.body")} theme={theme} />
      <Box marginY={1}>
        <Line text={`  ${t(lang, "wizard.readiness.command")}`} theme={theme} role="code" />
      </Box>
      <Para text={t(lang, "wizard.readiness.after")} theme={theme} role="muted" />
    </Frame>
  );
}
