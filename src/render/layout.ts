// The one terminal layout module (screens, plain mode, reports, what-if, probe): right for
// Japanese, emoji and combining marks. Widths come from ./width.ts (East Asian wide = 2 columns,
// no dependency, nothing built at import), text is cut only between graphemes, Japanese lines
// follow kinsoku (no closing mark at a line start, no opening bracket at a line end). Ink 6.8's
// own truncation overflows on wide characters, so every line a screen draws is cut or wrapped here
// first.
import { graphemes, graphemeWidth as gWidth, simpleCodeWidth, width } from "./width.js";

export { graphemes, width };

/** Characters that must not start a line in Japanese (kinsoku shori, the common subset). */
const NO_LINE_START = new Set([..."、。，．・：；？！ー）」』】〕〉》”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻,.:;!?)]}%"]);

/** Characters that must not end a line: opening brackets and quotes (kinsoku shori). */
const NO_LINE_END = new Set([..."（「『【〔〈《“‘([{"]);

/** Is this grapheme a wide (CJK) character, after which a line may break without a space? */
function isWide(g: string): boolean {
  return gWidth(g) >= 2;
}

/** A break opportunity of `wrap`: a run of spaces, a run of narrow text or one wide grapheme, with its width in columns. */
export type Token = { text: string; space: boolean; width: number };

/** The first grapheme (tokens that can start with a no-line-start mark are single wide graphemes or ASCII). */
function firstGrapheme(text: string): string {
  const cp = text.codePointAt(0);
  if (cp === undefined) return "";
  return String.fromCodePoint(cp);
}

/**
 * Text made only of printable ASCII and the report's own narrow glyphs (— • … › → ✔ ✖ ❯): one
 * grapheme per character, each one column wide (checked in test/unit/text-layout.test.ts), so it is
 * cut into runs of spaces and of the rest without the grapheme walk.
 */
export const SIMPLE_TEXT = /^[\x20-\x7e\t\u2014\u2022\u2026\u203a\u2192\u2714\u2716\u276f]*$/;

/**
 * `tokenize` for text made only of simple characters (./width.ts: ASCII, tabs, general punctuation,
 * kana, the CJK ideographs, fullwidth forms …; each one grapheme, never joined to a neighbour, its
 * width known from its code), read code unit by code unit: nearly every paragraph of a report, in
 * English or Japanese. Undefined at the first other character (the grapheme walk reads that text).
 */
function simpleTokens(paragraph: string): Token[] | undefined {
  const tokens: Token[] = [];
  let start = 0;
  let runWidth = 0;
  let inSpace = false;
  const run = (end: number): Token => {
    const text = paragraph.slice(start, end);
    return inSpace ? { text: text.includes("\t") ? text.replace(/\t/g, " ") : text, space: true, width: runWidth } : { text, space: false, width: runWidth };
  };
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph.charCodeAt(i);
    const cw = c === 9 ? 1 : simpleCodeWidth(c);
    if (cw === 0) return undefined;
    const space = c === 32 || c === 9 || c === 0x3000;
    if (!space && cw === 2) {
      // A wide character is a token of its own (a line may break on either side of it).
      if (i > start) tokens.push(run(i));
      tokens.push({ text: paragraph.charAt(i), space: false, width: 2 });
      start = i + 1;
      runWidth = 0;
      continue;
    }
    if (i > start && space !== inSpace) {
      tokens.push(run(i));
      start = i;
      runWidth = 0;
    }
    inSpace = space;
    runWidth += cw;
  }
  if (paragraph.length > start) tokens.push(run(paragraph.length));
  return tokens;
}

/** `tokenize` for SIMPLE_TEXT (most of an English report): every character one column, cut into runs of spaces and of the rest. */
function narrowTokens(paragraph: string): Token[] {
  const tokens: Token[] = [];
  let start = 0;
  let inSpace = false;
  for (let i = 0; i <= paragraph.length; i++) {
    const c = paragraph.charCodeAt(i);
    const space = c === 32 || c === 9;
    if (i === paragraph.length || (i > start && space !== inSpace)) {
      if (i > start) {
        const text = paragraph.slice(start, i);
        tokens.push(inSpace ? { text: text.replace(/\t/g, " "), space: true, width: i - start } : { text, space: false, width: i - start });
      }
      start = i;
    }
    inSpace = space;
  }
  return tokens;
}

