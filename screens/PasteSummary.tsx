// Step 2: what the pasted error already tells, and which questions it made unnecessary.
import { Box } from "ink";
import { useRef } from "react";
import type { Case } from "../src/case/schema.js";
import type { Diagnosis } from "../src/engine/types.js";
import type { PasteSummary } from "../src/flow/types.js";
import { causeLineText, makerLines, resolvedQuestionText, PASTE_INFO, pointedCauses, pointsLine, programLine, replyHeading, shownReply, unrecognizedText } from "../src/flow/summary.js";
import { t, type Lang } from "../src/i18n/index.js";

import { Frame, Line, Para, frameRoom, leaveBack, listWindow, useKeys, type OnBack } from "../src/ui/components.js";
import type { Theme } from "../src/render/theme.js";
import type { VendorId } from "../src/devices/ids.js";
import { causeTitle, infoTitle, senderCase, senderParams } from "../src/render/labels.js";
import { wrapHanging } from "../src/render/layout.js";

export interface PasteSummaryScreenProps {
  theme: Theme;
  lang: Lang;
  step: string;
  summary: PasteSummary;
  diagnosis: Diagnosis;
  onContinue: () => void;
  onBack: OnBack;
  /** Who sends the mail (pasteSender): an application's debug tips are not shown for a printer of a known maker. */
  sender?: VendorId;
  /** Nothing more is asked after this paste (nothingMoreToAsk): said in place of the questions it made unnecessary. */
  straight?: boolean;
  /** The case's device facts: its sign-in method reads the reply as the diagnosis does (pointedCauses). */
  device?: Pick<Case, "device">;
  /** The terminal's rows: the screen keeps its title in view, listing fewer causes and questions with "and N more" (persona round 6, P6-14). */
  rows?: number;
}

