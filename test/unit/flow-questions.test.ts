import assert from "node:assert/strict";
import { test } from "node:test";
import { FACT_PATHS, factSpec } from "../../src/case/facts.js";
import { CaseSchema, emptyCase } from "../../src/case/schema.js";
import { choiceIndex, parseTextAnswer, policyValue, question } from "../../src/flow/questions.js";
import { hasKey, t } from "../../src/i18n/index.js";

test("every fact path has a question with its sentence, its steps and its choices in both languages", () => {
  for (const path of FACT_PATHS) {
    const q = question(path);
    assert.equal(q.path, path);
    for (const key of [q.prompt, q.where]) assert.ok(hasKey(key), `missing ${key}`);
    assert.notEqual(t("ja", q.prompt), t("en", q.prompt));
    if (q.input.type === "choice") {
      for (const c of q.input.choices) assert.ok(hasKey(c.label), `missing ${c.label}`);
      const spec = factSpec(path);
      // Every value the case schema allows for the fact can be chosen.
      if (spec.kind.type === "enum") assert.deepEqual(q.input.choices.map((c) => c.value).sort(), [...spec.kind.values].sort());
      if (spec.kind.type === "boolean") assert.deepEqual(q.input.choices.map((c) => c.value).sort(), [false, true]);
      if (spec.kind.type === "tristate") assert.deepEqual(new Set(q.input.choices.map((c) => c.value)), new Set([true, false, null]));
    }
  }
});

test("each answer a question can give is a valid case value", () => {
  for (const path of FACT_PATHS) {
    const q = question(path);
    if (q.input.type !== "choice") continue;
    for (const c of q.input.choices) {
      const parts = path.split(".");
      const c1: Record<string, unknown> = { ...emptyCase() };
      let node = c1;
      for (const key of parts.slice(0, -1)) node = (node[key] = {}) as Record<string, unknown>;
      node[parts[parts.length - 1] as string] = c.value;
      assert.ok(CaseSchema.safeParse(c1).success, `${path} = ${JSON.stringify(c.value)}`);
    }
  }
});

test("the mailbox setting offers on, off and follow-the-organization, and explains the admin center checkbox", () => {
  const q = question("account.smtpClientAuthenticationDisabled");
  assert.equal(q.input.type, "choice");
  if (q.input.type !== "choice") return;
  const labels = q.input.choices.map((c) => t("en", c.label));
  assert.deepEqual(q.input.choices.map((c) => c.value), [false, true, null]);
  assert.match(labels[2] ?? "", /follows the organization/);
  assert.match(t("en", q.where), /cannot show "blank"/);
  assert.match(t("ja", q.where), /認証済み SMTP/);
  assert.match(t("ja", q.where), /メール アプリの管理/);
  assert.match(t("ja", q.where), /アクティブなユーザー/);
});

test("PowerShell quotes the device account and falls back to a placeholder for what cannot be an identity", () => {
  const c = { ...emptyCase(), device: { username: "o'brien@contoso.com" } };
  assert.deepEqual(question("account.smtpClientAuthenticationDisabled").powershell?.(c), ["Get-CASMailbox -Identity 'o''brien@contoso.com' | Format-List SmtpClientAuthenticationDisabled"]);
  const evil = { ...emptyCase(), device: { username: "x@y.com'; Remove-Mailbox -Identity boss; '" } };
  const lines = question("account.smtpClientAuthenticationDisabled").powershell?.(evil) ?? [];
  // The placeholder quoted as every identity is (a persona pasted Get-MgUser -UserId <UPN>: PowerShell reads "<" as an operator).
  assert.deepEqual(lines, ["Get-CASMailbox -Identity '<UPN>' | Format-List SmtpClientAuthenticationDisabled"]);
  for (const path of FACT_PATHS) {
    for (const line of question(path).powershell?.(emptyCase()) ?? []) assert.ok(!/(?<!')<UPN>|<UPN>(?!')/.test(line) || line.includes("/users/<UPN>/"), `${path}: ${line}`);
  }
  const mfa = question("account.perUserMfaState").powershell?.({ ...emptyCase(), device: { username: "mfp@contoso.com" } }) ?? [];
  assert.ok(mfa.some((l) => l.includes("-Uri 'https://graph.microsoft.com/beta/users/mfp%40contoso.com/authentication/requirements'")));
  // Read-only: no state-changing verb anywhere in the catalogue.
  for (const path of FACT_PATHS) {
    for (const line of question(path).powershell?.(c) ?? []) assert.doesNotMatch(line, /\b(Set|New|Remove|Add|Enable|Disable|Update)-/, line);
  }
});

test("typed answers: ports, dates, text and policies are checked", () => {
  assert.deepEqual(parseTextAnswer({ type: "port" }, " 587 "), { ok: true, value: 587 });
  assert.deepEqual(parseTextAnswer({ type: "port" }, "70000"), { ok: false, error: "questions.err.port" });
  assert.deepEqual(parseTextAnswer({ type: "port" }, "abc"), { ok: false, error: "questions.err.port" });
  assert.deepEqual(parseTextAnswer({ type: "date" }, "2026-02-30"), { ok: false, error: "questions.err.date" });
  assert.deepEqual(parseTextAnswer({ type: "date" }, "2027-01-15"), { ok: true, value: "2027-01-15" });
  assert.deepEqual(parseTextAnswer({ type: "text", maxLength: 5 }, "toolong"), { ok: false, error: "questions.err.text" });
  assert.deepEqual(policyValue("none", ""), { ok: true, value: null });
  assert.deepEqual(policyValue("blocks", " Block Basic "), { ok: true, value: { name: "Block Basic", allowBasicAuthSmtp: false } });
  assert.deepEqual(policyValue("allows", ""), { ok: false, error: "questions.err.policyName" });
  assert.equal(choiceIndex([{ value: false, label: "questions.opt.no" }, { value: null, label: "questions.opt.no" }], null), 1);
});

test("full-width digits from a Japanese IME are the same port and date (persona run, 2026-12-04: '５８７' was refused)", () => {
  assert.deepEqual(parseTextAnswer({ type: "port" }, "５８７"), { ok: true, value: 587 });
  assert.deepEqual(parseTextAnswer({ type: "date" }, "２０２７-０１-１５"), { ok: true, value: "2027-01-15" });
  assert.equal(parseTextAnswer({ type: "port" }, "７００００").ok, false);
});
