// The PowerShell sign-in route (`--via pwsh`): one PowerShell process (pwsh, else powershell.exe),
// whose own modules sign in — ExchangeOnlineManagement (Connect-ExchangeOnline) and Microsoft Graph
// PowerShell (Connect-MgGraph) — and which then answers one request per line. It is the live side's
// HttpClient for Graph (GET only, through Invoke-MgGraphRequest) and its ExchangeReader (the Get-*
// allowlist), so the reads and the per-fact fallback are exactly the REST route's (collect.ts).
//
// What is enforced here, not trusted to the script: the script text is checked before PowerShell is
// started (assertReadOnlyScript); every request is checked before it is written (assertAllowedCmdlet,
// GET on the Graph host only); every wait has a bound (start, each sign-in, each request); every
// line is parsed strictly and has a size cap. No token ever reaches this process.
import { AppError } from "../errors.js";
import { assertAllowedCmdlet, classifyExchangeError } from "./exchange.js";
import { safeText } from "../render/sanitize.js";
import { cleanReason as cleanRaw, errorFromResponse } from "./http.js";
import { assertReadOnlyScript, MIN_MODULES, MODULE_NAMES, PWSH_READ_SCRIPT, pwshArgs } from "./pwsh-script.js";
import { seconds, type LiveTimeouts } from "./timeouts.js";
import { ReadError, type CmdletRequest, type ExchangeReader, type HttpClient, type HttpRequest, type HttpResponse, type SignedIn } from "./types.js";

/** The port over execa: a long-running process with line-oriented pipes. */
export interface ShellEvents {
  stdout(chunk: Buffer): void;
  stderr(chunk: Buffer): void;
  exit(info: { exitCode: number | undefined; notFound: boolean }): void;
}
export interface SpawnedShell {
  /** Writes one line to stdin; false when the process is gone. */
  write(line: string): boolean;
  kill(): void;
}
export type ShellSpawner = (file: string, args: readonly string[], events: ShellEvents) => SpawnedShell;

export type PwshService = "exchange" | "graph";

export interface PwshSessionOptions {
  spawn: ShellSpawner;
  timeouts: LiveTimeouts;
  /** Device code (no browser here) or the browser. Exchange on Windows PowerShell 5.1 always uses the browser. */
  device: boolean;
  /** Graph scopes to ask for (the read scopes `setup` lists). */
  scopes: readonly string[];
  /** Graph base URL: requests must stay on its host. */
  graphBase: string;
  tenant?: string;
  /** Connect-MgGraph -Environment (Global, USGov, USGovDoD, China). */
  graphEnvironment?: string;
  /** Connect-ExchangeOnline -ExchangeEnvironmentName. */
  exchangeEnvironment?: string;
  /** Programs tried in order. */
  candidates?: readonly string[];
  /** The modules' sign-in messages as they come. */
  onSignIn?: (service: PwshService, message: { device: true; url: string; code: string } | { device: true; raw: string } | { device: false }) => void;
  /** Largest single line accepted (default 32 MiB). */
  maxLineBytes?: number;
  /** Largest answer to one request (default 256 MiB). */
  maxReplyBytes?: number;
}

export const PWSH_CANDIDATES = ["pwsh", "powershell.exe"] as const;

type Msg = { kind: string; id: number; payload: unknown; bytes: number };

interface Pending {
  id: number;
  line: string;
  label: string;
  rows: Record<string, unknown>[];
  bytes: number;
  broken?: ReadError;
  resolve: (m: { rows: Record<string, unknown>[]; graph?: unknown }) => void;
  reject: (e: ReadError) => void;
}

interface Env {
  ps: string;
  edition: string;
  exchange: string | null;
  graph: string | null;
}