/** Split a paragraph into break opportunities: runs of spaces, runs of narrow non-space text, single wide graphemes. */
export function tokenize(paragraph: string): Token[] {
  return SIMPLE_TEXT.test(paragraph) ? narrowTokens(paragraph) : (simpleTokens(paragraph) ?? tokenizeByGrapheme(paragraph));
}

/** `tokenize` for any text, grapheme by grapheme. */
export function tokenizeByGrapheme(paragraph: string): Token[] {
  const tokens: Token[] = [];
  let current = "";
  let currentSpace = false;
  const flush = () => {
    if (current) tokens.push({ text: current, space: currentSpace, width: width(current) });
    current = "";
  };
  for (const g of graphemes(paragraph)) {
    const space = g === " " || g === "\t" || g === "\u3000";
    if (!space && isWide(g)) {
      flush();
      tokens.push({ text: g, space: false, width: width(g) });
      continue;
    }
    if (current && space !== currentSpace) flush();
    currentSpace = space;
    current += space && g === "\t" ? " " : g;
  }
  flush();
  return tokens;
}

/** Cut a string into pieces of at most `max` columns, between graphemes (a wide grapheme wider than max stands alone). */
function hardSplit(text: string, max: number): string[] {
  const out: string[] = [];
  let line = "";
  let w = 0;
  for (const g of graphemes(text)) {
    const gw = gWidth(g);
    if (w + gw > max && line) {
      out.push(line);
      line = "";
      w = 0;
    }
    line += g;
    w += gw;
  }
  if (line) out.push(line);
  return out;
}

/**
 * Wrap text to lines of at most `max` columns. Breaks at spaces, and between wide (CJK)
 * characters; keeps closing punctuation off the start of a line; cuts words longer than a line
 * between graphemes. Existing newlines are kept. Trailing spaces are dropped. `restMax` is the
 * width of every line after the first (for hanging indents); it defaults to `max`.
 */
export function wrap(text: string, max: number, restMax: number = max): string[] {
  const firstLimit = Math.max(1, Math.floor(max));
  const restLimit = Math.max(1, Math.floor(restMax));
  const lines: string[] = [];
  // (An indexed loop, without a one-element array for text of one paragraph: for…of allocates an iterator and its results
  // at every call in the interpreter, where a report's ~300 calls run at start.)
  const paragraphs = text.includes("\n") ? text.split(/\r?\n/) : undefined;
  const count = paragraphs === undefined ? 1 : paragraphs.length;
  for (let p = 0; p < count; p++) {
    const paragraph = paragraphs === undefined ? text : (paragraphs[p] as string);
    if (paragraph.trim() === "") {
      lines.push("");
      continue;
    }
    // (Not for a width that is not a number: the token loop below puts each word on its own line then, and wrapSpaced would
    // never get past a line.)
    if (SIMPLE_TEXT.test(paragraph) && !Number.isNaN(firstLimit) && !Number.isNaN(restLimit)) {
      wrapNarrow(paragraph, firstLimit, restLimit, lines);
      continue;
    }
    let line: Token[] = [];
    let w = 0;
    const push = () => {
      while (line.length && line[line.length - 1]?.space) line.pop();
      lines.push(line.map((t) => t.text).join(""));
      line = [];
      w = 0;
    };
    for (const token of tokenize(paragraph)) {
      const limit = lines.length === 0 ? firstLimit : restLimit;
      const tw = token.width;
      if (token.space) {
        if (line.length === 0) continue; // no leading spaces on wrapped lines
        line.push(token);
        w += tw;
        continue;
      }
      if (w + tw <= limit) {
        line.push(token);
        w += tw;
        continue;
      }
      // Does not fit.
      const last = line[line.length - 1];
      if (NO_LINE_START.has(firstGrapheme(token.text))) {
        // Carry the last word down with the punctuation rather than start a line with it, and the closing marks
        // between them too ("中)" before "。": carrying ")" alone started the line with it).
        let k = line.length - 1;
        while (k > 0 && !(line[k] as Token).space && NO_LINE_START.has(firstGrapheme((line[k] as Token).text))) k--;
        const carried = line.slice(k);
        const cw = carried.reduce((sum, t) => sum + t.width, tw);
        if (k >= 1 && !(line[k] as Token).space && cw <= limit) {
          line = line.slice(0, k);
          push();
          line.push(...carried, token);
          w = cw;
          continue;
        }
      }
      // An opening bracket never ends a line: it moves down with what it opens.
      const opener = last !== undefined && line.length > 1 && NO_LINE_END.has(last.text) ? line.pop() : undefined;
      if (line.length) push();
      const next = lines.length === 0 ? firstLimit : restLimit;
      if (opener !== undefined) {
        line.push(opener);
        w = opener.width;
        if (w + tw <= next) {
          line.push(token);
          w += tw;
          continue;
        }
        push();
      }
      if (tw <= next) {
        line.push(token);
        w = tw;
        continue;
      }
      const pieces = hardSplit(token.text, next);
      for (const piece of pieces.slice(0, -1)) lines.push(piece);
      const tail = pieces[pieces.length - 1] ?? "";
      w = width(tail);
      line = [{ text: tail, space: false, width: w }];
    }
    if (line.length) push();
  }
  return lines;
}

