// ExchangeReader: two adapters behind one port. REST (default) posts to the endpoint the
// ExchangeOnlineManagement v3 module itself uses; pwsh runs PowerShell 7 with that module through a
// command runner, the token passed on stdin. Both refuse, before any request or process, every
// cmdlet outside the read-only allowlist.
import { parseJsonBounded } from "../case/json-limits.js";
import { AppError } from "../errors.js";
import { isPlausibleIdentity } from "../shell/powershell.js";
import { cleanReason } from "./http.js";
import { EXCHANGE_CMDLETS, ReadError, type CmdletRequest, type ExchangeReader, type HttpClient, type SignedIn, type TokenProvider } from "./types.js";

/** Throws unless the cmdlet is one of the allowlisted read-only Get-* cmdlets and its parameters are plain identities. */
export function assertAllowedCmdlet(req: CmdletRequest): void {
  const ok = (EXCHANGE_CMDLETS as readonly string[]).includes(req.cmdlet) && /^Get-[A-Za-z]+$/.test(req.cmdlet);
  const paramsOk = Object.entries(req.parameters ?? {}).every(([k, v]) => /^[A-Za-z]+$/.test(k) && typeof v === "string" && isPlausibleIdentity(v));
  const selectOk = (req.select ?? []).every((p) => /^[A-Za-z0-9]+$/.test(p));
  if (!ok || !paramsOk || !selectOk) {
    throw new AppError({ type: "internal", code: "live.cmdlet-refused", key: "live.err.cmdletRefused", params: { cmdlet: req.cmdlet.slice(0, 60) } });
  }
}

/** Exchange's own error texts, classified. */
export function classifyExchangeError(e: unknown): ReadError {
  if (!(e instanceof ReadError)) return new ReadError("failed", cleanReason(e instanceof Error ? e.message : String(e)));
  if (e.kind !== "failed" && e.kind !== "not-found") return e;
  const text = e.reason;
  if (/couldn't be found|could not be found|ManagementObjectNotFound|object .* not found/i.test(text)) return new ReadError("not-found", text, withStatus(e));
  if (/is not recognized as (?:the |a )?name of a cmdlet|isn't within the current scope|not have (the )?(required )?permission|Access (is )?denied|UnauthorizedAccess/i.test(text)) {
    return new ReadError("denied", text, withStatus(e));
  }
  return e;
}

function withStatus(e: ReadError): { status?: number; serverCode?: string } {
  return { ...(e.status !== undefined ? { status: e.status } : {}), ...(e.serverCode !== undefined ? { serverCode: e.serverCode } : {}) };
}

const SYSTEM_MAILBOX = "SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}";
const MAX_PAGES = 50;

export class RestExchangeReader implements ExchangeReader {
  readonly route = "rest" as const;
  private readonly url: string;
  private readonly anchor: string;

  constructor(
    private readonly http: HttpClient,
    exchangeBase: string,
    signedIn: SignedIn,
  ) {
    this.url = `${exchangeBase}/adminapi/beta/${encodeURIComponent(signedIn.tenantId)}/InvokeCommand`;
    this.anchor = signedIn.flow === "delegated" && signedIn.username ? `UPN:${signedIn.username}` : `APP:${SYSTEM_MAILBOX}@${signedIn.tenantId}`;
  }

  endpoint(cmdlet: string): string {
    return `POST ${this.url} ${cmdlet}`;
  }

  async invoke(req: CmdletRequest): Promise<Record<string, unknown>[]> {
    assertAllowedCmdlet(req);
    const body = { CmdletInput: { CmdletName: req.cmdlet, Parameters: req.parameters ?? {} } };
    const origin = new URL(this.url).origin;
    let url: string | undefined = req.select?.length ? `${this.url}?$select=${req.select.join(",")}` : this.url;
    const rows: Record<string, unknown>[] = [];
    for (let page = 0; url; page++) {
      if (page >= MAX_PAGES) throw new ReadError("failed", `more than ${MAX_PAGES} pages`);
      let json: unknown;
      try {
        ({ json } = await this.http.request({
          method: "POST",
          url,
          resource: "exchange",
          body,
          headers: { "X-AnchorMailbox": this.anchor, Prefer: "odata.maxpagesize=1000", "X-CmdletName": req.cmdlet, "X-ResponseFormat": "json" },
        }));
      } catch (e) {
        throw classifyExchangeError(e);
      }
      const value = (json as { value?: unknown } | null)?.value;
      if (!Array.isArray(value)) throw new ReadError("failed", "unexpected response: no value list");
      for (const item of value) if (item && typeof item === "object" && !Array.isArray(item)) rows.push(item as Record<string, unknown>);
      url = nextLink(json, origin);
    }
    return rows;
  }
}

/** The @odata.nextLink of a page, only when it stays on the same origin (the token never goes elsewhere). */
export function nextLink(json: unknown, origin: string): string | undefined {
  const next = (json as Record<string, unknown> | null)?.["@odata.nextLink"];
  if (next === undefined || next === null) return undefined;
  if (typeof next !== "string") throw new ReadError("failed", "unexpected response: bad @odata.nextLink");
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    throw new ReadError("failed", "unexpected response: bad @odata.nextLink");
  }
  if (url.origin !== origin) throw new ReadError("failed", `@odata.nextLink points to another host (${url.host}); not followed`);
  return url.toString();
}

