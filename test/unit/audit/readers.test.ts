// The streaming CSV and JSON readers: every chunking of the same text gives the same records, and
// broken text fails with the file and line.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CsvReader } from "../../../src/audit/csv.js";
import { JsonRecordReader } from "../../../src/audit/jsonstream.js";
import { AppError } from "../../../src/errors.js";

function csvRows(text: string, chunk: number): { header: string[]; rows: [string[], number][] } {
  let header: string[] = [];
  const rows: [string[], number][] = [];
  const r = new CsvReader("x.csv", { header: (f) => { header = f; }, row: (f, line) => rows.push([f, line]) });
  for (let i = 0; i < text.length; i += chunk) r.push(text.slice(i, i + chunk));
  r.end();
  return { header, rows };
}

function jsonRecords(text: string, chunk: number): [Record<string, unknown>, number][] {
  const out: [Record<string, unknown>, number][] = [];
  const r = new JsonRecordReader("x.json", (rec, line) => out.push([rec, line]));
  for (let i = 0; i < text.length; i += chunk) r.push(text.slice(i, i + chunk));
  r.end();
  return out;
}

function failsWith(fn: () => unknown, key: string, params: Record<string, unknown>): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof AppError, `expected AppError, got ${String(e)}`);
    assert.equal(e.key, key);
    assert.equal(e.exitCode, 2);
    for (const [k, v] of Object.entries(params)) assert.equal(e.params[k], v, `param ${k}`);
    return true;
  });
}

const PS_CSV =
  '#TYPE Selected.Microsoft.Exchange.Data.Directory.Management.CASMailbox\r\n' +
  '"PrimarySmtpAddress","SmtpClientAuthenticationDisabled","DisplayName"\r\n' +
  '"mfp@contoso.com","False","複合機, 3F"\r\n' +
  '"o\'brien@contoso.com","","Say ""hi"""\r\n' +
  '"multi@contoso.com","True","line one\r\nline two"\r\n' +
  '"last@contoso.com","",""\r\n';

test("CSV: PowerShell export with #TYPE, CRLF, quoted commas, doubled quotes and a line break in a value, at every chunk size", () => {
  const expected = csvRows(PS_CSV, PS_CSV.length);
  assert.deepEqual(expected.header, ["PrimarySmtpAddress", "SmtpClientAuthenticationDisabled", "DisplayName"]);
  assert.deepEqual(
    expected.rows.map((r) => r[0]),
    [
      ["mfp@contoso.com", "False", "複合機, 3F"],
      ["o'brien@contoso.com", "", 'Say "hi"'],
      ["multi@contoso.com", "True", "line one\r\nline two"],
      ["last@contoso.com", "", ""],
    ],
  );
  // lines: #TYPE=1, header=2, rows start at 3, 4, 5 (two lines), 7
  assert.deepEqual(
    expected.rows.map((r) => r[1]),
    [3, 4, 5, 7],
  );
  for (const size of [1, 2, 3, 5, 7, 16, 64]) assert.deepEqual(csvRows(PS_CSV, size), expected, `chunk ${size}`);
});

test("CSV: unquoted LF file without a trailing newline, semicolon separator, blank lines skipped", () => {
  const a = csvRows("Name,AllowBasicAuthSmtp\nBlock Basic,False\n\nAllow SMTP,True", 4);
  assert.deepEqual(a.rows.map((r) => r[0]), [["Block Basic", "False"], ["Allow SMTP", "True"]]);
  const b = csvRows('"PrimarySmtpAddress";"SmtpClientAuthenticationDisabled"\r\n"a@b.jp";"True"\r\n', 3);
  assert.deepEqual(b.rows.map((r) => r[0]), [["a@b.jp", "True"]]);
});

test("CSV: a file cut inside a quoted value is truncated, naming the line", () => {
  failsWith(() => csvRows('"A","B"\r\n"x","y"\r\n"z","unfinis', 5), "audit.err.truncated", { file: "x.csv", line: 3 });
});

