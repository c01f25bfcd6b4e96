// QA (issue 10): real pastes — client wrappers, delivery codes and short pastes. The pastes and their sources are in ./real-pastes-data.ts;
// expectations come from domain.md and Microsoft's NDR table, never from the engine's code.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DOTNET_HMAILSERVER_LOCAL_SENDER, INDY_XOAUTH2_535, MAILKIT_BAD_USERNAME_PASSWORD, NODEMAILER_MISSING_CREDENTIALS, POSTFIX_NO_COMMON_MECHANISM, AZURE_DEVOPS_STARTTLS_REQUIRED, DOTNET_GMAIL_AUTH_REQUIRED, JAVA_TLS_DOWNGRADE, MAILKIT_LIST_WRAPPED, POWERSHELL_STARTTLS_REQUIRED, assertNoTenantCause, CURL_67, DELIVERY, DOTNET_CRITERIA, DOTNET_PIPELINE_MAILBOX, GITHUB_ACTIONS_MASKED, JAPANESE_CLIENT_WORDS, MAILKIT_GENERIC, MAILKIT_SSL_ON_587, NODEMAILER_ETIMEDOUT, POSTFIX_EMPTY_USER, POSTFIX_SAID_535, PYTHON_WRONG_VERSION, SIGN_IN_CAUSES, explain, explainText, ids } from "./real-pastes-data.js";
import { basicOk, check, withCase } from "./scenario-kit.js";

// ── 4. Client wrappers (domain.md §5 "client-side wrappers") ──────────────────────────────────────

describe("real pastes: client wrappers", () => {
  test(`MailKit SslHandshakeException on port 587 → STARTTLS (SSL-on-connect to a plain-text port), not "no reply found" [${MAILKIT_SSL_ON_587.source}]`, async () => {
    const { json } = await explain(MAILKIT_SSL_ON_587, "en");
    assert.ok(json.causes.some((c) => c.id === "starttls-missing"));
    assert.ok(!ids(json).includes("tls-handshake-failed"), "not a certificate problem");
  });
  test(`MailKit's generic SslHandshakeException lists guesses: no certificate verdict from the list [${MAILKIT_GENERIC.source}]`, async () => {
    const { json } = await explain(MAILKIT_GENERIC, "en");
    assert.ok(json.causes.every((c) => c.status !== "blocking"), json.causes.map((c) => `${c.id}:${c.status}`).join(", "));
    assert.ok(ids(json).includes("starttls-missing"), "SSL on a plain-text port is among the readings");
  });
  test(`Python ssl.SSLError WRONG_VERSION_NUMBER → implicit TLS where STARTTLS is needed (possible) [${PYTHON_WRONG_VERSION.source}]`, async () => {
    const { json } = await explain(PYTHON_WRONG_VERSION, "en");
    assert.ok(ids(json).includes("starttls-missing"));
  });
  test(`.NET SmtpException with the nested 535 "criteria" → MFA or Conditional Access [${DOTNET_CRITERIA.source}]`, async () => {
    const { json } = await explain(DOTNET_CRITERIA, "en");
    assert.ok(ids(json).includes("conditional-access") || ids(json).includes("per-user-mfa"));
    assert.ok(!ids(json).includes("no-authentication"), "the 5.7.57 only echoes the failed AUTH");
  });
  test(`.NET in a pipeline log (##[error]) → SMTP AUTH off for the mailbox [${DOTNET_PIPELINE_MAILBOX.source}]`, async () => {
    const { json } = await explain(DOTNET_PIPELINE_MAILBOX, "en");
    assert.ok(json.causes.some((c) => c.id === "mailbox-smtp-auth-disabled" && c.status === "blocking"));
  });
  test(`nodemailer ESOCKET/ETIMEDOUT → the network, not a sign-in cause [${NODEMAILER_ETIMEDOUT.source}]`, async () => {
    const { code, json } = await explain(NODEMAILER_ETIMEDOUT, "en");
    assert.ok(ids(json).includes("network-unreachable"));
    assert.ok(!json.causes.some((c) => (SIGN_IN_CAUSES as string[]).includes(c.id)));
    assert.equal(code, 3);
  });
  test(`Postfix relay "SASL authentication failed … generic failure" with an empty user name → the user name [${POSTFIX_EMPTY_USER.source}]`, async () => {
    const { json } = await explain(POSTFIX_EMPTY_USER, "en");
    assert.ok(ids(json).includes("wrong-credentials"));
  });
  test(`Postfix relay quoting the server's 535 5.7.3 → the server's reply is read [${POSTFIX_SAID_535.source}]`, async () => {
    const { json } = await explain(POSTFIX_SAID_535, "en");
    assert.ok(ids(json).includes("wrong-credentials"));
    assert.notEqual(json.verdict, "clear");
  });
  for (const lang of ["en", "ja"] as const) {
    test(`${lang}: GitHub Actions log with masked parts (***) and line links → read, and the masking said [${GITHUB_ACTIONS_MASKED.source}]`, async () => {
      const { code, json } = await explain(GITHUB_ACTIONS_MASKED, lang);
      assert.equal(code, 1, "the server refused Basic auth");
      assert.ok(json.info.some((i) => i.id === "text-masked"));
      assert.ok(ids(json).some((id) => id === "auth-policy-blocks-basic" || id === "basic-auth-retired"), ids(json).join(", "));
    });
  }
});

