// Realistic exports, recognised by content: encodings, BOMs, PowerShell's CSV and JSON, the Entra
// portal and Graph sign-in shapes, the EAC report; and the files the audit must refuse.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { AuditCollector } from "../../../src/audit/collector.js";
import { detectKind, normName, readInput, type InputKind } from "../../../src/audit/inputs.js";
import { AppError } from "../../../src/errors.js";
import { ENTRA_SIGNIN_HEADER } from "../../helpers/audit-data.js";

const dir = mkdtempSync(join(tmpdir(), "audit-inputs-"));
let n = 0;
function file(content: string | Buffer, name = `f${n++}`): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);
const utf8bom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, "utf8")]);

async function read(p: string, expected?: InputKind[]) {
  const col = new AuditCollector();
  col.setFile(p);
  const summary = await readInput(p, col, expected ? { expected, option: "--test" } : {});
  return { col, summary };
}

async function rejects(p: string, key: string, params: Record<string, unknown> = {}, expected?: InputKind[]) {
  await assert.rejects(read(p, expected), (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.key, key);
    assert.equal(e.exitCode, 2);
    for (const [k, v] of Object.entries(params)) assert.equal(e.params[k], v, `param ${k}`);
    return true;
  });
}

const MAILBOX_CSV =
  '#TYPE Selected.Microsoft.Exchange.Data.Directory.Management.CASMailbox\r\n' +
  '"PrimarySmtpAddress","SmtpClientAuthenticationDisabled","DisplayName"\r\n' +
  '"mfp-3f@contoso.co.jp","False","複合機 3F, 総務部"\r\n' +
  '"yamada@contoso.co.jp","","山田 太郎"\r\n' +
  '"ceo@contoso.co.jp","True","社長"\r\n';

test("mailboxes: Export-Csv with BOM, #TYPE, CRLF, Japanese names, quoted commas and blanks (= follow the organization)", async () => {
  const { col, summary } = await read(file(utf8bom(MAILBOX_CSV)), ["mailboxes"]);
  assert.deepEqual([summary.kind, summary.format, summary.encoding, summary.records], ["mailboxes", "csv", "utf-8", 3]);
  assert.deepEqual([...col.mailboxes()].map((m) => m.identity), ["mfp-3f@contoso.co.jp", "yamada@contoso.co.jp", "ceo@contoso.co.jp"]);
  assert.deepEqual([0, 1, 2].map((i) => col.setting(i)), [0, 2, 1]);
  assert.deepEqual([...col.mailboxes()].map((m) => m.displayName), ["複合機 3F, 総務部", "山田 太郎", "社長"]);
});

test("mailboxes: ConvertTo-Json redirected by Windows PowerShell (UTF-16LE with BOM), array and single object", async () => {
  const arr = '[\r\n    {\r\n        "PrimarySmtpAddress":  "mfp@contoso.com",\r\n        "SmtpClientAuthenticationDisabled":  false\r\n    },\r\n    {\r\n        "PrimarySmtpAddress":  "kato@contoso.com",\r\n        "SmtpClientAuthenticationDisabled":  null\r\n    }\r\n]\r\n';
  const a = await read(file(utf16le(arr)));
  assert.deepEqual([a.summary.kind, a.summary.format, a.summary.encoding], ["mailboxes", "json", "utf-16le"]);
  assert.deepEqual([0, 1].map((i) => a.col.setting(i)), [0, 2]);
  const single = '{\r\n    "PrimarySmtpAddress":  "only@contoso.com",\r\n    "SmtpClientAuthenticationDisabled":  true\r\n}';
  const b = await read(file(utf8bom(single)));
  assert.deepEqual([b.summary.kind, b.summary.encoding, [...b.col.mailboxes()][0]?.identity, b.col.setting(0)], ["mailboxes", "utf-8", "only@contoso.com", 1]);
  // BOM-less UTF-16 (some tools strip the BOM)
  const c = await read(file(Buffer.from(arr, "utf16le")));
  assert.equal(c.summary.encoding, "utf-16le");
  assert.equal(c.col.mailboxCount, 2);
});

test("transport: Get-TransportConfig as JSON (full object) and as CSV with only the one property", async () => {
  const full = JSON.stringify({ AllowLegacyTLSClients: null, MaxRecipientEnvelopeLimit: "500", SmtpClientAuthenticationDisabled: true, Identity: "Transport Settings", Name: "Transport Settings" }, null, 4);
  const a = await read(file(utf16le(full)), ["transport"]);
  assert.equal(a.summary.kind, "transport");
  assert.equal(a.col.tenantDisabled, true);
  const b = await read(file('"SmtpClientAuthenticationDisabled"\r\n"False"\r\n'), ["transport"]);
  assert.equal(b.summary.kind, "transport");
  assert.equal(b.col.tenantDisabled, false);
});

