// The phrase index (src/replies/phrases.ts) finds in one walk what one includes() per phrase finds:
// on random phrase sets over a small alphabet (so phrases overlap, nest and share prefixes) and on
// the reply table's and the signals' own phrases against real replies.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { PhraseIndex } from "../../src/replies/phrases.js";
import { squash } from "../../src/replies/normalize.js";
import { PATTERNS } from "../../src/replies/patterns.js";
import { SIGNALS } from "../../src/replies/signals.js";
import { CORPUS } from "../fixtures/replies-corpus.js";

function byIncludes(phrases: string[], text: string): number[] {
  return phrases.map((p) => (text.includes(p) ? 1 : 0));
}

/** The automaton from the first search (0), or one includes() per phrase for the first searches (the default). */
function indexOf(phrases: string[], searchesBeforeScanner?: number): PhraseIndex {
  const index = new PhraseIndex(searchesBeforeScanner);
  for (const p of phrases) index.add(p);
  return index;
}

test("phrase index: the same phrases as includes() on random overlapping phrases and texts", () => {
  const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "1"), minLength: 0, maxLength: 6 });
  fc.assert(
    fc.property(fc.uniqueArray(word, { maxLength: 12 }), fc.string({ unit: fc.constantFrom("a", "b", "c", "1"), maxLength: 40 }), (phrases, text) => {
      assert.deepEqual([...indexOf(phrases, 0).search(text).found], byIncludes(phrases, text));
      assert.deepEqual([...indexOf(phrases).search(text).found], byIncludes(phrases, text));
    }),
    { numRuns: 3000 },
  );
});

test("phrase index: a phrase added twice keeps its id; phrases added after a search are found too", () => {
  for (const before of [0, 1, 32]) {
    const index = new PhraseIndex(before);
    const a = index.add("abc");
    assert.equal(index.add("abc"), a);
    assert.deepEqual([...index.search("xxabcxx").found], [1]);
    const b = index.add("bcx");
    assert.notEqual(b, a);
    assert.deepEqual([...index.search("xxabcxx").found], [1, 1]);
    assert.deepEqual([...index.search("").found], [0, 0]);
    // A prefix added after the longer phrase was found: found with it.
    const c = index.add("ab");
    assert.deepEqual([...index.search("xxabcxx").found], [1, 1, 1]);
    assert.equal(c, 2);
    assert.deepEqual([...new PhraseIndex(before).search("anything").found], []);
  }
});

test("phrase index: the reply table's and the signals' phrases against the corpus replies", () => {
  const phrases = [...new Set([...PATTERNS.flatMap((p) => p.text ?? []), ...SIGNALS.flatMap((s) => s.phrases ?? [])].map(squash))];
  // The default index answers its first searches with includes() and the rest with the automaton.
  const index = indexOf(phrases);
  let hits = 0;
  for (const round of [0, 1]) {
    for (const { reply } of CORPUS) {
      const text = squash(reply);
      const expected = byIncludes(phrases, text);
      assert.deepEqual([...index.search(text).found], expected, reply);
      if (round === 0) hits += expected.reduce((a, b) => a + b, 0);
    }
  }
  assert.ok(hits > CORPUS.length / 2, `the corpus should hit phrases (${hits})`);
});

test("phrase index: squashed and lower-cased during the walk, the same as converting the text first", () => {
  // Letters whose case or squashing is not plain ASCII: "İ" lowers to "i" and a combining dot, "K" (Kelvin) to "k",
  // "can't" squashes to "cannot"; the walk hands such texts to squash() / toLowerCase().
  const unit = fc.constantFrom("a", "B", "c", "N", "t", "o", "1", " ", "-", "'", ".", "İ", "\u212A", "é", "認", "証", "\t");
  const phrase = fc.string({ unit: fc.constantFrom("a", "b", "c", "n", "t", "o", "1", "k", "i", "認"), maxLength: 5 });
  fc.assert(
    fc.property(fc.uniqueArray(phrase, { maxLength: 10 }), fc.string({ unit, maxLength: 40 }), (phrases, text) => {
      for (const before of [0, 32]) {
        const squashed = [...new Set(phrases.map(squash))];
        assert.deepEqual([...indexOf(squashed, before).searchSquashed(text, squash).found], byIncludes(squashed, squash(text)), `squashed: ${JSON.stringify(text)}`);
        const lowerIndex = indexOf(phrases, before);
        assert.deepEqual([...lowerIndex.searchLower(text).found], byIncludes(phrases, text.toLowerCase()), `lower: ${JSON.stringify(text)}`);
      }
    }),
    { numRuns: 3000 },
  );
  // The reply table's phrases against the corpus, read squashed during the walk.
  const phrases = [...new Set(PATTERNS.flatMap((p) => p.text ?? []).map(squash))];
  const index = indexOf(phrases, 0);
  for (const { reply } of CORPUS) assert.deepEqual([...index.searchSquashed(reply, squash).found], byIncludes(phrases, squash(reply)), reply);
});