// ── 7. Delivery is not sign-in (Microsoft's NDR table [S12], domain.md §13) ──────────────────────

describe("real pastes: refusals at delivery", () => {
  for (const p of DELIVERY) {
    for (const lang of ["en", "ja"] as const) {
      test(`${lang}: ${p.text.slice(0, 60)} → ${p.cause}, sign-in worked, nothing about sign-in asked or offered [${p.source}]`, async () => {
        const { code, json } = await explain(p, lang);
        assert.equal(code, 1);
        assert.ok(json.causes.some((c) => c.id === p.cause && c.status === "blocking"), ids(json).join(", "));
        assert.ok(!json.causes.some((c) => (SIGN_IN_CAUSES as string[]).includes(c.id)), `a sign-in cause: ${ids(json).join(", ")}`);
        assert.deepEqual(json.unknowns, [], "no sign-in question");
        assert.deepEqual(json.plan.options, [], "no alternatives to Basic auth");
        assert.ok(json.info.some((i) => i.id === "delivery-refused"));
      });
    }
  }
  test("diagnose: a healthy Basic printer whose message a group refused → delivery cause only", async () => {
    await check(withCase(basicOk(), { device: { reply: DELIVERY[0]!.text } }), { verdict: "blocked", blocking: ["recipient-rejects-outside-senders"], absent: SIGN_IN_CAUSES });
  });
});

// ── 8. Short pastes are pastes ───────────────────────────────────────────────────────────────────

describe("real pastes: bare codes and hidden server text", () => {
  for (const code of ["5.7.139", "535", "5.7.57", "535 5.7.3"]) {
    for (const lang of ["en", "ja"] as const) {
      test(`${lang}: a bare "${code}" is read, not refused; the full reply is asked for`, async () => {
        const { code: exit, json } = await explain({ source: "domain.md §13 (bare codes from panels and .NET/MailKit logs)", text: code }, lang);
        assert.equal(exit, 1, "a permanent refusal");
        assert.ok(json.causes.length > 0);
        assert.ok(json.causes.every((c) => c.status !== "blocking"), "a code alone decides nothing");
        assert.ok(json.info.some((i) => i.id === "reply-code-only"));
      });
    }
  }
  for (const p of [CURL_67, JAPANESE_CLIENT_WORDS]) {
    for (const lang of ["en", "ja"] as const) {
      test(`${lang}: "${p.text}" → how to see the server's own reply is said (curl -v, the probe) [${p.source}]`, async () => {
        const { json } = await explain(p, lang);
        assert.notEqual(json.verdict, "clear");
        assert.ok(json.info.some((i) => i.id === "server-text-hidden"));
        const text = await explainText(p, lang);
        assert.match(text, /-v/);
        assert.match(text, /smtp-auth-doctor probe/);
        // Most who paste a device's words stand at a printer: its own log and the probe come before an application's debug switches (persona round 6, P6-7).
        const flat = text.replace(/\s+/g, "");
        const advice = flat.slice(flat.indexOf(lang === "en" ? "Theserver'sownreply,whichnamesthecause" : "原因を示すサーバー自身の応答"));
        assert.ok(advice.indexOf(lang === "en" ? "printerorscanner" : "複合機やスキャナー") < advice.indexOf("curl"), advice.slice(0, 400));
        assert.ok(advice.indexOf("smtp-auth-doctorprobe") < advice.indexOf("curl"), advice.slice(0, 400));
      });
    }
  }
});

// ── 5. Found on 2026-12-04: wrappers that drop the basic code, and client-side TLS messages ──────────

