// msal-node's network module, replaced by ours: every request it makes (authority discovery, the
// device-code request, token requests and device-code polling) gets a timeout, and the last failure
// is remembered with its step and host, so that the error the person sees names both — instead of
// msal-node's generic "network_error" (whose POST requests have no timeout at all: a stalled
// authority kept the CLI silent for five minutes).
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";

export type SignInStep = "discovery" | "deviceCode" | "token" | "polling";

export interface SignInFailure {
  step: SignInStep;
  host: string;
  kind: "timeout" | "unreachable" | "unreadable";
  /** unreachable: the system's error code (ECONNREFUSED, ENOTFOUND, CERT_…); never a secret. */
  cause?: string;
  timeoutMs: number;
}

export class SignInNetworkError extends Error {
  constructor(readonly failure: SignInFailure) {
    super(`sign-in ${failure.step} at ${failure.host}: ${failure.kind}${failure.cause ? ` (${failure.cause})` : ""}`);
    this.name = "SignInNetworkError";
  }
}

/** Which step of the sign-in a request to the authority belongs to. */
export function stepOf(url: string, polling: boolean): SignInStep {
  const path = new URL(url).pathname;
  if (/\/devicecode$/i.test(path)) return "deviceCode";
  if (/\/token$/i.test(path)) return polling ? "polling" : "token";
  return "discovery";
}

export class TimedNetworkClient implements INetworkModule {
  /** The most recent request that failed (cleared by a success), for the error message. */
  lastFailure: SignInFailure | undefined;
  /** Set once the device code was shown: token requests from then on are the polling. */
  polling = false;

  constructor(private readonly timeoutMs: number) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>(url, "GET", options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>(url, "POST", options, undefined);
  }

  private async send<T>(url: string, method: "GET" | "POST", options: NetworkRequestOptions | undefined, timeout: number | undefined): Promise<NetworkResponse<T>> {
    const step = stepOf(url, this.polling);
    const host = new URL(url).host;
    const ms = timeout !== undefined && timeout > 0 ? Math.min(timeout, this.timeoutMs) : this.timeoutMs;
    const fail = (kind: SignInFailure["kind"], cause?: string): never => {
      this.lastFailure = { step, host, kind, timeoutMs: ms, ...(cause ? { cause } : {}) };
      throw new SignInNetworkError(this.lastFailure);
    };
    let text: string;
    let res: Response;
    try {
      // The body is read under the same signal: a server that sends headers and then stalls is bounded too.
      res = await globalThis.fetch(url, { method, headers: options?.headers ?? {}, ...(method === "POST" ? { body: options?.body ?? "" } : {}), signal: AbortSignal.timeout(ms) });
      text = await res.text();
    } catch (e) {
      const err = e as { name?: string; cause?: { code?: unknown } };
      if (err.name === "TimeoutError" || err.name === "AbortError") return fail("timeout");
      const code = typeof err.cause?.code === "string" ? err.cause.code : undefined;
      return fail("unreachable", code);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return fail("unreadable", `HTTP ${res.status}`);
    }
    this.lastFailure = undefined;
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    return { headers, body: body as T, status: res.status };
  }
}
