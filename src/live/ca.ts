// Conditional Access, resolved for one account: which policies apply to it (users, groups with
// nested membership, roles, guests, exclusions) for legacy clients ("Other clients", which include
// Authenticated SMTP) against Exchange Online, and whether they block or demand a control that a
// legacy client cannot satisfy. Report-only policies never block. Pure: data in, facts out.
import { LEGACY_CLIENT_APP_TYPES } from "../case/m365.js";

export const EXCHANGE_ONLINE_APP_ID = "00000002-0000-0ff1-ce00-000000000000";

export interface CaPolicy {
  id?: string;
  displayName?: string;
  state?: string;
  conditions?: {
    clientAppTypes?: string[] | null;
    applications?: { includeApplications?: string[] | null; excludeApplications?: string[] | null } | null;
    users?: {
      includeUsers?: string[] | null;
      excludeUsers?: string[] | null;
      includeGroups?: string[] | null;
      excludeGroups?: string[] | null;
      includeRoles?: string[] | null;
      excludeRoles?: string[] | null;
      includeGuestsOrExternalUsers?: unknown;
      excludeGuestsOrExternalUsers?: unknown;
    } | null;
    locations?: { includeLocations?: string[] | null; excludeLocations?: string[] | null } | null;
    platforms?: unknown;
    signInRiskLevels?: string[] | null;
    userRiskLevels?: string[] | null;
    insiderRiskLevels?: unknown;
    devices?: { deviceFilter?: unknown } | null;
    clientApplications?: unknown;
  } | null;
  grantControls?: {
    operator?: string | null;
    builtInControls?: string[] | null;
    customAuthenticationFactors?: string[] | null;
    termsOfUse?: string[] | null;
    authenticationStrength?: unknown;
  } | null;
}

export interface CaSubject {
  userId: string;
  isGuest: boolean;
  /** Every group the user is in, directly or through nested groups (transitiveMemberOf). */
  groupIds: ReadonlySet<string>;
  /** Role template ids of the user's active directory roles. */
  roleTemplateIds: ReadonlySet<string>;
  /**
   * The user holds directory roles whose template ids could not be read (Graph returns role objects
   * with limited information without a role-reading permission): role-based scope is then uncertain.
   */
  rolesUnknown?: boolean;
}

export interface CaPolicyMatch {
  id: string;
  name: string;
  /** The policy has conditions (locations, platforms, risk, device filter) this tool cannot evaluate for the device. */
  conditional: boolean;
}

export interface CaEvaluation {
  /** true: an enabled policy blocks legacy sign-in for the account; false: none does; undefined: only conditional ones might. */
  blocked: boolean | undefined;
  /** Enabled policies that apply and block legacy clients. */
  blocking: CaPolicyMatch[];
  /** Report-only policies that would block if they were turned on. */
  reportOnly: CaPolicyMatch[];
}

const list = (v: string[] | null | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const lower = (v: string[]): string[] => v.map((x) => x.toLowerCase());

export function userInScope(p: CaPolicy, s: CaSubject): boolean {
  const u = p.conditions?.users;
  if (!u) return false;
  const inc = lower(list(u.includeUsers));
  const exc = lower(list(u.excludeUsers));
  const id = s.userId.toLowerCase();
  const groups = new Set([...s.groupIds].map((g) => g.toLowerCase()));
  const roles = new Set([...s.roleTemplateIds].map((r) => r.toLowerCase()));
  const hasAny = (ids: string[], set: Set<string>) => lower(ids).some((x) => set.has(x));
  if (inc.includes("none")) return false;
  const included =
    inc.includes("all") ||
    inc.includes(id) ||
    (s.isGuest && (inc.includes("guestsorexternalusers") || Boolean(u.includeGuestsOrExternalUsers))) ||
    hasAny(list(u.includeGroups), groups) ||
    hasAny(list(u.includeRoles), roles);
  if (!included) return false;
  const excluded =
    exc.includes(id) ||
    (s.isGuest && (exc.includes("guestsorexternalusers") || Boolean(u.excludeGuestsOrExternalUsers))) ||
    hasAny(list(u.excludeGroups), groups) ||
    hasAny(list(u.excludeRoles), roles);
  return !excluded;
}

export function targetsExchangeOnline(p: CaPolicy): boolean {
  const a = p.conditions?.applications;
  if (!a) return false;
  const inc = lower(list(a.includeApplications));
  const exc = lower(list(a.excludeApplications));
  const exo = EXCHANGE_ONLINE_APP_ID;
  if (exc.includes(exo) || exc.includes("office365") || exc.includes("all")) return false;
  return inc.includes("all") || inc.includes(exo) || inc.includes("office365");
}

/** "Other clients" covers Authenticated SMTP; "all" (or nothing configured) covers every client type. */
export function targetsLegacyClients(p: CaPolicy): boolean {
  const types = lower(list(p.conditions?.clientAppTypes));
  return types.length === 0 || types.some((t) => LEGACY_CLIENT_APP_TYPES.includes(t));
}

/** Block, or any grant control at all: a legacy (Basic) client can satisfy none of them (MFA, compliant device, terms of use…). */
export function blocksLegacyClients(p: CaPolicy): boolean {
  const g = p.grantControls;
  if (!g) return false;
  return list(g.builtInControls).length > 0 || list(g.customAuthenticationFactors).length > 0 || list(g.termsOfUse).length > 0 || Boolean(g.authenticationStrength);
}

export function isConditional(p: CaPolicy): boolean {
  const c = p.conditions;
  if (!c) return false;
  const locInc = lower(list(c.locations?.includeLocations));
  const locExc = list(c.locations?.excludeLocations);
  const locations = locExc.length > 0 || (locInc.length > 0 && !(locInc.length === 1 && locInc[0] === "all"));
  return (
    locations ||
    Boolean(c.platforms) ||
    list(c.signInRiskLevels).length > 0 ||
    list(c.userRiskLevels).length > 0 ||
    (typeof c.insiderRiskLevels === "string" && c.insiderRiskLevels.length > 0) ||
    Boolean(c.devices?.deviceFilter)
  );
}

export function evaluateConditionalAccess(policies: readonly CaPolicy[], subject: CaSubject): CaEvaluation {
  const blocking: CaPolicyMatch[] = [];
  const reportOnly: CaPolicyMatch[] = [];
  for (const p of policies) {
    if (!targetsExchangeOnline(p) || !targetsLegacyClients(p) || !blocksLegacyClients(p)) continue;
    let roleDependent = false;
    if (subject.rolesUnknown) {
      const u = p.conditions?.users;
      const mentioned = new Set([...list(u?.includeRoles), ...list(u?.excludeRoles), ...subject.roleTemplateIds]);
      const withRoles = userInScope(p, { ...subject, roleTemplateIds: mentioned });
      const withoutRoles = userInScope(p, subject);
      if (!withRoles && !withoutRoles) continue;
      roleDependent = withRoles !== withoutRoles;
    } else if (!userInScope(p, subject)) continue;
    const match = { id: p.id ?? "", name: p.displayName ?? p.id ?? "", conditional: isConditional(p) || roleDependent };
    if (p.state === "enabled") blocking.push(match);
    else if (p.state === "enabledForReportingButNotEnforced") reportOnly.push(match);
  }
  const blocked = blocking.some((m) => !m.conditional) ? true : blocking.length > 0 ? undefined : false;
  return { blocked, blocking, reportOnly };
}