/**
 * `wrap` of one paragraph of SIMPLE_TEXT, appended to `lines`: the same lines as the token loop gives it, without a token
 * or an array per line (most of a report's text; the token objects were about a megabyte of short-lived memory at every
 * explain, issue 15). Its tokens are runs of spaces and of the rest, one column a character, alternating, so the rules for
 * Japanese never apply: a run that does not fit follows a space or starts the paragraph (nothing to carry down), and a
 * line's last token before it is a space (never an opening bracket). A line is then always one stretch of the paragraph.
 */
function wrapNarrow(paragraph: string, firstLimit: number, restLimit: number, lines: string[]): void {
  // Without a tab a word ends at the next space, found with indexOf rather than a character at a time (the loop runs in V8's
  // interpreter at start: reading every character in it was ~2 ms of an explain), and a whole line at a time (wrapSpaced).
  if (!paragraph.includes("\t")) {
    wrapSpaced(paragraph, firstLimit, restLimit, lines);
    return;
  }
  // With tabs: run by run, a run being spaces and tabs, or the rest.
  const n = paragraph.length;
  /** The line: from `start` (-1: empty) to the end of its last non-space run `end`; `w` its width with spaces after that. */
  let start = -1;
  let end = 0;
  let w = 0;
  let i = 0;
  while (i < n) {
    const space = isNarrowSpace(paragraph.charCodeAt(i));
    let j = i + 1;
    while (j < n && isNarrowSpace(paragraph.charCodeAt(j)) === space) j++;
    const tw = j - i;
    if (space) {
      if (start >= 0) w += tw; // no leading spaces on wrapped lines
    } else if (w + tw <= (lines.length === 0 ? firstLimit : restLimit)) {
      if (start < 0) start = i;
      end = j;
      w += tw;
    } else {
      if (start >= 0) lines.push(narrowLine(paragraph, start, end));
      const next = lines.length === 0 ? firstLimit : restLimit;
      // A run longer than a line is cut every `next` characters (hardSplit: one column, one grapheme each).
      let at = i;
      while (j - at > next) {
        lines.push(paragraph.slice(at, at + next));
        at += next;
      }
      start = at;
      end = j;
      w = j - at;
    }
    i = j;
  }
  if (start >= 0) lines.push(narrowLine(paragraph, start, end));
}

/**
 * `wrapNarrow` of a paragraph without a tab, a line at a time: a word fits while its end is at most `limit` columns from the
 * line's start (the spaces before it count), so a line runs to the end of the last word that ends there, found with
 * lastIndexOf; a first word longer than the line is cut every `limit` characters and its last piece starts the line.
 */
