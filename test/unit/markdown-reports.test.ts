// The Markdown a help desk pastes into a ticket (diagnose/explain --format md) and the audit's
// Markdown, read by a real Markdown parser (markdown-it: CommonMark with GitHub's tables): text that
// came from outside (a case file's fields, a pasted reply, display names and failure reasons from a
// sign-in log, a file name) shows as the text it is. It opens no HTML, link, image or emphasis, and an
// entity in it is shown, not decoded. The audit's report escaped only the pipes before.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { hostileCase } from "../helpers/hostile.js";
import { runMain } from "../helpers/run-main.js";

const md = new MarkdownIt("commonmark").enable(["table", "strikethrough"]);
/** What a hostile value adds: HTML, a link, an image, an entity, emphasis, a table cell's pipe. */
const MARKUP = `<img src=x onerror=alert(1)> [click](https://evil.example/a) ![i](https://evil.example/i.png) &copy; **LOUD** _slanted_ ~~struck~~ | cell`;
const dir = mkdtempSync(join(tmpdir(), "sad-md-"));

/** The case's free-text fields (a title, the reply, policy names, failure reasons, notes) get MARKUP too; fields with a length limit stay as they are. */
const FREE_TEXT = new Set(["title", "reply", "name", "failureReason", "note"]);
function withMarkup(value: unknown, key = ""): unknown {
  if (typeof value === "string") return FREE_TEXT.has(key) ? `${value} ${MARKUP}` : value;
  if (Array.isArray(value)) return value.map((v) => withMarkup(v, key));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withMarkup(v, k)]));
  return value;
}

function flat(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => (t.children ? [t, ...flat(t.children)] : [t]));
}

/** The parsed Markdown holds MARKUP's words as text, and none of its markup as Markdown. */
function assertInert(markdown: string, what: string, shown = true): void {
  const tokens = flat(md.parse(markdown, {}));
  // The report's own line break inside a table cell ("<br>") is the one HTML it writes.
  const html = tokens.filter((t) => (t.type === "html_inline" || t.type === "html_block") && t.content !== "<br>");
  assert.deepEqual(html.map((t) => t.content), [], `${what}: HTML`);
  const links = tokens.filter((t) => (t.type === "link_open" || t.type === "image") && String(t.attrGet("href") ?? t.attrGet("src") ?? "").includes("evil"));
  assert.equal(links.length, 0, `${what}: a link or image from the data`);
  // Emphasis: the text inside every strong/em/s span is ours, never the data's words.
  let depth = 0;
  for (const t of tokens) {
    if (/^(strong|em|s)_open$/.test(t.type)) depth++;
    else if (/^(strong|em|s)_close$/.test(t.type)) depth--;
    else if (depth > 0 && t.type === "text") assert.doesNotMatch(t.content, /LOUD|slanted|struck/, `${what}: emphasis from the data`);
  }
  const text = tokens.filter((t) => t.type === "text" || t.type === "text_special" || t.type === "code_inline").map((t) => t.content).join("");
  if (shown) for (const words of ["<img src=x onerror=alert(1)>", "[click](https://evil.example/a)", "&copy;", "**LOUD**", "_slanted_", "~~struck~~"]) assert.ok(text.includes(words), `${what}: ${words} is shown as it is`);
}

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: the ticket Markdown shows a hostile case's text and reads none of its markup`, async () => {
    const file = join(dir, `case-${lang}.json`);
    writeFileSync(file, JSON.stringify(withMarkup(hostileCase())));
    const r = await runMain(["diagnose", "--case", file, "--format", "md", "--lang", lang]);
    assert.equal(r.code, 1, r.stderr);
    assertInert(r.stdout, "diagnose md");
    const e = await runMain(["explain", `535 5.7.3 Authentication unsuccessful ${MARKUP}`, "--format", "md", "--lang", lang]);
    // explain shows the reply it found, not the words around it: nothing of MARKUP need be shown, none may act.
    assert.equal(e.code, 1, e.stderr);
    assertInert(e.stdout, "explain md", false);
  });

  test(`${lang}: the audit's Markdown shows display names and failure reasons from a sign-in log as text`, async () => {
    const signIns = JSON.parse(readFileSync("examples/audit/signins.json", "utf8")) as { value: Array<Record<string, unknown>> };
    for (const s of signIns.value) {
      s.userDisplayName = `${String(s.userDisplayName)} ${MARKUP}`;
      const status = s.status as Record<string, unknown>;
      status.failureReason = `${String(status.failureReason)} ${MARKUP}`;
    }
    const file = join(dir, `signins <b>[x](evil.example) ${lang}.json`);
    writeFileSync(file, JSON.stringify(signIns));
    const r = await runMain(["audit", "--signins", file, "--format", "md", "--lang", lang]);
    assert.equal(r.code, 0, r.stderr);
    assertInert(r.stdout, "audit md");
    // The accounts' table keeps its columns: the pipe in a name stays in the name's cell.
    const tokens = md.parse(r.stdout, {});
    const cells = tokens.filter((t, i) => t.type === "inline" && tokens[i - 1]?.type === "td_open" && t.content.includes("LOUD"));
    assert.ok(cells.length > 0, "the names are in the accounts' table");
    for (const cell of cells) assert.ok((cell.children ?? []).map((k) => k.content).join("").includes("| cell"), `one cell: ${cell.content}`);
  });
}
