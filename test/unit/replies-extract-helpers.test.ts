// The character-level shortcuts of the reply parser must agree with the regexes they stand for.
import assert from "node:assert/strict";
import { test } from "node:test";
import { includesSplit, isSpaceCode } from "../../src/replies/chars.js";
import { withoutBracketSuffix } from "../../src/replies/extract.js";
import fc from "fast-check";
import { foldSpace, normalizeText } from "../../src/replies/normalize.js";

test("isSpaceCode is /\\s/ on every UTF-16 code unit", () => {
  const differ: string[] = [];
  for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c.toString(16));
  assert.deepEqual(differ, []);
  assert.equal(isSpaceCode(Number.NaN), false);
});

test("includesSplit(s, head, tail) is s.includes(head + tail)", () => {
  const words: Array<[string, string]> = [[" ", "|"], [" ", "failed"], [" ", "at "], [" ", "rejected"], [" ", "a"], ["e", "bmail"], ["er", "dict is"], ["remote server", "("], ["", "at"]];
  // Strings of blanks, the words' letters and others, overlapping runs ("  at at ", "x|  |") included.
  const pieces = [" ", "  ", "|", "f", "failed", "ailed", "at", "at ", "a", "t", "rejected", "x", "\t", "日", "e", "ebmail", "bmail", "er", "verdict is", "remote server", "("];
  const samples: string[] = [];
  const grow = (prefix: string, depth: number): void => {
    samples.push(prefix);
    if (depth < 3) for (const p of pieces) grow(prefix + p, depth + 1);
  };
  grow("", 0);
  for (const [head, tail] of words) for (const s of samples) assert.equal(includesSplit(s, head, tail), s.includes(head + tail), JSON.stringify([s, head, tail]));
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(" ", "|", "a", "t", "x", "e", "er", "failed", "(", "bmail", "dict is") }), fc.constantFrom(...words), (s, [head, tail]) => includesSplit(s, head, tail) === s.includes(head + tail)),
  );
});

test("foldSpace's shortcut gives the fold's result: every run of blanks one space, trimmed", () => {
  const pieces = ["a", "535", "x.y", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\ufeff", "\u2028", "\u180e", "\u200b", "日本", "-", ""];
  const samples = ["", " ", "a", " a ", "a b", "a  b", "a\tb", "a \u3000b", "\u3000a", "a\u00a0", "Authentication unsuccessful, basic authentication is disabled."];
  // Every string of up to four pieces: blanks of each kind at the start, the end, alone and in runs.
  const grow = (prefix: string, depth: number): void => {
    samples.push(prefix);
    if (depth < 4) for (const p of pieces) grow(prefix + p, depth + 1);
  };
  grow("", 0);
  for (const s of samples) assert.equal(foldSpace(s), s.replace(/\s+/g, " ").trim(), JSON.stringify(s));
});

test("withoutBracketSuffix removes what /\\s*\\[[^[\\]]{0,200}\\]$/ removes", () => {
  const regex = (s: string): string => s.replace(/\s*\[[^[\]]{0,200}\]$/, "");
  const real = "Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. [TYCP286CA0058.JPNP286.PROD.OUTLOOK.COM 2025-01-22T03:07:00.000Z 08DD3A5C]";
  for (const s of [real, "]", "[]", "a []", "a\u3000[x]", "a ]x]", "a [x]]", "[a] [b]", `a [${"x".repeat(200)}]`, `a [${"x".repeat(201)}]`, "a[b[c]"]) {
    assert.equal(withoutBracketSuffix(s), regex(s), JSON.stringify(s));
  }
  // Random texts over the characters that matter, ending with "]" as the parser calls it.
  const unit = fc.constantFrom("[", "]", " ", "\t", "\u3000", "a", "5", ".");
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 30 }), fc.nat(230), (body, pad) => {
      const s = `${body}${"x".repeat(pad % 3 === 0 ? pad : 0)}]`;
      assert.equal(withoutBracketSuffix(s), regex(s), JSON.stringify(s));
    }),
    { numRuns: 20_000 },
  );
});

test("normalizeText's shortcuts give every replacement's result (each runs only on a text with what it replaces)", () => {
  // The replacements in their order, each on the whole text: what normalizeText() stands for.
  const ENTITY: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&#39;": "'", "&apos;": "'", "&nbsp;": " " };
  const everyStep = (text: string): string =>
    text
      .normalize("NFKC")
      // eslint-disable-next-line no-control-regex
      .replace(/(?:\x1b\[|\x9b)[0-?]{0,64}[ -/]{0,8}[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\n\r]{0,2048}(?:\x07|\x1b\\|\x9c)/g, "")
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
      .replace(/[\uFEFF\u200B-\u200D\u2060]/g, "")
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, " ")
      .replace(/&(?:lt|gt|amp|quot|#39|apos|nbsp);/g, (e) => ENTITY[e] ?? e)
      .replace(/\[([^\]\n]{1,80})\]\(https?:\/\/[^)\s]{1,500}\)/g, "$1")
      .replace(/\\r\\n|\\r|\\n|\\t/g, " ")
      .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
      .replace(/[\u201C\u201D\u201E\u2033]/g, '"');
  // Pieces with each character a step replaces, some only after NFKC (the triple prime becomes three primes).
  const piece = fc.constantFrom("a", "535", " ", "\r\n", "\r", "\n", "\u2028", "\u0085", "\ufeff", "\u200b", "\u0001", "\u007f", "&lt;", "&amp;", "&nbsp;", "\\r\\n", "\\t", "[53](https://github.com/x#step:4:54)", "](", "\u2019", "\u201c", "\u2034", "\uff21", "認証", "'", '"',
    // Terminal escapes whole (colours, a clear, a title, a hyperlink, a C1 CSI) and in parts (ESC alone, "[", BEL, ST).
    "\u001b[31m", "\u001b[0m", "\u001b[1;33m", "\u001b[2J", "\u001b]0;title\u0007", "\u001b]8;;https://x.test\u001b\\", "\u009b31m", "\u009d2;t\u009c", "\u001b", "[", "31m", "\u0007", "\u009c");
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
      const text = parts.join("");
      assert.equal(normalizeText(text), everyStep(text), JSON.stringify(text));
    }),
    { numRuns: 5000 },
  );
});