function wrapSpaced(paragraph: string, firstLimit: number, restLimit: number, lines: string[]): void {
  const n = paragraph.length;
  let start = 0;
  while (start < n && paragraph.charCodeAt(start) === 32) start++;
  while (start < n) {
    let limit = lines.length === 0 ? firstLimit : restLimit;
    let wordEnd = paragraph.indexOf(" ", start);
    if (wordEnd < 0) wordEnd = n;
    if (wordEnd - start > limit) {
      while (wordEnd - start > limit) {
        lines.push(paragraph.slice(start, start + limit));
        start += limit;
      }
      limit = lines.length === 0 ? firstLimit : restLimit;
    }
    // (A cut word's last piece may be wider than a line after the first: it stands alone.)
    const max = start + limit;
    let end = max <= wordEnd ? wordEnd : max >= n ? n : paragraph.charCodeAt(max) === 32 ? max : paragraph.lastIndexOf(" ", max);
    while (end > start && paragraph.charCodeAt(end - 1) === 32) end--;
    lines.push(paragraph.slice(start, end));
    start = end;
    while (start < n && paragraph.charCodeAt(start) === 32) start++;
  }
}

function isNarrowSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** A line of `wrapNarrow`: the stretch of the paragraph, its tabs (inside, between words) as spaces. */
function narrowLine(paragraph: string, start: number, end: number): string {
  const text = paragraph.slice(start, end);
  return text.includes("\t") ? text.replace(/\t/g, " ") : text;
}

/** Cut text to at most `max` columns; when cut, end with `ellipsis` (ASCII by default: "…" is ambiguous-width). */
export function truncate(text: string, max: number, ellipsis = "..."): string {
  if (width(text) <= max) return text;
  const ew = width(ellipsis);
  if (max <= ew) return hardSplit(ellipsis, Math.max(0, max))[0] ?? "";
  let out = "";
  let w = 0;
  for (const g of graphemes(text)) {
    const gw = gWidth(g);
    if (w + gw > max - ew) break;
    out += g;
    w += gw;
  }
  return out + ellipsis;
}

/**
 * Cut text to at most `max` columns at a place a line may break (a space; between Japanese characters, by the kinsoku
 * rules of `wrap`), ending in `ellipsis` when cut: "Microsoft 365 admin center > Users > Active…" rather than
 * "… Active us…", 「… で対象の…」 rather than 「… で対象のユ…」. A first word longer than the line is cut by grapheme.
 */
export function truncateWords(text: string, max: number, ellipsis = "..."): string {
  if (width(text) <= max) return text;
  const room = max - width(ellipsis);
  if (room <= 0) return truncate(text, max, ellipsis);
  const first = (wrap(text, room)[0] ?? "").replace(/[\s、，,:;]+$/, "");
  return first === "" ? truncate(text, max, ellipsis) : first + ellipsis;
}

/** Pad with spaces to exactly `size` columns (text wider than size is truncated first). */
export function pad(text: string, size: number, align: "left" | "right" = "left"): string {
  const fitted = width(text) > size ? truncate(text, size) : text;
  const fill = " ".repeat(Math.max(0, size - width(fitted)));
  return align === "left" ? fitted + fill : fill + fitted;
}

/** Exactly `cols` columns: cut by grapheme (the cut marked by `ellipsis`), then padded. */
export function fit(text: string, cols: number, ellipsis = "..."): string {
  return pad(truncate(text, cols, ellipsis), cols);
}

/** `left` at the start and `right` at the end of exactly `cols` columns (right cut to half the line, then left to what remains), with the space between. */
export function twoSides(left: string, right: string, cols: number, ellipsis = "..."): { left: string; gap: string; right: string } {
  const r = truncate(right, Math.floor(cols / 2), ellipsis);
  return { left: fit(left, cols - width(r) - 1, ellipsis), gap: " ", right: r };
}

/**
 * Wrap `text` to `cols` columns with a prefix on every line: `first` before the first line, `rest`
 * before the others (both kept as given: an indent, a label, a bullet). Each line leaves at least
 * `min` columns for the text.
 */
export function wrapPrefixed(text: string, cols: number, first: string, rest: string, min = 1): string[] {
  const lines = wrap(text, Math.max(min, cols - width(first)), Math.max(min, cols - width(rest)));
  if (lines.length === 0) return [first];
  lines[0] = first + lines[0];
  for (let i = 1; i < lines.length; i++) lines[i] = rest + lines[i];
  return lines;
}

