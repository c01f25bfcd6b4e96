import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parseCase } from "../../src/case/io.js";
import { layered, healthyBasic } from "../helpers/whatif-cases.js";
import { runMain } from "../helpers/run-main.js";
import { width as stringWidth } from "../../src/render/width.js";

async function caseFile(c: object, name = "case.json"): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), "whatif-cli-"));
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(c, null, 2));
  return { dir, file };
}

test("whatif prints before and after with the causes removed; exit code from the verdict after", async () => {
  const c = healthyBasic();
  c.account = { ...c.account, smtpClientAuthenticationDisabled: null };
  const { file } = await caseFile(c);
  const en = await runMain(["whatif", "--case", file, "--set", "account.smtpClientAuthenticationDisabled=false", "--lang", "en"]);
  assert.equal(en.code, 0, en.stderr);
  assert.match(en.stdout, /follow the organization -> on/);
  assert.match(en.stdout, /Before: blocked/);
  assert.match(en.stdout, /After: clear/);
  assert.match(en.stdout, /Causes removed:\n {2}- blocking: SMTP AUTH is off for the organization\s+\[tenant-smtp-auth-disabled\]/);
  const ja = await runMain(["whatif", "--case", file, "--set", "tenant.securityDefaultsEnabled=true", "--lang", "ja"]);
  assert.equal(ja.code, 1);
  assert.match(ja.stdout, /変更前: ブロック \(/);
  assert.match(ja.stdout, /増えた原因:\n {2}\+ ブロック: セキュリティの既定値が基本認証をブロックしています\s+\[security-defaults\]/);
  assert.match(ja.stdout, /セキュリティの既定値 \[tenant\.securityDefaultsEnabled\]\n {4}いいえ -> はい/);
});

test("whatif --json: one object with before, after, the diff and the changes", async () => {
  const { file } = await caseFile(layered());
  const r = await runMain(["whatif", "--case", file, "--set", "account.legacyAuthBlockedByConditionalAccess=false", "--set", "account.perUserMfaState=disabled", "--json"]);
  assert.equal(r.code, 1);
  const j = JSON.parse(r.stdout) as { hypothetical: boolean; before: { verdict: string }; after: { verdict: string }; diff: { removed: { id: string }[]; added: unknown[] }; changes: { path: string }[] };
  assert.equal(j.hypothetical, true);
  assert.equal(j.before.verdict, "blocked");
  assert.equal(j.after.verdict, "blocked");
  assert.deepEqual(j.diff.removed.map((x) => x.id).sort(), ["conditional-access", "per-user-mfa"]);
  assert.deepEqual(j.diff.added, []);
  assert.deepEqual(j.changes.map((x) => x.path).sort(), ["account.legacyAuthBlockedByConditionalAccess", "account.perUserMfaState"]);
});

test("whatif --as-of shows the calendar and what is still unannounced", async () => {
  const { file } = await caseFile(healthyBasic());
  const r = await runMain(["whatif", "--case", file, "--as-of", "2027-01-15", "--set", "tenant.basicAuthSmtpReenabled=false", "--lang", "en"]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /Calendar: 2026-11-22 -> 2027-01-15/);
  assert.match(r.stdout, /2026-12-01: clear - December 2026, the month of the announced default change/);
  assert.match(r.stdout, /2027-01-01: blocked - Basic SMTP AUTH disabled by default for existing tenants/);
  assert.match(r.stdout, /Still unannounced/);
  assert.match(r.stdout, /final removal date/);
  const ja = await runMain(["whatif", "--case", file, "--as-of", "2027-01-15", "--lang", "ja"]);
  assert.match(ja.stdout, /未発表の事項/);
  assert.match(ja.stdout, /2027 年後半/);
});

test("bad --set: exit 2, one line naming the path and the accepted values, JSON error with --json", async () => {
  const { file } = await caseFile(healthyBasic());
  const en = await runMain(["whatif", "--case", file, "--set", "account.smtpClientAuthenticationDisabled=maybe", "--lang", "en"]);
  assert.equal(en.code, 2);
  assert.equal(en.stdout, "");
  assert.equal(en.stderr.trim().split("\n").length, 1);
  assert.match(en.stderr, /account\.smtpClientAuthenticationDisabled.*true \| false \| null/);
  const ja = await runMain(["whatif", "--case", file, "--set", "account.perUserMfaState=on", "--lang", "ja"]);
  assert.equal(ja.code, 2);
  assert.match(ja.stderr, /account\.perUserMfaState: この値は指定できません。指定できる値: disabled \| enabled \| enforced/);
  const json = await runMain(["whatif", "--case", file, "--set", "nope=1", "--json"]);
  assert.equal(json.code, 2);
  const err = JSON.parse(json.stdout) as { error: { type: string; code: string; message: string } };
  assert.equal(err.error.type, "bad-input");
  assert.equal(err.error.code, "whatif.unknown-path");
  assert.match(err.error.message, /nope/);
  const date = await runMain(["whatif", "--case", file, "--as-of", "2027-02-29", "--lang", "en"]);
  assert.equal(date.code, 2);
  assert.match(date.stderr, /--as-of.*YYYY-MM-DD/);
  const none = await runMain(["whatif", "--case", file]);
  assert.equal(none.code, 2);
  const noCase = await runMain(["options", "--lang", "en"]);
  assert.equal(noCase.code, 2);
  assert.match(noCase.stderr, /options needs --case FILE/);
});

test("whatif --save writes a new, marked, secret-free file; never the original; no overwrite without --force", async () => {
  const c = healthyBasic();
  c.device = { ...c.device, reply: "C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: bWZwQGNvbnRvc28uY29t\nS: 334 UGFzc3dvcmQ6\nC: U2VjcmV0UGFzcyE=\nS: 535 5.7.139 Authentication unsuccessful, the user credentials were incorrect." };
  const { dir, file } = await caseFile(c);
  const originalText = await readFile(file, "utf8");
  const out = join(dir, "hypothesis.json");
  const r = await runMain(["whatif", "--case", file, "--set", "account.perUserMfaState=enforced", "--save", out, "--lang", "en"]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /Saved the hypothetical case to/);
  const savedText = await readFile(out, "utf8");
  const saved = parseCase(savedText, out);
  assert.equal(saved.hypothetical, true);
  assert.deepEqual(saved.sources?.["account.perUserMfaState"], { kind: "whatif", original: "disabled" });
  assert.doesNotMatch(savedText, /U2VjcmV0UGFzcyE=/);
  assert.doesNotMatch(r.stdout, /U2VjcmV0UGFzcyE=/);
  // The original is never replaced, not even with --force.
  const same = await runMain(["whatif", "--case", file, "--set", "account.perUserMfaState=enforced", "--save", file, "--force", "--lang", "ja"]);
  assert.equal(same.code, 2);
  assert.match(same.stderr, /読み込んだケース ファイル/);
  assert.equal(await readFile(file, "utf8"), originalText);
  // An existing file needs --force.
  const again = await runMain(["whatif", "--case", file, "--set", "account.perUserMfaState=enabled", "--save", out, "--lang", "en"]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /already exists/);
  assert.equal(await readFile(out, "utf8"), savedText);
  const forced = await runMain(["whatif", "--case", file, "--set", "account.perUserMfaState=enabled", "--save", out, "--force", "--json"]);
  assert.equal(JSON.parse(forced.stdout).saved, out);
  assert.equal(parseCase(await readFile(out, "utf8"), out).account?.perUserMfaState, "enabled");
});

test("options prints the comparison safest first, in both languages, and as JSON", async () => {
  const { file } = await caseFile(layered());
  const en = await runMain(["options", "--case", file, "--lang", "en"]);
  // The exit code is the verdict of the case as it is, as for diagnose (persona round 4: it was 0 under "Verdict now: blocked").
  assert.equal(en.code, 1, en.stderr);
  assert.match(en.stdout, /Verdict now: blocked/);
  assert.match(en.stdout, /^Compare the fixes/);
  assert.match(en.stdout, /1\. Move the device to OAuth \(XOAUTH2\) {2}-> blocked/);
  assert.match(en.stdout, /Together with Turn on Authenticated SMTP for this mailbox only: clear/);
  assert.ok(en.stdout.indexOf("Turn security defaults off") > en.stdout.indexOf("Exclude the account"));
  const ja = await runMain(["options", "--case", file, "--lang", "ja"]);
  assert.match(ja.stdout, /修正方法の比較/);
  assert.match(ja.stdout, /セキュリティの既定値をオフにする \(テナント全体\)/);
  assert.match(ja.stdout, /有効期間: 基本認証が使える間だけ/);
  const json = await runMain(["options", "--case", file, "--json"]);
  const j = JSON.parse(json.stdout) as { options: { id: string; verdict: string; lasts: string; who: string[] }[] };
  assert.equal(j.options[0]?.id, "oauth");
  assert.ok(j.options.every((o) => o.who.length > 0 && o.lasts));
  const clear = await caseFile(healthyBasic());
  const none = await runMain(["options", "--case", clear.file, "--lang", "en"]);
  assert.match(none.stdout, /not blocked/);
  assert.equal(none.code, 0);
});

test("options --as-of compares the fixes at that date, says the date, and refuses a date that is not one (persona round 6, P6-18)", async () => {
  const file = join(import.meta.dirname, "../../examples/printer-tenant-smtp-auth-off.json");
  const now = await runMain(["options", "--case", file, "--lang", "en", "--as-of", "2026-11-22"]);
  const later = await runMain(["options", "--case", file, "--lang", "en", "--as-of", "2027-03-01"]);
  assert.equal(later.code, 1, later.stderr);
  assert.match(now.stdout, /Verdict now: blocked\s+\(2026-11-22\)/);
  assert.match(later.stdout, /Verdict now: blocked\s+\(2027-03-01\)/);
  // Before the retirement the mailbox's own switch clears the case; after it, Basic sign-in has its own cause to remove.
  assert.match(now.stdout, /1\. Turn on Authenticated SMTP for this mailbox only {2}-> clear/);
  assert.match(later.stdout, /1\. Turn on Authenticated SMTP for this mailbox only {2}-> undetermined/);
  assert.match(later.stdout, /Still open: Basic authentication for SMTP AUTH is being retired/);
  const json = JSON.parse((await runMain(["options", "--case", file, "--json", "--as-of", "2027-03-01"])).stdout) as { before: { asOf: string } };
  assert.equal(json.before.asOf, "2027-03-01");
  const ja = await runMain(["options", "--case", file, "--lang", "ja", "--as-of", "2027-02-30"]);
  assert.equal(ja.code, 2);
  assert.match(ja.stderr, /2027-02-30/);
  assert.doesNotMatch(ja.stderr, /\n\s+at /);
  const help = await runMain(["options", "--help", "--lang", "ja"]);
  assert.match(help.stdout, /--as-of YYYY-MM-DD {4}別の日付の時点で比較します/);
});

test("options --help is options' own help in both languages, not whatif's (persona round 4)", async () => {
  const en = await runMain(["options", "--help", "--lang", "en"]);
  assert.equal(en.code, 0);
  assert.match(en.stdout, /^smtp-auth-doctor options — /);
  assert.doesNotMatch(en.stdout, /--set PATH=VALUE/);
  assert.match(en.stdout, /Exit codes: as for diagnose, from the verdict of the case as it is now/);
  const ja = await runMain(["options", "--help", "--lang", "ja"]);
  assert.match(ja.stdout, /^smtp-auth-doctor options - ケースに当てはまる対処方法/);
  assert.doesNotMatch(ja.stdout, /--set PATH=VALUE/);
});

test("options and whatif wrap to the terminal's width, as the reports do (persona round 3, N-10: they kept 80 columns in a 60-column window)", async () => {
  const file = join(process.cwd(), "examples", "security-defaults.json");
  for (const lang of ["en", "ja"] as const) {
    for (const argv of [["options", "--case", file], ["whatif", "--case", file, "--set", "tenant.securityDefaultsEnabled=false"]]) {
      const narrow = await runMain([...argv, "--lang", lang, "--no-color"], { columns: 60 });
      const lines = narrow.stdout.split("\n");
      assert.ok(lines.every((l) => stringWidth(l) <= 60), `${argv[0]} ${lang}: ${lines.find((l) => stringWidth(l) > 60)}`);
      // Piped (no terminal): 80 columns, and some line uses more than 60 of them.
      const piped = (await runMain([...argv, "--lang", lang, "--no-color"])).stdout.split("\n");
      assert.ok(piped.every((l) => stringWidth(l) <= 80) && piped.some((l) => stringWidth(l) > 60), `${argv[0]} ${lang} piped`);
    }
  }
});