describe("real pastes: the enhanced code alone, and TLS messages that are the client's guesses", () => {
  for (const p of [POWERSHELL_STARTTLS_REQUIRED, AZURE_DEVOPS_STARTTLS_REQUIRED]) {
    test(`"5.7.3 STARTTLS is required" without its 451 → the device must use STARTTLS, in both languages, no sign-in cause [${p.source}]`, async () => {
      for (const lang of ["en", "ja"] as const) {
        const { code, json } = await explain(p, lang);
        assert.equal(json.verdict, "blocked", lang);
        assert.equal(code, 1);
        assert.deepEqual(json.causes.filter((c) => c.status === "blocking").map((c) => c.id), ["starttls-missing"], lang);
        for (const id of SIGN_IN_CAUSES) assert.ok(!ids(json).includes(id), `${lang}: ${id}`);
      }
    });
  }
  test(`"5.7.0 Authentication Required" (Google's 530, shown by .NET without it) → no sign-in was made, not a refused password, no tenant cause [${DOTNET_GMAIL_AUTH_REQUIRED.source}]`, async () => {
    const { json } = await explain(DOTNET_GMAIL_AUTH_REQUIRED, "en");
    assert.ok(ids(json).includes("no-authentication"), ids(json).join(", "));
    assert.ok(!ids(json).includes("provider-sign-in-refused"));
    assertNoTenantCause("Google's 5.7.0", json);
  });
  test(`Java's "potential protocol version downgrade attack" → the TLS handshake failed, not a device on TLS 1.0/1.1 [${JAVA_TLS_DOWNGRADE.source}]`, async () => {
    const { json } = await explain(JAVA_TLS_DOWNGRADE, "en");
    assert.deepEqual(ids(json), ["tls-handshake-failed"]);
  });
  test(`MailKit's list of guesses right under its sentence: still guesses, no certificate verdict [${MAILKIT_LIST_WRAPPED.source}]`, async () => {
    const { json } = await explain(MAILKIT_LIST_WRAPPED, "en");
    assert.ok(json.causes.every((c) => c.status !== "blocking"), json.causes.map((c) => `${c.id}:${c.status}`).join(", "));
    assert.ok(ids(json).includes("starttls-missing"), "SSL on a plain-text port is among the readings");
  });
});

describe("real pastes: wrappers' own words that name the cause, found on 2026-12-04", () => {
  test(`MailKit with another service's "Authentication failed: Bad username / password" → that service refused the password, no tenant cause [${MAILKIT_BAD_USERNAME_PASSWORD.source}]`, async () => {
    const { json } = await explain(MAILKIT_BAD_USERNAME_PASSWORD, "en");
    assert.ok(ids(json).includes("provider-sign-in-refused"), ids(json).join(", "));
    assertNoTenantCause("Bad username / password", json);
  });
  test(`Postfix: "offered no supported AUTH mechanisms" → the mechanism or STARTTLS (possible), not "no reply found" [${POSTFIX_NO_COMMON_MECHANISM.source}]`, async () => {
    const { json } = await explain(POSTFIX_NO_COMMON_MECHANISM, "en");
    assert.deepEqual(json.causes.map((c) => `${c.id}:${c.status}`).sort(), ["auth-mechanism-unsupported:possible", "starttls-missing:possible"]);
  });
  test(`nodemailer: "Missing credentials for PLAIN" → the app has no user name or password set [${NODEMAILER_MISSING_CREDENTIALS.source}]`, async () => {
    for (const lang of ["en", "ja"] as const) {
      const { json } = await explain(NODEMAILER_MISSING_CREDENTIALS, lang);
      assert.deepEqual(ids(json), ["no-authentication"], lang);
    }
  });
  test(`.NET with hMailServer's "If MAIL FROM is local then you must authenticate" → no sign-in, another service [${DOTNET_HMAILSERVER_LOCAL_SENDER.source}]`, async () => {
    const { json } = await explain(DOTNET_HMAILSERVER_LOCAL_SENDER, "en");
    assert.ok(ids(json).includes("no-authentication"), ids(json).join(", "));
    assertNoTenantCause("hMailServer", json);
  });
  test(`A 535 5.7.3 after "AUTH XOAUTH2 … auth=Bearer" quoted in backticks → the OAuth set-up, not a password [${INDY_XOAUTH2_535.source}]`, async () => {
    const { json } = await explain(INDY_XOAUTH2_535, "en");
    assert.ok(ids(json).includes("oauth-misconfigured"), ids(json).join(", "));
    assert.ok(!ids(json).includes("wrong-credentials"));
  });
});
