// GraphReader: the identity side of the tenant through Microsoft Graph (domain.md §6.1). Each
// method returns plain data or rejects with a ReadError; mapping to case facts happens in collect.ts.
import { EXCHANGE_PLANS } from "../case/m365.js";
import { nextLink } from "./exchange.js";
import type { CaPolicy } from "./ca.js";
import { ReadError, type HttpClient } from "./types.js";

export interface GraphUser {
  id: string;
  userPrincipalName?: string;
  accountEnabled?: boolean;
  userType?: string;
}

export interface GraphSignIn {
  createdDateTime?: string;
  ipAddress?: string;
  conditionalAccessStatus?: string;
  status?: { errorCode?: number; failureReason?: string };
}

const MAX_PAGES = 50;
const EXCHANGE_APP_ID = "00000002-0000-0ff1-ce00-000000000000";

/** Exchange Online service plans that give the account a mailbox (EXCHANGE_S_FOUNDATION does not); the manual check uses the same list. */
export { EXCHANGE_PLANS };

export class GraphReader {
  private readonly origin: string;
  constructor(
    private readonly http: HttpClient,
    private readonly base: string,
  ) {
    this.origin = new URL(base).origin;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  async get(path: string): Promise<Record<string, unknown>> {
    const { json } = await this.http.request({ method: "GET", url: this.url(path), resource: "graph" });
    if (!json || typeof json !== "object" || Array.isArray(json)) throw new ReadError("failed", "unexpected response: not a JSON object");
    return json as Record<string, unknown>;
  }

  /** Every item of a collection, following @odata.nextLink on the same host. */
  async getAll(path: string, maxItems = 5000): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let url: string | undefined = this.url(path);
    for (let page = 0; url && items.length < maxItems; page++) {
      if (page >= MAX_PAGES) throw new ReadError("failed", `more than ${MAX_PAGES} pages`);
      const { json }: { json: unknown } = await this.http.request({ method: "GET", url, resource: "graph" });
      const value = (json as { value?: unknown } | null)?.value;
      if (!Array.isArray(value)) throw new ReadError("failed", "unexpected response: no value list");
      for (const v of value) if (v && typeof v === "object" && !Array.isArray(v)) items.push(v as Record<string, unknown>);
      url = nextLink(json, this.origin);
    }
    return items.slice(0, maxItems);
  }

  async securityDefaultsEnabled(): Promise<boolean> {
    const p = await this.get("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy");
    return bool(p.isEnabled, "isEnabled");
  }

  async perUserMfaState(user: string): Promise<"disabled" | "enabled" | "enforced"> {
    const r = await this.get(`/beta/users/${enc(user)}/authentication/requirements`);
    const s = typeof r.perUserMfaState === "string" ? r.perUserMfaState.toLowerCase() : undefined;
    if (s === "disabled" || s === "enabled" || s === "enforced") return s;
    throw new ReadError("failed", "unexpected response: perUserMfaState missing or unknown");
  }

  async user(user: string): Promise<GraphUser> {
    const r = await this.get(`/v1.0/users/${enc(user)}?$select=id,userPrincipalName,accountEnabled,userType`);
    if (typeof r.id !== "string" || r.id === "") throw new ReadError("failed", "unexpected response: user without id");
    return {
      id: r.id,
      ...(typeof r.userPrincipalName === "string" ? { userPrincipalName: r.userPrincipalName } : {}),
      ...(typeof r.accountEnabled === "boolean" ? { accountEnabled: r.accountEnabled } : {}),
      ...(typeof r.userType === "string" ? { userType: r.userType } : {}),
    };
  }

  /** True when a service plan that gives an Exchange Online mailbox is provisioned. */
  async exchangeLicensed(user: string): Promise<boolean> {
    const details = await this.getAll(`/v1.0/users/${enc(user)}/licenseDetails`);
    return details.some((d) =>
      (Array.isArray(d.servicePlans) ? d.servicePlans : []).some((p: unknown) => {
        const plan = p as { servicePlanName?: unknown; provisioningStatus?: unknown };
        return typeof plan.servicePlanName === "string" && EXCHANGE_PLANS.includes(plan.servicePlanName) && plan.provisioningStatus === "Success";
      }),
    );
  }

