// A made-up tenant that the emulators (Graph, Exchange REST, fake pwsh) answer from. Tests build a
// fixture with `baseTenant()` and change what they need.
import type { CaPolicy } from "../../src/live/ca.js";

export const EXO_APP = "00000002-0000-0ff1-ce00-000000000000";
export const ROLE_GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
export const ROLE_GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";

export interface FixtureUser {
  id: string;
  upn: string;
  displayName?: string;
  accountEnabled: boolean;
  userType: "Member" | "Guest";
  perUserMfa: "disabled" | "enabled" | "enforced";
  servicePlans: { servicePlanName: string; provisioningStatus: string }[];
  /** mailboxSettings.userPurpose; undefined = no mailbox */
  mailboxPurpose?: string;
  hasMailbox: boolean;
  recipientTypeDetails: string;
  /** Get-CASMailbox SmtpClientAuthenticationDisabled; "absent" = property missing from the answer. */
  smtpClientAuthenticationDisabled: boolean | null | "absent";
  authenticationPolicy: string | null;
  groups: string[];
  roles: string[];
  mailboxPermissions: { User: string; AccessRights: string[]; Deny: boolean }[];
}

export interface TenantFixture {
  tenantId: string;
  domain: string;
  clientId: string;
  clientSecret: string;
  /** PEM of the app certificate registered for the client (client_assertion). */
  appCertPem?: string;
  /** The person who completes the device-code sign-in. */
  signInUser: string;
  /** Polls answered with authorization_pending before the device-code sign-in completes. */
  pendingPolls: number;
  users: FixtureUser[];
  /** group id → the groups it is a member of (nesting). */
  groupParents: Record<string, string[]>;
  securityDefaults: boolean;
  premium: boolean;
  caPolicies: CaPolicy[];
  signIns: Record<string, { createdDateTime: string; ipAddress: string; conditionalAccessStatus: string; status: { errorCode: number; failureReason: string } }[]>;
  transportConfig: Record<string, unknown>;
  organizationConfig: Record<string, unknown>;
  authPolicies: { Name: string; Identity: string; AllowBasicAuthSmtp: boolean }[];
  recipientPermissions: { Identity: string; Trustee: string; AccessRights: string[]; AccessControlType: string }[];
  servicePrincipals: { AppId: string; ObjectId: string; Identity: string; DisplayName: string }[];
  /** Entra service principals of device apps (Graph): their app role assignments and delegated grants. */
  enterpriseApps: { appId: string; id: string; appRoleAssignments: { resourceId: string; appRoleId: string }[]; grants: { resourceId: string; scope: string }[] }[];
  /** Answer directory roles with limited information (no roleTemplateId), as Graph does without a role permission. */
  limitedRoles?: boolean;
  /** Page size of collections (CA policies, memberships, service principals, permissions). */
  pageSize: number;
}

