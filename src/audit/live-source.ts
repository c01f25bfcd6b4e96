// The live AuditSource: after one sign-in (src/live), the tenant's own answers go through the same
// extraction as the offline exports (objectRecordSink). Get-CASMailbox -ResultSize Unlimited and the
// Graph sign-in log are paged through @odata.nextLink and every page is pushed into the sink as it
// arrives, so no more than one page is held at a time. A read that is denied or fails before it has
// delivered anything is accounted for (shown, and the audit goes on without it); a read that breaks
// off half-way would leave partial counts, so the audit stops (unavailable, nothing written).
import { AppError, isAppError } from "../errors.js";
import { assertAllowedCmdlet, classifyExchangeError, nextLink } from "../live/exchange.js";
import { cleanReason } from "../live/http.js";
import { missingFor } from "../live/permissions.js";
import { ReadError, type CmdletRequest, type ExchangeReader, type HttpClient, type ReadId, type ReasonKey, type SignedIn } from "../live/types.js";
import type { AuditSource, NotRead } from "./index.js";
import { objectRecordSink, type InputEvents, type InputKind, type InputSummary } from "./inputs.js";
import { AuditCollector } from "./collector.js";

export const AUDIT_READS = ["transport", "mailboxes", "policies", "users", "securityDefaults", "signIns"] as const;
export type AuditReadId = (typeof AUDIT_READS)[number];

export interface AuditReadResult {
  id: AuditReadId;
  status: "ok" | "denied" | "failed";
  /** Records delivered (mailboxes, sign-ins, users with a policy, …). */
  records: number;
  /** denied: the permission(s), role(s) or licence missing. */
  missing?: string[];
  /** failed/denied: short, technical, free of secrets. */
  reason?: string;
  reasonKey?: ReasonKey;
  ms: number;
}

export interface LiveAuditDeps {
  signedIn: SignedIn;
  http: HttpClient;
  graphBase: string;
  /** Exchange base URL for the REST route (streamed, page by page). */
  exchangeBase: string;
  /** With `--exchange pwsh`: the PowerShell reader (each cmdlet's whole answer arrives at once). */
  pwsh?: ExchangeReader;
  /** Start of the sign-in window. */
  since: Date;
  /** Each read as it finishes. */
  onRead?: (r: AuditReadResult) => void;
  /** After each page: records delivered so far per read, and how many reads are finished. */
  onPage?: (counts: Readonly<Record<AuditReadId, number>>, finished: number, total: number) => void;
  /** Graph page size for the sign-in log (default 1000, Graph's maximum). */
  signInPageSize?: number;
  /** Safety stop for a server that never stops paging. */
  maxPages?: number;
}

export type LiveFacts = { securityDefaultsEnabled?: boolean; entraIdP1?: boolean; notRead?: NotRead[] };

export interface LiveAuditSource extends AuditSource {
  /** The reads in display order (filled by feed). */
  readonly reads: AuditReadResult[];
}

/** What each audit read needs, named through the live side's permission table after a 403. */
const NEEDS: Record<AuditReadId, ReadId> = {
  transport: "exchange.transportConfig",
  mailboxes: "exchange.casMailbox",
  policies: "exchange.organizationConfig",
  users: "exchange.userPolicy",
  securityDefaults: "graph.securityDefaults",
  signIns: "graph.signIns",
};

export const LIVE_LABELS: Record<AuditReadId, string> = {
  transport: "Exchange Online: Get-TransportConfig",
  mailboxes: "Exchange Online: Get-CASMailbox -ResultSize Unlimited",
  policies: "Exchange Online: Get-OrganizationConfig, Get-AuthenticationPolicy",
  users: "Exchange Online: Get-User -ResultSize Unlimited",
  securityDefaults: "Microsoft Graph: identitySecurityDefaultsEnforcementPolicy",
  signIns: "Microsoft Graph: auditLogs signIns (Authenticated SMTP)",
};

const SYSTEM_MAILBOX = "SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}";

/** A read broke off after delivering records: the audit cannot be complete. */
class PartialRead extends Error {
  constructor(
    readonly id: AuditReadId,
    readonly error: unknown,
  ) {
    super("partial read");
  }
}