test("sign-ins: the Entra portal CSV (its real header, with the repeated column) keeps only Authenticated SMTP", async () => {
  const col = (name: string) => ENTRA_SIGNIN_HEADER.indexOf(name);
  const row = (vals: Record<string, string>) => {
    const r = new Array<string>(ENTRA_SIGNIN_HEADER.length).fill("");
    for (const [k, v] of Object.entries(vals)) r[col(k)] = v;
    return r.map((v) => `"${v.replace(/"/g, '""')}"`).join(",");
  };
  const text = [
    ENTRA_SIGNIN_HEADER.map((h) => `"${h}"`).join(","),
    row({ "Date (UTC)": "2026-11-20T08:15:02Z", User: "複合機 3F", Username: "mfp@contoso.com", "IP address": "203.0.113.10", Status: "Success", "Sign-in error code": "0", "Failure reason": "Other.", "Client app": "Authenticated SMTP" }),
    row({ "Date (UTC)": "2026-11-21T08:15:02Z", User: "複合機 3F", Username: "mfp@contoso.com", "IP address": "203.0.113.11", Status: "Failure", "Sign-in error code": "50126", "Failure reason": "Error validating credentials due to invalid username or password.", "Client app": "Authenticated SMTP", "Conditional Access": "Not Applied" }),
    row({ "Date (UTC)": "2026-11-21T09:00:00Z", User: "Yamada", Username: "yamada@contoso.com", "IP address": "198.51.100.7", Status: "Success", "Sign-in error code": "0", "Client app": "Browser" }),
  ].join("\r\n");
  const { col: c, summary } = await read(file(utf8bom(`${text}\r\n`)), ["signins"]);
  assert.equal(summary.kind, "signins");
  assert.equal(c.signInRecords, 2);
  assert.equal(c.otherAppSignIns, 1);
  const acc = c.signIns.get("mfp@contoso.com");
  assert.ok(acc);
  assert.deepEqual([acc.total, acc.successes, acc.failures, acc.displayName], [2, 1, 1, "複合機 3F"]);
  assert.deepEqual([...acc.ips.keys()].sort(), ["203.0.113.10", "203.0.113.11"]);
  assert.deepEqual([...acc.errorCodes].sort(), [
    [0, 1],
    [50126, 1],
  ]);
  assert.equal(acc.failureReasons.get(50126), "Error validating credentials due to invalid username or password.");
  c.finish();
  assert.equal(acc.recent[0]?.at, "2026-11-21T08:15:02Z", "newest first");
});

test("sign-ins: Graph auditLogs/signIns page JSON and the portal's JSON array", async () => {
  const page = {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns",
    value: [
      { createdDateTime: "2026-11-20T01:00:00Z", userPrincipalName: "scan@contoso.com", userDisplayName: "Scanner", ipAddress: "192.0.2.1", clientAppUsed: "Authenticated SMTP", conditionalAccessStatus: "failure", status: { errorCode: 53003, failureReason: "Access has been blocked by Conditional Access policies." } },
      { createdDateTime: "2026-11-20T02:00:00Z", userPrincipalName: "scan@contoso.com", ipAddress: "192.0.2.1", clientAppUsed: "Exchange ActiveSync", status: { errorCode: 0 } },
    ],
    "@odata.nextLink": "https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=x",
  };
  const a = await read(file(JSON.stringify(page)));
  assert.equal(a.summary.kind, "signins");
  const acc = a.col.signIns.get("scan@contoso.com");
  assert.deepEqual([acc?.total, acc?.conditionalAccessFailures, a.col.otherAppSignIns], [1, 1, 1]);
  const b = await read(file(utf8bom(JSON.stringify(page.value, null, 2))));
  assert.equal(b.col.signInRecords, 1);
});

test("EAC SMTP AUTH clients report: with and without the Authentication Protocol column", async () => {
  const withProtocol = '\uFEFFSender address,Domain,TLS 1.0,TLS 1.1,TLS 1.2,Messages sent,Authentication Protocol\r\nmfp@contoso.com,contoso.com,0%,0%,100%,"1,204",Basic\r\napp@contoso.com,contoso.com,0%,0%,100%,20,OAuth\r\n';
  const a = await read(file(withProtocol), ["smtp-report"]);
  assert.equal(a.summary.kind, "smtp-report");
  assert.equal(a.col.report.get("mfp@contoso.com")?.messages, 1204);
  assert.deepEqual([...(a.col.report.get("app@contoso.com")?.protocols ?? [])], ["oauth"]);
  const old = "Sender address,Domain,TLS 1.0,TLS 1.1,TLS 1.2,Messages sent\nmfp@contoso.com,contoso.com,10,0,90,7\n";
  const b = await read(file(old));
  assert.equal(b.col.report.get("mfp@contoso.com")?.protocolKnown, false);
});

test("authentication policies, user assignments and the organization default", async () => {
  const p = await read(file('"Name","AllowBasicAuthSmtp"\r\n"Block Basic","False"\r\n"Allow SMTP Basic","True"\r\n'), ["auth-policies", "user-policies", "org-config"]);
  assert.deepEqual([...p.col.policies], [
    ["block basic", false],
    ["allow smtp basic", true],
  ]);
  const u = await read(file('"UserPrincipalName","AuthenticationPolicy"\r\n"mfp@contoso.com","Allow SMTP Basic"\r\n"yamada@contoso.com",""\r\n'));
  assert.equal(u.summary.kind, "user-policies");
  assert.deepEqual([...u.col.userPolicyEntries()], [
    ["mfp@contoso.com", "Allow SMTP Basic"],
    ["yamada@contoso.com", null],
  ]);
  const o = await read(file('{"DefaultAuthenticationPolicy":"Block Basic","OAuth2ClientProfileEnabled":true,"Name":"contoso"}'));
  assert.equal(o.summary.kind, "org-config");
  assert.equal(o.col.orgDefaultPolicy, "Block Basic");
});

