// QA (issue 10): real pastes — other mail services. The pastes and their sources are in ./real-pastes-data.ts;
// expectations come from domain.md and Microsoft's NDR table, never from the engine's code.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { runMain } from "../helpers/run-main.js";
import { BREVO_454, BREVO_JAVA, EXIT, GOOGLE_APP_PASSWORD, GOOGLE_BAD_CREDENTIALS, GOOGLE_HOME_ASSISTANT, JAKARTA_163, NETEASE_163, ONPREM_535, ONPREM_NTLM_ONLY, OUTLOOK_COM_HOME_ASSISTANT, OUTLOOK_COM_MAILKIT, OUTLOOK_COM_VAULTWARDEN, QQ_EXMAIL_SEND_AS, QQ_PYTHON_MOJIBAKE, SUPERSET_AMAZON_SES, QQ_SENDER_NOT_LOGIN, QQ_UPTIME_KUMA, TENANT_CAUSES, assertNoTenantCause, explain, explainText, ids, type ExplainJson, type Paste } from "./real-pastes-data.js";
import { basicOk, check, SCHEMA, TODAY, withCase } from "./scenario-kit.js";

// ── 1. Other services: no tenant causes, said so in both languages (domain.md §13) ──────────────

describe("real pastes: services other than Exchange Online", () => {
  const services: Array<{ name: string; paste: Paste; info: string; en: RegExp; ja: RegExp; expect: (j: ExplainJson) => void }> = [
    {
      name: "Google 535-5.7.8 (Username and Password not accepted)",
      paste: GOOGLE_BAD_CREDENTIALS,
      info: "provider-google",
      en: /Google/,
      ja: /Google/,
      expect: (j) => assert.ok(ids(j).some((id) => /app-password|sign-in-refused/.test(id)), "an app password or a refused password is named"),
    },
    {
      name: "Google 534-5.7.9 (Application-specific password required): the app password is the cause",
      paste: GOOGLE_APP_PASSWORD,
      info: "provider-google",
      en: /app password/i,
      ja: /アプリ パスワード/,
      expect: (j) => assert.ok(j.causes.some((c) => /app-password/.test(c.id) && c.status === "blocking"), "app password required, blocking"),
    },
    { name: "Google through Home Assistant (Python tuple)", paste: GOOGLE_HOME_ASSISTANT, info: "provider-google", en: /Google/, ja: /Google/, expect: () => {} },
    { name: "163 (Coremail) 535 Error: authentication failed", paste: NETEASE_163, info: "provider-", en: /not (?:come from )?Exchange Online/, ja: /Exchange Online/, expect: () => {} },
    { name: "QQ Mail: authorization code", paste: QQ_UPTIME_KUMA, info: "provider-qq", en: /QQ/, ja: /QQ/, expect: (j) => assert.ok(j.causes.some((c) => c.status === "blocking")) },
    {
      // Found on 2026-12-04: "Blocked" with no cause and "nothing to change" before (the tenant's Send As was dropped, nothing took its place).
      name: "QQ enterprise mail (exmail.qq.com) refuses the sender: its own rule, the From address must be the signed-in account's",
      paste: QQ_EXMAIL_SEND_AS,
      info: "provider-qq",
      // GitLab's own log (Ruby's Net::SMTP): read as an application's (explain-program-app).
      en: /sends only as the account the application signs in with/,
      ja: /サインインするアカウントとしてしか送信しません/,
      expect: (j) => {
        assert.deepEqual(j.causes.map((c) => `${c.id}:${c.status}`), ["provider-sender-mismatch:blocking"]);
        assert.deepEqual(j.plan.steps.map((st) => st.id), ["provider-from-address"]);
      },
    },
    {
      name: "QQ / Coremail 501 mail from address must be same as authorization user (not a protocol error)",
      paste: QQ_SENDER_NOT_LOGIN,
      info: "provider-",
      en: /sends only as the account the device signs in with/,
      ja: /サインインするアカウントとしてしか送信しません/,
      expect: (j) => assert.deepEqual(j.causes.map((c) => `${c.id}:${c.status}`), ["provider-sender-mismatch:blocking"]),
    },
    {
      // Found on 2026-12-04: a 535 5.7.3 under a config naming Amazon SES got the 7 Exchange Online causes and a tenant plan.
      name: "Amazon SES named in the pasted config (email-smtp.eu-west-1.amazonaws.com), 535 5.7.3",
      paste: SUPERSET_AMAZON_SES,
      info: "provider-other",
      en: /amazonaws\.com/,
      ja: /amazonaws\.com/,
      expect: (j) => assert.ok(ids(j).includes("provider-sign-in-refused"), ids(j).join(", ")),
    },
    { name: "QQ Mail, mis-decoded Chinese in a Python tuple", paste: QQ_PYTHON_MOJIBAKE, info: "provider-qq", en: /QQ/, ja: /QQ/, expect: () => {} },
    { name: "jakarta.mail 535 Error: authentication failed (163/QQ form)", paste: JAKARTA_163, info: "provider-", en: /Exchange Online/, ja: /Exchange Online/, expect: () => {} },
    { name: "Brevo 535 5.7.0 Invalid login or password (reply form Exchange Online never uses)", paste: BREVO_JAVA, info: "provider-", en: /Exchange Online/, ja: /Exchange Online/, expect: () => {} },
    { name: "Brevo relay named in the log (454 4.7.0 Invalid password)", paste: BREVO_454, info: "provider-brevo", en: /Brevo/, ja: /Brevo/, expect: () => {} },
    {
      name: "Outlook.com personal account (smtp-mail.outlook.com, @outlook.com): Basic auth ended 16 September 2024",
      paste: OUTLOOK_COM_MAILKIT,
      info: "provider-outlook-consumer",
      en: /16 September 2024/,
      ja: /2024 年 9 月 16 日/,
      expect: (j) => assert.ok(j.causes.some((c) => c.status === "blocking"), "Basic auth is over for personal accounts"),
    },
    {
      name: "On-premises Exchange offering only NTLM: not told what Exchange Online offers",
      paste: ONPREM_NTLM_ONLY,
      info: "provider-exchange-onprem",
      en: /on-premises Exchange/,
      ja: /オンプレミスの Exchange/,
      expect: (j) => assert.ok(!ids(j).includes("auth-mechanism-unsupported"), "Exchange Online's own mechanism cause (LOGIN/XOAUTH2 offer) does not apply"),
    },
    { name: "On-premises Exchange 535 5.7.3 after an NTLM-only offer", paste: ONPREM_535, info: "provider-exchange-onprem", en: /on-premises Exchange/, ja: /オンプレミスの Exchange/, expect: () => {} },
  ];
  for (const s of services) {
    for (const lang of ["en", "ja"] as const) {
      test(`${lang}: ${s.name} [${s.paste.source}]`, async () => {
        const { code, json } = await explain(s.paste, lang);
        assert.equal(code, EXIT[json.verdict]);
        assert.ok(code === 1 || code === 3, `exit 1 or 3 as the facts say, got ${code}`);
        assertNoTenantCause(s.name, json);
        assert.ok(json.info.some((i) => i.id.startsWith(s.info)), `the service is named (${json.info.map((i) => i.id).join(", ")})`);
        s.expect(json);
        const text = await explainText(s.paste, lang);
        assert.match(text, lang === "en" ? s.en : s.ja);
        assert.match(text, /Exchange Online/, "says it is not Exchange Online");
      });
    }
  }

  // diagnose: the service from device.host and the account's address, with or without a reply.
  const outlookCom = (reply?: string): Case =>
    withCase(basicOk(), {
      device: { host: "smtp-mail.outlook.com", username: "myemail@hotmail.co.uk", from: "myemail@hotmail.co.uk", ...(reply ? { reply } : {}) },
    });
  test("diagnose: an Outlook.com account (hotmail.co.uk on smtp-mail.outlook.com) with its reply → blocked, no tenant cause, whatever the tenant facts say [https://github.com/hassio-addons/app-vaultwarden/issues/402]", async () => {
    const { cli } = await check(outlookCom(OUTLOOK_COM_VAULTWARDEN.text), { verdict: "blocked", absent: TENANT_CAUSES });
    assert.ok((cli.info as { id: string }[]).some((i) => i.id === "provider-outlook-consumer"));
  });
  test("diagnose: an Outlook.com account with a password and no reply → blocked: Basic auth ended on 16 September 2024 (domain.md §13)", async () => {
    await check(outlookCom(), { verdict: "blocked", absent: TENANT_CAUSES });
  });
  test("diagnose: an Outlook.com account and Home Assistant's own words → blocked, and how to see the server's reply is said [https://github.com/home-assistant/core/issues/127246]", async () => {
    const c = withCase(basicOk(), { device: { host: "smtp-mail.outlook.com", username: "me@outlook.com", from: "me@outlook.com", reply: OUTLOOK_COM_HOME_ASSISTANT.text } });
    const { cli } = await check(c, { verdict: "blocked", absent: TENANT_CAUSES });
    assert.ok((cli.info as { id: string }[]).some((i) => i.id === "server-text-hidden"));
  });
  test("diagnose: Brevo named by device.host, its reply decides; no tenant fact is asked [https://github.com/marcpope/borgbackupserver/issues/16]", async () => {
    const c = withCase(basicOk(), { device: { host: "smtp-relay.brevo.com", username: "relay@contoso.com", from: "relay@contoso.com", reply: "Failed: Authentication failed: 535 5.7.0 Invalid login or password" } });
    const { cli } = await check(c, { verdict: "blocked", absent: TENANT_CAUSES });
    assert.ok(cli.unknowns.every((p) => !p.startsWith("tenant.") && !p.startsWith("account.")), `asked ${cli.unknowns.join(", ")}`);
  });
  test("diagnose: a Gmail host and no reply yet → not clear; the server's reply is what is asked", async () => {
    const c = withCase(basicOk(), { device: { host: "smtp.gmail.com", username: "scanner@gmail.com", from: "scanner@gmail.com" } });
    await check(c, { verdict: "undetermined", absent: TENANT_CAUSES, unknowns: ["device.reply"] });
  });
  test("diagnose: device.provider records an on-premises Exchange server on a local name", async () => {
    const c: Case = { schema: SCHEMA, asOf: TODAY, device: { host: "mail.contoso.local", port: 587, provider: "exchange-onprem", reply: ONPREM_NTLM_ONLY.text } };
    await check(c, { verdict: "blocked", absent: TENANT_CAUSES });
  });
  test("case format: a provider that is not one of the documented values is bad input, in both languages", async () => {
    for (const lang of ["en", "ja"]) {
      const r = await runMain(["diagnose", "--case", "-", "--lang", lang], { stdin: JSON.stringify({ schema: SCHEMA, device: { provider: "gmail" } }) });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /device\.provider/);
      assert.equal(r.stderr.trim().split("\n").length, 1, "one line");
    }
  });
});

