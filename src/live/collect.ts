// Collecting the live tenant state into a Case: every read runs in parallel, each fact records
// where it came from, and a read that is denied or fails leaves only its own facts unknown.
import { setFact, type FactPath } from "../case/facts.js";
import { emptyCase, type AuthPolicy, type Case, type SignIn } from "../case/schema.js";
import { evaluateConditionalAccess } from "./ca.js";
import { GraphReader, type GraphUser } from "./graph.js";
import { missingFor } from "./permissions.js";
import { cleanReason } from "./http.js";
import { ReadError, type ExchangeReader, type HttpClient, type ReadId, type ReadResult, type ReasonKey, type SignedIn } from "./types.js";

export interface CollectTarget {
  /** The account the device signs in with (UPN / address). */
  user: string;
  /** The device's From address, when it differs (Send As check). */
  from?: string;
  /** The device's own Entra app (client id) when it sends with OAuth app-only: checks Exchange's service principal and mailbox permission. */
  oauthAppId?: string;
}

export interface CollectDeps {
  signedIn: SignedIn;
  http: HttpClient;
  graphBase: string;
  exchange: ExchangeReader;
  /** Clock, for provenance and the sign-in window. */
  now?: () => Date;
  /** Called as each read finishes (for progress display). */
  onRead?: (r: ReadResult) => void;
  /** Which reads to run (default: all). */
  only?: readonly ReadId[];
  /** Days of sign-in log to read (default 7). */
  signInDays?: number;
}

interface ReadOutcome {
  facts: Partial<Record<string, unknown>>;
  /** Facts that only fill a gap another read left (e.g. mailbox type from Graph when Exchange did not answer). */
  fallback?: boolean;
  reasonKey?: ReasonKey;
  reasonParams?: Record<string, string | number>;
  /** A known outcome that is not a failure but sets nothing. */
  skipped?: boolean;
}

interface ReadDef {
  id: ReadId;
  endpoint: string;
  run: () => Promise<ReadOutcome>;
}

export const READ_ORDER: readonly ReadId[] = [
  "exchange.transportConfig",
  "exchange.organizationConfig",
  "exchange.casMailbox",
  "exchange.mailbox",
  "exchange.userPolicy",
  "exchange.sendAs",
  "exchange.oauthApp",
  "graph.securityDefaults",
  "graph.perUserMfa",
  "graph.user",
  "graph.licenses",
  "graph.mailboxSettings",
  "graph.conditionalAccess",
  "graph.signIns",
  "graph.oauthConsent",
];

/** The facts each read is responsible for: when a read fails, these (and only these) stay unknown. */
export const READ_FACTS: Record<ReadId, readonly string[]> = {
  "exchange.transportConfig": ["tenant.smtpClientAuthenticationDisabled", "tenant.allowLegacyTlsClients"],
  "exchange.organizationConfig": ["tenant.oauth2ClientProfileEnabled", "tenant.rejectDirectSend", "tenant.defaultAuthenticationPolicy"],
  "exchange.casMailbox": ["account.smtpClientAuthenticationDisabled"],
  "exchange.mailbox": ["account.recipientTypeDetails"],
  "exchange.userPolicy": ["account.authenticationPolicy"],
  "exchange.sendAs": ["account.sendAs"],
  "exchange.oauthApp": ["account.oauthApp.servicePrincipalRegistered", "account.oauthApp.mailboxPermission"],
  "graph.securityDefaults": ["tenant.securityDefaultsEnabled"],
  "graph.perUserMfa": ["account.perUserMfaState"],
  "graph.user": ["account.accountEnabled"],
  "graph.licenses": ["account.exchangeLicensed"],
  "graph.mailboxSettings": ["account.recipientTypeDetails"],
  "graph.conditionalAccess": ["account.legacyAuthBlockedByConditionalAccess"],
  "graph.signIns": ["account.signIns", "tenant.entraIdP1"],
  "graph.oauthConsent": ["account.oauthApp.permissionConsented"],
};

const PURPOSE_TO_TYPE: Record<string, string> = { user: "UserMailbox", shared: "SharedMailbox", room: "RoomMailbox", equipment: "EquipmentMailbox" };
const RECIPIENT_TYPES = ["UserMailbox", "SharedMailbox", "RoomMailbox", "EquipmentMailbox", "MailUser"];

