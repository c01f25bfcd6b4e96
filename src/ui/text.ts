// Terminal text measured in columns: string-width for the width of each grapheme, Intl.Segmenter to
// cut between graphemes. Ink 6.8's own truncation overflows on wide characters, so every line the
// screens draw is cut or wrapped here first and never wider than the width asked for.
import stringWidth from "string-width";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

export function width(text: string): number {
  return stringWidth(text);
}

/** Cut a line to at most `cols` columns, ending with `ellipsis` when it was cut. */
export function truncate(text: string, cols: number, ellipsis = "..."): string {
  if (width(text) <= cols) return text;
  const room = Math.max(0, cols - width(ellipsis));
  let out = "";
  let used = 0;
  for (const g of graphemes(text)) {
    const w = width(g);
    if (used + w > room) break;
    out += g;
    used += w;
  }
  return out + (cols >= width(ellipsis) ? ellipsis : "");
}

/** Pad with spaces to exactly `cols` columns (after truncating if needed). */
export function padEnd(text: string, cols: number): string {
  const cut = truncate(text, cols);
  return cut + " ".repeat(Math.max(0, cols - width(cut)));
}

/**
 * Wrap text to lines of at most `cols` columns. ASCII words move whole to the next line when they
 * fit there; Japanese (and any word longer than a line) breaks between graphemes. A line-start
 * `indent` of continuation lines keeps lists readable. Existing newlines are kept.
 */
export function wrap(text: string, cols: number, indent = ""): string[] {
  const lines: string[] = [];
  for (const para of text.split("\n")) lines.push(...wrapLine(para, Math.max(4, cols), indent));
  return lines;
}

const NO_LINE_START = /^[、。，．,.)\]}）」』】〉》?？!！:;：；ー]/u;

function wrapLine(line: string, cols: number, indent: string): string[] {
  if (width(line) <= cols) return [line];
  const lead = /^\s*/.exec(line)?.[0] ?? "";
  const contIndent = width(lead + indent) < cols / 2 ? lead + indent : "";
  const out: string[] = [];
  let cur = "";
  let curW = 0;
  // tokens: runs of non-space ASCII (kept whole when possible), single spaces, single other graphemes
  const tokens = line.match(/[\x21-\x7e]+| +|[^\x20-\x7e]/gu) ?? [];
  const flush = (next?: string) => {
    // Kinsoku: a line must not start with closing punctuation; carry the last grapheme along with it.
    let carry = "";
    if (next !== undefined && NO_LINE_START.test(next)) {
      const gs = graphemes(cur);
      if (gs.length > 1 && !/\s/.test(gs[gs.length - 1] ?? "")) carry = gs.pop() ?? "";
      cur = gs.join("");
    }
    out.push(cur.replace(/ +$/, ""));
    cur = contIndent + carry;
    curW = width(cur);
  };
  for (const token of tokens) {
    const w = width(token);
    if (curW + w <= cols) {
      cur += token;
      curW += w;
      continue;
    }
    if (/^ +$/.test(token)) {
      flush();
      continue;
    }
    if (w <= cols - width(contIndent) - 2 && curW > width(contIndent)) {
      flush(token);
      cur += token;
      curW += w;
      continue;
    }
    for (const g of graphemes(token)) {
      const gw = width(g);
      if (curW + gw > cols) flush(g);
      cur += g;
      curW += gw;
    }
  }
  if (cur.trim() !== "" || out.length === 0) out.push(cur.replace(/ +$/, ""));
  return out;
}

/** Step-by-step text ("1. …" lines and notes) indented by two columns, numbered lines hanging. */
export function stepLines(text: string, cols: number): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const num = /^(\d+\.\s)/.exec(line)?.[1];
    out.push(...wrapLine(`  ${line}`, Math.max(4, cols), num ? " ".repeat(num.length) : ""));
  }
  return out;
}
