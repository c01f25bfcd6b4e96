// sortInPlace (src/engine/sort.ts) orders as Array.prototype.sort does, equal items kept in their
// order, below and above its insertion-sort limit.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { sortInPlace } from "../../src/engine/sort.js";

test("sortInPlace: the built-in sort's order, ties in input order (stable)", () => {
  const item = fc.record({ key: fc.integer({ min: 0, max: 5 }), tag: fc.nat() });
  fc.assert(
    fc.property(fc.array(item, { maxLength: 70 }), (items) => {
      const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
      const expected = [...items].sort(compare);
      const copy = [...items];
      const result = sortInPlace(copy, compare);
      assert.equal(result, copy);
      assert.deepEqual(copy, expected);
    }),
    { numRuns: 3000 },
  );
});
