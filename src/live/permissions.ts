// What each read needs: Microsoft Graph permissions (delegated / application), Exchange Online
// permissions and directory roles. Used by `setup`, by `access`, and to name what is missing on 403.
import type { ReadId } from "./types.js";

export interface ReadNeeds {
  api: "graph" | "exchange";
  delegated: string[];
  application: string[];
  /** Directory roles a delegated caller (or, for Exchange, the app) needs at least one of. */
  roles: string[];
  /** A licence the tenant needs, if any. */
  licence?: string;
}

const EXCHANGE: ReadNeeds = {
  api: "exchange",
  delegated: ["Exchange.Manage"],
  application: ["Exchange.ManageAsApp"],
  roles: ["Global Reader", "View-Only Organization Management"],
};

export const READ_NEEDS: Record<ReadId, ReadNeeds> = {
  "graph.securityDefaults": { api: "graph", delegated: ["Policy.Read.All"], application: ["Policy.Read.All"], roles: ["Global Reader", "Security Reader"] },
  // The application-permission table for this beta API is UNCONFIRMED (domain.md §6.1).
  "graph.perUserMfa": { api: "graph", delegated: ["Policy.Read.All"], application: ["Policy.Read.All"], roles: ["Global Reader", "Authentication Policy Administrator"] },
  "graph.user": { api: "graph", delegated: ["User.Read.All"], application: ["User.Read.All"], roles: [] },
  "graph.licenses": { api: "graph", delegated: ["User.Read.All"], application: ["User.Read.All"], roles: [] },
  "graph.mailboxSettings": { api: "graph", delegated: ["MailboxSettings.Read"], application: ["MailboxSettings.Read"], roles: [] },
  "graph.conditionalAccess": {
    api: "graph",
    // transitiveMemberOf of another user: User.Read.All; role template ids need RoleManagement.Read.Directory.
    delegated: ["Policy.Read.All", "User.Read.All", "RoleManagement.Read.Directory"],
    application: ["Policy.Read.All", "User.Read.All", "RoleManagement.Read.Directory"],
    roles: ["Global Reader", "Security Reader", "Conditional Access Administrator"],
    licence: "Entra ID P1",
  },
  "graph.signIns": {
    api: "graph",
    delegated: ["AuditLog.Read.All"],
    application: ["AuditLog.Read.All"],
    roles: ["Global Reader", "Reports Reader", "Security Reader"],
    licence: "Entra ID P1",
  },
  "graph.oauthConsent": { api: "graph", delegated: ["Application.Read.All"], application: ["Application.Read.All"], roles: ["Global Reader"] },
  "exchange.transportConfig": EXCHANGE,
  "exchange.organizationConfig": EXCHANGE,
  "exchange.casMailbox": EXCHANGE,
  "exchange.mailbox": EXCHANGE,
  "exchange.userPolicy": EXCHANGE,
  "exchange.sendAs": EXCHANGE,
  "exchange.oauthApp": EXCHANGE,
};

/** The delegated Microsoft Graph scopes of every read: what `Connect-MgGraph -Scopes` asks for on the PowerShell route. */
export function graphScopes(): string[] {
  return [...new Set(Object.values(READ_NEEDS).flatMap((n) => (n.api === "graph" ? n.delegated : [])))].sort();
}

/** What to name as missing after a 403, for the way the tool signed in. */
export function missingFor(id: ReadId, flow: "delegated" | "app", via?: "pwsh"): string[] {
  const n = READ_NEEDS[id];
  if (via === "pwsh") {
    // Microsoft's own PowerShell apps: the scope must be consented for Microsoft Graph PowerShell; the person needs the role.
    if (n.api === "exchange") return ["role Global Reader or View-Only Organization Management (Exchange Online PowerShell)"];
    return [...n.delegated.map((p) => `${p} (Microsoft Graph PowerShell, consented)`), ...(n.roles.length ? [`role ${n.roles.join(" / ")}`] : [])];
  }
  if (n.api === "exchange") {
    return flow === "app" ? ["Exchange.ManageAsApp (Office 365 Exchange Online, application)", "Entra role Global Reader"] : ["Exchange.Manage (Office 365 Exchange Online, delegated)", "role Global Reader or View-Only Organization Management"];
  }
  const perms = (flow === "app" ? n.application : n.delegated).map((p) => `${p} (Microsoft Graph, ${flow === "app" ? "application" : "delegated"})`);
  const roles = flow === "delegated" && n.roles.length ? [`role ${n.roles.join(" / ")}`] : [];
  return [...perms, ...roles];
}
