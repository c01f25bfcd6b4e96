// Character tests on UTF-16 code units and a character count, for the parser's loops that read a
// line in place of matching one-character patterns (NaN, from charCodeAt outside the string, is none
// of the classes).

export function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** A Japanese character: hiragana, katakana or a CJK ideograph (a reply's text in Microsoft's Japanese help starts with one). */
export function isJapanese(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff);
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Does /\s/ match this UTF-16 code unit? (WhiteSpace and LineTerminator of ECMAScript; a test compares it with the regex) */
export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** How many times `ch` occurs in `s` (found with native searches: most texts hold it rarely). */
export function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/**
 * Does `s` hold `head` followed by `tail` (s.includes(head + tail))? Looked for by `tail`, then `head` before it: V8 finds a
 * short needle by its first character, and when that one is common (a blank, "e", "r") it stops at each of them in the text
 * to compare the rest. Searched by a rarer `tail` ("failed" for " failed", "bmail" for "ebmail"), the same answer comes four
 * times faster on the real replies' lines.
 */
export function includesSplit(s: string, head: string, tail: string): boolean {
  const k = head.length;
  for (let i = s.indexOf(tail, k); i !== -1; i = s.indexOf(tail, i + 1)) if (s.startsWith(head, i - k)) return true;
  return false;
}