export async function collectWith(deps: CollectDeps, target: CollectTarget): Promise<{ case: Case; reads: ReadResult[] }> {
  const now = deps.now ?? (() => new Date());
  const graph = new GraphReader(deps.http, deps.graphBase);
  const ex = deps.exchange;
  const user = target.user;

  // Shared sub-reads, each asked for once.
  let userP: Promise<GraphUser> | undefined;
  const graphUser = () => (userP ??= graph.user(user));
  let policiesP: Promise<Record<string, unknown>[]> | undefined;
  const authPolicies = () => (policiesP ??= ex.invoke({ cmdlet: "Get-AuthenticationPolicy", select: ["Name", "Identity", "Guid", "DistinguishedName", "AllowBasicAuthSmtp"] }));

  const resolvePolicy = async (ref: unknown): Promise<AuthPolicy | null> => {
    if (ref === null || ref === undefined || (typeof ref === "string" && ref.trim() === "")) return null;
    const name = String(ref).trim();
    const cn = /^CN=([^,]+)/i.exec(name)?.[1];
    const policies = await authPolicies();
    const match = policies.find((p) => [p.Name, p.Identity, p.Guid, p.DistinguishedName].some((v) => typeof v === "string" && (v.toLowerCase() === name.toLowerCase() || (cn !== undefined && v.toLowerCase() === cn.toLowerCase()))));
    if (!match) throw new ReadError("failed", `authentication policy '${cleanReason(name)}' was not found by Get-AuthenticationPolicy`);
    if (typeof match.AllowBasicAuthSmtp !== "boolean") throw new ReadError("failed", "unexpected response: AllowBasicAuthSmtp missing");
    return { name: typeof match.Name === "string" && match.Name ? match.Name : name, allowBasicAuthSmtp: match.AllowBasicAuthSmtp };
  };

  const first = (rows: Record<string, unknown>[], cmdlet: string): Record<string, unknown> => {
    const row = rows[0];
    if (!row) throw new ReadError("not-found", `${cmdlet} returned nothing`);
    return row;
  };

  const defs: ReadDef[] = [
    {
      id: "exchange.transportConfig",
      endpoint: ex.endpoint("Get-TransportConfig"),
      run: async () => {
        const row = first(await ex.invoke({ cmdlet: "Get-TransportConfig", select: ["SmtpClientAuthenticationDisabled", "AllowLegacyTLSClients"] }), "Get-TransportConfig");
        const facts: Record<string, unknown> = {};
        if (typeof row.SmtpClientAuthenticationDisabled === "boolean") facts["tenant.smtpClientAuthenticationDisabled"] = row.SmtpClientAuthenticationDisabled;
        if (typeof row.AllowLegacyTLSClients === "boolean" || row.AllowLegacyTLSClients === null) facts["tenant.allowLegacyTlsClients"] = row.AllowLegacyTLSClients;
        return { facts };
      },
    },
    {
      id: "exchange.organizationConfig",
      endpoint: `${ex.endpoint("Get-OrganizationConfig")}; ${ex.endpoint("Get-AuthenticationPolicy")}`,
      run: async () => {
        const row = first(await ex.invoke({ cmdlet: "Get-OrganizationConfig", select: ["OAuth2ClientProfileEnabled", "DefaultAuthenticationPolicy", "RejectDirectSend"] }), "Get-OrganizationConfig");
        const facts: Record<string, unknown> = {};
        if (typeof row.OAuth2ClientProfileEnabled === "boolean") facts["tenant.oauth2ClientProfileEnabled"] = row.OAuth2ClientProfileEnabled;
        if (typeof row.RejectDirectSend === "boolean") facts["tenant.rejectDirectSend"] = row.RejectDirectSend;
        if ("DefaultAuthenticationPolicy" in row) facts["tenant.defaultAuthenticationPolicy"] = await resolvePolicy(row.DefaultAuthenticationPolicy);
        return { facts };
      },
    },
    {
      id: "exchange.casMailbox",
      endpoint: ex.endpoint("Get-CASMailbox"),
      run: async () => {
        const row = first(await ex.invoke({ cmdlet: "Get-CASMailbox", parameters: { Identity: user }, select: ["SmtpClientAuthenticationDisabled"] }), "Get-CASMailbox");
        // Three states: True (off), False (on), null (follow the organization). Absent is not null.
        const v = row.SmtpClientAuthenticationDisabled;
        if (!("SmtpClientAuthenticationDisabled" in row) || (v !== null && typeof v !== "boolean")) return { facts: {}, skipped: true, reasonKey: "live.reason.propertyMissing", reasonParams: { property: "SmtpClientAuthenticationDisabled" } };
        return { facts: { "account.smtpClientAuthenticationDisabled": v } };
      },
    },
    {
      id: "exchange.mailbox",
      endpoint: ex.endpoint("Get-Mailbox"),
      run: async () => {
        try {
          const row = first(await ex.invoke({ cmdlet: "Get-Mailbox", parameters: { Identity: user }, select: ["RecipientTypeDetails"] }), "Get-Mailbox");
          const t = row.RecipientTypeDetails;
          if (typeof t !== "string") throw new ReadError("failed", "unexpected response: RecipientTypeDetails missing");
          return { facts: { "account.recipientTypeDetails": RECIPIENT_TYPES.includes(t) ? t : "None" } };
        } catch (e) {
          if (!(e instanceof ReadError) || e.kind !== "not-found") throw e;
          // No mailbox: Get-User tells a mail user or a plain user from a wrong address.
          const row = first(await ex.invoke({ cmdlet: "Get-User", parameters: { Identity: user }, select: ["RecipientTypeDetails"] }), "Get-User");
          return { facts: { "account.recipientTypeDetails": row.RecipientTypeDetails === "MailUser" ? "MailUser" : "None" }, reasonKey: "live.reason.noMailbox" };
        }
      },
    },
    {
      id: "exchange.userPolicy",
      endpoint: `${ex.endpoint("Get-User")}; ${ex.endpoint("Get-AuthenticationPolicy")}`,
      run: async () => {
        const row = first(await ex.invoke({ cmdlet: "Get-User", parameters: { Identity: user }, select: ["AuthenticationPolicy"] }), "Get-User");
        return { facts: { "account.authenticationPolicy": await resolvePolicy(row.AuthenticationPolicy) } };
      },
    },
    {
      id: "exchange.sendAs",
      endpoint: ex.endpoint("Get-RecipientPermission"),
      run: async () => {
        if (!target.from) return { facts: {}, skipped: true, reasonKey: "live.reason.needsFrom" };
        if (target.from.toLowerCase() === user.toLowerCase()) return { facts: {}, skipped: true, reasonKey: "live.reason.sendAsSame" };
        const rows = await ex.invoke({ cmdlet: "Get-RecipientPermission", parameters: { Identity: target.from, Trustee: user }, select: ["Trustee", "AccessRights", "AccessControlType"] });
        const granted = rows.some((r) => rights(r.AccessRights).includes("sendas") && String(r.AccessControlType ?? "Allow").toLowerCase() !== "deny");
        return { facts: { "account.sendAs": granted } };
      },
    },
    {
      id: "exchange.oauthApp",
      endpoint: `${ex.endpoint("Get-ServicePrincipal")}; ${ex.endpoint("Get-MailboxPermission")}`,
      run: async () => {
        const appId = target.oauthAppId?.toLowerCase();
        if (!appId) return { facts: {}, skipped: true, reasonKey: "live.reason.needsAppId" };
        const [sps, perms] = await Promise.all([
          ex.invoke({ cmdlet: "Get-ServicePrincipal", select: ["AppId", "ObjectId", "Identity", "DisplayName"] }),
          ex.invoke({ cmdlet: "Get-MailboxPermission", parameters: { Identity: user }, select: ["User", "AccessRights", "Deny"] }),
        ]);
        const sp = sps.find((s) => typeof s.AppId === "string" && s.AppId.toLowerCase() === appId);
        const names = sp ? [sp.AppId, sp.ObjectId, sp.Identity, sp.DisplayName].filter((v): v is string => typeof v === "string" && v !== "").map((v) => v.toLowerCase()) : [];
        const full = perms.some((p) => typeof p.User === "string" && names.includes(p.User.toLowerCase()) && rights(p.AccessRights).includes("fullaccess") && p.Deny !== true);
        return { facts: { "account.oauthApp.servicePrincipalRegistered": Boolean(sp), "account.oauthApp.mailboxPermission": full } };
      },
    },
    {
      id: "graph.securityDefaults",
      endpoint: `GET ${graph.url("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy")}`,
      run: async () => ({ facts: { "tenant.securityDefaultsEnabled": await graph.securityDefaultsEnabled() } }),
    },
    {
      id: "graph.perUserMfa",
      endpoint: `GET ${graph.url(`/beta/users/${encodeURIComponent(user)}/authentication/requirements`)}`,
      run: async () => ({ facts: { "account.perUserMfaState": await graph.perUserMfaState(user) } }),
    },
    {
      id: "graph.user",
      endpoint: `GET ${graph.url(`/v1.0/users/${encodeURIComponent(user)}`)}`,
      run: async () => {
        const u = await graphUser();
        return { facts: u.accountEnabled === undefined ? {} : { "account.accountEnabled": u.accountEnabled } };
      },
    },
    {
      id: "graph.licenses",
      endpoint: `GET ${graph.url(`/v1.0/users/${encodeURIComponent(user)}/licenseDetails`)}`,
      run: async () => ({ facts: { "account.exchangeLicensed": await graph.exchangeLicensed(user) } }),
    },
    {
      id: "graph.mailboxSettings",
      endpoint: `GET ${graph.url(`/v1.0/users/${encodeURIComponent(user)}/mailboxSettings`)}`,
      run: async () => {
        const purpose = await graph.mailboxPurpose(user);
        const type = PURPOSE_TO_TYPE[purpose.toLowerCase()];
        return type ? { facts: { "account.recipientTypeDetails": type }, fallback: true } : { facts: {}, skipped: true, reasonKey: "live.reason.propertyMissing", reasonParams: { property: `userPurpose=${cleanReason(purpose)}` } };
      },
    },
    {
      id: "graph.conditionalAccess",
      endpoint: `GET ${graph.url("/v1.0/identity/conditionalAccess/policies")}; GET ${graph.url(`/v1.0/users/{id}/transitiveMemberOf`)}`,
      run: async () => {
        const u = await graphUser();
        const [policies, m] = await Promise.all([graph.conditionalAccessPolicies(), graph.memberships(u.id)]);
        const ev = evaluateConditionalAccess(policies, { userId: u.id, isGuest: u.userType?.toLowerCase() === "guest", groupIds: m.groupIds, roleTemplateIds: m.roleTemplateIds, rolesUnknown: m.rolesUnknown });
        if (ev.blocked === undefined) {
          return { facts: {}, skipped: true, reasonKey: "live.reason.caConditional", reasonParams: { policies: ev.blocking.map((b) => b.name).join(", ") } };
        }
        const out: ReadOutcome = { facts: { "account.legacyAuthBlockedByConditionalAccess": ev.blocked } };
        if (ev.blocked) out.reasonParams = { policies: ev.blocking.filter((b) => !b.conditional).map((b) => b.name).join(", ") };
        else if (ev.reportOnly.length) {
          out.reasonKey = "live.reason.caReportOnly";
          out.reasonParams = { policies: ev.reportOnly.map((b) => b.name).join(", ") };
        }
        return out;
      },
    },
    {
      id: "graph.oauthConsent",
      endpoint: `GET ${graph.url("/v1.0/servicePrincipals(appId='…')/appRoleAssignments")}; GET ${graph.url("/v1.0/servicePrincipals(appId='…')/oauth2PermissionGrants")}`,
      run: async () => {
        if (!target.oauthAppId) return { facts: {}, skipped: true, reasonKey: "live.reason.needsAppId" };
        return { facts: { "account.oauthApp.permissionConsented": await graph.smtpPermissionConsented(target.oauthAppId) } };
      },
    },
    {
      id: "graph.signIns",
      endpoint: `GET ${graph.url("/v1.0/auditLogs/signIns")}`,
      run: async () => {
        const since = new Date(now().getTime() - (deps.signInDays ?? 7) * 86_400_000);
        try {
          const rows = await graph.smtpSignIns(user, since);
          const signIns: SignIn[] = rows
            .filter((r) => typeof r.createdDateTime === "string" && typeof r.status?.errorCode === "number")
            .map((r) => ({
              at: String(r.createdDateTime).slice(0, 64),
              errorCode: Math.trunc(r.status!.errorCode!),
              ...(typeof r.status?.failureReason === "string" && r.status.failureReason ? { failureReason: r.status.failureReason.slice(0, 4096) } : {}),
              ...(typeof r.ipAddress === "string" && r.ipAddress ? { ipAddress: r.ipAddress.slice(0, 64) } : {}),
              ...(typeof r.conditionalAccessStatus === "string" ? { conditionalAccessStatus: r.conditionalAccessStatus.slice(0, 64) } : {}),
            }))
            .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
          // The sign-in log API answers only on tenants with Entra ID P1 or P2.
          return { facts: { "account.signIns": signIns, "tenant.entraIdP1": true } };
        } catch (e) {
          if (e instanceof ReadError && e.kind === "no-premium") {
            const err = new ReadError("no-premium", e.reason);
            (err as ReadError & { facts?: Record<string, unknown> }).facts = { "tenant.entraIdP1": false };
            throw err;
          }
          throw e;
        }
      },
    },
  ];

  const selected = defs.filter((d) => !deps.only || deps.only.includes(d.id));
  // Ask for the policy list together with everything else (one PowerShell batch, no extra round trip).
  if (selected.some((d) => d.id === "exchange.organizationConfig" || d.id === "exchange.userPolicy")) authPolicies().catch(() => undefined);
  type Done = { d: ReadDef; at: string; ms: number } & ({ ok: true; outcome: ReadOutcome } | { ok: false; error: unknown });
  const done: Done[] = await Promise.all(
    selected.map(async (d): Promise<Done> => {
      const t0 = performance.now();
      let r: Done;
      try {
        const outcome = await d.run();
        r = { d, ok: true, outcome, ms: performance.now() - t0, at: now().toISOString() };
        deps.onRead?.(okResult(d, outcome, r.ms));
      } catch (error) {
        r = { d, ok: false, error, ms: performance.now() - t0, at: now().toISOString() };
        deps.onRead?.(errorResult(d, error, r.ms, deps.signedIn));
      }
      return r;
    }),
  );

  let c: Case = emptyCase();
  const sources: NonNullable<Case["sources"]> = {};
  const reads: ReadResult[] = [];
  const apply = (d: ReadDef, facts: Partial<Record<string, unknown>>, at: string, fallback: boolean): string[] => {
    const set: string[] = [];
    for (const [path, value] of Object.entries(facts)) {
      if (value === undefined) continue;
      if (fallback && sources[path]) continue;
      if (path === "account.signIns") c = { ...c, account: { ...c.account, signIns: value as SignIn[] } };
      else c = setFact(c, path as FactPath, value);
      sources[path] = { kind: "live", endpoint: d.endpoint.slice(0, 512), at };
      set.push(path);
    }
    return set;
  };
  // Apply in READ_ORDER so that primary sources come before fallbacks.
  done.sort((a, b) => READ_ORDER.indexOf(a.d.id) - READ_ORDER.indexOf(b.d.id));
  for (const r of done) {
    if (r.ok) {
      const set = apply(r.d, r.outcome.facts, r.at, r.outcome.fallback === true);
      reads.push({ ...okResult(r.d, r.outcome, r.ms), facts: set });
    } else {
      const extra = (r.error as { facts?: Record<string, unknown> } | null)?.facts;
      const set = extra ? apply(r.d, extra, r.at, false) : [];
      reads.push({ ...errorResult(r.d, r.error, r.ms, deps.signedIn), facts: set });
    }
  }
  if (deps.signedIn.tenantId) c = { ...c, tenant: { ...c.tenant, tenantId: deps.signedIn.tenantId.slice(0, 64) } };
  c = setFact(c, "device.username", user);
  sources["device.username"] = { kind: "flag", note: "--user" };
  if (target.from) {
    c = setFact(c, "device.from", target.from);
    sources["device.from"] = { kind: "flag", note: "--from" };
  }
  if (Object.keys(sources).length) c = { ...c, sources };
  reads.sort((a, b) => READ_ORDER.indexOf(a.id) - READ_ORDER.indexOf(b.id));
  return { case: c, reads };
}

