// Fitting text into terminal columns exactly: measured with string-width, cut by grapheme (Ink's
// wrap="truncate" overflows on wide characters, so the screen cuts text itself).
import stringWidth from "string-width";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Cut to at most `width` columns, whole graphemes only; a cut is marked with "~". */
export function cut(text: string, width: number): string {
  if (width <= 0) return "";
  if (stringWidth(text) <= width) return text;
  let out = "";
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}~`;
}

/** Exactly `width` columns: cut, then padded with spaces. */
export function fit(text: string, width: number): string {
  const c = cut(text, width);
  return c + " ".repeat(Math.max(0, width - stringWidth(c)));
}

/** Wrap to lines of at most `width` columns: at spaces where possible, else between graphemes (Japanese). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  let used = 0;
  const push = () => {
    lines.push(line.trimEnd());
    line = "";
    used = 0;
  };
  for (const word of text.split(/(?<= )/)) {
    const w = stringWidth(word);
    if (used + stringWidth(word.trimEnd()) <= width) {
      line += word;
      used += w;
      continue;
    }
    // Latin words move to the next line whole; Japanese text fills the line and breaks between graphemes.
    if (w <= width && used > 0 && stringWidth(word) === word.length) {
      push();
      line = word;
      used = w;
      continue;
    }
    for (const { segment } of graphemes.segment(word)) {
      const sw = stringWidth(segment);
      if (used + sw > width) {
        if (segment === " ") continue;
        push();
      }
      line += segment;
      used += sw;
    }
  }
  if (line.trim() !== "" || lines.length === 0) push();
  return lines;
}

export { stringWidth };