test("detection works on names only, never on the file name", () => {
  const k = (names: string[]) => detectKind(new Set(names.map(normName)));
  assert.equal(k(["PrimarySmtpAddress", "SmtpClientAuthenticationDisabled"]), "mailboxes");
  assert.equal(k(["SmtpClientAuthenticationDisabled"]), "transport");
  assert.equal(k(["Identity", "SmtpClientAuthenticationDisabled", "AllowLegacyTLSClients"]), "transport");
  assert.equal(k(["createdDateTime", "userPrincipalName", "clientAppUsed"]), "signins");
  assert.equal(k(["Sender address", "Messages sent"]), "smtp-report");
  assert.equal(k(["DisplayName", "Department"]), undefined);
});

test("refused files: Shift_JIS text, Excel workbook, binary, empty, header only, truncated, unknown shape, missing column, wrong option, bad values", async () => {
  // "複合機" in Shift_JIS inside an otherwise valid CSV: not UTF-8 → line 3.
  const sjis = Buffer.concat([Buffer.from('"PrimarySmtpAddress","SmtpClientAuthenticationDisabled","DisplayName"\r\n"a@contoso.com","","x"\r\n"b@contoso.com","","'), Buffer.from([0x95, 0xa1, 0x8d, 0x87, 0x8b, 0x40]), Buffer.from('"\r\n')]);
  await rejects(file(sjis), "audit.err.encoding", { line: 3, encoding: "UTF-8" });
  await rejects(file(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])), "audit.err.workbook");
  await rejects(file(Buffer.from([0x41, 0x00, 0x00, 0x00, 0x42, 0x43, 0x00, 0x01, 0x02])), "audit.err.binary");
  // A NUL character in UTF-16 is binary data as it is in UTF-8 (it was read as a character of a display name).
  await rejects(file(utf16le(`"PrimarySmtpAddress","SmtpClientAuthenticationDisabled","DisplayName"\r\n"a@contoso.com","True","x\u0000y"\r\n`)), "audit.err.binary");
  await rejects(file(""), "audit.err.empty");
  await rejects(file('"PrimarySmtpAddress","SmtpClientAuthenticationDisabled"\r\n'), "audit.err.noRecords");
  await rejects(file(utf8bom(`${MAILBOX_CSV}"cut@contoso.co.jp","Fal`)), "audit.err.truncated", { line: 6 });
  await rejects(file(utf16le('[\r\n  {"PrimarySmtpAddress": "a@contoso.com", "SmtpClientAuthenticationDisabled": null},\r\n  {"PrimarySmtpAddress": "b@con')), "audit.err.truncated", { line: 3 });
  const whole = utf16le('[\r\n  {"PrimarySmtpAddress": "a@contoso.com", "SmtpClientAuthenticationDisabled": null}\r\n]\r\n');
  await rejects(file(whole.subarray(0, whole.length - 1)), "audit.err.truncatedEncoding");
  await rejects(file('"DisplayName","Department"\r\n"x","y"\r\n'), "audit.err.unknownShape");
  await rejects(file('"ExternalDirectoryObjectId","PrimarySmtpAddress","DisplayName"\r\n"1","a@contoso.com","A"\r\n'), "audit.err.noSmtpColumn");
  await rejects(file('"Username","Client app","Status"\r\n"a@b.com","Authenticated SMTP","Success"\r\n'), "audit.err.missingColumn", { column: "Date (UTC) / createdDateTime / Date" });
  await rejects(file(utf8bom(MAILBOX_CSV)), "audit.err.wrongOption", { kind: "mailboxes", wanted: "--mailboxes" }, ["signins"]);
  await rejects(file('"PrimarySmtpAddress","SmtpClientAuthenticationDisabled"\r\n"a@contoso.com","Yes"\r\n'), "audit.err.badBoolean", { line: 2, value: "Yes" });
  await rejects(file('"PrimarySmtpAddress","SmtpClientAuthenticationDisabled"\r\n"","True"\r\n'), "audit.err.blankIdentity", { line: 2 });
  await rejects(join(dir, "does-not-exist.csv"), "common.err.fileMissing");
  await rejects(file('{"error":{"code":"Authentication_RequestFromNonPremiumTenantOrB2CTenant","message":"Neither tenant is B2C or tenant doesn\'t have premium license","innerError":{"date":"2026-11-20T00:00:00"}}}'), "audit.err.noP1File");
  await rejects(file('{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}'), "audit.err.graphError", { code: "Authorization_RequestDenied" });
  await rejects(file('"SmtpClientAuthenticationDisabled"\r\n"True"\r\n"False"\r\n'), "audit.err.transportMany", { line: 3 });
});
