// The device's user name is no full address (persona round 6, P6-3): Microsoft 365 signs in only with
// the UPN, so "scanner", DOMAIN\user, or a name with a space or a control character is a wrong user
// name whatever the password. The recorded fact proves it (wrong-credentials, blocking, with
// device.username as evidence) where the device is known to send to Microsoft 365; possible where
// nothing says which server it is; nothing for another service, OAuth, or after a 235.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isFullAddress } from "../../src/case/address.js";
import type { Case } from "../../src/case/schema.js";
import { evaluate as engineEvaluate } from "../../src/engine/index.js";
import { LANGS, t } from "../../src/i18n/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { renderText } from "../../src/report/index.js";
import { BASIC_OK, finding, summary, withFacts } from "../helpers/engine-cases.js";

const evaluate = (c: Case) => engineEvaluate(c, { today: "2026-11-22" });

/** Not addresses, as a help desk finds them on a panel or a reviewer pastes them. */
const NOT_ADDRESSES = ["scanner", "CONTOSO\\scanner", "scan osaka@contoso.com", "o'brien\u202e@contoso.com", "scan@contoso", "scanner@", "@contoso.com", "scan\u0007@contoso.com", "CONTOSO\\scan@contoso.com"];

describe("the user name's shape", () => {
  test("a full address passes (an apostrophe, a plus, a subdomain, a Japanese company domain), surrounding spaces aside", () => {
    for (const u of ["mfp@contoso.com", "o'brien@contoso.com", "scan+osaka@mail.contoso.co.jp", " mfp@contoso.com "]) assert.ok(isFullAddress(u), u);
    for (const u of NOT_ADDRESSES) assert.ok(!isFullAddress(u), u);
  });

  test("at Microsoft 365's host, a user name that is no address blocks: wrong-credentials, with device.username and the host as evidence", () => {
    for (const username of NOT_ADDRESSES) {
      const d = evaluate(withFacts(BASIC_OK, { "device.username": username }));
      assert.equal(d.verdict, "blocked", username);
      assert.deepEqual(summary(d), ["wrong-credentials:blocking", "basic-auth-retired:warning"], username);
      const f = finding(d, "wrong-credentials");
      assert.deepEqual(f?.evidence, [
        { kind: "fact", path: "device.username", value: username },
        { kind: "fact", path: "device.host", value: "smtp.office365.com" },
      ]);
      assert.deepEqual(f?.notes, ["note.userNameNotAddress"]);
    }
  });

  test("the same at High Volume Email's host and with the service recorded as Exchange Online", () => {
    for (const facts of [{ "device.host": "smtp-hve.office365.com" }, { "device.host": undefined, "device.provider": "exchange-online" }]) {
      const d = evaluate(withFacts(BASIC_OK, { ...facts, "device.username": "scanner" }));
      assert.equal(finding(d, "wrong-credentials")?.status, "blocking", JSON.stringify(facts));
    }
  });

  test("the report says it in both languages: the cause, the user name and Microsoft 365's rule, and step 1 is the full address (not the password, not a sign-in log)", () => {
    const c = withFacts(BASIC_OK, { "device.username": "scanner", "device.from": "scanner@contoso.com" });
    const d = evaluate(c);
    for (const lang of LANGS) {
      // Wide enough that no line of the report wraps.
      const text = renderText({ case: c, diagnosis: d, plan: buildPlan(c, d, lang), lang, width: 2000 });
      assert.ok(text.includes(t(lang, "note.userNameNotAddress")), text);
      assert.ok(text.includes("scanner"), text);
      const step = buildPlan(c, d, lang).steps[0];
      assert.equal(step?.id, "device-credentials");
      assert.equal(step?.status, "blocking");
      assert.equal(step?.confirmFirst, false);
      assert.deepEqual(step?.check, [], "the fact proves it: no sign-in log to read first");
      assert.equal(step?.title, t(lang, "plan.step.device-credentials.userName.title", { user: "<device-mailbox@contoso.com>" }));
      assert.equal(step?.why, t(lang, "plan.step.device-credentials.userName.why"));
      assert.equal(step?.security.level, "none");
      assert.equal(step?.security.text, t(lang, "plan.step.device-credentials.userName.security"));
    }
  });

  test("with a generic 535 5.7.3 the user name decides among the causes the reply leaves open", () => {
    const c = withFacts(BASIC_OK, { "device.username": "scanner", "device.reply": "535 5.7.3 Authentication unsuccessful" });
    const d = evaluate(c);
    const f = finding(d, "wrong-credentials");
    assert.equal(f?.status, "blocking");
    assert.ok(f?.evidence.some((e) => e.kind === "fact" && e.path === "device.username"));
    assert.ok(f?.evidence.some((e) => e.kind === "reply"));
    assert.equal(d.causes[0]?.id, "wrong-credentials", "first");
  });

  test("nothing says the device sends to Microsoft 365 (no host, an on-premises host): only possible, and said so", () => {
    for (const host of [undefined, "mail.contoso.local", "192.0.2.10"]) {
      const d = evaluate(withFacts(BASIC_OK, { "device.host": host, "device.username": "CONTOSO\\scanner" }));
      const f = finding(d, "wrong-credentials");
      assert.equal(f?.status, "possible", String(host));
      assert.deepEqual(f?.notes, ["note.userNameNotAddress", "note.userNameIfMicrosoft365"], String(host));
    }
  });

  test("not for another service (it reads its own rules), nor for OAuth or no sign-in, nor once the server accepted the sign-in", () => {
    const gmail = evaluate(withFacts(BASIC_OK, { "device.host": "smtp.gmail.com", "device.username": "scanner" }));
    assert.equal(finding(gmail, "wrong-credentials"), undefined);
    for (const auth of ["oauth", "none"] as const) {
      const d = evaluate(withFacts(BASIC_OK, { "device.auth": auth, "device.authMechanism": undefined, "device.username": "scanner" }));
      assert.equal(finding(d, "wrong-credentials"), undefined, auth);
    }
    const accepted = evaluate(withFacts(BASIC_OK, { "device.username": "scanner", "device.reply": "235 2.7.0 Authentication successful" }));
    assert.equal(finding(accepted, "wrong-credentials"), undefined);
    assert.ok(accepted.info.some((i) => i.id === "setting-contradicted-by-success" && i.evidence.some((e) => e.kind === "fact" && e.path === "device.username")));
  });

  test("how the device signs in is unknown: possible, as every Basic-only cause then is", () => {
    const d = evaluate(withFacts(BASIC_OK, { "device.auth": undefined, "device.authMechanism": undefined, "device.username": "scanner" }));
    const f = finding(d, "wrong-credentials");
    assert.equal(f?.status, "possible");
    assert.ok(f?.notes?.includes("note.ifBasic"));
  });

  test("unknown, the user name is asked whenever a password sign-in is possible, also beside a sender that is no address", () => {
    // The Send As gate does not ask it then; a user name found later would have added a blocker unasked.
    const d = evaluate(withFacts(BASIC_OK, { "device.username": undefined, "device.from": "scanner" }));
    assert.ok(d.unknowns.includes("device.username"), d.unknowns.join(", "));
    const oauth = evaluate(withFacts(BASIC_OK, { "device.auth": "oauth", "device.authMechanism": undefined, "device.username": undefined, "device.from": "scanner" }));
    assert.ok(!oauth.unknowns.includes("device.username"));
  });

  test("a full address adds nothing (the healthy baseline stays clear)", () => {
    assert.equal(evaluate(withFacts(BASIC_OK, { "device.username": "o'brien@contoso.com", "device.from": "o'brien@contoso.com" })).verdict, "clear");
  });
});
