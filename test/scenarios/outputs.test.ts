// QA: what the help desk reads and runs. For a spread of realistic cases: the text and Markdown reports
// in both languages contain no raw i18n keys; every line of the Japanese text report fits 80 columns;
// the .ps1 never changes a tenant when run as-is (every state-changing line commented out or -WhatIf);
// the Markdown carries no live state-changing command; PowerShell identities are quoted.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import stringWidth from "string-width";
import type { Case } from "../../src/case/schema.js";
import { runMain } from "../helpers/run-main.js";
import { basicOk, oauthAppOk, runJson, withCase } from "./scenario-kit.js";

const CRITERIA = "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.";

const CASES: [string, Case][] = [
  ["clear Basic baseline", basicOk()],
  ["clear OAuth baseline", oauthAppOk()],
  ["layered Basic blockers", withCase(basicOk(), {
    device: { from: "scan@contoso.com" },
    tenant: { securityDefaultsEnabled: true, defaultAuthenticationPolicy: { name: "Block Basic", allowBasicAuthSmtp: false } },
    account: { smtpClientAuthenticationDisabled: null, perUserMfaState: "enforced", legacyAuthBlockedByConditionalAccess: true, sendAs: false, exchangeLicensed: false },
  })],
  ["criteria reply, MFA/CA unknown", withCase(basicOk(), { device: { reply: CRITERIA }, account: { perUserMfaState: undefined, legacyAuthBlockedByConditionalAccess: undefined } })],
  ["OAuth app misconfigured", withCase(oauthAppOk(), { account: { smtpClientAuthenticationDisabled: true, oauthApp: { servicePrincipalRegistered: false, mailboxPermission: false, permissionConsented: false } } })],
  ["transport: 465 implicit TLS, TLS 1.0, MX host", withCase(basicOk(), { device: { host: "contoso-com.mail.protection.outlook.com", port: 465, security: "tls", tlsVersion: "1.0" } })],
  ["retirement 2027-01-15 unknown re-enable", withCase(basicOk(), { asOf: "2027-01-15" })],
  ["shared mailbox with Basic", withCase(basicOk(), { device: { username: "scans@contoso.com", from: "scans@contoso.com" }, account: { recipientTypeDetails: "SharedMailbox", exchangeLicensed: false } })],
  ["Japanese panel paste, security defaults", withCase(basicOk(), { device: { reply: "送信エラー 1102\nサーバーの応答: 535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator." } })],
  ["nearly empty case", { schema: "smtp-auth-doctor/case@1", asOf: "2026-11-22", device: { auth: "basic" } }],
  ["account disabled, password expired, locked reply", withCase(basicOk(), { device: { reply: "535 5.7.139 Authentication unsuccessful, account locked. Contact your administrator." }, account: { accountEnabled: false, passwordExpired: true } })],
];

/** Looks like an untranslated catalog key: area.word(.word)… with a known key prefix, or a bare cause id as a title. */
const RAW_KEY = /(?<![\w/@.-])(?:note|notes|cause|causes|inference|plan|cli|common|fact|facts|evidence|verdict|retirement|info|unknown|unknowns|question|questions|wizard|live|probe|audit|whatif|test)\.[a-z][A-Za-z0-9]*(?:[.-][A-Za-z0-9]+)*(?![\w@-]*\.(?:com|net|org|ms|io|jp|local)\b)/g;

function rawKeys(text: string): string[] {
  return [...text.matchAll(RAW_KEY)].map((m) => m[0]);
}

async function render(c: Case, format: string, lang: string): Promise<string> {
  const r = await runMain(["diagnose", "--case", "-", "--format", format, "--lang", lang], { stdin: JSON.stringify(c), env: { NO_COLOR: "1" } });
  assert.ok([0, 1, 3].includes(r.code), `${format}/${lang} exit ${r.code}: ${r.stderr}`);
  assert.ok(r.stdout.trim().length > 0, `${format}/${lang} printed nothing`);
  return r.stdout;
}

const STATE_CHANGING = /(?:^|[\s|;(])((?:Set|New|Add|Remove|Update|Enable|Disable|Grant|Revoke|Install|Register|Clear|Reset)-[A-Z][A-Za-z]+|Invoke-Mg[A-Za-z]+)\b/;

/** A state-changing line that would run as-is: not a comment, and neither -WhatIf nor a read-only Graph GET. */
function liveChange(line: string): boolean {
  const t = line.trim();
  if (t === "" || t.startsWith("#")) return false;
  const m = STATE_CHANGING.exec(t);
  if (!m) return false;
  if (/^Invoke-Mg/.test(m[1]!)) return !/-Method\s+'?GET'?\b/i.test(t);
  return !/-WhatIf\b/.test(t);
}


/** Lines inside ``` fences of a Markdown document (what a reader copies and runs). */
function fencedLines(md: string): string[] {
  const out: string[] = [];
  let inFence = false;
  for (const line of md.split(/\r?\n/)) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    else if (inFence) out.push(line);
  }
  return out;
}

