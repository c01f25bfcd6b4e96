// Display width and graphemes for the terminal, without a dependency: string-width builds an
// Intl.Segmenter when it is imported, which every start-up paid. Here nothing is built at import:
// ASCII is measured by its length, the common scripts and symbols by a table of ranges, other text
// without joining characters code point by code point; the Unicode property patterns, the grapheme
// segmenter and the emoji regular expression are made the first time a string needs them. The
// rules are string-width's (test/unit/render-width.test.ts compares the two on random text): East
// Asian Wide and Fullwidth are 2 columns, ambiguous ones 1; combining marks, joiners, variation
// selectors, format and control characters 0; an emoji cluster (RGI, keycap, a ZWJ sequence of
// pictographs) 2; modern Hangul jamo L+V(+T) one block of 2.

/**
 * East Asian Width W and F (Unicode 17, EastAsianWidth.txt), as hex ranges. The same table as the
 * `get-east-asian-width` package that string-width uses; the property test keeps them in step.
 */
const WIDE_RANGES =
  "1100-115f,231a-231b,2329-232a,23e9-23ec,23f0,23f3,25fd-25fe,2614-2615,2630-2637,2648-2653,267f,268a-268f,2693,26a1,26aa-26ab,26bd-26be," +
  "26c4-26c5,26ce,26d4,26ea,26f2-26f3,26f5,26fa,26fd,2705,270a-270b,2728,274c,274e,2753-2755,2757,2795-2797,27b0,27bf,2b1b-2b1c,2b50,2b55," +
  "2e80-2e99,2e9b-2ef3,2f00-2fd5,2ff0-303e,3041-3096,3099-30ff,3105-312f,3131-318e,3190-31e5,31ef-321e,3220-3247,3250-a48c,a490-a4c6," +
  "a960-a97c,ac00-d7a3,f900-faff,fe10-fe19,fe30-fe52,fe54-fe66,fe68-fe6b,ff01-ff60,ffe0-ffe6,16fe0-16fe4,16ff0-16ff6,17000-18cda," +
  "18cff-18d20,18d80-18df2,18e00-19191,191a0-191d2,1aff0-1aff3,1aff5-1affb,1affd-1affe,1b000-1b128,1b132,1b150-1b152,1b155,1b164-1b168," +
  "1b170-1b2fb,1d300-1d356,1d360-1d376,1f004,1f0cf,1f18e,1f191-1f19a,1f1ae,1f200-1f202,1f210-1f23b,1f240-1f248,1f250-1f251,1f260-1f265," +
  "1f300-1f320,1f32d-1f335,1f337-1f37c,1f37e-1f393,1f3a0-1f3ca,1f3cf-1f3d3,1f3e0-1f3f0,1f3f4,1f3f8-1f43e,1f440,1f442-1f4fc,1f4ff-1f53d," +
  "1f54b-1f54e,1f550-1f567,1f57a,1f595-1f596,1f5a4,1f5fb-1f64f,1f680-1f6c5,1f6cc,1f6d0-1f6d2,1f6d5-1f6d9,1f6dc-1f6df,1f6eb-1f6ec," +
  "1f6f4-1f6fc,1f7da,1f7e0-1f7eb,1f7f0,1f90c-1f93a,1f93c-1f945,1f947-1f9ff,1fa70-1fa7c,1fa80-1fac6,1fac8,1facc-1fadd,1fadf-1faeb," +
  "1faef-1fafa,20000-2fffd,30000-3fffd";

let wide: Uint32Array | undefined;

/** The wide ranges as a flat sorted [start, end, …] array, parsed on first use. */
function wideTable(): Uint32Array {
  if (wide) return wide;
  // Read in place, range by range (no array of parts, no pair made for each): this runs once in the interpreter, where
  // every split and destructuring is an allocation (issue 15).
  let count = 1;
  for (let at = WIDE_RANGES.indexOf(","); at >= 0; at = WIDE_RANGES.indexOf(",", at + 1)) count++;
  const table = new Uint32Array(count * 2);
  let start = 0;
  for (let i = 0; i < count; i++) {
    const comma = WIDE_RANGES.indexOf(",", start);
    const end = comma < 0 ? WIDE_RANGES.length : comma;
    const dash = WIDE_RANGES.indexOf("-", start);
    const from = parseInt(WIDE_RANGES.slice(start, dash >= 0 && dash < end ? dash : end), 16);
    table[2 * i] = from;
    table[2 * i + 1] = dash >= 0 && dash < end ? parseInt(WIDE_RANGES.slice(dash + 1, end), 16) : from;
    start = end + 1;
  }
  wide = table;
  return table;
}

