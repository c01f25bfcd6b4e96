// src/render/width.ts measures like string-width (kept as a devDependency for this comparison) and
// splits graphemes like Intl.Segmenter, on random text mixing every kind of character the rules
// treat differently.
import { SEED } from "../fuzz/arbitraries.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import stringWidth from "string-width";
import { eastAsianWidth, graphemes, graphemeWidth, isSimpleCode, width } from "../../src/render/width.js";

const cp = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => String.fromCodePoint(n));

/** One piece of text: a character of a kind the width rules single out, or a known sequence. */
const piece = fc.oneof(
  { weight: 4, arbitrary: cp(0x20, 0x7e) },
  { weight: 2, arbitrary: cp(0x3000, 0x30ff) }, // CJK punctuation, kana
  { weight: 2, arbitrary: cp(0x4e00, 0x9fff) }, // kanji
  cp(0xff00, 0xffef), // half/fullwidth forms, ﾞ ﾟ
  cp(0x0300, 0x036f), // combining marks
  cp(0xfe00, 0xfe0f), // variation selectors
  cp(0x2000, 0x206f), // spaces, ZWJ, ZWNJ, punctuation, bidi
  cp(0x2190, 0x2bff), // arrows, symbols, some wide
  cp(0x1100, 0x11ff), // Hangul jamo
  cp(0xac00, 0xd7ff), // Hangul syllables, extended jamo
  cp(0x0e00, 0x0eff), // Thai, Lao (AM)
  cp(0x0900, 0x097f), // Devanagari (virama, spacing marks)
  cp(0x0600, 0x06ff), // Arabic (prepended marks)
  cp(0x1f1e6, 0x1f1ff), // regional indicators
  cp(0x1f300, 0x1faff), // pictographs, skin tones
  cp(0xe0020, 0xe007f), // tags
  cp(0x0000, 0x001f), // controls
  cp(0x0080, 0x02ff), // Latin-1, ambiguous
  cp(0x20000, 0x3ffff), // astral CJK
  cp(0x0, 0x10ffff).filter((s) => !/[\ud800-\udfff]/.test(s)),
  fc.constantFrom("\u200d", "\ufe0f", "\u20e3", "\r\n", "👨‍👩‍👧", "👍🏽", "🇯🇵", "1️⃣", "e\u0301", "ｶﾞ", "\u1100\u1161\u11a8", "क्ष", "\u001b[31m", "\u001b[39m", "☺️"),
);
const text = fc.array(piece, { maxLength: 24 }).map((a) => a.join(""));

test("width equals string-width on random text of every kind", () => {
  fc.assert(
    fc.property(text, (s) => {
      assert.equal(width(s), stringWidth(s), JSON.stringify(s));
    }),
    { numRuns: 3000, seed: SEED },
  );
});

test("graphemes equal Intl.Segmenter's on random text, and their widths add up to the whole", () => {
  const seg = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  fc.assert(
    fc.property(text, (s) => {
      const gs = graphemes(s);
      assert.deepEqual(gs, Array.from(seg.segment(s), (x) => x.segment), JSON.stringify(s));
      // Escape sequences (ESC, or the C1 introducers CSI U+009B and OSC U+009D) count as no columns in
      // width() as a whole, while their bytes are separate graphemes: the sum holds only without them.
      if (!["\u001b", "\u009b", "\u009d"].some((c) => s.includes(c))) assert.equal(gs.reduce((n, g) => n + graphemeWidth(g), 0), width(s), JSON.stringify(s));
    }),
    { numRuns: 3000, seed: SEED },
  );
});

test("every assigned-plane code point has string-width's width on its own", () => {
  // The BMP, the emoji and symbol plane, tags and variation selectors in full; the CJK planes sampled.
  for (let c = 0; c <= 0xe01ef; c += c < 0x20000 || c >= 0xe0000 ? 1 : c < 0x40000 ? 101 : 0xe0000 - c) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const s = String.fromCodePoint(c);
    if (width(s) !== stringWidth(s)) assert.fail(`U+${c.toString(16)}: ${width(s)} vs ${stringWidth(s)}`);
  }
});

test("the wide table: CJK and fullwidth are 2, ambiguous and Latin 1", () => {
  assert.equal(eastAsianWidth(0x65e5), 2); // 日
  assert.equal(eastAsianWidth(0xff21), 2); // Ａ
  assert.equal(eastAsianWidth(0xff76), 1); // ｶ
  assert.equal(eastAsianWidth(0x2026), 1); // … (ambiguous)
  assert.equal(eastAsianWidth(0x41), 1);
  assert.equal(width("\u001b[31m日本\u001b[39m"), 4);
  assert.equal(width("a\u200db\ufe0f"), 2);
});

test("simple characters (measured without the Unicode patterns): each prints, joins nothing, and is as wide as string-width says", () => {
  const seg = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let simple = 0;
  const wrong: string[] = [];
  for (let c = 0; c <= 0xffff; c++) {
    if (!isSimpleCode(c)) continue;
    simple++;
    const ch = String.fromCharCode(c);
    if (stringWidth(ch) !== eastAsianWidth(c) || graphemeWidth(ch) !== stringWidth(ch) || width(ch) !== stringWidth(ch) || width(`${ch}a${ch}`) !== stringWidth(`${ch}a${ch}`)) wrong.push(`${c.toString(16)} width`);
    // Alone between neighbours of each kind: one grapheme of its own.
    for (const around of ["a", "\u3042", ch]) {
      if (Array.from(seg.segment(around + ch + around)).length !== 3) wrong.push(`${c.toString(16)} joins ${JSON.stringify(around)}`);
    }
  }
  assert.deepEqual(wrong.slice(0, 20), []);
  assert.ok(simple > 20_000, `simple characters: ${simple}`);
  // Text of them: widths add up, graphemes are its characters.
  for (const s of ["日本語のテキスト、「かっこ」。", "Ａｂｃ ｶﾀｶﾅ", "café — naïve … → ✖ ›", "┌─┐ ■ □"]) {
    assert.equal(width(s), stringWidth(s), s);
    assert.deepEqual(graphemes(s), Array.from(seg.segment(s), (x) => x.segment), s);
  }
});
