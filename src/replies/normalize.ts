// Text normalization for pasted error text: one shape for every wrapper before we look for replies.
/** Inputs longer than this are cut before analysis (a paste is never legitimately longer). */
export const MAX_INPUT = 64 * 1024;

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&#39;": "'", "&apos;": "'", "&nbsp;": " " };

const PLAIN = /^[\t\n\x20-\x25\x27-\x5B\x5D-\x7E]*$/;
/** Every character the line-ending, invisible-character, control-character and quote replacements of normalizeText() change. */
// eslint-disable-next-line no-control-regex
const TO_CLEAN = /[\r\u2028\u2029\u0085\uFEFF\u200B-\u200D\u2060\x00-\x08\x0B\x0C\x0E-\x1F\x7F\x9B\x9D\u2018\u2019\u201B\u2032\u201C\u201D\u201E\u2033]/;

/**
 * A CSI sequence (ESC "[" or C1 CSI, parameters, intermediates, a final byte: colours, cursor moves, clears) or an OSC
 * sequence (ESC "]" or C1 OSC, up to BEL, ESC "\\" or ST: titles, hyperlinks, clipboard writes) ended on its own line.
 */
// eslint-disable-next-line no-control-regex
const ESCAPES = /(?:\x1b\[|\x9b)[\x30-\x3f]{0,64}[\x20-\x2f]{0,8}[\x40-\x7e]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\n\r]{0,2048}(?:\x07|\x1b\\|\x9c)/g;

/**
 * The same sequences written out as text: in caret notation ("^[[31m", as `cat -v` and some log viewers show ESC) or as a
 * string escape in a JSON or program log ("\u001b[31m", "\x1b[0m", "\033[1m", "\e[0m"). Only CSI sequences (colours,
 * cursor moves) and caret OSC ended by "^G" or "^[\\": a "^[" or a backslash followed by anything else stays text.
 */
const WRITTEN_ESCAPES = /(?:\^\[|\\(?:u001[bB]|x1[bB]|033|e))\[[\x30-\x3f]{0,64}[\x20-\x2f]{0,8}[\x40-\x7e]|\^\[\][^\n]{0,2048}?(?:\^G|\^\[\\)/g;

/** Terminal escape sequences, full-width forms, Windows/Mac line endings, control characters, escaped newlines, HTML entities, curly quotes. */
export function normalizeText(text: string): string {
  // Printable ASCII with line breaks and tabs, without "&", "\\", "](" or "^[": no step below changes it.
  // (Escape sequences written out as text start with "^[" or a backslash: most texts have neither.)
  const written = text.includes("^[") || (text.includes("\\") && /\\(?:u001[bB]|x1[bB]|033|e)\[/.test(text));
  if (PLAIN.test(text) && !text.includes("](") && !written) return text;
  // NFKC changes nothing in ASCII text.
  let s = /[\u0080-\uffff]/.test(text) ? text.normalize("NFKC") : text;
  // The line endings, invisible characters, control characters and curly quotes replaced below: one search for them all first.
  const cleaning = TO_CLEAN.test(s);
  if (cleaning) {
    // A terminal's colour and title codes copied with the text ("\x1b[31m535 5.7.139 …\x1b[0m"): gone whole, so that
    // their letters do not stick to the reply's code.
    s = s.replace(ESCAPES, "");
    s = s.replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n");
    s = s.replace(/[\uFEFF\u200B-\u200D\u2060]/g, "");
    // eslint-disable-next-line no-control-regex
    s = s.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, " ");
  }
  // Written out as text, they go the same way (before the escaped line breaks below read "\\e" or the like).
  if (written) s = s.replace(WRITTEN_ESCAPES, "");
  // Each of the next three runs only where the text has what it looks for ("&", "](", "\\").
  if (s.includes("&")) s = s.replace(/&(?:lt|gt|amp|quot|#39|apos|nbsp);/g, (e) => ENTITIES[e] ?? e);
  // A log copied from GitHub's web view carries line links inside the text ("([53](https://github.com/…#step:4:54)5, b'…"): keep the words only.
  if (s.includes("](")) s = s.replace(/\[([^\]\n]{1,80})\]\(https?:\/\/[^)\s]{1,500}\)/g, "$1");
  // Escaped line breaks inside quoted log strings ("…\r\n") become spaces.
  if (s.includes("\\")) s = s.replace(/\\r\\n|\\r|\\n|\\t/g, " ");
  // (Entities, links and escapes make none of these characters.)
  if (cleaning) s = s.replace(/[\u2018\u2019\u201B\u2032]/g, "'").replace(/[\u201C\u201D\u201E\u2033]/g, '"');
  return s;
}

const NON_ALNUM = /[^a-z0-9]+/g;

/** Text for phrase comparison: lower case, "n't" spelled out, every non-alphanumeric removed. */
export function squash(text: string): string {
  let s = text.toLowerCase();
  // "n't" is spelled out only where there is an apostrophe to find.
  if (s.includes("'")) s = s.replace(/can't/g, "cannot").replace(/won't/g, "will not").replace(/n't\b/g, " not");
  return s.replace(NON_ALNUM, "");
}

/** A blank other than " " (tab, line break, no-break space, ideographic space …). */
const OTHER_BLANK = /[^\S ]/;

/** Whitespace folded to single spaces, trimmed. */
export function foldSpace(text: string): string {
  const t = text.trim();
  // Most reply texts are single-spaced words with blanks at most around them: nothing to fold inside.
  if (!t.includes("  ") && !OTHER_BLANK.test(t)) return t;
  return text.replace(/\s+/g, " ").trim();
}
