import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { setFact } from "../../src/case/facts.js";
import { parseCase } from "../../src/case/io.js";
import type { Case } from "../../src/case/schema.js";
import { evaluate } from "../../src/engine/index.js";
import type { Diagnosis } from "../../src/engine/types.js";
import { compareOptions, simulate, type OptionResult, type RemediationId } from "../../src/whatif/options.js";
import { fixSpec, weakens } from "../../src/plan/alternatives.js";
import { factLabel } from "../../src/render/labels.js";
import { healthyBasic, layered } from "../helpers/whatif-cases.js";
import { whatIf } from "../../src/whatif/index.js";
import { renderOptions, renderWhatIf } from "../../src/whatif/render.js";
import { t } from "../../src/i18n/index.js";

const ev = (c: Case) => evaluate(c, { today: "2026-11-22" });
const byId = (options: OptionResult[], id: RemediationId) => {
  const o = options.find((x) => x.id === id);
  assert.ok(o, `${id} is offered`);
  return o;
};
const sorted = (xs: readonly string[]) => [...xs].sort();

test("the layered case is blocked by five layers at once", () => {
  const d = ev(layered());
  assert.equal(d.verdict, "blocked");
  assert.deepEqual(sorted(d.causes.filter((f) => f.status === "blocking").map((f) => f.id)), sorted(["tenant-smtp-auth-disabled", "security-defaults", "conditional-access", "per-user-mfa", "auth-policy-blocks-basic"]));
});

test("each per-account remediation removes exactly its own layer", () => {
  const { options } = compareOptions(layered(), ev);
  const expected: [RemediationId, string][] = [
    ["mailbox-enable", "tenant-smtp-auth-disabled"],
    ["exception-auth-policy", "auth-policy-blocks-basic"],
    ["exception-per-user-mfa", "per-user-mfa"],
    ["exception-conditional-access", "conditional-access"],
    ["security-defaults-off", "security-defaults"],
  ];
  const all = ["tenant-smtp-auth-disabled", "security-defaults", "conditional-access", "per-user-mfa", "auth-policy-blocks-basic"];
  for (const [id, cause] of expected) {
    const o = byId(options, id);
    assert.equal(o.modelled, "engine");
    assert.deepEqual(o.resolved, [cause], id);
    assert.deepEqual(sorted(o.remaining), sorted(all.filter((c) => c !== cause)), id);
    assert.deepEqual(o.introduced, [], id);
    assert.equal(o.verdict, "blocked", id);
  }
});

test("OAuth removes every Basic-only layer but not the SMTP AUTH switch; with the mailbox enabled it clears", () => {
  const { options } = compareOptions(layered(), ev);
  const o = byId(options, "oauth");
  assert.deepEqual(sorted(o.resolved), sorted(["security-defaults", "conditional-access", "per-user-mfa", "auth-policy-blocks-basic"]));
  assert.deepEqual(o.remaining, ["tenant-smtp-auth-disabled"]);
  assert.deepEqual(o.together, { with: ["mailbox-enable"], verdict: "clear" });
  assert.equal(o.lasts, "long-term");
  assert.ok(o.changes.some((c) => c.path === "device.auth" && c.value === "oauth"));
});

test("per-account exceptions together still leave security defaults: it cannot be excepted per account", () => {
  const { options } = compareOptions(layered(), ev);
  const o = byId(options, "mailbox-enable");
  assert.deepEqual(o.together?.verdict, "blocked");
  const sd = byId(options, "security-defaults-off");
  assert.equal(sd.together?.verdict, "clear");
  assert.equal(sd.tier, 4);
});

test("HVE: the switch, MFA and the user's policy no longer apply; security defaults and Conditional Access still do", () => {
  const { options } = compareOptions(layered(), ev);
  const o = byId(options, "hve");
  assert.equal(o.modelled, "engine-stand-in");
  assert.deepEqual(sorted(o.resolved), sorted(["tenant-smtp-auth-disabled", "per-user-mfa", "auth-policy-blocks-basic"]));
  assert.deepEqual(sorted(o.remaining), sorted(["security-defaults", "conditional-access"]));
  assert.equal(o.lasts, "hve-2028");
  assert.ok(o.conditions.includes("whatif.cond.internalOnly"));
  // With only the tenant switch in the way, HVE clears (the switch does not apply to HVE).
  const tenantOnly = setFact(healthyBasic(), "account.smtpClientAuthenticationDisabled", null);
  assert.equal(byId(compareOptions(tenantOnly, ev).options, "hve").verdict, "clear");
  // An org default policy that blocks Basic still applies to the new HVE account.
  const withDefault = setFact(tenantOnly, "tenant.defaultAuthenticationPolicy", { name: "Org", allowBasicAuthSmtp: false });
  assert.deepEqual(byId(compareOptions(withDefault, ev).options, "hve").remaining, ["auth-policy-blocks-basic"]);
});