/** Every line wrapped to `cols` keeping its own leading spaces, continuations indented `hang` more; text at least `min` columns wide. */
export function wrapLines(lines: readonly string[], cols: number, hang = 2, min = 1): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const indent = /^ */.exec(line)?.[0] ?? "";
    const body = line.slice(indent.length);
    if (body === "") out.push("");
    else out.push(...wrapPrefixed(body, cols, indent, indent + " ".repeat(hang), min));
  }
  return out;
}

/** The space between two columns of `tableRows`: two columns, wider than the space between words inside a cell. */
export const TABLE_SEP = "  ";

/**
 * One table row: each cell wrapped in its column and padded, columns joined by `sep`, as many lines as the tallest cell
 * (trailing spaces dropped). `sep` is two spaces by default: a cell that fills its column exactly would otherwise be one
 * space from the next one, which reads as a space inside one cell ("長期 (RejectDirectSend 中", persona pass). The caller's
 * widths leave room for it.
 */
export function tableRows(cells: readonly string[], widths: readonly number[], indent = "", sep = TABLE_SEP): string[] {
  const wrapped = cells.map((cell, i) => wrap(cell, widths[i] as number));
  const height = Math.max(...wrapped.map((w) => w.length));
  const out: string[] = [];
  for (let r = 0; r < height; r++) out.push((indent + wrapped.map((w, i) => pad(w[r] ?? "", widths[i] as number)).join(sep)).replace(/\s+$/, ""));
  return out;
}

/**
 * Wrap with a hanging indent, keeping the paragraph's own leading spaces: continuation lines start
 * with the leading spaces plus `indent` (dropped when that would take half the line).
 */
export function wrapHanging(text: string, cols: number, indent = ""): string[] {
  const lines: string[] = [];
  const max = Math.max(4, cols);
  for (const para of text.split("\n")) {
    const lead = /^\s*/.exec(para)?.[0] ?? "";
    const body = para.slice(lead.length);
    if (body === "" || width(para) <= max) {
      lines.push(para.replace(/ +$/, ""));
      continue;
    }
    const cont = width(lead + indent) < max / 2 ? lead + indent : "";
    lines.push(...wrapPrefixed(body, max, lead, cont));
  }
  return lines;
}

/**
 * `wrapPrefixed` in at most `max` lines: the last one allowed keeps its prefix and ends in `ellipsis` when there is
 * more, cut where a line may break (`truncateWords`) in the rest of the text itself (the wrapped lines joined again
 * lost their spaces in Japanese: "Visit https://…" read "Visithttps://…", persona round 6, P6-6).
 */
export function wrapPrefixedMax(text: string, cols: number, first: string, rest: string, max: number, ellipsis = "..."): string[] {
  const lines = wrapPrefixed(text, cols, first, rest);
  if (lines.length <= max) return lines;
  const lead = max <= 1 ? first : rest;
  let left = text;
  for (const [i, line] of lines.slice(0, Math.max(0, max - 1)).entries()) {
    const body = line.slice((i === 0 ? first : rest).length);
    left = left.trimStart();
    if (left.startsWith(body)) left = left.slice(body.length);
  }
  return [...lines.slice(0, Math.max(0, max - 1)), lead + truncateWords(left.trimStart(), cols - width(lead), ellipsis)];
}

/**
 * A line of keys ("Enter: apply  Esc: cancel", groups two spaces apart) wrapped to `cols` between its groups, never
 * inside one ("s:" ended a line and "save" began the next, P6-12); a group wider than a line is wrapped as text.
 */
export function wrapKeys(text: string, cols: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const group of text.split(/ {2,}/)) {
    const joined = line === "" ? group : `${line}  ${group}`;
    if (width(joined) <= cols) {
      line = joined;
      continue;
    }
    if (line !== "") out.push(line);
    const parts = width(group) <= cols ? [group] : wrap(group, cols);
    out.push(...parts.slice(0, -1));
    line = parts[parts.length - 1] ?? "";
  }
  if (line !== "") out.push(line);
  return out;
}

/** Step-by-step text ("1. …" lines and notes) indented by two columns, numbered lines hanging. */
export function stepLines(text: string, cols: number): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const num = /^(\d+\.\s)/.exec(line)?.[1];
    out.push(...wrapHanging(`  ${line}`, cols, num ? " ".repeat(num.length) : ""));
  }
  return out;
}
