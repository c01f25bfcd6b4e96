// A multi-line text prompt for plain mode (@inquirer/core): every Enter adds a line, so a pasted
// block arrives whole; a line with only "." (or Enter on the very first, empty line) finishes.
import { createPrompt, isEnterKey, useKeypress, useRef, useState } from "@inquirer/core";
import { safeText } from "../render/sanitize.js";

export interface MultilineConfig {
  message: string;
}

export const multilinePrompt = createPrompt<string, MultilineConfig>((config, done) => {
  const lines = useRef<string[]>([]);
  const current = useRef("");
  const [status, setStatus] = useState<"idle" | "done">("idle");
  const [, setTick] = useState(0);
  useKeypress((key, rl) => {
    if (status !== "idle") return;
    if (isEnterKey(key)) {
      const line = current.current;
      current.current = "";
      if (line.trim() === "." || (lines.current.length === 0 && line.trim() === "")) {
        setStatus("done");
        done(lines.current.join("\n").trim());
        return;
      }
      lines.current = [...lines.current, line];
    } else {
      current.current = rl.line;
    }
    setTick((n) => n + 1);
  });
  if (status === "done") return `${config.message} (${lines.current.length})`;
  // What was pasted is shown through the output sanitiser (a paste can carry escape sequences).
  return [config.message, ...lines.current.map((l) => `  ${safeText(l)}`), `> ${safeText(current.current)}`].join("\n");
});
