import assert from "node:assert/strict";
import { test } from "node:test";
import { isSafeText, safeJson, safeText } from "../../src/render/sanitize.js";

test("escape sequences from data are shown, never passed through", () => {
  const osc52 = "\u001b]52;c;cm0gLXJmIH4=\u0007";
  assert.equal(safeText(`mfp${osc52}@contoso.com`), "mfp\\x1b]52;c;cm0gLXJmIH4=\\x07@contoso.com");
  assert.equal(safeText("a\u009b31mb"), "a\\x9b31mb");
  assert.equal(safeText("admin\u202Eexe.txt"), "admin\\u202eexe.txt");
  assert.equal(safeText("x\u007fy"), "x\\x7fy");
  assert.equal(safeText("a\u2028b"), "a\\u2028b");
});

test("line breaks: one line by default, kept with multiline; a lone CR is always shown", () => {
  assert.equal(safeText("a\r\nb\nc"), "a\\x0d\\x0ab\\x0ac");
  assert.equal(safeText("a\r\nb\nc", { multiline: true }), "a\nb\nc");
  assert.equal(safeText("ok\rFAKE", { multiline: true }), "ok\\x0dFAKE");
  assert.equal(safeText("a\tb"), "a b");
});

test("clean text (Japanese, emoji, punctuation) is returned unchanged", () => {
  for (const s of ["", "認証済み SMTP", "mfp@contoso.com", "👨‍👩‍👧 ok", "535 5.7.139 Authentication unsuccessful"]) {
    assert.equal(safeText(s), s);
    assert.ok(isSafeText(s));
  }
});

test("safeJson escapes what JSON.stringify leaves raw and still parses to the same value", () => {
  const value = { name: "a\u009b2Jb\u202Ec\u007f\u2029", esc: "\u001b[31m" };
  const out = safeJson(JSON.stringify(value));
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(out, /[\x00-\x1f\x7f-\x9f\u202e\u2029]/);
  assert.deepEqual(JSON.parse(out), value);
});

test("no output of safeText holds a control, C1 or bidi character, whatever the input", () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const pool = [0, 7, 9, 10, 13, 27, 0x7f, 0x85, 0x9b, 0x9d, 0x200e, 0x202e, 0x2066, 0x2028, 0x41, 0x3042, 0xd83d];
  for (let i = 0; i < 2000; i++) {
    let s = "";
    const len = next() % 20;
    for (let j = 0; j < len; j++) s += String.fromCharCode(pool[next() % pool.length]!);
    const out = safeText(s);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(out, /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/, JSON.stringify(s));
    const multi = safeText(s, { multiline: true });
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(multi, /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/, JSON.stringify(s));
  }
});
