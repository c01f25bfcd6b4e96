// The OAuth flow the pasted text names (the client credentials grant: app-only; a password grant, a device code or an
// authorization code: a user's), for a case that does not record device.oauthFlow: the plan is for that flow only, and it
// is said where it was read. A text that names both, or a Basic sign-in, names none.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import { buildPlan } from "../../src/plan/index.js";
import { analyzeReply } from "../../src/replies/index.js";

const at = (reply: string, device: Case["device"] = {}): Case => ({ schema: "smtp-auth-doctor/case@1", device: { ...device, reply } });
const steps = (c: Case) => {
  const d = evaluate(c, { today: "2026-12-05" });
  return { d, ids: buildPlan(c, d, "en").steps.map((s) => s.id), plan: buildPlan(c, d, "en") };
};

test("the parser names the flow only when the text names one kind", () => {
  const flow = (text: string) => analyzeReply(text).oauthFlow;
  assert.equal(flow("535 5.7.3 Authentication unsuccessful, while authenticating through the client_credentials flow"), "app");
  assert.equal(flow("ConfidentialClientApplication.AcquireTokenForClient: 535 5.7.3 Authentication unsuccessful"), "app");
  assert.equal(flow("Azure.Identity.AuthenticationFailedException: ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided."), "app");
  assert.equal(flow("AADSTS50126: Error validating credentials due to invalid username or password. grant_type=password"), "delegated");
  assert.equal(flow("AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. device_code"), "delegated");
  assert.equal(flow("client_credentials, then grant_type=password: 535 5.7.3 Authentication unsuccessful"), undefined);
  assert.equal(flow("535 5.7.3 Authentication unsuccessful"), undefined);
  // No refusal or reply to read: nothing named.
  assert.equal(flow("client_credentials"), undefined);
});

test("app-only read from the text: the SMTP.SendAsApp consent, the service principal and the mailbox permission, and the info says it was read from the text", () => {
  const { d, ids, plan } = steps(at("535 5.7.3 Authentication unsuccessful [SN4PR0501CA0054.namprd05.prod.outlook.com] while authenticating through the client_credentials flow"));
  assert.equal(d.oauthFlowFromText, "app");
  assert.ok(d.info.some((i) => i.id === "oauth-flow-app-from-text"));
  assert.deepEqual(d.causes.map((f) => `${f.id}:${f.status}`), ["oauth-misconfigured:blocking"]);
  assert.deepEqual(ids, ["oauth-consent", "oauth-service-principal", "oauth-mailbox-permission"]);
  const consent = plan.steps.find((s) => s.id === "oauth-consent");
  assert.ok(consent?.title.includes("SMTP.SendAsApp") && !consent.title.includes("SMTP.Send "), consent?.title);
  assert.ok(!d.unknowns.includes("device.oauthFlow"));
});

test("a user's flow read from the text: no service principal or mailbox permission steps; a recorded flow wins over the text", () => {
  const delegated = steps(at("535 5.7.3 Authentication unsuccessful; token from AcquireTokenByUsernamePassword", { auth: "oauth" }));
  assert.equal(delegated.d.oauthFlowFromText, "delegated");
  assert.ok(!delegated.ids.includes("oauth-service-principal") && !delegated.ids.includes("oauth-mailbox-permission"), delegated.ids.join(", "));
  const recorded = steps(at("535 5.7.3 Authentication unsuccessful; token from AcquireTokenByUsernamePassword", { auth: "oauth", oauthFlow: "app" }));
  assert.equal(recorded.d.oauthFlowFromText, undefined);
  assert.ok(recorded.ids.includes("oauth-service-principal"), recorded.ids.join(", "));
  // A Basic sign-in recorded: no OAuth flow is read into it.
  const basic = steps(at("535 5.7.3 Authentication unsuccessful while authenticating through the client_credentials flow", { auth: "basic" }));
  assert.equal(basic.d.oauthFlowFromText, undefined);
});

test("Microsoft Entra ID's refusal of a token request names no other service, whatever words of another's its line holds (AADSTS50126 '… invalid username or password')", () => {
  const a = analyzeReply("AADSTS50126: Error validating credentials due to invalid username or password.");
  assert.equal(a.provider, undefined);
  assert.equal(a.primary?.candidates[0], "entra-user-sign-in-refused");
});