/** "3.4.0" >= "3.0.0" (numeric parts; a missing part is 0; prerelease tails ignored). */
export function versionAtLeast(found: string, needed: string): boolean {
  const a = found.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const b = needed.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** What is missing for the route, or nothing. */
export function missingModules(env: Pick<Env, "exchange" | "graph">): { module: string; found: string | null; needed: string; command: string }[] {
  const out = [];
  for (const key of ["exchange", "graph"] as const) {
    const found = env[key];
    const name = MODULE_NAMES[key];
    if (found === null || found === "") out.push({ module: name, found: null, needed: MIN_MODULES[key], command: `Install-Module ${name} -Scope CurrentUser` });
    else if (!versionAtLeast(found, MIN_MODULES[key])) out.push({ module: name, found, needed: MIN_MODULES[key], command: `Install-Module ${name} -Scope CurrentUser -Force` });
  }
  return out;
}

/** A device-code message of either module: the URL and the code, when they can be found. */
export function parseDeviceCode(line: string): { url: string; code: string } | undefined {
  const url = /https:\/\/[^\s"'<>]*devicelogin[^\s"'<>.,;)]*/i.exec(line)?.[0];
  const code = /\b(?:enter the code|code)\s+([A-Z0-9]{6,12})\b/i.exec(line)?.[1];
  return url && code ? { url, code } : undefined;
}

const LINE_RE = /^SAD1 ([A-Z]+) (\d{1,9}) (.*)$/s;

export class PwshSession {
  readonly shell: string;
  readonly env: Env;
  signedIn!: SignedIn;
  /** Why a service could not be signed in to (its reads then fail with this reason). */
  readonly down: Partial<Record<PwshService, string>> = {};
  private readonly o: PwshSessionOptions;
  private proc: SpawnedShell;
  private readonly queue: Pending[] = [];
  private current: Pending | undefined;
  private nextId = 1;
  private timer: NodeJS.Timeout | undefined;
  private dead: ReadError | undefined;
  private waiter: { kinds: string[]; resolve: (m: Msg) => void } | undefined;
  private readonly talk: string[] = [];

  private constructor(o: PwshSessionOptions, started: { shell: string; env: Env; proc: SpawnedShell; attach: (s: PwshSession) => void }) {
    this.o = o;
    this.shell = started.shell;
    this.env = started.env;
    this.proc = started.proc;
    started.attach(this);
  }

  /**
   * Starts PowerShell (the first candidate that has both modules in a usable version), then signs
   * in to Exchange Online and Microsoft Graph, one after the other. Every failure that leaves nothing
   * to read is an AppError (exit 4): no PowerShell, a module missing or too old, no sign-in at all.
   */
  static async open(o: PwshSessionOptions): Promise<PwshSession> {
    assertReadOnlyScript(PWSH_READ_SCRIPT);
    const args = pwshArgs(PWSH_READ_SCRIPT);
    let firstMissing: { shell: string; missing: ReturnType<typeof missingModules> } | undefined;
    for (const file of o.candidates ?? PWSH_CANDIDATES) {
      const started = await startOne(o, file, args);
      if (started === "not-found") continue;
      const missing = missingModules(started.env);
      if (missing.length === 0) {
        const session = new PwshSession(o, started);
        await session.connectAll();
        return session;
      }
      firstMissing ??= { shell: started.shell, missing };
      started.proc.kill();
    }
    throw firstMissing ? modulesError(firstMissing.shell, firstMissing.missing) : notFoundError();
  }

  /**
   * Is the route there? Starts each candidate only to read its modules, then ends it (no sign-in).
   * Undefined when one has both modules; otherwise the AppError `open` would give (what is missing).
   */
  static async detect(o: Pick<PwshSessionOptions, "spawn" | "timeouts" | "candidates">): Promise<AppError | undefined> {
    let first: AppError | undefined;
    for (const file of o.candidates ?? PWSH_CANDIDATES) {
      let started: Awaited<ReturnType<typeof startOne>>;
      try {
        started = await startOne(o, file, pwshArgs(PWSH_READ_SCRIPT));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        first ??= e;
        continue;
      }
      if (started === "not-found") continue;
      started.proc.write(JSON.stringify({ op: "quit" }));
      started.proc.kill();
      const missing = missingModules(started.env);
      if (missing.length === 0) return undefined;
      first ??= modulesError(started.shell, missing);
    }
    return first ?? notFoundError();
  }

  /** The last lines PowerShell printed besides the protocol (for error details), cleaned. */
  lastTalk(): string {
    return cleanReason(this.talk.slice(-2).join(" / "));
  }

  private async connectAll(): Promise<void> {
    const conn: Partial<Record<PwshService, { user?: string; tenant?: string }>> = {};
    for (const service of ["exchange", "graph"] as const) {
      // Connect-ExchangeOnline -Device exists on PowerShell 7 only; Windows PowerShell signs in in the browser.
      const device = this.o.device && !(service === "exchange" && this.env.edition === "Desktop");
      if (!device) this.o.onSignIn?.(service, { device: false });
      const op = {
        op: "connect",
        service,
        device,
        minimum: MIN_MODULES[service],
        ...(service === "graph" ? { scopes: [...this.o.scopes] } : {}),
        ...(service === "graph" && this.o.tenant ? { tenant: this.o.tenant } : {}),
        ...(service === "graph" && this.o.graphEnvironment ? { environment: this.o.graphEnvironment } : {}),
        ...(service === "exchange" && this.o.exchangeEnvironment ? { environment: this.o.exchangeEnvironment } : {}),
      };
      this.signingIn = service;
      if (!this.proc.write(JSON.stringify(op))) {
        this.down[service] = "PowerShell ended";
        continue;
      }
      const m = await this.waitFor(["CONN"], this.o.timeouts.signInMs);
      if (m === "timeout") {
        this.stop(new ReadError("failed", `the sign-in was not finished within ${seconds(this.o.timeouts.signInMs)} s`));
        throw new AppError({ type: "unavailable", code: "pwsh.signin-timeout", key: "live.err.pwshSignInTimeout", params: { service: SERVICE_NAMES[service], minutes: Math.max(1, Math.round(this.o.timeouts.signInMs / 60_000)) } });
      }
      if (m === "exit") throw this.exitError();
      const p = m.payload as { ok?: unknown; error?: unknown; user?: unknown; tenant?: unknown };
      if (p.ok === true) conn[service] = { ...(typeof p.user === "string" && p.user ? { user: p.user } : {}), ...(typeof p.tenant === "string" && p.tenant ? { tenant: p.tenant } : {}) };
      else this.down[service] = cleanReason(typeof p.error === "string" ? p.error : "sign-in failed");
    }
    this.signingIn = undefined;
    if (!conn.exchange && !conn.graph) {
      const reason = [this.down.exchange && `Connect-ExchangeOnline: ${this.down.exchange}`, this.down.graph && `Connect-MgGraph: ${this.down.graph}`].filter(Boolean).join("; ");
      this.stop(new ReadError("failed", "no sign-in"));
      throw new AppError({ type: "unavailable", code: "pwsh.signin", key: "live.err.pwshSignIn", params: { reason } });
    }
    const user = conn.graph?.user ?? conn.exchange?.user;
    const tenant = conn.graph?.tenant ?? conn.exchange?.tenant ?? this.o.tenant ?? "organizations";
    this.signedIn = { flow: "delegated", via: "pwsh", tenantId: tenant.slice(0, 64), ...(user ? { username: user.slice(0, 320) } : {}) };
  }

  private signingIn: PwshService | undefined;

  private exitError(): AppError {
    return new AppError({ type: "unavailable", code: "pwsh.exited", key: "live.err.pwshExited", params: { shell: this.shell }, ...(this.lastTalk() ? { detail: this.lastTalk() } : {}) });
  }

  /** The HttpClient for Microsoft Graph: GET only, on the Graph host only, through Invoke-MgGraphRequest. */
  graphClient(): HttpClient {
    const origin = new URL(this.o.graphBase).origin;
    return {
      request: async (req: HttpRequest): Promise<HttpResponse> => {
        let url: URL;
        try {
          url = new URL(req.url);
        } catch {
          throw new ReadError("failed", "refused: not a URL");
        }
        if (req.method !== "GET" || req.resource !== "graph" || req.body !== undefined || url.origin !== origin) {
          throw new ReadError("failed", `refused: only GET on ${new URL(origin).host} goes through PowerShell`);
        }
        if (this.down.graph) throw new ReadError("failed", `Connect-MgGraph failed: ${this.down.graph}`);
        const r = await this.send({ op: "graph", uri: url.toString() }, `GET ${url.pathname}`);
        return { status: 200, json: r.graph ?? null };
      },
    };
  }

  /** The ExchangeReader: the Get-* allowlist through the signed-in ExchangeOnlineManagement module. */
  exchangeReader(): ExchangeReader {
    return {
      route: "pwsh",
      endpoint: (cmdlet: string) => `PowerShell ExchangeOnlineManagement ${cmdlet}`,
      invoke: async (req: CmdletRequest) => {
        assertAllowedCmdlet(req);
        if (this.down.exchange) throw classifyExchangeError(new ReadError("failed", `Connect-ExchangeOnline failed: ${this.down.exchange}`));
        const r = await this.send({ op: "cmdlet", cmdlet: req.cmdlet, parameters: req.parameters ?? {}, select: [...(req.select ?? [])] }, req.cmdlet);
        return r.rows;
      },
    };
  }

  /** Ends PowerShell: asks it to sign out and quit, and stops it if it does not within 5 s. */
  async close(): Promise<void> {
    if (this.dead) return;
    this.dead = new ReadError("failed", "the PowerShell session was closed");
    this.clearTimer();
    if (!this.proc.write(JSON.stringify({ op: "quit" }))) return;
    // Signed out (BYE) or not within 5 s: either way the process is ended, never left running.
    await this.waitFor(["BYE"], 5000);
    this.proc.kill();
  }

  // ----- requests -----

  private send(op: Record<string, unknown>, label: string): Promise<{ rows: Record<string, unknown>[]; graph?: unknown }> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.queue.push({ id, line: JSON.stringify({ ...op, id }), label, rows: [], bytes: 0, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.current || this.dead) return;
    const next = this.queue.shift();
    if (!next) return;
    this.current = next;
    if (!this.proc.write(next.line)) {
      this.stop(new ReadError("failed", `${this.shell} ended before it answered`));
      return;
    }
    this.timer = setTimeout(() => {
      this.stop(new ReadError("failed", `PowerShell gave no answer to ${next.label} within ${seconds(this.o.timeouts.pwshMs)} s; the PowerShell session was stopped (timed out)`));
    }, this.o.timeouts.pwshMs);
  }

  private finish(p: Pending, outcome: { ok: true; graph?: unknown } | { ok: false; error: ReadError }): void {
    this.clearTimer();
    this.current = undefined;
    if (p.broken) p.reject(p.broken);
    else if (outcome.ok) p.resolve({ rows: p.rows, ...("graph" in outcome ? { graph: outcome.graph } : {}) });
    else p.reject(outcome.error);
    this.pump();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The session cannot go on: the current and every queued request fail with `reason`; the process is stopped. */
  private stop(reason: ReadError): void {
    this.dead ??= reason;
    this.clearTimer();
    const all = [...(this.current ? [this.current] : []), ...this.queue.splice(0)];
    this.current = undefined;
    for (const p of all) p.reject(p.broken ?? reason);
    this.proc.kill();
  }

  private waitFor(kinds: string[], ms: number): Promise<Msg | "timeout" | "exit"> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve("timeout");
      }, ms);
      this.waiter = {
        kinds,
        resolve: (m) => {
          clearTimeout(timer);
          this.waiter = undefined;
          resolve(m.kind === "EXIT" ? "exit" : m);
        },
      };
    });
  }

  // ----- what PowerShell prints -----

  /** One protocol line (already split off and size-checked). */
  onMessage(m: Msg): void {
    if (this.waiter && (this.waiter.kinds.includes(m.kind) || m.kind === "EXIT")) return this.waiter.resolve(m);
    const p = this.current;
    if (!p || m.id !== p.id) return;
    p.bytes += m.bytes;
    if (p.bytes > (this.o.maxReplyBytes ?? 256 * 1024 * 1024)) p.broken ??= new ReadError("failed", `PowerShell's answer to ${p.label} is larger than ${Math.round((this.o.maxReplyBytes ?? 256 * 1024 * 1024) / 1048576)} MB`);
    switch (m.kind) {
      case "ROW":
        if (!p.broken) {
          if (m.payload && typeof m.payload === "object" && !Array.isArray(m.payload)) p.rows.push(m.payload as Record<string, unknown>);
          else p.broken = new ReadError("failed", `PowerShell's answer to ${p.label} was not a list of objects`);
        }
        return;
      case "END":
        if (typeof m.payload !== "number" || m.payload !== p.rows.length) p.broken ??= new ReadError("failed", `PowerShell's answer to ${p.label} was incomplete`);
        return this.finish(p, { ok: true });
      case "GRAPH":
        return this.finish(p, { ok: true, graph: m.payload });
      case "ERR":
        return this.finish(p, { ok: false, error: this.errorOf(p, m.payload) });
      default:
        p.broken ??= new ReadError("failed", `PowerShell's answer to ${p.label} could not be read`);
    }
  }

  /** A line that starts like the protocol but cannot be read: the current request fails (the session goes on). */
  onBadLine(reason: string): void {
    const p = this.current;
    if (p) p.broken ??= new ReadError("failed", `PowerShell's answer to ${p.label} ${reason}`);
  }

  /** Anything else PowerShell or a module printed: device-code messages are passed on as they come. */
  onTalk(line: string): void {
    const text = line.trim();
    if (text === "") return;
    this.talk.push(text.slice(0, 300));
    if (this.talk.length > 5) this.talk.shift();
    if (/devicelogin|device ?code/i.test(text) && this.signingIn) {
      const dc = parseDeviceCode(text);
      this.o.onSignIn?.(this.signingIn, dc ? { device: true, ...dc } : { device: true, raw: text.slice(0, 300) });
    }
  }

  onExit(): void {
    if (this.waiter) return this.waiter.resolve({ kind: "EXIT", id: 0, payload: null, bytes: 0 });
    this.stop(new ReadError("failed", `${this.shell} ended unexpectedly${this.lastTalk() ? ` (${this.lastTalk()})` : ""}`));
  }

  private errorOf(p: Pending, payload: unknown): ReadError {
    const e = (payload ?? {}) as { status?: unknown; message?: unknown; detail?: unknown };
    const message = typeof e.message === "string" ? e.message : "error";
    if (p.label.startsWith("GET ")) {
      const status = typeof e.status === "number" && e.status >= 400 ? e.status : statusFromMessage(message);
      if (status) {
        const r = errorFromResponse(status, typeof e.detail === "string" ? e.detail : "", 0);
        return new ReadError(r.kind, cleanReason(r.reason), { status, ...(r.serverCode ? { serverCode: r.serverCode } : {}) });
      }
      return new ReadError("failed", cleanReason(message));
    }
    return classifyExchangeError(new ReadError("failed", cleanReason(message)));
  }
}