test("relay and Direct Send are not evaluated by the engine; Direct Send is refused with RejectDirectSend", () => {
  const { options } = compareOptions(layered(), ev);
  for (const id of ["smtp-relay", "direct-send"] as const) {
    const o = byId(options, id);
    assert.equal(o.modelled, "not-evaluated");
    assert.equal(o.verdict, "conditional");
    assert.equal(o.diagnosis, undefined);
    assert.equal(o.resolved.length, 5);
  }
  assert.ok(byId(options, "direct-send").conditions.includes("whatif.cond.internalOnly"));
  assert.ok(!byId(options, "smtp-relay").conditions.includes("whatif.cond.internalOnly"));
  const rejecting = setFact(layered(), "tenant.rejectDirectSend", true);
  const ds = byId(compareOptions(rejecting, ev).options, "direct-send");
  assert.equal(ds.verdict, "blocked");
  assert.deepEqual(ds.introduced, ["direct-send-rejected"]);
});

test("order: what weakens nothing first, then safest, least effort, the catalogue's order (the plan's)", () => {
  const { options } = compareOptions(layered(), ev);
  // A Conditional Access exclusion (one policy, can be limited to a location) before per-user MFA off
  // (the account signs in everywhere with its password alone): the same order as the plan's options.
  // Direct Send (another way of sending) before every change that weakens a protection, as the README promises: it
  // came last, after "turn security defaults off" (a persona's run, 2026-12-04).
  // A fix that leaves the device blocked even together with the per-account ones (the mailbox's switch while its password
  // is refused three times over, HVE refused by the same Conditional Access) after the ways that work if their conditions
  // hold (persona round 5: HVE came first in a case where security defaults block it too).
  assert.deepEqual(
    options.map((o) => o.id),
    ["oauth", "smtp-relay", "direct-send", "mailbox-enable", "hve", "exception-auth-policy", "exception-conditional-access", "exception-per-user-mfa", "security-defaults-off"],
  );
  const weakening = (o: OptionResult) => weakens(fixSpec(o.id));
  const stuck = (o: OptionResult) => !weakening(o) && (o.together?.verdict ?? o.verdict) === "blocked";
  for (let i = 1; i < options.length; i++) {
    const [a, b] = [options[i - 1] as OptionResult, options[i] as OptionResult];
    assert.ok(Number(weakening(a)) <= Number(weakening(b)), `${a.id} before ${b.id}`);
    if (weakening(a) === weakening(b)) assert.ok(Number(stuck(a)) <= Number(stuck(b)), `${a.id} before ${b.id}`);
    if (weakening(a) === weakening(b) && stuck(a) === stuck(b)) assert.ok(a.tier <= b.tier, `${a.id} before ${b.id}`);
  }
});

test("only the remediations that apply are offered", () => {
  // Tenant switch only: no policy, MFA, CA or security-defaults options.
  const tenantOnly = setFact(healthyBasic(), "account.smtpClientAuthenticationDisabled", null);
  const ids = compareOptions(tenantOnly, ev).options.map((o) => o.id);
  assert.deepEqual(sorted(ids), sorted(["mailbox-enable", "hve", "smtp-relay", "direct-send"]));
  // A device that cannot do OAuth is not offered OAuth.
  const noOauth = setFact(layered(), "device.oauthSupported", false);
  assert.ok(!compareOptions(noOauth, ev).options.some((o) => o.id === "oauth"));
  // A clear case has nothing to compare.
  const clear = compareOptions(healthyBasic(), ev);
  assert.equal(clear.reason, "not-blocked");
  assert.deepEqual(clear.options, []);
});

test("after the end of December 2026: re-enabling Basic is the stop-gap that removes the retirement block", () => {
  const c = setFact(setFact(healthyBasic(), "asOf", "2027-02-01"), "tenant.basicAuthSmtpReenabled", false);
  const { before, options } = compareOptions(c, ev);
  assert.equal(before.verdict, "blocked");
  const re = byId(options, "reenable-basic");
  assert.deepEqual(re.resolved, ["basic-auth-retired"]);
  assert.equal(re.verdict, "clear");
  assert.equal(re.lasts, "until-final-removal");
  assert.equal(re.tier, 4);
  const oauth = byId(options, "oauth");
  assert.equal(oauth.verdict, "clear");
  assert.equal(byId(options, "hve").verdict, "clear");
  assert.deepEqual(options.map((o) => o.id).slice(0, 2), ["oauth", "hve"]);
});

