// Step 5: the result, already rendered to lines of at most the theme width. Scrolls when taller
// than the terminal.
import { Box } from "ink";
import { useRef, useState } from "react";
import { t, type Lang } from "../src/i18n/index.js";
import { Frame, frameRoom, Line, leaveBack, useKeys, type OnBack } from "../src/ui/components.js";
import type { Theme } from "../src/render/theme.js";

export interface ResultScreenProps {
  theme: Theme;
  lang: Lang;
  step: string;
  lines: readonly string[];
  /** Rows available for the result text. */
  rows: number;
  onContinue: () => void;
  onBack: OnBack;
  /** c: the commands, whole and unwrapped, outside the screen for copying. */
  onCopy?: () => void;
  /** w: what if, starting from this case. */
  onWhatIf?: () => void;
  /** h: the hand-over, outside the screen for copying into a ticket or a chat. */
  onHandover?: () => void;
}

/** The result's key line: "c: copy" and "h: hand-over" only where the wizard can leave the screen to print them. */
export function resultKeys(lang: Lang, copyable: boolean): string {
  return t(lang, copyable ? "wizard.keys.result" : "wizard.keys.resultNoCopy");
}

/**
 * The rows the result's text can take in a window of `windowRows`: all but the frame (title, step, two rules, the key line
 * as it wraps), the line that counts the rows shown, and the terminal's last line. At 60 columns the key line takes two
 * rows, and with one counted the title went above the window (persona pass, tmux 60×20).
 */
export function resultRows(windowRows: number, lang: Lang, theme: Theme, copyable: boolean): number {
  return Math.max(5, frameRoom(windowRows, resultKeys(lang, copyable), theme) - 1);
}

export function ResultScreen({ theme, lang, step, lines, rows, onContinue, onBack, onCopy, onWhatIf, onHandover }: ResultScreenProps) {
  const top = useRef(0);
  const done = useRef(false);
  const [, redraw] = useState(0);
  const page = Math.max(3, rows);
  const max = Math.max(0, lines.length - page);
  useKeys((_input, key) => {
    if (done.current) return false;
    if (key.return) {
      done.current = true;
      return onContinue();
    }
    if (key.escape || key.leftArrow) {
      leaveBack(done, onBack);
      return;
    }
    if (onCopy && (_input === "c" || _input === "C")) {
      done.current = true;
      return onCopy();
    }
    if (onHandover && (_input === "h" || _input === "H")) {
      done.current = true;
      return onHandover();
    }
    if (onWhatIf && (_input === "w" || _input === "W")) {
      done.current = true;
      return onWhatIf();
    }
    if (key.downArrow) top.current = Math.min(max, top.current + 1);
    else if (key.upArrow) top.current = Math.max(0, top.current - 1);
    else if (key.pageDown || _input === " ") top.current = Math.min(max, top.current + page);
    else if (key.pageUp) top.current = Math.max(0, top.current - page);
    else if (key.home) top.current = 0;
    else if (key.end) top.current = max;
    redraw((n) => n + 1);
  });
  const shown = lines.slice(top.current, top.current + page);
  return (
    <Frame theme={theme} title={t(lang, "wizard.result.title")} step={step} keys={resultKeys(lang, onCopy !== undefined)}>
      <Box flexDirection="column">
        {shown.map((line, i) => (
          <Line key={top.current + i} text={line} theme={theme} />
        ))}
      </Box>
      {max > 0 ? <Line text={`${top.current + 1}-${Math.min(lines.length, top.current + page)} / ${lines.length}`} theme={theme} role="muted" /> : null}
    </Frame>
  );
}
