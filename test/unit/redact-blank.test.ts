// The redaction rules' blank within a line (src/case/redact.ts, BLANK) is [^\S\n] written out, so that V8 does not close
// nearly all of Unicode over case when it compiles those rules (they carry the i flag; issue 15, start-up). It must match
// exactly what [^\S\n] matches: every UTF-16 unit, with and without the i flag (and every code point under u).
import assert from "node:assert/strict";
import { test } from "node:test";
import { BLANK } from "../../src/case/redact.js";

test("BLANK matches what [^\\S\\n] matches, unit by unit, with and without the i flag", () => {
  for (const flags of ["", "i", "u", "iu"]) {
    const negated = new RegExp("^[^\\S\\n]$", flags);
    const written = new RegExp(`^${BLANK}$`, flags);
    const last = flags.includes("u") ? 0x10ffff : 0xffff;
    const differ: number[] = [];
    for (let c = 0; c <= last; c++) {
      // Lone surrogates under u are single units too; String.fromCodePoint gives them as such.
      const ch = String.fromCodePoint(c);
      if (negated.test(ch) !== written.test(ch)) differ.push(c);
    }
    assert.deepEqual(differ, [], `flags "${flags}"`);
  }
});