/** Text from PowerShell or a module: one line, secrets redacted, control characters shown visibly, short. */
function cleanReason(s: string): string {
  return cleanRaw(safeText(s));
}

const SERVICE_NAMES: Record<PwshService, string> = { exchange: "Exchange Online (Connect-ExchangeOnline)", graph: "Microsoft Graph (Connect-MgGraph)" };

function modulesError(shell: string, missing: ReturnType<typeof missingModules>): AppError {
  return new AppError({
    type: "unavailable",
    code: "pwsh.modules",
    key: "live.err.pwshModules",
    params: {
      shell,
      modules: missing.map((m) => (m.found ? `${m.module} ${m.found} < ${m.needed}` : m.module)).join(", "),
      commands: missing.map((m) => m.command).join("; "),
    },
  });
}

function notFoundError(): AppError {
  return new AppError({ type: "unavailable", code: "pwsh.missing", key: "live.err.pwshMissing" });
}

/** Invoke-MgGraphRequest's "Response status code does not indicate success: Forbidden (Forbidden)." */
function statusFromMessage(message: string): number | undefined {
  const names: Record<string, number> = { badrequest: 400, unauthorized: 401, forbidden: 403, notfound: 404, toomanyrequests: 429, internalservererror: 500, serviceunavailable: 503 };
  const m = /status code does not indicate success:?\s*(\d{3}|[A-Za-z]+)/i.exec(message)?.[1];
  if (!m) return undefined;
  return /^\d+$/.test(m) ? Number(m) : names[m.toLowerCase()];
}