test("CSV: a row cut short at the end of the file is truncated; a short row in the middle is a width error", () => {
  failsWith(() => csvRows("A,B,C\r\n1,2,3\r\n4,5", 100), "audit.err.truncated", { line: 3 });
  failsWith(() => csvRows("A,B,C\r\n1,2\r\n4,5,6\r\n", 100), "audit.err.csvWidth", { line: 2, found: 2, expected: 3 });
  // Cut right after a separator: the blank last value must not read as "follow the organization".
  failsWith(() => csvRows('"PrimarySmtpAddress","SmtpClientAuthenticationDisabled"\r\n"a@contoso.com","True"\r\n"b@contoso.com",', 4), "audit.err.truncated", { line: 3 });
});

test("CSV: text after a closing quote is malformed", () => {
  failsWith(() => csvRows('"A","B"\n"x"y,"z"\n', 100), "audit.err.csvQuote", { line: 2 });
});

const GRAPH = `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns","value":[
  {"userPrincipalName":"mfp@contoso.com","clientAppUsed":"Authenticated SMTP","status":{"errorCode":0,"failureReason":"Other."},"note":"a \\"quoted\\" ] } value \\\\"},
  {"userPrincipalName":"scan@contoso.com","clientAppUsed":"Authenticated SMTP","status":{"errorCode":50126}}
],"@odata.nextLink":"https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=abc"}
{"value":[{"userPrincipalName":"third@contoso.com","clientAppUsed":"Authenticated SMTP","status":{"errorCode":50053}}]}
`;

test("JSON: Graph pages (one after another) stream the elements of value, at every chunk size", () => {
  const all = jsonRecords(GRAPH, GRAPH.length);
  assert.deepEqual(
    all.map(([r]) => r.userPrincipalName),
    ["mfp@contoso.com", "scan@contoso.com", "third@contoso.com"],
  );
  assert.equal((all[0]?.[0] as { note: string }).note, 'a "quoted" ] } value \\');
  assert.deepEqual(all.map(([, line]) => line), [2, 3, 5]);
  for (const size of [1, 2, 3, 7, 13, 50]) assert.deepEqual(jsonRecords(GRAPH, size), all, `chunk ${size}`);
});

test("JSON: ConvertTo-Json array, single object, and JSON Lines", () => {
  const arr = '[\r\n    {\r\n        "PrimarySmtpAddress":  "a@contoso.com",\r\n        "SmtpClientAuthenticationDisabled":  null\r\n    },\r\n    {\r\n        "PrimarySmtpAddress":  "b@contoso.com",\r\n        "SmtpClientAuthenticationDisabled":  true\r\n    }\r\n]\r\n';
  assert.deepEqual(
    jsonRecords(arr, 3).map(([r]) => [r.PrimarySmtpAddress, r.SmtpClientAuthenticationDisabled]),
    [
      ["a@contoso.com", null],
      ["b@contoso.com", true],
    ],
  );
  const one = '{\r\n    "SmtpClientAuthenticationDisabled":  false,\r\n    "value":  "not a page"\r\n}';
  assert.deepEqual(jsonRecords(one, 4).map(([r]) => r), [{ SmtpClientAuthenticationDisabled: false, value: "not a page" }]);
  const lines = '{"a":1}\n{"a":2}\n{"a":3}\n';
  assert.deepEqual(jsonRecords(lines, 2).map(([r, l]) => [r.a, l]), [
    [1, 1],
    [2, 2],
    [3, 3],
  ]);
});

test("JSON: truncated, not objects, and syntax errors name the line", () => {
  failsWith(() => jsonRecords('[\n{"a":1},\n{"a":"cut', 4), "audit.err.truncated", { file: "x.json", line: 3 });
  failsWith(() => jsonRecords('[\n{"a":1},\n{"a":2}', 4), "audit.err.truncated", { line: 3 });
  failsWith(() => jsonRecords('[\n"a@contoso.com",\n"b"]', 4), "audit.err.jsonNotObjects", { line: 2 });
  failsWith(() => jsonRecords('[\n{"a":1},\n{"a":tru}]', 4), "audit.err.jsonSyntax", { line: 3 });
  failsWith(() => jsonRecords("hello", 4), "audit.err.jsonSyntax", { line: 1 });
});