export function baseTenant(): TenantFixture {
  return {
    tenantId: "11111111-2222-3333-4444-555555555555",
    domain: "contoso.onmicrosoft.com",
    clientId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
    clientSecret: "Sup3r~Secr3t.Value_ForTests-0123456789",
    signInUser: "admin@contoso.com",
    pendingPolls: 1,
    users: [
      {
        id: "u-mfp-0001",
        upn: "mfp@contoso.com",
        accountEnabled: true,
        userType: "Member",
        perUserMfa: "disabled",
        servicePlans: [
          { servicePlanName: "EXCHANGE_S_FOUNDATION", provisioningStatus: "Success" },
          { servicePlanName: "EXCHANGE_S_STANDARD", provisioningStatus: "Success" },
        ],
        mailboxPurpose: "user",
        hasMailbox: true,
        recipientTypeDetails: "UserMailbox",
        smtpClientAuthenticationDisabled: false,
        authenticationPolicy: null,
        groups: ["g-devices"],
        roles: [],
        mailboxPermissions: [{ User: "NT AUTHORITY\\SELF", AccessRights: ["FullAccess", "ReadPermission"], Deny: false }],
      },
      {
        id: "u-admin-0001",
        upn: "admin@contoso.com",
        accountEnabled: true,
        userType: "Member",
        perUserMfa: "enforced",
        servicePlans: [{ servicePlanName: "EXCHANGE_S_ENTERPRISE", provisioningStatus: "Success" }],
        mailboxPurpose: "user",
        hasMailbox: true,
        recipientTypeDetails: "UserMailbox",
        smtpClientAuthenticationDisabled: null,
        authenticationPolicy: null,
        groups: [],
        roles: [ROLE_GLOBAL_READER],
        mailboxPermissions: [],
      },
    ],
    groupParents: { "g-devices": ["g-all-devices"], "g-all-devices": [] },
    securityDefaults: false,
    premium: true,
    caPolicies: [],
    signIns: {
      "mfp@contoso.com": [
        { createdDateTime: "2026-11-21T08:00:00Z", ipAddress: "203.0.113.7", conditionalAccessStatus: "notApplied", status: { errorCode: 50126, failureReason: "Invalid username or password." } },
        { createdDateTime: "2026-11-21T09:00:00Z", ipAddress: "203.0.113.7", conditionalAccessStatus: "notApplied", status: { errorCode: 0, failureReason: "Other." } },
      ],
    },
    transportConfig: { SmtpClientAuthenticationDisabled: true, AllowLegacyTLSClients: null, MaxRecipientEnvelopeLimit: "500" },
    organizationConfig: { OAuth2ClientProfileEnabled: true, DefaultAuthenticationPolicy: "Block Basic", RejectDirectSend: false },
    authPolicies: [
      { Name: "Block Basic", Identity: "Block Basic", AllowBasicAuthSmtp: false },
      { Name: "Allow SMTP Basic", Identity: "Allow SMTP Basic", AllowBasicAuthSmtp: true },
    ],
    recipientPermissions: [{ Identity: "scans@contoso.com", Trustee: "mfp@contoso.com", AccessRights: ["SendAs"], AccessControlType: "Allow" }],
    servicePrincipals: [],
    enterpriseApps: [],
    pageSize: 2,
  };
}

export const EXO_SP = { id: "sp-exo-0001", appRoles: [{ id: "role-full-access", value: "full_access_as_app" }, { id: "role-smtp-sendasapp", value: "SMTP.SendAsApp" }] };

export function findUser(f: TenantFixture, idOrUpn: string): FixtureUser | undefined {
  const k = idOrUpn.toLowerCase();
  return f.users.find((u) => u.id.toLowerCase() === k || u.upn.toLowerCase() === k);
}

/** Every group a user is in, following nesting (what transitiveMemberOf returns). */
export function transitiveGroups(f: TenantFixture, u: FixtureUser): string[] {
  const seen = new Set<string>();
  const stack = [...u.groups];
  while (stack.length) {
    const g = stack.pop() as string;
    if (seen.has(g)) continue;
    seen.add(g);
    stack.push(...(f.groupParents[g] ?? []));
  }
  return [...seen];
}

export type CmdletAnswer = { ok: true; value: Record<string, unknown>[] } | { ok: false; status: number; code: string; message: string };

const notFound = (id: string): CmdletAnswer => ({
  ok: false,
  status: 404,
  code: "ManagementObjectNotFoundException",
  message: `|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't be performed because object '${id}' couldn't be found on 'TYAPR01A001DC01.JPNPR01A001.PROD.OUTLOOK.COM'.`,
});