/** Runs a program: the port over execa. */
export type CommandRunner = (
  file: string,
  args: readonly string[],
  opts: { input: string; timeoutMs: number },
) => Promise<{ exitCode: number | undefined; stdout: string; stderr: string; notFound: boolean; timedOut: boolean }>;

export interface PwshOptions {
  tokens: TokenProvider;
  signedIn: SignedIn;
  /** Connect-ExchangeOnline -Organization for app-only sign-in (the tenant's .onmicrosoft.com domain). */
  organization: string;
  environmentName?: string;
  run: CommandRunner;
  timeoutMs?: number;
  executable?: string;
}

/**
 * The PowerShell script. It reads one JSON object from stdin ({ token, upn | organization, environment,
 * requests }), connects with -AccessToken, runs each allowlisted request with splatted parameters
 * (no value ever becomes PowerShell source), and prints one line "SAD-RESULT:<json>".
 */
export const PWSH_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  "$ProgressPreference = 'SilentlyContinue'",
  "$in = [Console]::In.ReadToEnd() | ConvertFrom-Json -AsHashtable",
  `$allowed = @(${EXCHANGE_CMDLETS.map((c) => `'${c}'`).join(",")})`,
  "try {",
  "  Import-Module ExchangeOnlineManagement -ErrorAction Stop",
  "  $c = @{ ShowBanner = $false }",
  "  if ($in.upn) { $c.UserPrincipalName = $in.upn } else { $c.Organization = $in.organization }",
  "  if ($in.environment) { $c.ExchangeEnvironmentName = $in.environment }",
  "  Connect-ExchangeOnline -AccessToken $in.token @c | Out-Null",
  "} catch { [Console]::Out.WriteLine('SAD-CONNECT-FAILED:' + ($_.Exception.Message -replace '\\s+', ' ')); exit 3 }",
  "$in.token = $null",
  "function Flat($o, $sel) { $h = [ordered]@{}; foreach ($n in $sel) { $v = $o.$n; if ($null -eq $v -or $v -is [bool] -or $v -is [string] -or $v -is [int] -or $v -is [long]) { $h[$n] = $v } elseif ($v -is [System.Collections.IEnumerable]) { $h[$n] = @($v | ForEach-Object { \"$_\" }) } else { $h[$n] = \"$v\" } }; $h }",
  "$out = foreach ($r in $in.requests) {",
  "  if ($allowed -notcontains $r.cmdlet) { [ordered]@{ id = $r.id; ok = $false; error = 'refused' }; continue }",
  "  $p = $r.parameters",
  "  try { $v = & $r.cmdlet @p -ErrorAction Stop; [ordered]@{ id = $r.id; ok = $true; value = @($v | ForEach-Object { Flat $_ $r.select }) } }",
  "  catch { [ordered]@{ id = $r.id; ok = $false; error = ($_.Exception.Message -replace '\\s+', ' ') } }",
  "}",
  "[Console]::Out.WriteLine('SAD-RESULT:' + (ConvertTo-Json -InputObject @($out) -Depth 6 -Compress))",
  "Disconnect-ExchangeOnline -Confirm:$false -ErrorAction SilentlyContinue | Out-Null",
].join("\n");

