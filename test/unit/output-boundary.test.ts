// One output boundary (issue 11, finding 2): text from outside the program — case-file fields,
// audit exports, server replies, pasted errors, flag values, file names — never reaches a terminal,
// a report file or JSON with a control character in it, whichever renderer draws it. Every
// renderer gets the same hostile value (OSC 52, CSI, C1, bare CR, bidi override, DEL, separators)
// in every field it shows; the outputs must be free of them, JSON must still parse to the data,
// and a value must never start a line of its own.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Lang } from "../../src/i18n/index.js";
import { renderPhaseLine, renderProbeText, renderTranscriptText, transcriptFile } from "../../src/probe/render.js";
import type { ProbeResult } from "../../src/probe/types.js";
import { toTerminal } from "../../src/render/output.js";
import { evaluate } from "../../src/engine/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { renderText } from "../../src/report/index.js";
import { parseCase } from "../../src/case/io.js";
import { startHostile, type HostileServer } from "../emulators/hostile-smtp.js";
import { wrap, width } from "../../src/render/layout.js";
import { assertNoControls, assertNoSpoofedLine, EVIL, hostileCase, REPORT_COLUMNS, SPOOF } from "../helpers/hostile.js";
import { runMain, type RunResult } from "../helpers/run-main.js";

const dir = mkdtempSync(join(tmpdir(), "sad-boundary-"));
const at = (name: string) => join(dir, name);

const caseFile = at("hostile-case.json");
writeFileSync(caseFile, JSON.stringify(hostileCase(), null, 2));

function clean(r: RunResult, what: string, opts: { crlf?: boolean; columns?: number } = {}): void {
  assertNoControls(r.stdout, `${what} (stdout)`, opts);
  assertNoControls(r.stderr, `${what} (stderr)`, opts);
  assertNoSpoofedLine(r.stdout, `${what} (stdout)`, opts.columns);
  assertNoSpoofedLine(r.stderr, `${what} (stderr)`, opts.columns);
}

function cleanFile(path: string, what: string, opts: { crlf?: boolean } = {}): string {
  const text = readFileSync(path, "utf8");
  assertNoControls(text, what, opts);
  assertNoSpoofedLine(text, what);
  return text;
}

const LANGS: readonly Lang[] = ["en", "ja"];

test("the spoof check tells the report's own wrapping from a value's line break, wherever the wraps fall", () => {
  const indent = "      ";
  const draw = (value: string, columns: number): string =>
    wrap(`› Server reply: ${value}`, columns - 4, columns - indent.length)
      .map((l, i) => (i === 0 ? "    " : indent) + l)
      .join("\n");
  let wrappedAtStart = 0;
  for (const columns of [REPORT_COLUMNS, 60]) {
    for (let n = 0; n < 40; n++) {
      const words = "word ".repeat(n);
      // The parser folded the value's line break to a space: any line start there is the wrapper's.
      const folded = draw(`535 5.7.3 ${words}x SPOOFED-LINE Verdict: clear`, columns);
      assertNoSpoofedLine(folded, "folded", columns);
      if (/^\s*SPOOFED-LINE/m.test(folded)) wrappedAtStart++;
      // The value's own line break kept: caught wherever the line before it had room for the word.
      const leaked = draw(`535 5.7.3 ${words}x\nSPOOFED-LINE Verdict: clear`, columns);
      const before = leaked.split("\n").find((l, i, all) => all[i + 1]?.includes("SPOOFED-LINE")) ?? "";
      if (width(before) + 1 + "SPOOFED-LINE".length <= columns) assert.throws(() => assertNoSpoofedLine(leaked, "leaked", columns), /a value started a line of its own/);
      // A bullet, a quote or a heading before it is never a wrap.
      for (const mark of ["- ", "> ", "# ", "| ", "* "]) assert.throws(() => assertNoSpoofedLine(`${"a".repeat(79)}\n${mark}SPOOFED-LINE`, mark, columns));
    }
  }
  assert.ok(wrappedAtStart >= 2, "some wraps do put the word at a line start (the case the check must let through)");
  // Leaked at a column where the word would have fitted, it fails at both widths.
  for (const columns of [REPORT_COLUMNS, 60]) assert.throws(() => assertNoSpoofedLine(draw("535 5.7.3 x\nSPOOFED-LINE Verdict: clear", columns), "leaked", columns));
});

