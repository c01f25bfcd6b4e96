// Step 2: what the pasted error already tells, and which questions it made unnecessary.
import { Box } from "ink";
import { useRef } from "react";
import type { Diagnosis } from "../src/engine/types.js";
import type { PasteSummary } from "../src/flow/types.js";
import { question } from "../src/flow/questions.js";
import { makerLines, PASTE_INFO, pointedCauses } from "../src/flow/summary.js";
import { t, type Lang } from "../src/i18n/index.js";

import { Frame, Line, Para, leaveBack, useKeys, type OnBack } from "../src/ui/components.js";
import type { Theme } from "../src/render/theme.js";
import { causeTitle, infoTitle } from "../src/render/labels.js";

export interface PasteSummaryScreenProps {
  theme: Theme;
  lang: Lang;
  step: string;
  summary: PasteSummary;
  diagnosis: Diagnosis;
  onContinue: () => void;
  onBack: OnBack;
}

export function PasteSummaryScreen({ theme, lang, step, summary, diagnosis, onContinue, onBack }: PasteSummaryScreenProps) {
  const done = useRef(false);
  useKeys((_input, key) => {
    if (done.current) return false;
    if (key.return) {
      done.current = true;
      onContinue();
    } else if (key.escape || key.leftArrow) {
      leaveBack(done, onBack);
    }
  });
  const { analysis, resolved } = summary;
  const primary = analysis.primary;
  const pointed = pointedCauses(summary, diagnosis);
  // What the paste itself shows beyond the causes (issue 10): another service answered, a refusal at
  // delivery, only a code, the client's words instead of the server's, a masked CI log.
  const told = diagnosis.info.filter((i) => PASTE_INFO.test(i.id));
  // A maker's own message: which maker, and what it names (chosen for the maker question).
  const maker = makerLines(lang, summary, diagnosis);
  const g = theme.glyphs;
  return (
    <Frame theme={theme} title={t(lang, "wizard.pasteSummary.title")} step={step} keys={t(lang, "wizard.keys.continue")}>
      {maker ? (
        <Box flexDirection="column">
          <Para text={maker.said} theme={theme} role="heading" />
          {maker.pointed.length > 0 ? <Line text={t(lang, "wizard.pasteSummary.makerPoints")} theme={theme} role="heading" /> : null}
          {maker.pointed.map((id) => (
            <Para key={id} text={`  ${g.bullet} ${causeTitle(lang, id)}`} theme={theme} indent="    " />
          ))}
        </Box>
      ) : null}
      {!analysis.recognized || !primary ? (
        maker ? null : <Para text={t(lang, "wizard.pasteSummary.unrecognized")} theme={theme} role="warning" />
      ) : (
        <Box flexDirection="column">
          <Line text={t(lang, "wizard.pasteSummary.reply")} theme={theme} role="heading" />
          <Para text={`  ${primary.reply.line}`} theme={theme} role="code" indent="  " />
          {analysis.authSucceeded ? <Para text={t(lang, "wizard.pasteSummary.authOk")} theme={theme} role="success" /> : null}
          <Line text={t(lang, "wizard.pasteSummary.points")} theme={theme} role="heading" />
          {pointed.map((id) => (
            <Para key={id} text={`  ${g.bullet} ${causeTitle(lang, id)}${primary.decisive && pointed.length === 1 ? ` ${t(lang, "wizard.pasteSummary.decisive")}` : ""}`} theme={theme} indent="    " />
          ))}
          {told.map((i) => (
            <Para key={i.id} text={`${g.pointer} ${infoTitle(lang, i)}`} theme={theme} role={i.id.startsWith("provider-") || i.id === "delivery-refused" ? "heading" : "warning"} indent="  " />
          ))}
        </Box>
      )}
      <Box marginTop={1} flexDirection="column">
        {resolved.length === 0 ? (
          <Para text={t(lang, "wizard.pasteSummary.noneResolved")} theme={theme} role="muted" />
        ) : (
          <>
            <Line text={t(lang, "wizard.pasteSummary.resolved")} theme={theme} role="heading" />
            {resolved.map((path) => (
              <Para key={path} text={`  ${g.ok} ${t(lang, question(path).prompt)}`} theme={theme} role="success" indent="    " />
            ))}
          </>
        )}
      </Box>
    </Frame>
  );
}