/** East Asian Width of one code point: 2 for Wide and Fullwidth, else 1 (ambiguous counts as narrow). */
export function eastAsianWidth(cp: number): 1 | 2 {
  if (cp < 0x1100) return 1;
  const t = wideTable();
  let lo = 0;
  let hi = t.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < (t[2 * mid] as number)) hi = mid - 1;
    else if (cp > (t[2 * mid + 1] as number)) lo = mid + 1;
    else return 2;
  }
  return 1;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Code units (all in the BMP, none a surrogate) whose character never joins a neighbour, always
 * prints, and is as wide as its East Asian Width says: Latin, general punctuation, arrows, box
 * drawing and shapes, dingbats, CJK punctuation, kana, the CJK ideographs, full- and halfwidth forms
 * (test/unit/render-width.test.ts checks every one against the full rules below). Text made of them
 * is measured without the Unicode property patterns, which cost about a millisecond to compile:
 * a report's text, English or Japanese, is nearly all such characters.
 */
const SIMPLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x2ff],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2190, 0x21ff],
  [0x2500, 0x25ff],
  [0x2700, 0x27bf],
  [0x3000, 0x3029],
  [0x3041, 0x3096],
  [0x309b, 0x30ff],
  [0x4e00, 0x9fff],
  [0xff01, 0xff9d],
];

/** Is this code unit one of SIMPLE_RANGES? */
export function isSimpleCode(c: number): boolean {
  if (c <= 0x7e) return c >= 0x20;
  // (An indexed loop: for…of with a destructured pair allocates an iterator and its results at every call in the interpreter.)
  for (let i = 0; i < SIMPLE_RANGES.length; i++) {
    const range = SIMPLE_RANGES[i] as readonly [number, number];
    if (c < range[0]) return false;
    if (c <= range[1]) return true;
  }
  return false;
}

/** The width of a simple code unit (1 or 2), or 0 for another one. */
export function simpleCodeWidth(c: number): number {
  if (c <= 0x7e) return c >= 0x20 ? 1 : 0;
  // Kanji, kana, CJK punctuation and fullwidth forms, all wide: most of a Japanese text, answered first.
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x309b && c <= 0x30ff) || (c >= 0x3000 && c <= 0x3029) || (c >= 0xff01 && c <= 0xff60)) return 2;
  return isSimpleCode(c) ? eastAsianWidth(c) : 0;
}

/** The width of text made only of simple code units, or -1 when it has another one. */
function simpleWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const cw = simpleCodeWidth(text.charCodeAt(i));
    if (cw === 0) return -1;
    w += cw;
  }
  return w;
}

interface UnicodePatterns {
  joining: RegExp;
  visible: RegExp;
  spacingMark: RegExp;
  emojiPart: RegExp;
  emojiPresentation: RegExp;
  pictographs: RegExp;
}

let unicodePatterns: UnicodePatterns | undefined;

/**
 * The patterns of Unicode properties, made on first use: each costs a fraction of a millisecond to
 * make, and text of simple characters (a report's, English or Japanese) never needs them.
 */
function unicode(): UnicodePatterns {
  unicodePatterns ??= {
    /**
     * Characters that can join a grapheme with a neighbour: extenders (combining marks, variation
     * selectors, ZWNJ, emoji modifiers, tags), spacing marks (and Thai/Lao AM), ZWJ, CR, regional
     * indicators, Hangul jamo, and the "prepend" marks. A string without any is one grapheme per code
     * point (the property test checks this against Intl.Segmenter). ZWJ on its own in the class is
     * meant: it joins, whatever surrounds it.
     */
    joining:
      // eslint-disable-next-line no-misleading-character-class
      /[\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Mc}\u0e33\u0eb3\u200c\u200d\r\p{Regional_Indicator}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u{110bd}\u{110cd}\u{111c2}\u{111c3}\u{113d1}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}]/u,
    /** A printing character: not default-ignorable, control, format, non-spacing or enclosing mark, or lone surrogate. */
    visible: /[^\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Cs}]/u,
    spacingMark: /\p{Mc}/u,
    /** A cluster that may be an emoji sequence: it holds a pictograph, a regional indicator, a keycap or a skin tone. */
    emojiPart: /[\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\u20e3]/u,
    emojiPresentation: /^\p{Emoji_Presentation}$/u,
    pictographs: /\p{Extended_Pictographic}/gu,
  };
  return unicodePatterns;
}

let segmenter: Intl.Segmenter | undefined;