test("a cause only a past server reply shows is assumed resolved by the option that addresses it", () => {
  // A hand-built engine result: security defaults named by the reply while the setting now says off.
  const base = layered();
  const fake = (c: Case): Diagnosis => {
    const sdOff = c.tenant?.securityDefaultsEnabled === false;
    return {
      verdict: "blocked",
      asOf: "2026-11-22",
      retirement: "before-change",
      unknowns: [],
      info: [],
      causes: [
        {
          id: "security-defaults",
          status: "blocking",
          affects: "basic",
          evidence: [{ kind: "reply", reply: "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy.", patternId: "sd" }, ...(sdOff ? [{ kind: "fact" as const, path: "tenant.securityDefaultsEnabled" as const, value: false }] : [])],
          ...(sdOff ? { notes: ["note.evidenceContradictsSetting"] } : {}),
        },
      ],
    };
  };
  const r = simulate("security-defaults-off", base, fake(base), fake);
  assert.deepEqual(r.superseded, ["security-defaults"]);
  assert.equal(r.verdict, "clear");
  // An option that does not address it leaves it standing.
  const other = simulate("exception-conditional-access", base, fake(base), fake);
  assert.deepEqual(other.superseded, []);
  assert.equal(other.verdict, "blocked");
});

test("moving to OAuth supersedes the Basic refusals only the old reply showed (the 'criteria' reply): never 'blocked' by the reply to a password it no longer sends (persona round 4)", () => {
  const c = parseCase(readFileSync("examples/ja-nonadmin-criteria.json", "utf8"), "ja-nonadmin-criteria.json");
  const ev = (x: Case): Diagnosis => evaluate(x, { today: "2026-11-22" });
  const r = simulate("oauth", c, ev(c), ev);
  assert.notEqual(r.verdict, "blocked");
  assert.deepEqual([...r.superseded].sort(), ["conditional-access", "per-user-mfa"]);
});

// Persona round 5 (W2): the pasted reply proved security defaults on, the case file left them unknown. High Volume
// Email's stand-in drops the old reply, so it read "undetermined", "removes security defaults" and came first, though
// security defaults block Basic on HVE too (domain.md §8).
test("a tenant setting the reply proved stays proved in the stand-ins: HVE is blocked by those security defaults, and comes after what works", () => {
  const c: Case = {
    schema: "smtp-auth-doctor/case@1",
    device: { auth: "basic", username: "svc@contoso.com", from: "svc@contoso.com", oauthSupported: false, reply: "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator." },
    // Per-user MFA enforced as well: HVE's account has none, so HVE is offered (it is not for security defaults alone).
    account: { smtpClientAuthenticationDisabled: false, recipientTypeDetails: "UserMailbox", exchangeLicensed: true, accountEnabled: true, perUserMfaState: "enforced", authenticationPolicy: null },
    tenant: { defaultAuthenticationPolicy: null },
  };
  const { options } = compareOptions(c, ev);
  const hve = options.find((o) => o.id === "hve");
  assert.equal(hve?.verdict, "blocked");
  assert.ok(hve?.remaining.includes("security-defaults"), JSON.stringify(hve?.remaining));
  assert.ok(!hve?.unknowns.includes("tenant.securityDefaultsEnabled"), JSON.stringify(hve?.unknowns));
  const at = (id: RemediationId) => options.findIndex((o) => o.id === id);
  assert.ok(at("smtp-relay") < at("hve") && at("direct-send") < at("hve"), options.map((o) => o.id).join(", "));
});

test("turning security defaults off is offered only as replacing them with Conditional Access (persona round 5, C6)", () => {
  const c: Case = {
    schema: "smtp-auth-doctor/case@1",
    device: { auth: "basic", username: "svc@contoso.com", from: "svc@contoso.com", reply: "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator." },
    account: { smtpClientAuthenticationDisabled: false, recipientTypeDetails: "UserMailbox", exchangeLicensed: true, accountEnabled: true, perUserMfaState: "disabled", authenticationPolicy: null },
    tenant: { defaultAuthenticationPolicy: null },
  };
  const off = compareOptions(c, ev).options.find((o) => o.id === "security-defaults-off");
  assert.ok(off?.conditions.includes("whatif.cond.replaceDefaults"), JSON.stringify(off?.conditions));
});

