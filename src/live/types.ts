// Ports of the live side. Readers talk to these, never to msal-node, fetch or execa directly, so
// that tests can swap adapters. Adapters report what they saw; they never decide a verdict.

export type Resource = "graph" | "exchange";

/** Who is signed in. Delegated = a person (device code); app = client credentials. */
export interface SignedIn {
  flow: "delegated" | "app";
  /** The tenant id (GUID) or domain that tokens were issued for. */
  tenantId: string;
  /** The signed-in person's UPN (delegated only). */
  username?: string;
  /** "pwsh": the admin's own PowerShell modules signed in (Microsoft's public clients, no app registration). */
  via?: "pwsh";
}

export interface TokenProvider {
  /** Sign in once (device code or client credentials). Idempotent. */
  signIn(): Promise<SignedIn>;
  /** An access token for the resource; silent after signIn. forceRefresh bypasses the cache (after a 401). */
  getToken(resource: Resource, opts?: { forceRefresh?: boolean }): Promise<string>;
}

export interface HttpRequest {
  method: "GET" | "POST";
  url: string;
  resource: Resource;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  /** Parsed JSON body (null for an empty body). */
  json: unknown;
}

export interface HttpClient {
  /** Sends one request (with retries); resolves with a 2xx response or rejects with a ReadError. */
  request(req: HttpRequest): Promise<HttpResponse>;
}

export type ReadErrorKind =
  /** 403, or Exchange saying the cmdlet is not available to the caller's roles. */
  | "denied"
  /** the object does not exist (404, "couldn't be found") */
  | "not-found"
  /** the tenant lacks Entra ID P1 (sign-in logs) */
  | "no-premium"
  /** anything else: timeouts, 5xx after retries, malformed responses, network errors */
  | "failed";

/** A read that did not produce a usable answer. `reason` is free of secrets (short, English, technical). */
export class ReadError extends Error {
  readonly kind: ReadErrorKind;
  readonly status: number | undefined;
  readonly serverCode: string | undefined;
  readonly reason: string;
  constructor(kind: ReadErrorKind, reason: string, opts: { status?: number; serverCode?: string } = {}) {
    super(reason);
    this.name = "ReadError";
    this.kind = kind;
    this.reason = reason;
    this.status = opts.status;
    this.serverCode = opts.serverCode;
  }
}

/** The read-only Exchange Online cmdlets this tool may run. Anything else is refused in code. */
export const EXCHANGE_CMDLETS = [
  "Get-TransportConfig",
  "Get-OrganizationConfig",
  "Get-AuthenticationPolicy",
  "Get-CASMailbox",
  "Get-Mailbox",
  "Get-User",
  "Get-RecipientPermission",
  "Get-MailboxPermission",
  "Get-ServicePrincipal",
] as const;
export type ExchangeCmdlet = (typeof EXCHANGE_CMDLETS)[number];

export interface CmdletRequest {
  cmdlet: string;
  parameters?: Record<string, string>;
  /** Properties to return (REST $select / Select-Object). */
  select?: readonly string[];
}

export interface ExchangeReader {
  /** "rest" or "pwsh", for provenance. */
  readonly route: "rest" | "pwsh";
  /** Where a cmdlet is run, for provenance (no secrets). */
  endpoint(cmdlet: string): string;
  /** Runs one allowlisted Get-* cmdlet; resolves with the returned objects or rejects with a ReadError. */
  invoke(req: CmdletRequest): Promise<Record<string, unknown>[]>;
}

export type ReadId =
  | "graph.securityDefaults"
  | "graph.perUserMfa"
  | "graph.user"
  | "graph.licenses"
  | "graph.mailboxSettings"
  | "graph.conditionalAccess"
  | "graph.signIns"
  | "exchange.transportConfig"
  | "exchange.organizationConfig"
  | "exchange.casMailbox"
  | "exchange.mailbox"
  | "exchange.userPolicy"
  | "exchange.sendAs"
  | "exchange.oauthApp"
  | "graph.oauthConsent";

export type ReadStatus = "ok" | "denied" | "failed" | "skipped";

export interface ReadResult {
  id: ReadId;
  status: ReadStatus;
  /** The request(s) behind it, for display and provenance. */
  endpoint: string;
  /** Fact paths this read set. */
  facts: string[];
  /** Fact paths this read is responsible for; those not in `facts` are still unknown (ask for them). */
  covers: readonly string[];
  /** denied: the permission(s) or role(s) that are missing, as shown to the user. */
  missing?: string[];
  /** failed/skipped/denied: why, short and free of secrets. */
  reason?: string;
  /** A catalog key with a translated explanation (e.g. live.reason.noPremium). */
  reasonKey?: ReasonKey;
  reasonParams?: Record<string, string | number>;
  ms: number;
}

export type ReasonKey =
  | "live.reason.noPremium"
  | "live.reason.caConditional"
  | "live.reason.caReportOnly"
  | "live.reason.notFound"
  | "live.reason.needsFrom"
  | "live.reason.sendAsSame"
  | "live.reason.needsAppId"
  | "live.reason.noMailbox"
  | "live.reason.propertyMissing";