/** A cause heading in the text report that shows the bare id instead of a title ("✖ security-defaults [blocking]"). */
const ID_TITLE = /^\s*[✖!?✔xX*]\s+[a-z0-9]+(?:-[a-z0-9]+)+\s+\[/gm;
/** Same in Markdown ("### ✖ security-defaults — …"). */
const ID_TITLE_MD = /^#+\s+\S+\s+[a-z0-9]+(?:-[a-z0-9]+)+\s+—/gm;

describe("QA outputs: raw i18n keys", () => {
  for (const [name, c] of CASES) {
    for (const lang of ["en", "ja"]) {
      test(`${name}: text and Markdown (${lang}) contain no raw i18n keys or id-only cause titles`, async () => {
        const found: string[] = [];
        for (const format of ["text", "md"]) {
          const out = await render(c, format, lang);
          found.push(...rawKeys(out).map((k) => `${format}: ${k}`));
          found.push(...[...out.matchAll(format === "md" ? ID_TITLE_MD : ID_TITLE)].map((m) => `${format}: id as title: ${m[0].trim()}`));
        }
        const { json } = await runJson(c, ["--lang", lang]);
        for (const cause of json.causes as unknown as { id: string; title?: unknown }[]) {
          if (cause.title === cause.id) found.push(`json: title of ${cause.id} is the bare id`);
        }
        assert.deepEqual([...new Set(found)], [], "untranslated keys in the report");
      });
    }
  }
});

/** A PowerShell command line as printed in the text report (indented, verb-noun first). */
const isCommandLine = (l: string): boolean => /^\s*(?:[A-Z][a-z]+-[A-Z][A-Za-z]+|\$[A-Za-z])/.test(l);

function overWidth(out: string, pick: (l: string) => boolean): string[] {
  return out
    .split("\n")
    .map((l, i) => [i + 1, stringWidth(l), l] as const)
    .filter(([, w, l]) => w > 80 && pick(l))
    .map(([n, w, l]) => `line ${n} (${w} cols): ${l.trim().slice(0, 60)}…`);
}

describe("QA outputs: Japanese text report fits 80 columns", () => {
  for (const [name, c] of CASES) {
    test(`${name}: every prose line of the ja text report is ≤ 80 columns`, async () => {
      assert.deepEqual(overWidth(await render(c, "text", "ja"), (l) => !isCommandLine(l)), []);
    });
    // Decision (lead): PowerShell lines are never wrapped, so that they paste as one command; a
    // wrapped command would break when pasted. Each such line must be one whole command.
    test(`${name}: PowerShell lines in the ja text report are whole commands (not wrapped)`, async () => {
      const out = await render(c, "text", "ja");
      for (const line of out.split("\n").filter(isCommandLine)) {
        assert.equal((line.match(/'/g) ?? []).length % 2, 0, `unbalanced quotes (a cut command?): ${line}`);
      }
    });
  }
});

describe("QA outputs: .ps1 and Markdown never change a tenant as printed", () => {
  for (const [name, c] of CASES) {
    for (const lang of ["en", "ja"]) {
      test(`${name} (${lang}): every state-changing .ps1 line is commented out or -WhatIf`, async () => {
        const out = await render(c, "ps1", lang);
        const live = out.split(/\r?\n/).filter(liveChange);
        assert.deepEqual(live, []);
        assert.deepEqual(rawKeys(out), [], "raw keys in the .ps1 comments");
      });
    }
    // Decision (lead): the Markdown is a ticket for the admin who will make the change, so it shows
    // the exact commands (like the text report); the runnable artefact, the .ps1, is the one kept
    // read-only. Each state-changing command shown must still be a whole, safely quoted command.
    test(`${name}: state-changing commands in the Markdown are whole and safely quoted`, async () => {
      const out = await render(c, "md", "en");
      for (const line of fencedLines(out).filter(liveChange)) {
        assert.equal((line.match(/'/g) ?? []).length % 2, 0, `unbalanced quotes: ${line}`);
        assert.doesNotMatch(line, /-Identity\s+[^'\s$<(]/, `unquoted identity: ${line}`);
      }
    });
  }
});

describe("QA outputs: PowerShell identities", () => {
  test("an apostrophe in the identity is doubled inside single quotes in the .ps1", async () => {
    const c = withCase(basicOk(), { device: { username: "o'brien.mfp@contoso.com", from: "o'brien.mfp@contoso.com" }, account: { smtpClientAuthenticationDisabled: true } });
    const out = await render(c, "ps1", "en");
    assert.ok(out.includes("'o''brien.mfp@contoso.com'"), "identity not quoted with a doubled apostrophe");
    assert.ok(!/[^']'o'brien/.test(out), "identity with a single apostrophe breaks the quoting");
  });
  test("a username that cannot be an identity never reaches a runnable .ps1 line", async () => {
    const evil = "mfp@contoso.com'; Remove-Mailbox -Identity 'ceo@contoso.com";
    const c = withCase(basicOk(), { device: { username: evil, from: evil }, account: { smtpClientAuthenticationDisabled: true } });
    const r = await runMain(["diagnose", "--case", "-", "--format", "ps1", "--lang", "en"], { stdin: JSON.stringify(c) });
    assert.ok(!r.stderr.includes("    at "), "stack trace");
    for (const line of r.stdout.split(/\r?\n/)) {
      if (line.trim().startsWith("#")) continue;
      assert.ok(!/Remove-Mailbox/.test(line), `injected command on a runnable line: ${line}`);
    }
  });
});