export function PasteSummaryScreen({ theme, lang, step, summary, diagnosis, onContinue, onBack, rows, sender, straight = false, device }: PasteSummaryScreenProps) {
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
  const { analysis } = summary;
  // Going straight to the result, the questions it made unnecessary are all of them: said in one line instead.
  const resolved = straight ? [] : summary.resolved;
  // No line for "no question made unnecessary": it closed the screen saying nothing (persona round 7 #13).
  const none = straight ? t(lang, "wizard.pasteSummary.straightToResult", senderParams(lang, senderCase(sender))) : undefined;
  const primary = shownReply(summary);
  const pointed = pointedCauses(summary, diagnosis, device);
  // What the paste itself shows beyond the causes (issue 10): another service answered, a refusal at
  // delivery, only a code, the client's words instead of the server's, a masked CI log.
  const told = diagnosis.info.filter((i) => PASTE_INFO.test(i.id));
  // A maker's own message: which maker, and what it names (chosen for the maker question).
  const maker = makerLines(lang, summary, diagnosis);
  // A program's own error: an application is chosen as what sends the mail.
  const program = programLine(lang, summary);
  const g = theme.glyphs;
  // A device's or a program's own words are not the server's reply (P6-7: 「サーバーの応答:」 over 「認証エラー」).
  const heading = t(lang, replyHeading(primary));
  // The rows a text takes as a Para draws it.
  const h = (text: string, indent = "") => wrapHanging(text, theme.width, indent).length;
  // The program's own error is "named by the message", not by a reply (as the plain wizard says it: causeLineText).
  const causeLine = (id: (typeof pointed)[number]) => (primary ? causeLineText(lang, primary, pointed, id, g.bullet, sender) : `  ${g.bullet} ${causeTitle(lang, id, senderCase(sender))}`);
  // "It points at:" over the causes, or that no cause is known for the reply (the heading stood over nothing).
  const pointsKey = primary ? pointsLine(primary, pointed, told.length > 0) : undefined;
  const resolvedLine = (path: (typeof resolved)[number]) => `  ${g.ok} ${resolvedQuestionText(lang, path, sender)}`;
  // At 80×24 a sign-in failure without its reason listed 13 causes, its info and the questions: 28 rows, the title
  // scrolled away. Everything but the two lists is kept; the lists show what fits, each with a line for the rest.
  let shownCauses = pointed.length;
  let shownResolved = resolved.length;
  if (rows !== undefined) {
    const budget = frameRoom(rows, t(lang, "wizard.keys.continue"), theme);
    const fixed =
      (summary.cut ? h(t(lang, "wizard.pasteSummary.cut")) : 0) +
      (program ? h(program) : 0) +
      (maker ? h(maker.said) + (maker.pointed.length > 0 ? 1 : 0) + maker.pointed.reduce((n, id) => n + h(`  ${g.bullet} ${causeTitle(lang, id, senderCase(sender))}`, "    "), 0) : 0) +
      (!analysis.recognized || !primary
        ? maker
          ? 0
          : h(unrecognizedText(lang, summary))
        : h(heading) + (pointsKey ? h(t(lang, pointsKey)) : 0) + h(`  ${primary.reply.line}`, "  ") + (analysis.authSucceeded ? h(t(lang, "wizard.pasteSummary.authOk")) : 0) + told.reduce((n, i) => n + h(`${g.pointer} ${infoTitle(lang, i, sender)}`, "  "), 0)) +
      (resolved.length === 0 ? (none !== undefined ? 1 + h(none) : 0) : 2);
    const causeRows = primary && analysis.recognized ? pointed.map((id) => h(causeLine(id), "    ")) : [];
    const resolvedRows = resolved.map((path) => h(resolvedLine(path), "    "));
    // How many of a list fit from its top, one row kept for "and N more" (the long lists' window: listWindow).
    const fit = (heights: number[], room: number): number => listWindow(heights, 0, room)[1] + 1;
    // The questions no longer asked keep up to three rows; the causes take the rest first.
    const resolvedRoom = Math.min(resolvedRows.reduce((a, b) => a + b, 0), 3);
    shownCauses = fit(causeRows, Math.max(2, budget - fixed - resolvedRoom));
    const causeUsed = causeRows.slice(0, shownCauses).reduce((a, b) => a + b, 0) + (shownCauses < causeRows.length ? 1 : 0);
    shownResolved = fit(resolvedRows, Math.max(2, budget - fixed - causeUsed));
  }

  return (
    <Frame theme={theme} title={t(lang, "wizard.pasteSummary.title")} step={step} keys={t(lang, "wizard.keys.continue")}>
      {summary.cut ? <Para text={t(lang, "wizard.pasteSummary.cut")} theme={theme} role="warning" /> : null}
      {program ? <Para text={program} theme={theme} role="heading" /> : null}
      {maker ? (
        <Box flexDirection="column">
          <Para text={maker.said} theme={theme} role="heading" />
          {maker.pointed.length > 0 ? <Line text={t(lang, "wizard.pasteSummary.makerPoints")} theme={theme} role="heading" /> : null}
          {maker.pointed.map((id) => (
            <Para key={id} text={`  ${g.bullet} ${causeTitle(lang, id, senderCase(sender))}`} theme={theme} indent="    " />
          ))}
        </Box>
      ) : null}
      {!analysis.recognized || !primary ? (
        maker ? null : <Para text={unrecognizedText(lang, summary)} theme={theme} role="warning" />
      ) : (
        <Box flexDirection="column">
          <Para text={heading} theme={theme} role="heading" />
          <Para text={`  ${primary.reply.line}`} theme={theme} role="code" indent="  " />
          {analysis.authSucceeded ? <Para text={t(lang, "wizard.pasteSummary.authOk")} theme={theme} role="success" /> : null}
          {pointsKey === "wizard.pasteSummary.points" ? <Line text={t(lang, pointsKey)} theme={theme} role="heading" /> : pointsKey ? <Para text={t(lang, pointsKey)} theme={theme} role="warning" /> : null}
          {pointed.slice(0, shownCauses).map((id) => (
            <Para key={id} text={causeLine(id)} theme={theme} indent="    " />
          ))}
          {shownCauses < pointed.length ? <Line text={`  ${g.ellipsis} ${t(lang, "wizard.pasteSummary.moreCauses", { count: pointed.length - shownCauses })}`} theme={theme} role="muted" /> : null}
          {told.map((i) => (
            <Para key={i.id} text={`${g.pointer} ${infoTitle(lang, i, sender)}`} theme={theme} role={i.id.startsWith("provider-") || i.id === "delivery-refused" ? "heading" : "warning"} indent="  " />
          ))}
        </Box>
      )}
      {resolved.length === 0 && none === undefined ? null : (
        <Box marginTop={1} flexDirection="column">
          {resolved.length === 0 ? (
            <Para text={none ?? ""} theme={theme} role="heading" />
          ) : (
            <>
              <Line text={t(lang, "wizard.pasteSummary.resolved")} theme={theme} role="heading" />
              {resolved.slice(0, shownResolved).map((path) => (
                <Para key={path} text={resolvedLine(path)} theme={theme} role="success" indent="    " />
              ))}
              {shownResolved < resolved.length ? <Line text={`  ${g.ellipsis} ${t(lang, "wizard.pasteSummary.moreResolved", { count: resolved.length - shownResolved })}`} theme={theme} role="muted" /> : null}
            </>
          )}
        </Box>
      )}
    </Frame>
  );
}