  /** mailboxSettings.userPurpose: user, shared, room, equipment, linked, others. */
  async mailboxPurpose(user: string): Promise<string> {
    const r = await this.get(`/v1.0/users/${enc(user)}/mailboxSettings?$select=userPurpose`);
    if (typeof r.userPurpose !== "string") throw new ReadError("failed", "unexpected response: userPurpose missing");
    return r.userPurpose;
  }

  async conditionalAccessPolicies(): Promise<CaPolicy[]> {
    return (await this.getAll("/v1.0/identity/conditionalAccess/policies")) as CaPolicy[];
  }

  /** Groups (nested included) and directory roles of the user. */
  async memberships(userId: string): Promise<{ groupIds: Set<string>; roleTemplateIds: Set<string>; rolesUnknown: boolean }> {
    const items = await this.getAll(`/v1.0/users/${enc(userId)}/transitiveMemberOf?$select=id,roleTemplateId`, 20_000);
    const groupIds = new Set<string>();
    const roleTemplateIds = new Set<string>();
    let rolesUnknown = false;
    for (const m of items) {
      const type = m["@odata.type"];
      if (type === "#microsoft.graph.directoryRole") {
        // Without a role-reading permission Graph returns the role with limited information (no roleTemplateId).
        if (typeof m.roleTemplateId === "string" && m.roleTemplateId) roleTemplateIds.add(m.roleTemplateId);
        else rolesUnknown = true;
      } else if (typeof m.id === "string") {
        groupIds.add(m.id);
      }
    }
    return { groupIds, roleTemplateIds, rolesUnknown };
  }

  /**
   * Has the device's app been granted SMTP.SendAsApp (application, admin consent) or SMTP.Send
   * (delegated) on Office 365 Exchange Online? False when the app has no service principal here.
   */
  async smtpPermissionConsented(appId: string): Promise<boolean> {
    const [app, exo] = await Promise.all([
      this.get(`/v1.0/servicePrincipals(appId='${enc(appId)}')?$select=id`).catch((e: unknown) => {
        if (e instanceof ReadError && e.kind === "not-found") return undefined;
        throw e;
      }),
      this.get(`/v1.0/servicePrincipals(appId='${EXCHANGE_APP_ID}')?$select=id,appRoles`),
    ]);
    if (!app) return false;
    if (typeof app.id !== "string" || typeof exo.id !== "string") throw new ReadError("failed", "unexpected response: service principal without id");
    const role = (Array.isArray(exo.appRoles) ? exo.appRoles : []).find((r: unknown) => (r as { value?: unknown }).value === "SMTP.SendAsApp") as { id?: unknown } | undefined;
    const [assignments, grants] = await Promise.all([
      this.getAll(`/v1.0/servicePrincipals/${enc(app.id)}/appRoleAssignments`),
      this.getAll(`/v1.0/servicePrincipals/${enc(app.id)}/oauth2PermissionGrants`),
    ]);
    const appOnly = assignments.some((a) => a.resourceId === exo.id && role?.id !== undefined && a.appRoleId === role.id);
    const delegated = grants.some((g) => g.resourceId === exo.id && typeof g.scope === "string" && g.scope.split(/\s+/).includes("SMTP.Send"));
    return appOnly || delegated;
  }

  signInsPath(user: string, since: Date): string {
    const literal = user.replace(/'/g, "''");
    const filter = `createdDateTime ge ${since.toISOString().replace(/\.\d{3}Z$/, "Z")} and clientAppUsed eq 'Authenticated SMTP' and userPrincipalName eq '${literal}'`;
    return `/v1.0/auditLogs/signIns?$filter=${encodeURIComponent(filter)}&$top=50`;
  }

  async smtpSignIns(user: string, since: Date, max = 100): Promise<GraphSignIn[]> {
    return (await this.getAll(this.signInsPath(user, since), max)) as GraphSignIn[];
  }
}

function enc(s: string): string {
  return encodeURIComponent(s);
}

function bool(v: unknown, name: string): boolean {
  if (typeof v !== "boolean") throw new ReadError("failed", `unexpected response: ${name} missing`);
  return v;
}