test("phrase index: an apostrophe read squashed during the walk as squash() spells it out (can't, won't, n't at a word's end)", () => {
  const unit = fc.constantFrom("c", "a", "n", "N", "'", "t", "T", "w", "W", "o", "i", "l", " ", "_", "1", "x", "é");
  const phrase = fc.string({ unit: fc.constantFrom("c", "a", "n", "t", "w", "o", "i", "l", "x"), minLength: 1, maxLength: 6 });
  fc.assert(
    fc.property(fc.uniqueArray(phrase, { maxLength: 12 }), fc.string({ unit, maxLength: 30 }), (phrases, text) => {
      const finds = indexOf(phrases, 0).searchSquashed(text, squash);
      assert.deepEqual([...finds.found], byIncludes(phrases, squash(text)), `squashed: ${JSON.stringify(text)}`);
      // The ids listed are those found.
      assert.deepEqual([...finds.ids.subarray(0, finds.count)].sort((a, b) => a - b), [...finds.found].flatMap((f, id) => (f === 1 ? [id] : [])));
      if (text.includes("'")) assert.equal(finds.converted, true);
    }),
    { numRuns: 5000 },
  );
});

test("phrase index: the same finds whatever form the string is kept in, and for texts longer than the walk's byte buffer", () => {
  // The walk reads ASCII text as bytes: slices, joined strings and plain ones in turn, long and short
  // (the buffer grows and is reused), and a character outside ASCII anywhere (read from the string).
  const phrases = ["auth", "unsuccessful", "5.7.139", "認証", "tenant"];
  const index = indexOf(phrases, 0);
  const squashedIndex = indexOf(phrases.map(squash), 0);
  const unit = fc.constantFrom("a", "u", "t", "h", "n", "e", "s", ".", "5", "7", "1", "3", "9", " ", "認", "証", "é", "'");
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 60 }), fc.nat({ max: 3000 }), fc.nat({ max: 3 }), (body, pad, form) => {
      const padded = `${"x".repeat(pad)}${body}`;
      // 0: as written; 1: a slice of a longer string; 2: two halves joined; 3: a long one, then this one.
      const half = padded.length >> 1;
      const text = form === 1 ? `yy${padded}zz`.slice(2, -2) : form === 2 ? padded.slice(0, half) + padded.slice(half) : padded;
      if (form === 3) index.search(`${"x".repeat(5000)}auth`);
      assert.deepEqual([...index.search(text).found], byIncludes(phrases, text));
      assert.deepEqual([...squashedIndex.searchSquashed(text, squash).found], byIncludes(phrases.map(squash), squash(text)));
    }),
    { numRuns: 2000 },
  );
});

test("phrase index: a search's tags are those of the phrases it found, and it says when the text was converted first", () => {
  // Phrases with tags of one to three bits, some added twice with other tags (the tags add up);
  // texts with apostrophes and letters outside ASCII, which the squashed and lower-case walks cannot convert.
  const phrase = fc.string({ unit: fc.constantFrom("a", "b", "c", "n", "t", "1", "認"), maxLength: 4 });
  const unit = fc.constantFrom("a", "B", "c", "N", "t", "1", " ", "'", "認", "İ", "é");
  fc.assert(
    fc.property(fc.array(fc.tuple(phrase, fc.integer({ min: 0, max: 7 })), { maxLength: 10 }), fc.array(fc.string({ unit, maxLength: 30 }), { minLength: 1, maxLength: 4 }), (tagged, texts) => {
      for (const before of [0, 2]) {
        const index = new PhraseIndex(before);
        const tagsOf = new Map<string, number>();
        for (const [p, t] of tagged) {
          index.add(p, t);
          tagsOf.set(p, (tagsOf.get(p) ?? 0) | t);
        }
        const expected = (text: string): number => [...tagsOf].reduce((acc, [p, t]) => (text.includes(p) ? acc | t : acc), 0);
        for (const text of texts) {
          const plain = !/[^\x20-\x26\x28-\x7e]/.test(text);
          const asIs = index.search(text);
          assert.equal(asIs.tags, expected(text), `search ${JSON.stringify(text)}`);
          assert.equal(asIs.converted, false);
          const squashed = index.searchSquashed(text, squash);
          assert.equal(squashed.tags, expected(squash(text)), `squashed ${JSON.stringify(text)}`);
          // Converted: always while includes() answers (no walk yet), else exactly for a text with an apostrophe or outside ASCII.
          if (!plain) assert.equal(squashed.converted, true, `squashed, converted ${JSON.stringify(text)}`);
          const lower = index.searchLower(text);
          assert.equal(lower.tags, expected(text.toLowerCase()), `lower ${JSON.stringify(text)}`);
          if (/[^ -~]/.test(text)) assert.equal(lower.converted, true);
        }
        // Once the automaton is built (after `before` searches), a plain text is walked without converting it.
        const after = index.searchSquashed("abc 1", squash);
        assert.equal(after.converted, false);
      }
    }),
    { numRuns: 1500 },
  );
});

test("phrase index: more states than 16-bit moves can name (the walk's table widens to 32 bits) finds the same", () => {
  // 3,000 distinct phrases of 20 characters: ~50,000 states, past the 32,767 a 16-bit table holds.
  const next = (() => {
    let x = 7;
    return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  })();
  const letter = (): string => "abcdefgh"[Math.floor(next() * 8)] as string;
  const phrases = [...new Set(Array.from({ length: 3_000 }, () => Array.from({ length: 20 }, letter).join("")))];
  const index = indexOf(phrases, 0);
  for (let t = 0; t < 40; t++) {
    // A text that holds some phrases whole (and their overlaps), with random letters between them.
    let text = "";
    while (text.length < 400) text += next() < 0.5 ? (phrases[Math.floor(next() * phrases.length)] as string) : letter();
    const expected = byIncludes(phrases, text);
    assert.ok(expected.includes(1));
    assert.deepEqual([...index.search(text).found], expected);
  }
});