test("a what-if on a setting the reply proved says so beside 'unknown' (persona round 5, C4: 'unknown -> no' beside a report saying 'on')", () => {
  const c: Case = {
    schema: "smtp-auth-doctor/case@1",
    device: { auth: "basic", username: "svc@contoso.com", from: "svc@contoso.com", reply: "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator." },
  };
  const r = whatIf(c, [{ path: "tenant.securityDefaultsEnabled", value: false }], { today: "2026-11-22", evaluate: ev });
  assert.deepEqual(r.changes, [{ path: "tenant.securityDefaultsEnabled", from: undefined, to: false, fromReply: true }]);
  for (const lang of ["en", "ja"] as const) assert.ok(renderWhatIf(lang, r).includes(t(lang, "whatif.value.fromReply", { value: t(lang, "whatif.value.yes") })), lang);
  // Without the reply, nothing is said beyond "unknown".
  const bare = whatIf({ schema: "smtp-auth-doctor/case@1", device: { auth: "basic" } }, [{ path: "tenant.securityDefaultsEnabled", value: false }], { today: "2026-11-22", evaluate: ev });
  assert.equal(bare.changes[0]?.fromReply, undefined);
});

// Persona round 6 (P6-10, P6-11): a Konica Minolta bizhub whose password gets "basic authentication is disabled" on 2027-01-10.
const BIZHUB: Case = {
  schema: "smtp-auth-doctor/case@1",
  asOf: "2027-01-10",
  device: { host: "smtp.office365.com", port: 587, security: "starttls", tlsVersion: "1.2", auth: "basic", username: "o'brien@contoso.com", from: "o'brien@contoso.com", reply: "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.", vendor: "konica-minolta" },
  tenant: { smtpClientAuthenticationDisabled: false, securityDefaultsEnabled: false, entraIdP1: true },
  account: { smtpClientAuthenticationDisabled: null, recipientTypeDetails: "UserMailbox", exchangeLicensed: true, accountEnabled: true, perUserMfaState: "disabled", legacyAuthBlockedByConditionalAccess: false, authenticationPolicy: null },
};
const ev27 = (c: Case) => evaluate(c, { today: "2027-01-10" });

test("moving to OAuth is not left undecided by what only a password meets (the organization's default authentication policy), and options name facts by their labels (P6-10)", () => {
  const cmp = compareOptions(BIZHUB, ev27);
  const oauth = byId(cmp.options, "oauth");
  assert.ok(!oauth.unknowns.includes("tenant.defaultAuthenticationPolicy"), oauth.unknowns.join(", "));
  assert.notEqual(oauth.verdict, "undetermined", oauth.unknowns.join(", "));
  // A fact OAuth meets too stays unknown when it is.
  const noSwitch = compareOptions({ ...BIZHUB, tenant: { ...BIZHUB.tenant, smtpClientAuthenticationDisabled: undefined } }, ev27);
  const still = byId(noSwitch.options, "oauth").unknowns;
  assert.ok(still.includes("tenant.smtpClientAuthenticationDisabled"), still.join(", "));
  for (const lang of ["en", "ja"] as const) {
    const text = renderOptions(lang, noSwitch, 200);
    assert.match(text, new RegExp(`${factLabel(lang, "tenant.smtpClientAuthenticationDisabled").replace(/[()]/g, "\\$&")} \\[tenant\\.smtpClientAuthenticationDisabled\\]`), text);
  }
});

test("what-if lists the causes that stand after the change, and the reply's permanent refusal when it is what blocks (P6-11: 'After: blocked' named nothing)", () => {
  const r = whatIf(BIZHUB, [{ path: "tenant.basicAuthSmtpReenabled", value: true }, { path: "tenant.defaultAuthenticationPolicy", value: null }], { today: "2027-01-10", evaluate: ev27 });
  assert.equal(r.afterDiagnosis.verdict, "blocked");
  for (const lang of ["en", "ja"] as const) {
    const text = renderWhatIf(lang, r, 200);
    assert.ok(text.includes(t(lang, "whatif.causesAfter")), text);
    for (const f of r.afterDiagnosis.causes.filter((x) => x.status === "possible")) assert.ok(text.includes(`[${f.id}]`), `${f.id}\n${text}`);
    assert.ok(text.includes(t(lang, "info.server-refused")), text);
  }
});