/**
 * Starts one candidate and waits for its ENV line. "not-found" when the program does not exist;
 * an AppError when it starts but does not report within the start timeout or ends first.
 */
async function startOne(o: Pick<PwshSessionOptions, "spawn" | "timeouts" | "maxLineBytes">, file: string, args: string[]): Promise<"not-found" | { shell: string; env: Env; proc: SpawnedShell; attach: (s: PwshSession) => void }> {
  const maxLine = o.maxLineBytes ?? 32 * 1024 * 1024;
  let session: PwshSession | undefined;
  const early: string[] = [];
  let envResolve: ((v: Env | "exit" | "not-found") => void) | undefined;
  const envP = new Promise<Env | "exit" | "not-found">((r) => (envResolve = r));
  const line = (text: string, bytes: number) => {
    if (!text.startsWith("SAD1 ")) {
      if (session) session.onTalk(text);
      else early.push(text.slice(0, 300));
      return;
    }
    const m = LINE_RE.exec(text.replace(/\r$/, ""));
    if (!m) return session?.onBadLine("could not be read (not in the expected form)");
    let payload: unknown;
    try {
      payload = JSON.parse(m[3] as string);
    } catch {
      return session?.onBadLine("could not be read (malformed JSON)");
    }
    const msg: Msg = { kind: m[1] as string, id: Number(m[2]), payload, bytes };
    if (!session) {
      if (msg.kind === "ENV") envResolve?.(readEnv(payload));
      return;
    }
    session.onMessage(msg);
  };
  const stdout = lineSplitter(maxLine, line, (n) => session?.onBadLine(`is larger than ${Math.round(n / 1048576)} MB`));
  const stderr = lineSplitter(64 * 1024, (text) => (session ? session.onTalk(text) : early.push(text.slice(0, 300))), () => undefined);
  const proc = o.spawn(file, args, {
    stdout,
    stderr,
    exit: ({ notFound }) => {
      if (notFound) envResolve?.("not-found");
      else if (session) session.onExit();
      else envResolve?.("exit");
    },
  });
  let timer: NodeJS.Timeout | undefined;
  const env = await Promise.race([envP, new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), o.timeouts.pwshMs)))]);
  clearTimeout(timer);
  if (env === "not-found") return "not-found";
  if (env === "timeout") {
    proc.kill();
    throw new AppError({ type: "unavailable", code: "pwsh.start-timeout", key: "live.err.pwshStartTimeout", params: { shell: file, seconds: seconds(o.timeouts.pwshMs) } });
  }
  if (env === "exit") {
    const detail = cleanReason(early.slice(-2).join(" / "));
    throw new AppError({ type: "unavailable", code: "pwsh.exited", key: "live.err.pwshExited", params: { shell: file }, ...(detail ? { detail } : {}) });
  }
  const shell = `${file} ${env.ps}`.slice(0, 60);
  return {
    shell,
    env,
    proc,
    attach: (s) => {
      session = s;
      for (const text of early) s.onTalk(text);
    },
  };
}

function readEnv(payload: unknown): Env | "exit" {
  const p = (payload ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim().slice(0, 40) : null);
  return { ps: str(p.ps) ?? "?", edition: str(p.edition) ?? (str(p.ps)?.startsWith("5.") ? "Desktop" : "Core"), exchange: str(p.exchange), graph: str(p.graph) };
}

/** Splits a byte stream into lines (LF or CRLF), UTF-8; a line over `max` bytes is dropped whole and reported once. */
export function lineSplitter(max: number, onLine: (text: string, bytes: number) => void, onTooLong: (bytes: number) => void): (chunk: Buffer) => void {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  return (chunk) => {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      const end = nl === -1 ? chunk.length : nl;
      const piece = chunk.subarray(start, end);
      if (!skipping) {
        size += piece.length;
        if (size > max) {
          skipping = true;
          parts = [];
          onTooLong(max);
        } else parts.push(piece);
      }
      if (nl === -1) return;
      if (!skipping) onLine(Buffer.concat(parts).toString("utf8").replace(/\r$/, ""), size);
      parts = [];
      size = 0;
      skipping = false;
      start = nl + 1;
    }
  };
}
