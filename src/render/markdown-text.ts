// Text in a Markdown report (a ticket, the audit's report): any text, ours or from outside (a pasted
// reply, a display name from a sign-in log, a file name), made inert and kept readable.
//
// Inert: after the one sanitiser (safeText), nothing in the text can open a link, an image, HTML,
// emphasis, code, a heading, a quote, a list or a table cell, wherever a report puts it (inside a
// line, at its start, in a table cell). Readable: a help desk often pastes the Markdown into a ticket
// that shows it as plain text, so only what Markdown would read is escaped, not every punctuation
// mark ("Exchange admin center > Settings", "DOMAIN\user" and "EXCHANGE_S_ENTERPRISE" stay as they
// are). The rules follow CommonMark and GitHub's tables and strikethrough; the tests hold them to a
// real Markdown parser.
import { safeText } from "./sanitize.js";

/** ASCII punctuation: the characters a backslash escapes in Markdown (before any other it is a plain backslash). */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
/** An entity or a numeric character reference, which Markdown would show as the character it names. */
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;
/** The number of an ordered list's item ("1." or "1)") when it starts a line. */
const ORDERED_NUMBER = /^[0-9]{1,9}$/;

/**
 * Text that starts a line or follows a list's or a quote's marker ("- ", "> ", "## "): flattened to
 * one line, sanitised, and escaped where Markdown would read it (see the file's head), a heading's,
 * quote's or list's marker at its start included.
 */
export function mdText(text: string): string {
  return escaped(text, true);
}

/** Text after other words on its line, or in a table cell: as `mdText`, but a line's start does not concern it ("1. Open …" after "Check:" keeps its dot). */
export function mdInline(text: string): string {
  return escaped(text, false);
}

function escaped(text: string, lineStart: boolean): string {
  const flat = safeText(text.replace(/\r?\n/g, " "));
  const start = lineStart ? flat.search(/[^ ]/) : -1;
  let out = "";
  for (let i = 0; i < flat.length; i++) {
    const ch = flat[i] as string;
    const next = flat[i + 1];
    let escape = false;
    switch (ch) {
      case "`":
      case "*":
      case "|":
      case "<":
      case "~":
        escape = true;
        break;
      case "\\":
        // Before punctuation (or at the end, where the caller's next character may be a table's pipe).
        escape = next === undefined || ASCII_PUNCTUATION.test(next);
        break;
      case "_":
        // Inside a word ("EXCHANGE_S_ENTERPRISE") an underscore cannot open or close emphasis.
        escape = !(i > 0 && WORD.test(flat[i - 1] as string) && next !== undefined && WORD.test(next));
        break;
      case "]":
        // "[text](url)", "[text][ref]", "[ref]: url", or a "(" the caller adds after the text.
        escape = next === undefined || next === "(" || next === "[" || next === ":";
        break;
      case "&":
        escape = ENTITY.test(flat.slice(i, i + 40));
        break;
      // At the start of a line only: a quote; a heading ("#", "## "); a list's item ("- ", "+ "), a rule or a heading's underline ("---", "===").
      case ">":
        escape = i === start;
        break;
      case "#":
      case "-":
      case "+":
      case "=":
        escape = i === start && (next === undefined || next === " " || next === ch);
        break;
      case ".":
      case ")":
        // "1." or "1)" then a space (or nothing): an ordered list's item; "203.0.113.24" is not.
        escape = start >= 0 && i > start && (next === undefined || next === " ") && ORDERED_NUMBER.test(flat.slice(start, i));
        break;
    }
    out += escape ? `\\${ch}` : ch;
  }
  return out;
}

/**
 * Inline code (a command, a file name) that survives backticks inside the text. In a table cell
 * (`cell`), its pipes are escaped too: GitHub's tables split a row on every unescaped pipe, code or not.
 */
export function mdCode(text: string, opts: { cell?: boolean } = {}): string {
  const sane = safeText(text.replace(/\r?\n/g, " "));
  const flat = opts.cell ? sane.replace(/\|/g, "\\|") : sane;
  if (flat.trim() === "") return `\` ${flat} \``;
  const longest = Math.max(0, ...Array.from(flat.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
