// Step 2: paste the exact error. Multi-line; a paste arrives whole.
import { Box } from "ink";
import type { Case } from "../src/case/schema.js";
import { question, whereText } from "../src/flow/questions.js";
import { t, type Lang } from "../src/i18n/index.js";
import { senderParams } from "../src/render/labels.js";
import { Frame, frameRoom, MultilineInput, Para, Steps, type OnBack } from "../src/ui/components.js";
import type { Theme } from "../src/render/theme.js";
import { stepLines, wrapHanging } from "../src/render/layout.js";
import { safeText } from "../src/render/sanitize.js";

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
  /** The terminal's rows: the pasted lines shown, then the directions, shrink so that the title stays in the window. */
  rows?: number;
}

/** The pasted lines shown in a window that has room for them all. */
const PASTE_LINES = 8;

/**
 * How many pasted lines, and rows of directions, the screen shows in `rows`: the frame (title, step, two rules, the key
 * line as it wraps), the question, the blank line and the line count are kept; the pasted lines go down to two, then the
 * directions are cut. At 60×20 a .NET stack trace of seven lines pushed the title and the step above the window, at 50×16
 * the question too (persona pass, tmux ja).
 */
export function pasteLayout(rows: number | undefined, heading: string, where: string, theme: Theme, keys: string): { lines: number; whereRows: number | undefined } {
  if (rows === undefined) return { lines: PASTE_LINES, whereRows: undefined };
  const whereAll = stepLines(safeText(where, { multiline: true }), theme.width).length;
  const room = frameRoom(rows, keys, theme) - wrapHanging(safeText(heading, { multiline: true }), theme.width).length - 2;
  const lines = Math.max(2, Math.min(PASTE_LINES, room - whereAll));
  return { lines, whereRows: room - lines >= whereAll ? undefined : Math.max(2, room - lines) };
}

export function PasteScreen({ theme, lang, step, initial, onSubmit, onBack, onReady, case: c, rows }: PasteScreenProps) {
  const heading = t(lang, "wizard.paste.q", senderParams(lang, c));
  const where = whereText(lang, question("device.reply", c).where, c);
  const keys = t(lang, "wizard.keys.paste");
  const fit = pasteLayout(rows, heading, where, theme, keys);
  return (
    <Frame theme={theme} title={t(lang, "wizard.title")} step={step} keys={keys}>
      <Para text={heading} theme={theme} role="heading" />
      <Steps text={where} theme={theme} role="muted" {...(fit.whereRows !== undefined ? { maxLines: fit.whereRows } : {})} />
      <Box marginTop={1}>
        <MultilineInput theme={theme} initial={initial ?? ""} maxLines={fit.lines} linesLabel={(count) => (count === 1 ? t(lang, "wizard.paste.line") : t(lang, "wizard.paste.lines", { count }))} onSubmit={onSubmit} onBack={onBack} {...(onReady ? { onReady } : {})} />
      </Box>
    </Frame>
  );
}
