import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateConditionalAccess, EXCHANGE_ONLINE_APP_ID, type CaPolicy, type CaSubject } from "../../src/live/ca.js";

const subject: CaSubject = { userId: "u1", isGuest: false, groupIds: new Set(["g-child", "g-parent"]), roleTemplateIds: new Set(["role-reader"]) };

function policy(over: Partial<CaPolicy> & { users?: NonNullable<NonNullable<CaPolicy["conditions"]>["users"]>; clientAppTypes?: string[]; apps?: string[]; excludeApps?: string[]; grant?: string[] | null; locations?: { includeLocations: string[]; excludeLocations?: string[] } } = {}): CaPolicy {
  return {
    id: over.id ?? "p1",
    displayName: over.displayName ?? "Block legacy",
    state: over.state ?? "enabled",
    conditions: {
      clientAppTypes: over.clientAppTypes ?? ["exchangeActiveSync", "other"],
      applications: { includeApplications: over.apps ?? ["All"], excludeApplications: over.excludeApps ?? [] },
      users: over.users ?? { includeUsers: ["All"] },
      ...(over.locations ? { locations: over.locations } : {}),
    },
    grantControls: over.grant === null ? null : { operator: "OR", builtInControls: over.grant ?? ["block"] },
  };
}

test("an enabled legacy-auth block for All users blocks", () => {
  const ev = evaluateConditionalAccess([policy()], subject);
  assert.equal(ev.blocked, true);
  assert.deepEqual(ev.blocking.map((b) => b.name), ["Block legacy"]);
});

test("report-only policies never block but are reported", () => {
  const ev = evaluateConditionalAccess([policy({ state: "enabledForReportingButNotEnforced" })], subject);
  assert.equal(ev.blocked, false);
  assert.equal(ev.reportOnly.length, 1);
  assert.equal(evaluateConditionalAccess([policy({ state: "disabled" })], subject).blocked, false);
});

test("scope: user id, nested group, role, and their exclusions", () => {
  assert.equal(evaluateConditionalAccess([policy({ users: { includeUsers: ["u1"] } })], subject).blocked, true);
  assert.equal(evaluateConditionalAccess([policy({ users: { includeUsers: ["someone-else"] } })], subject).blocked, false);
  // g-parent is only reached through nesting (the subject's transitive groups)
  assert.equal(evaluateConditionalAccess([policy({ users: { includeGroups: ["g-parent"] } })], subject).blocked, true);
  assert.equal(evaluateConditionalAccess([policy({ users: { includeRoles: ["role-reader"] } })], subject).blocked, true);
  assert.equal(evaluateConditionalAccess([policy({ users: { includeRoles: ["role-admin"] } })], subject).blocked, false);
  assert.equal(evaluateConditionalAccess([policy({ users: { includeUsers: ["All"], excludeUsers: ["U1"] } })], subject).blocked, false, "user exclusion, case-insensitive");
  assert.equal(evaluateConditionalAccess([policy({ users: { includeUsers: ["All"], excludeGroups: ["g-parent"] } })], subject).blocked, false, "nested group exclusion");
  assert.equal(evaluateConditionalAccess([policy({ users: { includeUsers: ["All"], excludeRoles: ["role-reader"] } })], subject).blocked, false, "role exclusion");
  assert.equal(evaluateConditionalAccess([policy({ users: { includeUsers: ["None"] } })], subject).blocked, false);
});

test("guests: GuestsOrExternalUsers applies only to guests", () => {
  const p = policy({ users: { includeUsers: ["GuestsOrExternalUsers"] } });
  assert.equal(evaluateConditionalAccess([p], subject).blocked, false);
  assert.equal(evaluateConditionalAccess([p], { ...subject, isGuest: true }).blocked, true);
});

test("client app types: other/all (or none configured) target legacy SMTP; browser or EAS alone do not", () => {
  assert.equal(evaluateConditionalAccess([policy({ clientAppTypes: ["other"] })], subject).blocked, true);
  assert.equal(evaluateConditionalAccess([policy({ clientAppTypes: ["all"] })], subject).blocked, true);
  assert.equal(evaluateConditionalAccess([policy({ clientAppTypes: [] })], subject).blocked, true);
  assert.equal(evaluateConditionalAccess([policy({ clientAppTypes: ["browser", "mobileAppsAndDesktopClients"] })], subject).blocked, false);
  assert.equal(evaluateConditionalAccess([policy({ clientAppTypes: ["exchangeActiveSync"] })], subject).blocked, false);
});

test("applications: All, Exchange Online or Office365; excluded Exchange Online does not apply", () => {
  assert.equal(evaluateConditionalAccess([policy({ apps: [EXCHANGE_ONLINE_APP_ID] })], subject).blocked, true);
  assert.equal(evaluateConditionalAccess([policy({ apps: ["Office365"] })], subject).blocked, true);
  assert.equal(evaluateConditionalAccess([policy({ apps: ["00000003-0000-0ff1-ce00-000000000000"] })], subject).blocked, false, "SharePoint only");
  assert.equal(evaluateConditionalAccess([policy({ apps: ["All"], excludeApps: [EXCHANGE_ONLINE_APP_ID] })], subject).blocked, false);
});

test("grant controls: block, or MFA / compliant device (legacy clients cannot satisfy them); none = no block", () => {
  assert.equal(evaluateConditionalAccess([policy({ grant: ["mfa"], clientAppTypes: ["all"] })], subject).blocked, true);
  assert.equal(evaluateConditionalAccess([policy({ grant: ["compliantDevice", "domainJoinedDevice"] })], subject).blocked, true);
  assert.equal(evaluateConditionalAccess([policy({ grant: null })], subject).blocked, false);
  assert.equal(evaluateConditionalAccess([policy({ grant: [] })], subject).blocked, false);
});

test("location-dependent policies leave the answer open, naming the policy", () => {
  const ev = evaluateConditionalAccess([policy({ displayName: "Block outside office", locations: { includeLocations: ["All"], excludeLocations: ["AllTrusted"] } })], subject);
  assert.equal(ev.blocked, undefined);
  assert.deepEqual(ev.blocking.map((b) => [b.name, b.conditional]), [["Block outside office", true]]);
  // an unconditional block elsewhere still decides it
  assert.equal(evaluateConditionalAccess([policy({ locations: { includeLocations: ["All"], excludeLocations: ["AllTrusted"] } }), policy({ id: "p2" })], subject).blocked, true);
});

test("roles that could not be read make a role-scoped policy uncertain, not silently absent", () => {
  const unknownRoles = { ...subject, roleTemplateIds: new Set<string>(), rolesUnknown: true };
  const byRole = policy({ users: { includeRoles: ["role-admin"] } });
  assert.equal(evaluateConditionalAccess([byRole], unknownRoles).blocked, undefined);
  const excludedByRole = policy({ users: { includeUsers: ["All"], excludeRoles: ["role-admin"] } });
  assert.equal(evaluateConditionalAccess([excludedByRole], unknownRoles).blocked, undefined);
  assert.equal(evaluateConditionalAccess([policy()], unknownRoles).blocked, true, "no role in scope: still decided");
});