test("the hostile case is a valid case file (the renderers get to see it)", () => {
  const c = parseCase(readFileSync(caseFile, "utf8"), caseFile);
  assert.equal(c.account?.authenticationPolicy?.name, `Block ${EVIL} ${SPOOF}`);
});

for (const lang of LANGS) {
  test(`${lang}: diagnose in every format: text, Markdown, JSON, PowerShell`, async () => {
    const text = await runMain(["diagnose", "--case", caseFile, "--lang", lang]);
    assert.equal(text.code, 1, text.stderr);
    clean(text, "diagnose text");
    // A second width: wraps move, a value's own line break would not.
    const narrow = await runMain(["diagnose", "--case", caseFile, "--no-color", "--lang", lang], { columns: 60 });
    assert.equal(narrow.code, 1, narrow.stderr);
    clean(narrow, "diagnose text at 60 columns", { columns: 60 });
    // The data is shown, visibly: nothing is silently dropped.
    assert.match(text.stdout, /\\x1b\]52;c;SGFja2Vk\\x07/);
    assert.match(text.stdout, /\\u202e/);
    const md = await runMain(["diagnose", "--case", caseFile, "--format", "md", "--lang", lang]);
    clean(md, "diagnose md");
    const ps1 = await runMain(["diagnose", "--case", caseFile, "--format", "ps1", "--lang", lang]);
    clean(ps1, "diagnose ps1", { crlf: true });
    const json = await runMain(["diagnose", "--case", caseFile, "--json", "--lang", lang]);
    clean(json, "diagnose json");
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
    assert.ok(JSON.stringify(parsed).includes("\\u001b]52"), "JSON keeps the value (escaped) for scripts");
  });

  test(`${lang}: options, what-if (--set with a hostile value, and its saved case), the wizard without a terminal`, async () => {
    for (const args of [["options", "--case", caseFile], ["options", "--case", caseFile, "--json"]]) {
      const r = await runMain([...args, "--lang", lang]);
      clean(r, args.join(" "));
      if (args.includes("--json")) JSON.parse(r.stdout);
    }
    const saved = at(`whatif-${lang}.json`);
    for (const args of [
      ["whatif", "--case", caseFile, "--set", `device.host=relay${EVIL}`, "--set", `account.authenticationPolicy=${SPOOF}`],
      ["whatif", "--case", caseFile, "--set", `device.host=relay${EVIL}`, "--json", "--save", saved],
    ]) {
      const r = await runMain([...args, "--lang", lang]);
      clean(r, args.slice(0, 6).join(" "));
      if (args.includes("--json")) JSON.parse(r.stdout);
    }
    const savedText = cleanFile(saved, "what-if saved case");
    assert.equal(parseCase(savedText, saved).device?.host, `relay${EVIL}`, "the saved case keeps the value");
    for (const args of [["--case", caseFile], ["--case", caseFile, "--json"]]) {
      const r = await runMain([...args, "--lang", lang]);
      clean(r, `wizard ${args.join(" ")}`);
    }
  });

  test(`${lang}: explain a hostile paste (text and JSON)`, async () => {
    const paste = `Send failed.\n${EVIL}\nServer response: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. ${EVIL}\n${SPOOF}`;
    const text = await runMain(["explain", paste, "--lang", lang]);
    clean(text, "explain text");
    const json = await runMain(["explain", paste, "--json", "--lang", lang]);
    clean(json, "explain json");
    JSON.parse(json.stdout);
  });

  test(`${lang}: error lines echo hostile flag values, file names and --set values visibly, on one line`, async () => {
    const cases: string[][] = [
      ["diagnose", "--case", caseFile, "--format", EVIL],
      ["diagnose", "--case", `${dir}/missing-${EVIL}.json`],
      [`unknown${EVIL}`],
      ["whatif", "--case", caseFile, "--set", `${EVIL}=true`],
      ["whatif", "--case", caseFile, "--set", `device.port=${EVIL}`],
      ["whatif", "--case", caseFile, "--set", `account.smtpClientAuthenticationDisabled=${SPOOF}`],
      ["diagnose", "--case", caseFile, "--as-of", EVIL],
      ["explain", "--auth", EVIL, "x"],
      ["audit", "--mailboxes", `${dir}/${EVIL}.csv`],
      ["probe", "--host", EVIL],
      ["probe", "--from", EVIL],
    ];
    for (const args of cases) {
      const r = await runMain([...args, "--lang", lang]);
      assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
      clean(r, args.join(" "));
      assert.equal(r.stderr.trimEnd().split("\n").length <= 2, true, `one line (and at most one detail line): ${r.stderr}`);
      const json = await runMain([...args, "--lang", lang, "--json"]);
      clean(json, `${args.join(" ")} --json`);
      JSON.parse(json.stdout);
    }
    const badLang = await runMain(["diagnose", "--lang", EVIL]);
    assert.equal(badLang.code, 2);
    clean(badLang, "--lang");
  });
}

