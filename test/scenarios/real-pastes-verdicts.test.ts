// QA (issue 10): real pastes — the mechanism assumption, 5.7.3, 5.7.708 and the calendar. The pastes and their sources are in ./real-pastes-data.ts;
// expectations come from domain.md and Microsoft's NDR table, never from the engine's code.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { runMain } from "../helpers/run-main.js";
import { EXO_504, EXO_535_5_7_3, PHPMAILER_EXO, TENANT_5_7_708, explain, ids } from "./real-pastes-data.js";
import { basicOk, check, oauthAppOk, withCase, without } from "./scenario-kit.js";

// ── 2. The AUTH mechanism is an assumption, not an unknown (domain.md §3) ─────────────────────────

describe("real pastes: a healthy Basic device can be clear; the mechanism decides only on evidence", () => {
  const noMechanism = () => without(basicOk(), "device.authMechanism");
  test("every decisive fact known and passing, mechanism not recorded → clear (exit 0), the mechanism stated as an assumption and not asked", async () => {
    const { cli } = await check(noMechanism(), { verdict: "clear", notUnknowns: ["device.authMechanism"] });
    const assumed = (cli.info as { id: string }[]).find((i) => /mechanism/.test(i.id));
    assert.ok(assumed, "the assumption is stated");
    for (const lang of ["en", "ja"]) {
      const r = await runMain(["diagnose", "--case", "-", "--lang", lang], { stdin: JSON.stringify(noMechanism()) });
      assert.equal(r.code, 0);
      assert.match(r.stdout, lang === "en" ? /Assumed, not checked/ : /確認していない前提/);
      assert.match(r.stdout, /504 5\.7\.4/, "how to check it is said");
    }
  });
  test(`the same case with 504 5.7.4 in the reply → blocked, the mechanism among the causes and asked [${EXO_504.source}]`, async () => {
    await check(withCase(noMechanism(), { device: { reply: EXO_504.text } }), {
      verdict: "blocked",
      presentOneOf: [["auth-mechanism-unsupported"]],
      unknowns: ["device.authMechanism"],
    });
  });
  test("a configured PLAIN, CRAM-MD5 or NTLM still decides (blocking)", async () => {
    for (const m of ["PLAIN", "CRAM-MD5", "NTLM"] as const) {
      await check(withCase(basicOk(), { device: { authMechanism: m } }), { verdict: "blocked", blocking: ["auth-mechanism-unsupported"] });
    }
  });
  test("a server refusal is never clear: healthy facts, mechanism assumed, 535 5.7.3 pasted → not clear", async () => {
    await check(withCase(noMechanism(), { device: { reply: EXO_535_5_7_3.text } }), { verdict: ["blocked", "undetermined"] });
  });
});

// ── 3. 535 5.7.3 names SMTP AUTH switched off (domain.md §13) ─────────────────────────────────────

describe("real pastes: 535 5.7.3 and SMTP AUTH switched off", () => {
  test(`Basic device, mailbox switch unknown → SMTP AUTH off for the mailbox (or tenant) possible [${EXO_535_5_7_3.source}]`, async () => {
    const c = withCase(without(basicOk(), "account.smtpClientAuthenticationDisabled"), { device: { reply: EXO_535_5_7_3.text } });
    await check(c, { verdict: "blocked", presentOneOf: [["mailbox-smtp-auth-disabled", "tenant-smtp-auth-disabled"]], causes: { "wrong-credentials": "possible" } });
  });
  for (const lang of ["en", "ja"] as const) {
    test(`${lang}: explain 535 5.7.3 names SMTP AUTH off among the possible causes [${PHPMAILER_EXO.source}]`, async () => {
      const { json } = await explain(PHPMAILER_EXO, lang);
      assert.ok(ids(json).includes("mailbox-smtp-auth-disabled"), ids(json).join(", "));
      assert.notEqual(json.verdict, "clear");
    });
  }
});

// ── 5. 550 5.7.708: a new or restricted tenant first (domain.md §4 C14, C16) ──────────────────────

describe("real pastes: 550 5.7.708 ranking", () => {
  test(`authentication unknown → the tenant's sending reputation first, the cross-tenant OAuth app after it [${TENANT_5_7_708.source}]`, async () => {
    const { json } = await explain(TENANT_5_7_708, "en");
    const order = ids(json);
    assert.ok(order.includes("sender-restricted"));
    if (order.includes("oauth-misconfigured")) assert.ok(order.indexOf("sender-restricted") < order.indexOf("oauth-misconfigured"), order.join(", "));
  });
  test("a Basic device → no OAuth cause at all", async () => {
    const { json } = await explain(TENANT_5_7_708, "en", ["--auth", "basic"]);
    assert.ok(!ids(json).includes("oauth-misconfigured"));
  });
  test("an OAuth app in the facts → the cross-tenant OAuth reading is allowed first", async () => {
    const { cli } = await check(withCase(oauthAppOk(), { device: { reply: TENANT_5_7_708.text } }), { verdict: "blocked", presentOneOf: [["oauth-misconfigured"]] });
    const order = cli.causes.map((c) => c.id);
    assert.ok(order.indexOf("oauth-misconfigured") < order.indexOf("sender-restricted"), order.join(", "));
  });
});

// ── 6. The calendar (domain.md §2, §13) ──────────────────────────────────────────────────────────

describe("real pastes: calendar rules", () => {
  test("a tenant created after December 2026, Basic, March 2027 → blocked: Basic unavailable by default", async () => {
    await check(withCase(basicOk(), { asOf: "2027-03-01", tenant: { createdDate: "2027-02-10" } }), { verdict: "blocked", blocking: ["basic-auth-retired"] });
  });
  test("after the change, when the tenant was created is unknown → not clear, and it is asked", async () => {
    await check(withCase(basicOk(), { asOf: "2027-03-01" }), { verdict: ["undetermined", "blocked"], unknowns: ["tenant.createdDate", "tenant.basicAuthSmtpReenabled"] });
  });
  test("a tenant created in 2021 whose admin re-enabled Basic → the retirement stays a warning", async () => {
    await check(withCase(basicOk(), { asOf: "2027-03-01", tenant: { createdDate: "2021-04-01", basicAuthSmtpReenabled: true } }), { verdict: "clear", causes: { "basic-auth-retired": "warning" } });
  });
  test("High Volume Email with Basic past September 2028 → blocked, and HVE is not offered as usable for a Basic device", async () => {
    const c = withCase(basicOk(), { asOf: "2028-10-15", device: { host: "smtp.hve.mx.microsoft" } });
    const { cli } = await check(c, { verdict: "blocked", blocking: ["basic-auth-retired"] });
    const hve = (cli.plan as { options: { id: string; availability: string }[] }).options.find((o) => o.id === "hve");
    if (hve) assert.equal(hve.availability, "no");
  });
});

