// Read one line from a terminal without echoing it (for a password). Raw mode is switched off again
// whatever happens; Ctrl+C and Ctrl+D cancel. The typed text is returned once and kept nowhere else.
export interface HiddenInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?: (mode: boolean) => unknown;
}

export class HiddenInputCancelled extends Error {}

export function readHidden(input: HiddenInput, output: NodeJS.WritableStream, prompt: string, maxChars = 1024): Promise<string> {
  output.write(prompt);
  return new Promise((resolve, reject) => {
    const chars: string[] = [];
    input.setRawMode?.(true);
    input.resume();
    const finish = (err?: Error) => {
      input.off("data", onData);
      input.off("end", onEnd);
      input.setRawMode?.(false);
      input.pause();
      output.write("\n");
      if (err) reject(err);
      else resolve(chars.join(""));
      chars.length = 0;
    };
    const onEnd = () => finish(new HiddenInputCancelled("end of input"));
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === "string" ? chunk : chunk.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return finish();
        if (ch === "\u0003" || ch === "\u0004") return finish(new HiddenInputCancelled("cancelled"));
        if (ch === "\u007f" || ch === "\b") chars.pop();
        else if (ch === "\u0015") chars.length = 0; // Ctrl+U clears the line
        else if (ch >= " " && chars.length < maxChars) chars.push(ch);
      }
    };
    input.on("data", onData);
    input.on("end", onEnd);
  });
}