/** The user-perceived characters of a string (a letter with its combining marks is one, an emoji ZWJ sequence is one). */
export function graphemes(text: string): string[] {
  if (PRINTABLE_ASCII.test(text) || simpleWidth(text) >= 0 || !unicode().joining.test(text)) return Array.from(text);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

const KEYCAP = /^[\d#*]\u20e3$/;
let rgiEmoji: RegExp | undefined;

/** Is this cluster an emoji drawn two columns wide (RGI, an unqualified keycap, a ZWJ sequence of two or more pictographs)? */
function isWideEmoji(cluster: string): boolean {
  if (!unicode().emojiPart.test(cluster)) return false;
  // One code point is an RGI emoji only with the default emoji presentation (text-style ones such as
  // ✖ ✔ ❯ need VS16): the report's own glyphs never pay for the RGI pattern (about 45 ms to build).
  const cp = cluster.codePointAt(0) as number;
  if (cluster.length === (cp > 0xffff ? 2 : 1) && !unicode().emojiPresentation.test(cluster)) return false;
  // Built on first use: a `v`-flag property of sequences, costly to compile.
  rgiEmoji ??= new RegExp("^\\p{RGI_Emoji}$", "v");
  if (rgiEmoji.test(cluster)) return true;
  if (cluster.length > 50) return false;
  if (KEYCAP.test(cluster)) return true;
  return cluster.includes("\u200d") && (cluster.match(unicode().pictographs)?.length ?? 0) >= 2;
}

const isLeadingJamo = (cp: number | undefined) => cp !== undefined && ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0xa960 && cp <= 0xa97c));
const isVowelJamo = (cp: number | undefined) => cp !== undefined && ((cp >= 0x1160 && cp <= 0x11a7) || (cp >= 0xd7b0 && cp <= 0xd7c6));
const isTrailingJamo = (cp: number | undefined) => cp !== undefined && ((cp >= 0x11a8 && cp <= 0x11ff) || (cp >= 0xd7cb && cp <= 0xd7fb));
const isJamo = (cp: number) => isLeadingJamo(cp) || isVowelJamo(cp) || isTrailingJamo(cp);

/** Width of a cluster that starts with Hangul jamo (L+V(+T) is one block of 2; other jamo add up), or undefined when it does not. */
function jamoWidth(visible: string): number | undefined {
  const cps: number[] = [];
  for (const ch of visible) if (unicode().visible.test(ch)) cps.push(ch.codePointAt(0) as number);
  let w = 0;
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i] as number;
    if (!isJamo(cp)) {
      if (w === 0) return undefined;
      for (let j = i; j < cps.length; j++) w += eastAsianWidth(cps[j] as number);
      return w;
    }
    if (isLeadingJamo(cp) && isVowelJamo(cps[i + 1])) {
      w += 2;
      i += isTrailingJamo(cps[i + 2]) ? 2 : 1;
      continue;
    }
    w += eastAsianWidth(cp);
  }
  return cps.length === 0 ? undefined : w;
}

/** Width of one grapheme cluster (uncached). */
function clusterWidth(cluster: string): number {
  const start = cluster.search(unicode().visible);
  if (start === -1) return 0;
  if (isWideEmoji(cluster)) return 2;
  const visible = start === 0 ? cluster : cluster.slice(start);
  const first = visible.codePointAt(0) as number;
  if (isJamo(first)) {
    const w = jamoWidth(visible);
    if (w !== undefined) return w;
  }
  let w = eastAsianWidth(first);
  // Spacing marks and half/fullwidth forms (ﾞ ﾟ) after the base take their own columns.
  let rest = false;
  for (const ch of visible) {
    if (!rest) {
      rest = true;
      continue;
    }
    if (unicode().spacingMark.test(ch) || (ch >= "\uff00" && ch <= "\uffef")) w += eastAsianWidth(ch.codePointAt(0) as number);
  }
  return w;
}

const cache = new Map<string, number>();

/** Width of one grapheme in columns, cached. */
export function graphemeWidth(g: string): number {
  if (g.length === 1) {
    // Printable ASCII (1) and the other simple characters.
    const simple = simpleCodeWidth(g.charCodeAt(0));
    if (simple !== 0) return simple;
  }
  let w = cache.get(g);
  if (w === undefined) {
    w = clusterWidth(g);
    if (cache.size < 10_000) cache.set(g, w);
  }
  return w;
}

/** Terminal escape sequences (CSI such as colours, OSC such as links, two-byte escapes): no columns. */
// eslint-disable-next-line no-control-regex
const ANSI = /(?:\u001b\[|\u009b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|(?:\u001b\]|\u009d)[^\u0007\u0018\u001a\u001b\u0080-\u009f]*(?:\u0007|\u001b\\|\u009c)|\u001b(?:[\x20-\x2f]+[\x30-\x7e]|[\dA-PR-TZcf-oq-uy=><~|}])/g;

/** Display width in terminal columns (escape sequences count as 0). */
export function width(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const simple = simpleWidth(text);
  if (simple >= 0) return simple;
  let s = text;
  if (s.includes("\u001b") || s.includes("\u009b")) s = s.replace(ANSI, "");
  let w = 0;
  if (!unicode().joining.test(s)) {
    for (const ch of s) w += graphemeWidth(ch);
    return w;
  }
  for (const g of graphemes(s)) w += graphemeWidth(g);
  return w;
}