/** What Exchange answers to one cmdlet (shared by the REST emulator and the fake pwsh). */
export function answerCmdlet(f: TenantFixture, cmdlet: string, params: Record<string, unknown>): CmdletAnswer {
  const identity = typeof params.Identity === "string" ? params.Identity : undefined;
  const user = identity ? findUser(f, identity) : undefined;
  switch (cmdlet) {
    case "Get-TransportConfig":
      return { ok: true, value: [f.transportConfig] };
    case "Get-OrganizationConfig":
      return { ok: true, value: [f.organizationConfig] };
    case "Get-AuthenticationPolicy":
      return { ok: true, value: identity ? f.authPolicies.filter((p) => p.Name === identity) : f.authPolicies };
    case "Get-CASMailbox": {
      // Without -Identity (the audit's -ResultSize Unlimited): every mailbox.
      if (identity === undefined) return { ok: true, value: f.users.filter((u) => u.hasMailbox).map(casRow) };
      if (!user?.hasMailbox) return notFound(identity ?? "");
      const row: Record<string, unknown> = { PrimarySmtpAddress: user.upn };
      if (user.smtpClientAuthenticationDisabled !== "absent") row.SmtpClientAuthenticationDisabled = user.smtpClientAuthenticationDisabled;
      return { ok: true, value: [row] };
    }
    case "Get-Mailbox":
      if (!user?.hasMailbox) return notFound(identity ?? "");
      return { ok: true, value: [{ RecipientTypeDetails: user.recipientTypeDetails }] };
    case "Get-User":
      if (identity === undefined) return { ok: true, value: f.users.map((u) => ({ UserPrincipalName: u.upn, AuthenticationPolicy: u.authenticationPolicy })) };
      if (!user) return notFound(identity ?? "");
      return { ok: true, value: [{ AuthenticationPolicy: user.authenticationPolicy, RecipientTypeDetails: user.hasMailbox ? user.recipientTypeDetails : user.recipientTypeDetails === "MailUser" ? "MailUser" : "User" }] };
    case "Get-RecipientPermission": {
      const trustee = typeof params.Trustee === "string" ? params.Trustee.toLowerCase() : undefined;
      return { ok: true, value: f.recipientPermissions.filter((p) => p.Identity.toLowerCase() === identity?.toLowerCase() && (!trustee || p.Trustee.toLowerCase() === trustee)) };
    }
    case "Get-MailboxPermission":
      if (!user?.hasMailbox) return notFound(identity ?? "");
      return { ok: true, value: user.mailboxPermissions.map((p) => ({ ...p, Identity: user.upn })) };
    case "Get-ServicePrincipal":
      return { ok: true, value: f.servicePrincipals };
    default:
      return { ok: false, status: 400, code: "CommandNotFoundException", message: `The term '${cmdlet}' is not recognized as a name of a cmdlet, function, script file, or executable program.` };
  }
}

function casRow(u: FixtureUser): Record<string, unknown> {
  const row: Record<string, unknown> = { PrimarySmtpAddress: u.upn, ...(u.displayName !== undefined ? { DisplayName: u.displayName } : {}) };
  if (u.smtpClientAuthenticationDisabled !== "absent") row.SmtpClientAuthenticationDisabled = u.smtpClientAuthenticationDisabled;
  return row;
}

/** The tenant-wide sign-in log as Graph gives it (newest first), from `since` on when given. */
export function allSignIns(f: TenantFixture, since?: string): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const [upn, list] of Object.entries(f.signIns)) {
    const u = findUser(f, upn);
    for (const s of list) {
      if (since !== undefined && s.createdDateTime < since) continue;
      rows.push({ id: `si-${rows.length}`, createdDateTime: s.createdDateTime, userPrincipalName: u?.upn ?? upn, userDisplayName: u?.displayName ?? null, clientAppUsed: "Authenticated SMTP", ipAddress: s.ipAddress, conditionalAccessStatus: s.conditionalAccessStatus, status: s.status, location: { city: "Tokyo", countryOrRegion: "JP" } });
    }
  }
  return rows.sort((a, b) => (String(a.createdDateTime) < String(b.createdDateTime) ? 1 : -1));
}

export function selectProps(rows: Record<string, unknown>[], select: string[] | undefined): Record<string, unknown>[] {
  if (!select || select.length === 0) return rows;
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => select.includes(k))));
}