interface Pending {
  req: CmdletRequest;
  resolve: (rows: Record<string, unknown>[]) => void;
  reject: (e: unknown) => void;
}

export class PwshExchangeReader implements ExchangeReader {
  readonly route = "pwsh" as const;
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly o: PwshOptions) {}

  endpoint(cmdlet: string): string {
    return `pwsh ExchangeOnlineManagement ${cmdlet}`;
  }

  /** Requests made in the same turn of the event loop share one PowerShell process (one connection). */
  invoke(req: CmdletRequest): Promise<Record<string, unknown>[]> {
    assertAllowedCmdlet(req);
    return new Promise((resolve, reject) => {
      this.queue.push({ req, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0);
    this.scheduled = false;
    try {
      let outcome = await this.runBatch(batch, false);
      if (outcome === "token-refused") outcome = await this.runBatch(batch, true);
      if (outcome === "token-refused") throw new ReadError("failed", "Connect-ExchangeOnline refused the token twice");
    } catch (e) {
      for (const p of batch) p.reject(e instanceof ReadError ? e : classifyExchangeError(e));
    }
  }

  private async runBatch(batch: Pending[], forceRefresh: boolean): Promise<"done" | "token-refused"> {
    const token = await this.o.tokens.getToken("exchange", forceRefresh ? { forceRefresh: true } : undefined);
    const input = JSON.stringify({
      token,
      ...(this.o.signedIn.flow === "delegated" && this.o.signedIn.username ? { upn: this.o.signedIn.username } : { organization: this.o.organization }),
      ...(this.o.environmentName ? { environment: this.o.environmentName } : {}),
      requests: batch.map((p, id) => ({ id, cmdlet: p.req.cmdlet, parameters: p.req.parameters ?? {}, select: p.req.select ?? [] })),
    });
    const r = await this.o.run(this.o.executable ?? "pwsh", ["-NoProfile", "-NonInteractive", "-Command", PWSH_SCRIPT], { input, timeoutMs: this.o.timeoutMs ?? 180_000 });
    if (r.notFound) throw new ReadError("failed", "pwsh (PowerShell 7) was not found on PATH");
    if (r.timedOut) throw new ReadError("failed", `PowerShell did not finish within ${Math.round((this.o.timeoutMs ?? 180_000) / 1000)} s (timed out)`);
    const lines = r.stdout.split(/\r?\n/);
    const connectFailed = lines.find((l) => l.startsWith("SAD-CONNECT-FAILED:"));
    if (connectFailed) {
      const message = connectFailed.slice("SAD-CONNECT-FAILED:".length);
      if (/401|unauthori[sz]ed|token.*(expired|invalid)|invalid.*token/i.test(message) && !forceRefresh) return "token-refused";
      if (/ExchangeOnlineManagement/i.test(message) && /not (found|loaded|installed)|no valid module/i.test(message)) {
        throw new ReadError("failed", "the ExchangeOnlineManagement module is not installed for PowerShell 7");
      }
      throw classifyExchangeError(new ReadError("failed", `Connect-ExchangeOnline failed: ${cleanReason(message)}`));
    }
    const resultLine = lines.find((l) => l.startsWith("SAD-RESULT:"));
    if (!resultLine) throw new ReadError("failed", `PowerShell gave no result (exit ${r.exitCode ?? "?"}${r.stderr.trim() ? `: ${cleanReason(r.stderr.trim().split(/\r?\n/).pop() ?? "")}` : ""})`);
    let results: unknown;
    try {
      results = parseJsonBounded(resultLine.slice("SAD-RESULT:".length));
    } catch {
      throw new ReadError("failed", "PowerShell's result was not valid JSON");
    }
    if (!Array.isArray(results)) throw new ReadError("failed", "PowerShell's result was not a list");
    batch.forEach((p, id) => {
      const item = results.find((x) => (x as { id?: unknown })?.id === id) as { ok?: unknown; value?: unknown; error?: unknown } | undefined;
      if (!item) return p.reject(new ReadError("failed", "PowerShell returned no answer for this cmdlet"));
      if (item.ok !== true) return p.reject(classifyExchangeError(new ReadError("failed", cleanReason(String(item.error ?? "error")))));
      const rows = Array.isArray(item.value) ? item.value.filter((v): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v)) : [];
      p.resolve(rows);
    });
    return "done";
  }
}
