// isFullAddress() answers a name of ASCII without its pattern (src/case/address.ts): the same answer as the pattern for
// every name, checked on random names of the characters that decide it (letters, "@", ".", blanks, controls, "\", and
// characters outside ASCII, which still go to the pattern) and on the shapes domain.md §4 names.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { isFullAddress } from "../../src/case/address.js";

/** The pattern alone, as isFullAddress() read every name before. */
const byPattern = (value: string): boolean => /^[^\s@\\\p{Cc}\p{Cf}]+@[^\s@\\\p{Cc}\p{Cf}]+\.[^\s@\\\p{Cc}\p{Cf}]+$/u.test(value.trim());

const CHARS = ["a", "B", "1", "@", ".", " ", "\\", "\t", "\n", "\r", "\x0b", "\x0c", "\x00", "\x1f", "\x7f", "-", "_", "+", "é", "\u00a0", "\u200b", "\u202e", "\u3000", "\ud800", "\ufeff", "\u0085", "\u00ad"];

test("a name of ASCII is read as the pattern reads it", () => {
  for (const name of ["a@b.c", "a@.c", "a@b.", "@b.c", "a@b", "a@@b.c", "a@b..c", "a@b.c.", "a.b@c.d", " a@b.c ", "a @b.c", "a@b.c\n", "scanner", "DOMAIN\\user", "scan osaka@contoso.com", "a@b.c@d.e", "a@..", "a@.b.", "a@b.c\u202e", ""]) {
    assert.equal(isFullAddress(name), byPattern(name), JSON.stringify(name));
  }
  fc.assert(
    fc.property(fc.constantFrom("", "user@contoso.com", "scan@", "a@b", "x."), fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }), (head, rest) => {
      const name = head + rest.join("");
      assert.equal(isFullAddress(name), byPattern(name), JSON.stringify(name));
    }),
    { numRuns: 50000 },
  );
});
