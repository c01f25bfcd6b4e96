// The one HTTP client of the live side, over fetch: a timeout per request, bounded retries on 429
// and 503 honouring Retry-After, one silent token re-acquire on 401, and every failure turned into
// a ReadError with a short reason that never contains a token.
import { JsonTooDeep, parseJsonBounded } from "../case/json-limits.js";
import { redactSecrets } from "../case/redact.js";
import { ReadError, type HttpClient, type HttpRequest, type HttpResponse, type TokenProvider } from "./types.js";

export interface FetchHttpClientOptions {
  tokens: TokenProvider;
  /** Per-request timeout, headers and body included. Default 30 s. */
  timeoutMs?: number;
  /** Retries after 429/503. Default 3. */
  maxRetries?: number;
  /** Total time the client may spend waiting between retries of one request. Default 60 s. */
  maxRetryWaitMs?: number;
  /** Largest response body accepted. Default 20 MB. */
  maxBodyBytes?: number;
  userAgent?: string;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Aborts every request (the session is over: a deadline passed). */
  signal?: AbortSignal;
  /** Called for every HTTP exchange (for benchmarks and tests): the URL and the time it took. */
  onExchange?: (info: { method: string; url: string; status: number | "error"; ms: number }) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const abortableSleep = (signal: AbortSignal) => (ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

export class FetchHttpClient implements HttpClient {
  private readonly o: Required<Omit<FetchHttpClientOptions, "onExchange" | "userAgent" | "signal">> & Pick<FetchHttpClientOptions, "onExchange" | "userAgent" | "signal">;

  constructor(opts: FetchHttpClientOptions) {
    this.o = {
      timeoutMs: 30_000,
      maxRetries: 3,
      maxRetryWaitMs: 60_000,
      maxBodyBytes: 20 * 1024 * 1024,
      fetchImpl: (input, init) => fetch(input, init),
      // A wait for Retry-After ends early when the session is stopped.
      sleep: opts.signal ? abortableSleep(opts.signal) : defaultSleep,
      ...opts,
    };
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    let retries = 0;
    let waited = 0;
    let refreshed = false;
    let forceRefresh = false;
    for (;;) {
      const token = await this.o.tokens.getToken(req.resource, forceRefresh ? { forceRefresh: true } : undefined);
      forceRefresh = false;
      const { status, headers, text } = await this.send(req, token);
      if (status >= 200 && status < 300) return { status, json: parseJson(text, status) };
      if (status === 401 && !refreshed) {
        refreshed = true;
        forceRefresh = true;
        continue;
      }
      if ((status === 429 || status === 503) && retries < this.o.maxRetries) {
        const wait = retryAfterMs(headers.get("retry-after")) ?? Math.min(1000 * 2 ** retries, 8000);
        if (waited + wait > this.o.maxRetryWaitMs) {
          throw new ReadError("failed", `HTTP ${status}; the server asked to wait ${Math.ceil(wait / 1000)} s, longer than allowed`, { status });
        }
        retries++;
        waited += wait;
        await this.o.sleep(wait);
        continue;
      }
      throw errorFromResponse(status, text, retries);
    }
  }

  private async send(req: HttpRequest, token: string): Promise<{ status: number; headers: Headers; text: string }> {
    const headers: Record<string, string> = {
      Accept: "application/json",
      Authorization: `Bearer ${token}`,
      ...(this.o.userAgent ? { "User-Agent": this.o.userAgent } : {}),
      ...req.headers,
    };
    let body: string | undefined;
    if (req.body !== undefined) {
      body = JSON.stringify(req.body);
      headers["Content-Type"] = "application/json; charset=utf-8";
    }
    const started = performance.now();
    const signal = this.o.signal ? AbortSignal.any([AbortSignal.timeout(this.o.timeoutMs), this.o.signal]) : AbortSignal.timeout(this.o.timeoutMs);
    let status: number | "error" = "error";
    try {
      // Never follow a redirect with the bearer token; a 3xx is reported as a failure.
      const res = await this.o.fetchImpl(req.url, { method: req.method, headers, body, signal, redirect: "manual" });
      status = res.status;
      const text = await readBody(res, this.o.maxBodyBytes);
      return { status: res.status, headers: res.headers, text };
    } catch (e) {
      if (e instanceof ReadError) throw e;
      if (this.o.signal?.aborted) throw new ReadError("failed", "stopped: the session ended");
      throw networkError(e, this.o.timeoutMs);
    } finally {
      this.o.onExchange?.({ method: req.method, url: req.url, status, ms: performance.now() - started });
    }
  }
}

async function readBody(res: Response, limit: number): Promise<string> {
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw new ReadError("failed", `the response is larger than ${limit} bytes`, { status: res.status });
  if (!res.body) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ReadError("failed", `the response is larger than ${limit} bytes`, { status: res.status });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function networkError(e: unknown, timeoutMs: number): ReadError {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError" || err.name === "AbortError") return new ReadError("failed", `no complete answer within ${Math.round(timeoutMs / 1000)} s (timed out)`);
  const code = err.cause?.code;
  if (err.message === "terminated" || code === "UND_ERR_SOCKET") return new ReadError("failed", "the response was cut off before it was complete");
  if (code) return new ReadError("failed", `could not connect (${code})`);
  return new ReadError("failed", `network error (${clean(err.cause?.message ?? err.message ?? "unknown")})`);
}

function parseJson(text: string, status: number): unknown {
  if (text.trim() === "") return null;
  try {
    return parseJsonBounded(text);
  } catch (e) {
    if (e instanceof JsonTooDeep) throw new ReadError("failed", `the response nests more than ${e.limit} levels deep (not a Microsoft answer)`, { status });
    throw new ReadError("failed", "the response was not valid JSON (malformed or cut off)", { status });
  }
}

/** Retry-After: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  if (!Number.isNaN(date)) return Math.max(0, date - now);
  return undefined;
}

/** The server's error code and message from a Graph or Exchange error body, if any. */
export function serverError(text: string): { code?: string; message?: string } {
  let data: unknown;
  try {
    data = parseJsonBounded(text);
  } catch {
    return {};
  }
  const error = (data as { error?: unknown } | null)?.error;
  if (!error || typeof error !== "object") return {};
  const e = error as { code?: unknown; message?: unknown; details?: unknown; innererror?: { internalException?: { message?: unknown } } };
  const details = e.details && typeof e.details === "object" && !Array.isArray(e.details) ? (e.details as { message?: unknown }).message : undefined;
  const inner = e.innererror?.internalException?.message;
  const message = [inner, details, e.message].find((m): m is string => typeof m === "string" && m.length > 0);
  return { ...(typeof e.code === "string" ? { code: e.code } : {}), ...(message ? { message: clean(message) } : {}) };
}

export function errorFromResponse(status: number, text: string, retries: number): ReadError {
  const { code, message } = serverError(text);
  const what = [code, message].filter(Boolean).join(": ");
  const suffix = what ? ` (${what})` : "";
  const opts = { status, ...(code ? { serverCode: code } : {}) };
  if (code === "Authentication_RequestFromNonPremiumTenantOrB2CTenant") return new ReadError("no-premium", `HTTP ${status}${suffix}`, opts);
  if (status === 403) return new ReadError("denied", `HTTP 403${suffix}`, opts);
  if (status === 401) return new ReadError("failed", `HTTP 401: the token was refused twice${suffix}`, opts);
  if (status === 404) return new ReadError("not-found", `HTTP 404${suffix}`, opts);
  if (status === 429 || status === 503) return new ReadError("failed", `HTTP ${status} after ${retries} retries${suffix}`, opts);
  return new ReadError("failed", `HTTP ${status}${suffix}`, opts);
}

function clean(s: string): string {
  const one = redactSecrets(s).replace(/\s+/g, " ").trim();
  return one.length > 200 ? `${one.slice(0, 197)}...` : one;
}
export { clean as cleanReason };
