// classifyReply tries a reply only against the patterns that list one of its phrases, its enhanced
// code (or a range holding it) or, for patterns of codes alone, its basic code. That must pick the
// same pattern as trying every pattern of the table in order: checked here on random replies built
// from the table's own codes and phrases (so that several patterns compete), and on the corpus.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { classifyCodeless, classifyReply, codelessPossible, enhancedMatcher, patternMatches, phrasesIn, PATTERNS, rangeParts, UNKNOWN_PERMANENT, UNKNOWN_POSITIVE, UNKNOWN_TRANSIENT, type ReplyPattern } from "../../src/replies/patterns.js";
import type { SmtpReply } from "../../src/replies/types.js";
import { CORPUS } from "../fixtures/replies-corpus.js";
import { analyzeReply } from "../../src/replies/index.js";

/** The table read in order, every pattern tried. */
function everyPattern(reply: SmtpReply): ReplyPattern | undefined {
  const hit = PATTERNS.find((p) => patternMatches(p, reply));
  if (hit) return hit;
  const cls = reply.code !== undefined ? Math.floor(reply.code / 100) : reply.enhanced ? Number(reply.enhanced[0]) : undefined;
  return cls === 4 ? UNKNOWN_TRANSIENT : cls === 5 ? UNKNOWN_PERMANENT : cls === 2 || cls === 3 ? UNKNOWN_POSITIVE : undefined;
}

/** "5.7.606-649" → a code inside the range, at its ends and just outside them. */
function expand(spec: string): string[] {
  const m = /^(\d\.\d{1,3})\.(\d{1,3})-(\d{1,3})$/.exec(spec);
  if (!m) return [spec];
  const [lo, hi] = [Number(m[2]), Number(m[3])];
  return [lo - 1, lo, Math.floor((lo + hi) / 2), hi, hi + 1].map((d) => `${m[1]}.${d}`);
}

const CODES = [...new Set(PATTERNS.flatMap((p) => p.codes ?? []).concat([421, 450, 451, 454, 500, 530, 550, 554, 235, 250, 334]))];
const ENHANCED = [...new Set(PATTERNS.flatMap((p) => (p.enhanced ?? []).flatMap(expand)).concat(["5.7.1", "4.7.0", "2.0.0", "5.0.0"]))];
const PHRASES = [...new Set(PATTERNS.flatMap((p) => p.text ?? []))];

test("reply table: the patterns a reply can match give the same pattern as every pattern in order (random replies)", () => {
  const reply = fc.record({
    code: fc.option(fc.constantFrom(...CODES), { nil: undefined }),
    enhanced: fc.option(fc.constantFrom(...ENHANCED), { nil: undefined }),
    words: fc.array(fc.oneof(fc.constantFrom(...PHRASES), fc.constantFrom("Authentication", "error:", "the", "5.7.3", "PRX", "disabled", "")), { maxLength: 4 }),
  });
  fc.assert(
    fc.property(reply, ({ code, enhanced, words }) => {
      const text = words.join(" ");
      const r: SmtpReply = { text, line: text };
      if (code !== undefined) r.code = code;
      if (enhanced !== undefined) r.enhanced = enhanced;
      assert.equal(classifyReply(r)?.id, everyPattern(r)?.id, JSON.stringify(r));
    }),
    { numRuns: 20_000 },
  );
});

test("reply table: the same pattern as every pattern in order for each reply of the corpus", () => {
  let compared = 0;
  for (const { reply } of CORPUS) {
    for (const r of analyzeReply(reply).replies) {
      assert.equal(classifyReply(r)?.id, everyPattern(r)?.id, r.line);
      compared++;
    }
  }
  assert.ok(compared >= CORPUS.length, `replies compared: ${compared}`);
});

test("rangeParts reads what /^(\\d)\\.(\\d{1,3})\\.(\\d{1,3})-(\\d{1,3})$/ captures", () => {
  const regex = (s: string): string[] | undefined => /^(\d)\.(\d{1,3})\.(\d{1,3})-(\d{1,3})$/.exec(s)?.slice(1);
  // Every string of up to seven pieces (a range is seven: digits and separators), then random ones of other characters too.
  const pieces = ["5", "12", "1234", ".", "-", "\n"];
  const samples: string[] = ["5.7.606-649", "5.7.606-649\n", "5.7.606-6490", "55.7.606-649", "5.7.606-", "5.7.-649", "5..606-649", "5.7.1-2", "5.7.1234-5", "5.1234.1-2", "5.7.606--649"];
  const grow = (prefix: string, depth: number): void => {
    samples.push(prefix);
    if (depth < 7) for (const p of pieces) grow(prefix + p, depth + 1);
  };
  grow("", 0);
  for (const s of samples) assert.deepEqual(rangeParts(s), regex(s), JSON.stringify(s));
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...pieces, "0", "606", "x", " ", "\u0665"), maxLength: 12 }), (s) => assert.deepEqual(rangeParts(s), regex(s), JSON.stringify(s))), { numRuns: 20_000 });
});