function rights(v: unknown): string[] {
  const list = Array.isArray(v) ? v : typeof v === "string" ? v.split(/[,\s]+/) : [];
  return list.filter((x): x is string => typeof x === "string").map((x) => x.toLowerCase());
}

function okResult(d: ReadDef, o: ReadOutcome, ms: number): ReadResult {
  return {
    id: d.id,
    covers: READ_FACTS[d.id],
    status: o.skipped ? "skipped" : "ok",
    endpoint: d.endpoint,
    facts: Object.keys(o.facts).filter((k) => o.facts[k] !== undefined),
    ...(o.reasonKey ? { reasonKey: o.reasonKey } : {}),
    ...(o.reasonParams ? { reasonParams: o.reasonParams } : {}),
    ms: Math.round(ms),
  };
}

function errorResult(d: ReadDef, e: unknown, ms: number, signedIn: SignedIn): ReadResult {
  const base = { id: d.id, covers: READ_FACTS[d.id], endpoint: d.endpoint, facts: [] as string[], ms: Math.round(ms) };
  if (e instanceof ReadError) {
    if (e.kind === "denied") return { ...base, status: "denied", missing: missingFor(d.id, signedIn.flow, signedIn.via), reason: e.reason };
    if (e.kind === "no-premium") return { ...base, status: "denied", missing: ["Entra ID P1"], reason: e.reason, reasonKey: "live.reason.noPremium" };
    if (e.kind === "not-found") return { ...base, status: "failed", reason: e.reason, reasonKey: "live.reason.notFound" };
    return { ...base, status: "failed", reason: e.reason };
  }
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code.startsWith("signin.")) return { ...base, status: "failed", reason: `sign-in: ${code}` };
  return { ...base, status: "failed", reason: cleanReason(e instanceof Error ? e.message : String(e)) };
}
