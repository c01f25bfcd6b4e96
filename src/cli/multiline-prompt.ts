// A multi-line text prompt for plain mode (@inquirer/core): every Enter adds a line, so a pasted
// block arrives whole; a line with only "." (or Enter on the very first, empty line) finishes, and so
// does Ctrl+D (as in the Ink wizard) or the end of the input.
import { createPrompt, isEnterKey, useEffect, useKeypress, useRef, useState } from "@inquirer/core";
import { safeText } from "../render/sanitize.js";

/** Lines of the paste shown under the prompt (the Ink wizard shows as many). */
const SHOWN_LINES = 8;

export interface MultilineConfig {
  message: string;
}

export const multilinePrompt = createPrompt<string, MultilineConfig>((config, done) => {
  const lines = useRef<string[]>([]);
  const current = useRef("");
  const [status, setStatus] = useState<"idle" | "done">("idle");
  const [, setTick] = useState(0);
  const finish = (): void => {
    setStatus("done");
    done(lines.current.join("\n").trim());
  };
  // Ctrl+D on an empty line makes readline close itself, which ended the whole wizard (exit 130, the paste and every
  // answer lost: persona round 2, P2-15); the keypress never reaches this prompt. While the prompt is open, that close
  // finishes the paste instead, and the end of piped input does too.
  useEffect((rl) => {
    const close = rl.close;
    rl.close = () => {
      rl.close = close;
      if (current.current.trim() !== "") lines.current.push(current.current);
      finish();
    };
    return () => {
      rl.close = close;
    };
  }, []);
  useKeypress((key, rl) => {
    if (status !== "idle") return;
    if (isEnterKey(key)) {
      const line = current.current;
      current.current = "";
      if (line.trim() === "." || (lines.current.length === 0 && line.trim() === "")) return finish();
      lines.current.push(line);
    } else {
      current.current = rl.line;
    }
    setTick((n) => n + 1);
  });
  if (status === "done") return `${config.message} (${lines.current.length})`;
  // What was pasted is shown through the output sanitiser (a paste can carry escape sequences): the last lines only,
  // after how many came before them. Every key redraws the prompt: all the lines of a 1,500-line log, each time, took
  // a quarter of an hour (a persona's run, 2026-12-04).
  const all = lines.current;
  const shown = all.slice(-SHOWN_LINES).map((l) => `  ${safeText(l)}`);
  const earlier = all.length > SHOWN_LINES ? [`  (+${all.length - SHOWN_LINES})`] : [];
  return [config.message, ...earlier, ...shown, `> ${safeText(current.current)}`].join("\n");
});
