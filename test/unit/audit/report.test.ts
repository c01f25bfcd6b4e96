// Report renderers: spreadsheet formulas defused, Markdown tables intact, text in both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "../../../src/audit/analyze.js";
import { AuditCollector } from "../../../src/audit/collector.js";
import { buildPlan } from "../../../src/audit/plan.js";
import { csvCell, renderAccountsCsv, renderMailboxesCsv, renderMarkdown, renderText, toJson } from "../../../src/audit/report.js";

function sample() {
  const col = new AuditCollector();
  col.transport(false, 2);
  col.mailbox("mfp@contoso.com", null, 2, "=HYPERLINK(\"http://x\")");
  col.mailbox("pipe@contoso.com", true, 3, "総務 | 3F");
  col.signIn({ upn: "mfp@contoso.com", displayName: "=cmd", at: "2026-11-20T00:00:00Z", errorCode: 0, ip: "203.0.113.1" }, 2);
  col.signIn({ upn: "pipe@contoso.com", at: "2026-11-21T00:00:00Z", errorCode: 50053, failureReason: "Account is locked | try later", ip: "203.0.113.2" }, 3);
  const result = analyze(col, [], { asOf: "2026-11-22" });
  return { col, result, plan: buildPlan("enable-used", col, result) };
}

test("CSV cells are always quoted and a leading = + - @ cannot become a formula", () => {
  assert.equal(csvCell("=1+2"), `"'=1+2"`);
  assert.equal(csvCell("@SUM(A1)"), `"'@SUM(A1)"`);
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell(-5), '"-5"', "numbers are data, not text to defuse");
  assert.equal(csvCell(undefined), '""');
  const { col, result } = sample();
  const accounts = renderAccountsCsv(result, "en");
  assert.ok(accounts.startsWith("\uFEFF"));
  assert.doesNotMatch(accounts, /(^|,)"=/m);
  const mailboxes = renderMailboxesCsv(col, result);
  assert.match(mailboxes, /"'=HYPERLINK\(""http:\/\/x""\)"/);
});

test("Markdown escapes pipes in cells; text shows errors with their reasons; JSON is one plain object", () => {
  const { result, plan } = sample();
  const md = renderMarkdown(result, plan, "ja");
  const rows = md.split("\n").filter((l) => l.startsWith("| pipe@contoso.com"));
  assert.equal(rows.length, 1);
  assert.match(rows[0] as string, /総務 \\\| 3F/, "a pipe in a display name is escaped");
  assert.match(rows[0] as string, /50053×1 \(アカウントがロックされています\)/, "a known sign-in code in Japanese");
  assert.match(renderMarkdown(result, plan, "en"), /Account is locked \\\| try later/, "Entra's own text, escaped, in English");
  const cells = (rows[0] as string).split(/(?<!\\)\|/).length;
  const header = md.split("\n").find((l) => l.startsWith("| アカウント")) as string;
  assert.equal(cells, header.split("|").length, "same number of cells as the header");
  const text = renderText(result, plan, "en");
  assert.match(text, /Error codes: 50053×1 \(Account is locked \| try later\)/);
  assert.match(text, /pipe@contoso\.com \(総務 \| 3F\): blocked now/);
  const json = toJson(result, plan);
  assert.equal(json.schema, "smtp-auth-doctor/audit@1");
  assert.deepEqual(JSON.parse(JSON.stringify(json)), json, "no Maps or Sets left in the JSON object");
});

test("Markdown: the documentation's queries keep their pipes inside the table", () => {
  const { result, plan } = sample();
  const md = renderMarkdown(result, plan, "en");
  const row = md.split("\n").find((l) => l.includes("-eq $null")) as string;
  assert.match(row, /\$Users \\\| where/);
  assert.equal(row.split(/(?<!\\)\|/).length, 5, "three cells");
});