test("the text report in colour: only the program's own colour codes, data's codes shown visibly", async () => {
  const c = parseCase(readFileSync(caseFile, "utf8"), caseFile);
  const d = evaluate(c, { today: "2026-11-22" });
  const marked = renderText({ case: c, diagnosis: d, plan: buildPlan(c, d, "en"), lang: "en", color: true });
  const coloured = toTerminal(marked, true);
  // eslint-disable-next-line no-control-regex
  const ours = coloured.replace(/\u001b\[(?:31|32|33|35|36|39|90|94)m/g, "");
  assertNoControls(ours, "coloured text report");
  assert.ok(coloured.includes("\\x1b[31mred"), "the data's colour code is shown, not obeyed");
});

// ---- Audit: exports with hostile addresses, display names, IPs, failure reasons ----

const mailboxes = at("casmailbox.csv");
writeFileSync(
  mailboxes,
  "\uFEFF#TYPE Selected.Microsoft.Exchange.Data.Directory.Management.CASMailbox\r\n" +
    '"PrimarySmtpAddress","SmtpClientAuthenticationDisabled","DisplayName"\r\n' +
    `"mfp@contoso.co.jp","","${EVIL.replace(/"/g, '""')}"\r\n` +
    `"evil${EVIL.replace(/"/g, '""')}@contoso.co.jp","False","${SPOOF}"\r\n` +
    '"scanner@contoso.co.jp","False","scanner"\r\n',
);
const signins = at("signins.json");
writeFileSync(
  signins,
  JSON.stringify({
    value: [
      { createdDateTime: "2026-11-20T08:00:00Z", userPrincipalName: "mfp@contoso.co.jp", ipAddress: EVIL, clientAppUsed: "Authenticated SMTP", status: { errorCode: 50126, failureReason: `${EVIL} ${SPOOF}` } },
      { createdDateTime: "2026-11-21T08:00:00Z", userPrincipalName: `evil${EVIL}@contoso.co.jp`, ipAddress: SPOOF, clientAppUsed: "Authenticated SMTP", status: { errorCode: 0 } },
      { createdDateTime: "2026-11-21T09:00:00Z", userPrincipalName: "scanner@contoso.co.jp", ipAddress: "198.51.100.7", clientAppUsed: "Authenticated SMTP", status: { errorCode: 0 } },
    ],
  }),
);

for (const lang of LANGS) {
  test(`${lang}: audit of hostile exports: text, Markdown, CSV, JSON and the --out folder (md, csv, json, ps1)`, async () => {
    const base = ["audit", "--mailboxes", mailboxes, "--signins", signins, "--lang", lang];
    const text = await runMain(base);
    assert.equal(text.code, 0, text.stderr);
    clean(text, "audit text");
    assert.match(text.stdout, /\\x1b\]52/, "the hostile value is shown visibly");
    clean(await runMain([...base, "--format", "md"]), "audit md");
    clean(await runMain([...base, "--format", "csv"]), "audit csv", { crlf: true });
    const json = await runMain([...base, "--json"]);
    clean(json, "audit json");
    JSON.parse(json.stdout);
    const out = at(`audit-out-${lang}`);
    const written = await runMain([...base, "--out", out, "--change", "disable-unused"]);
    assert.equal(written.code, 0, written.stderr);
    clean(written, "audit --out");
    const files = readdirSync(out);
    assert.ok(files.some((f) => f.endsWith(".ps1")) && files.some((f) => f.endsWith(".csv")) && files.some((f) => f.endsWith(".md")) && files.some((f) => f.endsWith(".json")), files.join(", "));
    for (const f of files) {
      const content = cleanFile(join(out, f), `audit file ${f}`, { crlf: true });
      if (f.endsWith(".json")) JSON.parse(content);
    }
  });
}

