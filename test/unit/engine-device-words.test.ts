// A device's or a program's own words for a failed sign-in (「認証エラー」, "Authentication failed", a panel's code) do
// not show which step the server reached: a device without STARTTLS, on port 465 or pointed at the MX host meets
// "504 5.7.4" (no AUTH offered) and shows the same words. The connection settings recorded in the case keep their
// reading, and are still asked (persona round 6, P6-1). Panels' English "Authentication Error" and 「認証失敗」 are read
// as 「認証エラー」 is (P6-17).
import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluate } from "../../src/engine/index.js";
import type { Case } from "../../src/case/schema.js";
import { analyzeReply } from "../../src/replies/index.js";

const device = (reply: string | undefined, over: Partial<NonNullable<Case["device"]>>): Case => ({
  schema: "smtp-auth-doctor/case@1",
  asOf: "2026-12-01",
  device: { host: "smtp.office365.com", port: 587, security: "starttls", auth: "basic", username: "scan@contoso.co.jp", from: "scan@contoso.co.jp", vendor: "brother", ...over, ...(reply !== undefined ? { reply } : {}) },
});

const status = (c: Case, id: string) => evaluate(c, { today: "2026-12-01" }).causes.find((f) => f.id === id)?.status;

test("a device's words for a failed sign-in keep the recorded connection blockers (MX host, no STARTTLS, port 465, TLS 1.0)", () => {
  const blockers: Array<[Partial<NonNullable<Case["device"]>>, string]> = [
    [{ host: "contoso-co-jp.mail.protection.outlook.com", port: 25, security: "none" }, "wrong-endpoint"],
    [{ security: "none" }, "starttls-missing"],
    [{ port: 465, security: "tls" }, "wrong-endpoint"],
    [{ tlsVersion: "1.0" }, "tls-version-unsupported"],
  ];
  for (const words of ["認証エラー", "送信エラー: SMTPサーバー認証に失敗しました", "Authentication failed", "Login failed"]) {
    for (const [over, cause] of blockers) {
      assert.equal(status(device(undefined, over), cause), "blocking", `${cause} without the words`);
      assert.equal(status(device(words, over), cause), "blocking", `${words}: ${cause} (${JSON.stringify(over)})`);
    }
  }
});

test("a server's reply at sign-in still shows the connection worked: the recorded setting is out of date", () => {
  const c = device("535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.", { security: "none" });
  assert.notEqual(status(c, "starttls-missing"), "blocking");
  assert.ok(evaluate(c, { today: "2026-12-01" }).info.some((i) => i.id === "setting-contradicted-by-reply"));
});

test("the connection questions stay open behind a device's words, and go behind a server's reply at sign-in", () => {
  const unknowns = (reply: string) => evaluate({ schema: "smtp-auth-doctor/case@1", device: { reply, vendor: "brother" } }, { today: "2026-12-01" }).unknowns.map(String);
  assert.ok(unknowns("認証エラー").includes("device.security"), unknowns("認証エラー").join(", "));
  assert.ok(!unknowns("535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.").includes("device.security"));
});

test("'Authentication Error' and 「認証失敗」 read as 「認証エラー」 does; 'OAuth error' is not a sign-in failure's words", () => {
  const id = (text: string) => analyzeReply(text).primary?.patternId;
  for (const text of ["Authentication Error", "SMTP Authentication Error", "認証失敗", "送信できません (認証失敗)"]) assert.equal(id(text), id("認証エラー"), text);
  assert.equal(analyzeReply("OAuth error: invalid_grant").primary?.patternId, undefined);
});
