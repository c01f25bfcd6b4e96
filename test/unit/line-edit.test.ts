// The usual line-editing keys in every text field (issue 13.6), as a pure editor: the cursor, and
// Ctrl+U/K/W/A/E, with Japanese and emoji counted as one character each; plus a property: any key
// sequence keeps the cursor inside the text and never loses typed characters that were not deleted.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { edit, insert, lineOf, lineText, type EditKey, type Line } from "../../src/render/line-edit.js";
import { SEED } from "../fuzz/arbitraries.js";

const apply = (l: Line, ...keys: [string, EditKey][]) => keys.reduce((x, [input, key]) => edit(x, input, key) ?? x, l);
const ctrl = (c: string): [string, EditKey] => [c, { ctrl: true }];

test("Ctrl+U clears a file name typed after the suggestion; Ctrl+K and Ctrl+W delete to the end and the word before", () => {
  assert.equal(lineText(apply(lineOf("smtp-auth-plan.md"), ctrl("u"))), "");
  const mid = apply(lineOf("C:\\temp\\plan.md"), ["", { leftArrow: true }], ["", { leftArrow: true }], ["", { leftArrow: true }]);
  assert.equal(lineText(apply(mid, ctrl("k"))), "C:\\temp\\plan");
  assert.equal(lineText(apply(mid, ctrl("u"))), ".md");
  assert.equal(lineText(apply(lineOf("scan to  mail"), ctrl("w"))), "scan to  ");
  assert.equal(lineText(apply(lineOf("scan to  "), ctrl("w"))), "scan ");
});

test("the cursor: Ctrl+A/Home to the start, Ctrl+E/End to the end, typing inserts at the cursor; Backspace deletes before it", () => {
  let l = apply(lineOf("mfp@contoso.com"), ctrl("a"));
  assert.equal(l.at, 0);
  l = insert(l, "scan-");
  assert.equal(lineText(l), "scan-mfp@contoso.com");
  l = apply(l, ["", { end: true }], ["", { backspace: true }]);
  assert.equal(lineText(l), "scan-mfp@contoso.co");
  l = apply(l, ["", { home: true }], ["", { backspace: true }]);
  assert.equal(lineText(l), "scan-mfp@contoso.co", "nothing before the start");
});

test("Japanese and emoji are one step each", () => {
  let l = lineOf("複合機👍🏽テスト");
  l = apply(l, ["", { leftArrow: true }], ["", { leftArrow: true }], ["", { leftArrow: true }], ["", { backspace: true }]);
  assert.equal(lineText(l), "複合機テスト");
  assert.equal(l.at, 3);
});

test("keys that are not editing keys are left to the field (Enter, Esc, Up, Tab, Ctrl+C)", () => {
  const l = lineOf("x");
  assert.equal(edit(l, "\r", {}), undefined);
  assert.equal(edit(l, "c", { ctrl: true }), undefined);
  assert.equal(edit(l, "", {}), undefined);
});

test("property: any sequence of keys keeps the cursor within the text, and text not deleted survives in order", () => {
  const key = fc.oneof(
    fc.constantFrom<[string, EditKey]>(ctrl("a"), ctrl("e"), ctrl("u"), ctrl("k"), ctrl("w"), ctrl("b"), ctrl("f"), ["", { leftArrow: true }], ["", { rightArrow: true }], ["", { home: true }], ["", { end: true }], ["", { backspace: true }], ["", { delete: true }]),
    fc.string({ maxLength: 4 }).map((s): [string, EditKey] => [s, {}]),
  );
  fc.assert(
    fc.property(fc.string({ maxLength: 20 }), fc.array(key, { maxLength: 30 }), (start, keys) => {
      let l = lineOf(start);
      for (const [input, k] of keys) l = edit(l, input, k) ?? (Object.keys(k).length === 0 ? insert(l, input) : l);
      assert.ok(l.at >= 0 && l.at <= l.chars.length, JSON.stringify(l));
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(lineText(l).replace(start, ""), /[\u0000-\u001f\u007f]/, "no control character is ever inserted");
    }),
    { numRuns: 1000, seed: SEED },
  );
});

test("Delete deletes the character after the cursor, Backspace the one before (persona run, 2026-12-04: Delete deleted before)", () => {
  let l = lineOf("ABC");
  l = apply(l, ["", { home: true }], ["", { delete: true }]);
  assert.deepEqual([lineText(l), l.at], ["BC", 0]);
  l = apply(lineOf("ABC"), ["", { leftArrow: true }], ["", { delete: true }]);
  assert.deepEqual([lineText(l), l.at], ["AB", 2]);
  l = apply(lineOf("ABC"), ["", { leftArrow: true }], ["", { backspace: true }]);
  assert.deepEqual([lineText(l), l.at], ["AC", 1]);
  // At the end, Delete has nothing to delete.
  assert.equal(lineText(apply(lineOf("ABC"), ["", { delete: true }])), "ABC");
});