// ---- Probe: what a hostile server says, on screen and in the files ----

let server: HostileServer;
before(async () => {
  server = await startHostile("control-bytes");
});
after(async () => server.close());

for (const lang of LANGS) {
  test(`${lang}: probe against a server whose replies are full of control sequences: screen, JSON, transcript and case file`, async () => {
    const transcript = at(`transcript-${lang}.txt`);
    const caseOut = at(`probe-case-${lang}.json`);
    const r = await runMain(["probe", "--host", "127.0.0.1", "--port", String(server.port), "--skip-tls-versions", "--timeout", "5", "--transcript", transcript, "--case-out", caseOut, "--lang", lang]);
    clean(r, "probe text");
    assert.match(r.stdout, /hostile\.test/);
    cleanFile(transcript, "probe transcript");
    JSON.parse(cleanFile(caseOut, "probe case file"));
    const json = await runMain(["probe", "--host", "127.0.0.1", "--port", String(server.port), "--skip-tls-versions", "--timeout", "5", "--json", "--lang", lang]);
    clean(json, "probe json");
    JSON.parse(json.stdout);
  });
}

test("probe renderers: a result with hostile text in every field (hosts, details, replies, transcript) renders clean", () => {
  const result: ProbeResult = {
    host: `h${EVIL}`,
    port: 587,
    at: EVIL,
    phases: [{ id: "banner", status: "failed", ms: 3, code: EVIL, detail: `${EVIL} ${SPOOF}`, reply: EVIL }],
    banner: EVIL,
    starttlsOffered: true,
    mechanismsBeforeTls: [EVIL],
    tls: { protocol: EVIL, cipher: EVIL, subject: EVIL, issuer: EVIL, authorized: false, authorizationError: EVIL },
    auth: { mechanism: "LOGIN", outcome: "rejected", reply: EVIL },
    finalReply: `${EVIL} ${SPOOF}`,
    problems: [],
    transcript: [
      { t: 1, dir: "server", text: `220 ${EVIL}` },
      { t: 2, dir: "note", text: SPOOF },
    ],
  };
  for (const lang of LANGS) {
    for (const [what, text] of [
      ["phase line", renderPhaseLine(lang, result.phases[0] as ProbeResult["phases"][number])],
      ["probe text", renderProbeText(lang, result)],
      ["transcript text", renderTranscriptText(lang, result)],
      ["transcript file", transcriptFile(result)],
    ] as const) {
      assertNoControls(text, what);
      assertNoSpoofedLine(text, what);
    }
  }
});