/** The Graph filter for the audit: every Authenticated SMTP sign-in since a date (domain.md §6.1). */
export function signInsPath(since: Date, top: number): string {
  const filter = `createdDateTime ge ${since.toISOString().replace(/\.\d{3}Z$/, "Z")} and clientAppUsed eq 'Authenticated SMTP'`;
  return `/v1.0/auditLogs/signIns?$filter=${encodeURIComponent(filter)}&$top=${top}`;
}

/** A policy reference as Exchange may give it (name, or a distinguished name): the name. */
function policyName(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const cn = /^CN=([^,]+)/i.exec(v.trim())?.[1];
  return cn ?? v;
}

export function liveAuditSource(deps: LiveAuditDeps): LiveAuditSource {
  const reads: AuditReadResult[] = [];
  const counts: Record<AuditReadId, number> = { transport: 0, mailboxes: 0, policies: 0, users: 0, securityDefaults: 0, signIns: 0 };
  const maxPages = deps.maxPages ?? 100_000;
  const graphOrigin = new URL(deps.graphBase).origin;
  const exchangeUrl = `${deps.exchangeBase}/adminapi/beta/${encodeURIComponent(deps.signedIn.tenantId)}/InvokeCommand`;
  const exchangeOrigin = new URL(exchangeUrl).origin;
  const anchor = deps.signedIn.flow === "delegated" && deps.signedIn.username ? `UPN:${deps.signedIn.username}` : `APP:${SYSTEM_MAILBOX}@${deps.signedIn.tenantId}`;
  let finished = 0;
  let facts: LiveFacts = {};
  const page = () => deps.onPage?.(counts, finished, AUDIT_READS.length);

  /** Runs one allowlisted cmdlet and hands over its rows page by page (REST) or all at once (pwsh). */
  async function cmdletPages(req: CmdletRequest, onRows: (rows: Record<string, unknown>[]) => void): Promise<void> {
    assertAllowedCmdlet(req);
    if (deps.pwsh) {
      onRows(await deps.pwsh.invoke(req));
      return;
    }
    const body = { CmdletInput: { CmdletName: req.cmdlet, Parameters: req.parameters ?? {} } };
    let url: string | undefined = req.select?.length ? `${exchangeUrl}?$select=${req.select.join(",")}` : exchangeUrl;
    for (let n = 0; url; n++) {
      if (n >= maxPages) throw new ReadError("failed", `more than ${maxPages} pages`);
      let json: unknown;
      try {
        ({ json } = await deps.http.request({
          method: "POST",
          url,
          resource: "exchange",
          body,
          headers: { "X-AnchorMailbox": anchor, Prefer: "odata.maxpagesize=1000", "X-CmdletName": req.cmdlet, "X-ResponseFormat": "json" },
        }));
      } catch (e) {
        throw classifyExchangeError(e);
      }
      onRows(valueList(json));
      const next = nextLink(json, exchangeOrigin);
      if (next === url) throw new ReadError("failed", "unexpected response: @odata.nextLink points to the same page");
      url = next;
    }
  }

  async function graphPages(path: string, onRows: (rows: Record<string, unknown>[]) => void): Promise<void> {
    let url: string | undefined = `${deps.graphBase}${path}`;
    for (let n = 0; url; n++) {
      if (n >= maxPages) throw new ReadError("failed", `more than ${maxPages} pages`);
      const { json }: { json: unknown } = await deps.http.request({ method: "GET", url, resource: "graph" });
      onRows(valueList(json));
      const next = nextLink(json, graphOrigin);
      if (next === url) throw new ReadError("failed", "unexpected response: @odata.nextLink points to the same page");
      url = next;
    }
  }

  /** A sink that counts, and turns a value the audit cannot read into a failed read (not a bad-input error). */
  function sink(id: AuditReadId, kind: InputKind, events: InputEvents): (rec: Record<string, unknown>) => void {
    const push = objectRecordSink(kind, LIVE_LABELS[id], events);
    return (rec) => {
      try {
        push(rec, counts[id] + 1);
      } catch (e) {
        if (isAppError(e)) throw new ReadError("failed", `unexpected value in record ${counts[id] + 1} of the answer (${e.code})`);
        throw e;
      }
      counts[id]++;
    };
  }

  return {
    reads,
    async feed(events) {
      const learned: LiveFacts = {};
      let usersComplete = false;
      const summaries: Partial<Record<AuditReadId, InputSummary>> = {};
      const summary = (id: AuditReadId, kind: InputKind) => {
        summaries[id] = { file: LIVE_LABELS[id], kind, format: "json", encoding: "utf-8", records: counts[id] };
      };

      const defs: Record<AuditReadId, () => Promise<void>> = {
        transport: async () => {
          let rows: Record<string, unknown>[] = [];
          await cmdletPages({ cmdlet: "Get-TransportConfig", select: ["SmtpClientAuthenticationDisabled"] }, (r) => (rows = rows.concat(r)));
          const row = rows[0];
          if (!row || rows.length !== 1) throw new ReadError("failed", `Get-TransportConfig returned ${rows.length} objects, expected one`);
          if (typeof row.SmtpClientAuthenticationDisabled !== "boolean") throw new ReadError("failed", "unexpected response: SmtpClientAuthenticationDisabled missing");
          sink("transport", "transport", events)(row);
          summary("transport", "transport");
        },
        mailboxes: async () => {
          const push = sink("mailboxes", "mailboxes", events);
          await cmdletPages({ cmdlet: "Get-CASMailbox", parameters: { ResultSize: "Unlimited" }, select: ["PrimarySmtpAddress", "DisplayName", "SmtpClientAuthenticationDisabled"] }, (rows) => {
            for (const row of rows) {
              // Three states: True, False, null (follow the organization). An absent property is not null.
              if (!("SmtpClientAuthenticationDisabled" in row)) throw new ReadError("failed", "unexpected response: SmtpClientAuthenticationDisabled missing from a mailbox");
              push(row);
            }
            page();
          });
          summary("mailboxes", "mailboxes");
        },
        policies: async () => {
          const [org, policies] = await Promise.all([
            collectRows({ cmdlet: "Get-OrganizationConfig", select: ["DefaultAuthenticationPolicy"] }),
            collectRows({ cmdlet: "Get-AuthenticationPolicy", select: ["Name", "AllowBasicAuthSmtp"] }),
          ]);
          const orgRow = org[0];
          if (!orgRow) throw new ReadError("not-found", "Get-OrganizationConfig returned nothing");
          const pushPolicy = sink("policies", "auth-policies", events);
          for (const p of policies) if (typeof p.Name === "string" && p.Name !== "") pushPolicy({ Name: p.Name, AllowBasicAuthSmtp: p.AllowBasicAuthSmtp ?? false });
          objectRecordSink("org-config", LIVE_LABELS.policies, events)({ DefaultAuthenticationPolicy: policyName(orgRow.DefaultAuthenticationPolicy) ?? null }, 1);
          summary("policies", "auth-policies");
        },
        users: async () => {
          // Only assignments are kept; every account not listed has no policy of its own (set below).
          const push = sink("users", "user-policies", events);
          await cmdletPages({ cmdlet: "Get-User", parameters: { ResultSize: "Unlimited" }, select: ["UserPrincipalName", "AuthenticationPolicy"] }, (rows) => {
            for (const row of rows) {
              const policy = policyName(row.AuthenticationPolicy);
              if (typeof row.UserPrincipalName === "string" && typeof policy === "string" && policy.trim() !== "") push({ UserPrincipalName: row.UserPrincipalName, AuthenticationPolicy: policy });
            }
            page();
          });
          usersComplete = true;
          summary("users", "user-policies");
        },
        securityDefaults: async () => {
          const { json } = await deps.http.request({ method: "GET", url: `${deps.graphBase}/v1.0/policies/identitySecurityDefaultsEnforcementPolicy`, resource: "graph" });
          const enabled = (json as { isEnabled?: unknown } | null)?.isEnabled;
          if (typeof enabled !== "boolean") throw new ReadError("failed", "unexpected response: isEnabled missing");
          learned.securityDefaultsEnabled = enabled;
          counts.securityDefaults = 1;
        },
        signIns: async () => {
          const push = sink("signIns", "signins", events);
          try {
            await graphPages(signInsPath(deps.since, deps.signInPageSize ?? 1000), (rows) => {
              for (const row of rows) push(row);
              page();
            });
          } catch (e) {
            if (e instanceof ReadError && e.kind === "no-premium") learned.entraIdP1 = false;
            throw e;
          }
          // The sign-in log API answers only on tenants with Entra ID P1 or P2.
          learned.entraIdP1 = true;
          summary("signIns", "signins");
        },
      };

      async function collectRows(req: CmdletRequest): Promise<Record<string, unknown>[]> {
        let rows: Record<string, unknown>[] = [];
        await cmdletPages(req, (r) => (rows = rows.concat(r)));
        return rows;
      }

      const outcomes = await Promise.all(
        AUDIT_READS.map(async (id): Promise<AuditReadResult> => {
          const t0 = performance.now();
          let r: AuditReadResult;
          try {
            await defs[id]();
            r = { id, status: "ok", records: counts[id], ms: Math.round(performance.now() - t0) };
          } catch (e) {
            if (counts[id] > 0) throw new PartialRead(id, e);
            r = { ...errorResult(id, e, deps.signedIn.flow, deps.signedIn.via), ms: Math.round(performance.now() - t0) };
          }
          finished++;
          deps.onRead?.(r);
          page();
          return r;
        }),
      ).catch((e: unknown) => {
        if (e instanceof PartialRead) {
          const reason = e.error instanceof ReadError ? e.error.reason : cleanReason(e.error instanceof Error ? e.error.message : String(e.error));
          throw new AppError({ type: "unavailable", code: "audit.live-partial", key: "audit.err.livePartial", params: { read: LIVE_LABELS[e.id], count: counts[e.id], reason } });
        }
        throw e;
      });
      reads.push(...outcomes);

      if (counts.mailboxes === 0 && !reads.some((r) => r.id === "mailboxes" && r.status === "ok") && !reads.some((r) => r.id === "signIns" && r.status === "ok")) {
        throw new AppError({ type: "unavailable", code: "audit.live-nothing", key: "audit.err.liveNothing" });
      }
      // Get-User was read to the end: an account it listed without a policy has none of its own.
      if (usersComplete && events instanceof AuditCollector) events.userPoliciesComplete();
      const notRead = reads.filter((r) => r.status !== "ok");
      if (notRead.length) {
        learned.notRead = notRead.map((r) => ({
          read: r.id,
          status: r.status as "denied" | "failed",
          ...(r.missing ? { missing: r.missing } : {}),
          ...(r.reason ? { reason: r.reason } : {}),
          ...(r.reasonKey ? { reasonKey: r.reasonKey } : {}),
        }));
      }
      facts = learned;
      return AUDIT_READS.map((id) => summaries[id]).filter((s): s is InputSummary => s !== undefined);
    },
    learned() {
      return facts;
    },
  };
}

function valueList(json: unknown): Record<string, unknown>[] {
  const value = (json as { value?: unknown } | null)?.value;
  if (!Array.isArray(value)) throw new ReadError("failed", "unexpected response: no value list");
  return value.filter((v): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v));
}

function errorResult(id: AuditReadId, e: unknown, flow: SignedIn["flow"], via?: "pwsh"): Omit<AuditReadResult, "ms"> {
  const base = { id, records: 0 };
  if (e instanceof ReadError) {
    if (e.kind === "no-premium") return { ...base, status: "denied", missing: ["Entra ID P1"], reason: e.reason, reasonKey: "live.reason.noPremium" };
    if (e.kind === "denied") return { ...base, status: "denied", missing: missingFor(NEEDS[id], flow, via), reason: e.reason };
    if (e.kind === "not-found") return { ...base, status: "failed", reason: e.reason, reasonKey: "live.reason.notFound" };
    return { ...base, status: "failed", reason: e.reason };
  }
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code.startsWith("signin.")) return { ...base, status: "failed", reason: `sign-in: ${code}` };
  return { ...base, status: "failed", reason: cleanReason(e instanceof Error ? e.message : String(e)) };
}
