import assert from "node:assert/strict";
import { test } from "node:test";
import { pad, stepLines, truncate, width, wrapHanging } from "../../src/render/layout.js";
import { makeTheme } from "../../src/render/theme.js";

const JA = "Microsoft 365 管理センター > ユーザー > アクティブなユーザー > アカウント > メール > メール アプリの管理 の「認証済み SMTP」を確認します。";

test("wide characters are measured as two columns and cut between graphemes", () => {
  assert.equal(width("認証済み SMTP"), 13);
  const cut = truncate("認証済みのクライアント SMTP 送信", 11);
  assert.ok(width(cut) <= 11, cut);
  assert.equal(cut, "認証済み...");
  // A family emoji is one grapheme: never split in the middle.
  const family = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}";
  assert.equal(truncate(`ab${family}cd`, 5, "~"), `ab${family}~`);
  assert.equal(truncate(`ab${family}cd`, 4, "~"), "ab~");
  assert.equal(width(pad("日本語", 10)), 10);
});

test("wrapped Japanese lines never exceed the width and keep every character", () => {
  for (const cols of [80, 41, 20]) {
    const lines = wrapHanging(JA, cols, "  ");
    for (const l of lines) assert.ok(width(l) <= cols, `${cols}: ${l} (${width(l)})`);
    assert.equal(lines.join("").replace(/\s+/g, ""), JA.replace(/\s+/g, ""));
  }
});

test("no line starts with closing punctuation (kinsoku)", () => {
  for (const cols of [10, 11, 12, 13]) {
    for (const l of wrapHanging("あいうえおかきくけこ。さしすせそ、たちつてと", cols)) assert.doesNotMatch(l, /^[。、]/, l);
  }
});

test("ASCII words move whole to the next line", () => {
  assert.deepEqual(wrapHanging("Get-CASMailbox -Identity 'mfp@contoso.com'", 30), ["Get-CASMailbox -Identity", "'mfp@contoso.com'"]);
  const steps = stepLines("1. Open the Exchange admin center and go to Settings.\nnote", 30);
  assert.deepEqual(steps, ["  1. Open the Exchange admin", "     center and go to", "     Settings.", "  note"]);
});

test("the theme honours no-colour and ASCII, never uses ambiguous-width glyphs, caps width at 80", () => {
  const plain = makeTheme({ color: false, ascii: false, columns: 200 });
  assert.equal(plain.color("danger"), undefined);
  assert.equal(plain.width, 80);
  assert.equal(makeTheme({ color: true, ascii: false, columns: 60 }).color("danger"), "red");
  const ascii = makeTheme({ color: false, ascii: true }).glyphs;
  for (const g of Object.values(ascii)) assert.match(g, /^[\x20-\x7e]+$/);
  for (const g of Object.values(plain.glyphs)) {
    for (const ch of g) assert.ok(!"●○…※→←↑↓─■□★☆".includes(ch), `ambiguous glyph ${ch}`);
    assert.equal(width(g), g.length);
  }
});