test("reply table: a range of enhanced codes holds the codes whose three parts say so (read without splitting the code)", () => {
  /** What the range meant when the code was split at its dots. */
  function bySplit(spec: string, code: string): boolean {
    const [, cls, subject, lo, hi] = /^(\d)\.(\d{1,3})\.(\d{1,3})-(\d{1,3})$/.exec(spec) as RegExpExecArray;
    const parts = code.split(".");
    if (parts[0] !== cls || parts[1] !== subject) return false;
    const detail = Number(parts[2]);
    return detail >= Number(lo) && detail <= Number(hi);
  }
  const specs = [...new Set(PATTERNS.flatMap((p) => p.enhanced ?? []).filter((e) => e.includes("-")))];
  assert.ok(specs.length >= 3, `the table has ranges (${specs.join(", ")})`);
  const part = fc.oneof(fc.constantFrom("5", "7", "5.7", "121", "126", "606", "649", "700", "749", "501", "503", "0", "07", "", " ", "x"), fc.nat({ max: 999 }).map(String));
  fc.assert(
    fc.property(fc.constantFrom(...specs), fc.array(part, { minLength: 1, maxLength: 4 }), (spec, parts) => {
      const code = parts.join(".");
      assert.equal(enhancedMatcher(spec)(code), bySplit(spec, code), `${spec} on ${JSON.stringify(code)}`);
    }),
    { numRuns: 20_000 },
  );
  for (const spec of specs) for (const code of expand(spec)) assert.equal(enhancedMatcher(spec)(code), bySplit(spec, code), `${spec} on ${code}`);
  assert.equal(enhancedMatcher("5.7.606-649")("5.7.606"), true);
  assert.equal(enhancedMatcher("5.7.606-649")("5.7.650"), false);
  assert.equal(enhancedMatcher("5.7.3")("5.7.3"), true);
});

test("reply table: a line without a phrase a text-only reply needs has none in any part after a lead-in (so that part is not read)", () => {
  // Lines without an apostrophe, built from the table's phrases cut at random places, lead-ins and other words.
  const words = [...PHRASES.filter((p) => !p.includes("'")), ...PHRASES.map((p) => p.slice(0, Math.ceil(p.length / 2))), "送信エラー:", "Error:", "İ", "Σ", "the", "5.7.3", "—", ""];
  let possible = 0;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 5 }), fc.nat({ max: 200 }), (parts, cut) => {
      const line = parts.join(" ");
      const whole = classifyCodeless({ text: line, line });
      const found = phrasesIn(line);
      if (whole) assert.equal(codelessPossible(found), true, `${JSON.stringify(line)} reads as ${whole.id}`);
      if (codelessPossible(found)) {
        possible++;
        return;
      }
      const suffix = line.slice(Math.min(cut, line.length));
      assert.equal(classifyCodeless({ text: suffix, line: suffix }), undefined, `${JSON.stringify(line)} from ${cut}`);
    }),
    { numRuns: 20_000 },
  );
  assert.ok(possible > 100, `some lines should hold such a phrase (${possible})`);
});

test("a reply with only an enhanced code is never read by a pattern of basic codes of another class (no 4.x.x or 5.x.x reply is a success)", () => {
  // .NET and PowerShell drop the basic code ("The server response was: 5.7.3 STARTTLS is required to send mail"):
  // the enhanced code still carries the class, and the 250 capability line's words ("starttls", "size ") are not a 250.
  const PHRASES = [...new Set(PATTERNS.flatMap((p) => p.text ?? []))];
  fc.assert(
    fc.property(fc.constantFrom(...ENHANCED), fc.array(fc.constantFrom(...PHRASES), { minLength: 1, maxLength: 3 }), (enhanced, words) => {
      const text = words.join(" ");
      const reply: SmtpReply = { text, line: `${enhanced} ${text}`, enhanced };
      const p = classifyReply(reply);
      const cls = Number(enhanced[0]);
      if (p?.codes) assert.ok(p.codes.some((c) => Math.floor(c / 100) === cls), `${p.id} (${p.codes.join(",")}) for ${reply.line}`);
      if (cls === 4 || cls === 5) assert.notEqual(p?.success, true, `${p?.id} read ${reply.line} as a success`);
    }),
    { numRuns: 3_000 },
  );
});

test("codeless STARTTLS refusals and size limits as .NET shows them: their own patterns", () => {
  const cases: Array<[string, string]> = [
    ["5.7.3 STARTTLS is required to send mail [SYBPR01CA0209.ausprd01.prod.outlook.com]", "starttls-required"],
    ["5.7.0 Must issue a STARTTLS command first", "starttls-first"],
    ["530 5.7.0 Must issue a STARTTLS command first. d2e1a72fcca58-7 - gsmtp", "starttls-first"],
    ["5.3.4 Message size exceeds fixed maximum message size", "message-too-large"],
    ["5.7.0 Authentication Required. For more information, go to", "other-auth-required"],
  ];
  for (const [text, id] of cases) assert.equal(analyzeReply(text).primary?.patternId, id, text);
});
