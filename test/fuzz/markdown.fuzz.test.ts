// The Markdown reports' text (src/render/markdown-text.ts) held to a real Markdown parser
// (markdown-it, CommonMark with GitHub's tables and strikethrough): whatever the text, where a report
// puts it (inside a line, at a line's start, in a table cell, as inline code in a cell), the reader
// sees exactly the text and Markdown reads nothing in it: no link, image, HTML, emphasis, code,
// heading, quote, list or extra cell. And the words a help desk reads stay free of needless backslashes.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { mdCode, mdInline, mdText } from "../../src/render/markdown-text.js";
import { safeText } from "../../src/render/sanitize.js";
import { PARAMS, TIMEOUT } from "./arbitraries.js";

const md = new MarkdownIt("commonmark").enable(["table", "strikethrough"]);

/** What a reader should see: the text flattened to one line and sanitised. */
const visible = (s: string): string => safeText(s.replace(/\r?\n/g, " "));
/** Markdown drops the spaces (ASCII only, not U+00A0 or U+3000) around a paragraph or a cell. */
const spaceTrimmed = (s: string): string => s.replace(/^ +| +$/g, "");

/** The characters Markdown gives a meaning, in the shapes that use them, among letters, digits, Japanese and spaces. */
const PIECES = [
  "*", "**", "_", "__", "`", "``", "~", "~~", "[", "]", "(", ")", "![", "](", "][", "]:", "<", ">", "#", "# ", "## ", "-", "- ", "--- ", "+ ", "=", "==", "1. ", "2) ",
  "|", "\\", "\\|", "\\*", "&", "&amp;", "&#42;", "&#x3c;", "&lt;", "&copy;", ":", "!", "https://example.com", "<https://example.com>", "<b>", "</b>", "<!--", "<img src=x onerror=alert(1)>",
  "[a](https://evil.example)", "![i](https://evil.example/x.png)", "[ref]: https://evil.example", "EXCHANGE_S_*", "DOMAIN\\user", "set_debuglevel", "a_b", "_a_",
  " ", "  ", "    ", "\t", "\n", "\r\n", "a", "Z", "7", "0", "管理センター", "「", "」", "、", "。", "\u001b[31m", "\u0000", "\u202e",
];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 }), fc.string({ unit: "grapheme", maxLength: 2 })), { maxLength: 12 }).map((parts) => parts.join(""));

/** Every inline token a parse produced, nested ones included. */
function inlineTokens(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => (t.children ? [t, ...inlineTokens(t.children)] : [t]));
}

/** The inline children are plain text only (text, or an escaped character), and together read `expected`. */
function assertPlain(children: Token[] | null, expected: string, where: string): void {
  const kids = children ?? [];
  const kinds = kids.map((k) => k.type).filter((k) => k !== "text" && k !== "text_special");
  assert.deepEqual(kinds, [], `${where}: Markdown read ${kinds.join(", ")} in ${JSON.stringify(expected)}`);
  assert.equal(kids.map((k) => k.content).join(""), expected, where);
}

test("inside a line: the reader sees the text as it is, and nothing else", { timeout: TIMEOUT }, () => {
  fc.assert(
    fc.property(text, (s) => {
      const expected = visible(s);
      for (const escape of [mdInline, mdText]) {
        const tokens = md.parseInline(`x ${escape(s)} x`, {});
        assertPlain(tokens[0]?.children ?? null, `x ${expected} x`, `inline (${escape.name})`);
      }
    }),
    PARAMS,
  );
});

test("at the start of a line: one paragraph, no heading, quote, list, rule or code block", { timeout: TIMEOUT }, () => {
  fc.assert(
    fc.property(text, (s) => {
      // A report starts a line with trimmed text; leading spaces are the caller's indentation.
      const line = s.replace(/^\s+/, "");
      const expected = spaceTrimmed(visible(line));
      const tokens = md.parse(mdText(line), {});
      if (expected === "") return;
      assert.deepEqual(
        tokens.map((t) => t.type),
        ["paragraph_open", "inline", "paragraph_close"],
        `block: ${JSON.stringify(s)} → ${JSON.stringify(mdText(s))}`,
      );
      assertPlain(tokens[1]?.children ?? null, expected, "block");
    }),
    PARAMS,
  );
});

test("in a table cell: one cell holding the text; as inline code, one code span holding it", { timeout: TIMEOUT }, () => {
  fc.assert(
    fc.property(text, (s) => {
      // A table trims its cells of any white space (JavaScript's trim); a code span keeps all but ASCII spaces.
      const expected = visible(s).trim();
      const table = md.parse(`| a | b |\n|---|---|\n| ${mdInline(s)} | ${mdCode(s, { cell: true })} |\n`, {});
      const cells = table.filter((t) => t.type === "td_open");
      assert.equal(cells.length, 2, `cells: ${JSON.stringify(s)}`);
      const inlines = table.filter((t) => t.type === "inline").slice(2);
      assertPlain(inlines[0]?.children ?? null, expected, `cell: ${JSON.stringify(s)}`);
      const code = inlineTokens(inlines[1]?.children ?? []).filter((t) => t.type === "code_inline");
      assert.equal(code.length, 1, `code cell: ${JSON.stringify(s)}`);
      // A code span drops one space at each end when it has both: the words are the same.
      assert.equal(spaceTrimmed(code[0]?.content ?? ""), spaceTrimmed(visible(s)), `code cell: ${JSON.stringify(s)}`);
    }),
    PARAMS,
  );
});

test("the words a help desk reads keep no needless backslash", () => {
  for (const words of [
    "Microsoft 365 管理センター > アクティブなユーザー > メール",
    "ユーザー名は短い名前や DOMAIN\\user ではなく、完全な UPN (user@domain) にします",
    "アプリの [API のアクセス許可] ページ",
    "set_debuglevel(1) and EXCHANGE_S_ENTERPRISE",
    "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.",
    "Step 2. then 3) and a - b + c = d # e",
  ])
    assert.equal(mdText(words), words);
  // What Markdown would read is escaped, and only that.
  // An underscore before punctuation can close emphasis: "EXCHANGE_S_*" keeps its first one only.
  assert.equal(mdText("licenseDetails: EXCHANGE_S_*"), "licenseDetails: EXCHANGE_S\\_\\*");
  assert.equal(mdText("<device-mailbox@contoso.com>"), "\\<device-mailbox@contoso.com>");
  assert.equal(mdText("[click](https://evil.example)"), "[click\\](https://evil.example)");
  assert.equal(mdText("# 1. > quote"), "\\# 1. > quote");
  assert.equal(mdText("1. first"), "1\\. first");
  assert.equal(mdInline("1. Open the Exchange admin center"), "1. Open the Exchange admin center");
  assert.equal(mdText("203.0.113.24 and #1"), "203.0.113.24 and #1");
  assert.equal(mdText("- item"), "\\- item");
  assert.equal(mdInline("<b>"), "\\<b>");
  assert.equal(mdText("a _b_ c"), "a \\_b\\_ c");
  assert.equal(mdText("&amp; &x"), "\\&amp; &x");
  assert.equal(mdText("ends with \\"), "ends with \\\\");
});
