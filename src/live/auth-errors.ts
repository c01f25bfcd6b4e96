// Sign-in failures from msal-node / Entra ID (AADSTS…) turned into AppErrors with a message in the
// user's language. The raw text is kept only as a detail line, with secrets removed.
import { redactSecrets } from "../case/redact.js";
import { AppError, isAppError } from "../errors.js";
import type { MessageKey } from "../i18n/index.js";
import { hasEntraError, type EntraErrorKind } from "../replies/aadsts.js";
import type { SignInFailure } from "./msal-network.js";

interface Rule {
  /** The AADSTS codes of this kind (the one table, src/replies/aadsts.ts). */
  kind?: EntraErrorKind;
  /** Other words of the same failure (msal's error codes, OAuth error names). */
  test?: (code: string, text: string) => boolean;
  key: MessageKey;
  code: string;
}

const RULES: Rule[] = [
  { kind: "app-not-found", key: "live.err.appNotFound", code: "signin.app-not-found" },
  { kind: "bad-secret", key: "live.err.badSecret", code: "signin.bad-secret" },
  { kind: "secret-expired", key: "live.err.secretExpired", code: "signin.secret-expired" },
  { kind: "bad-certificate", key: "live.err.badCertificate", code: "signin.bad-certificate" },
  { kind: "user-not-in-tenant", key: "live.err.userNotInTenant", code: "signin.user-not-in-tenant" },
  { kind: "consent-required", test: (_c, t) => /consent_required/.test(t), key: "live.err.consentRequired", code: "signin.consent-required" },
  { kind: "tenant-not-found", key: "live.err.tenantNotFound", code: "signin.tenant-not-found" },
  { kind: "public-client-disabled", key: "live.err.publicClient", code: "signin.public-client-disabled" },
  { kind: "device-code-expired", test: (c, t) => c === "device_code_expired" || /expired_token|code_expired/.test(t), key: "live.err.deviceCodeExpired", code: "signin.device-code-expired" },
  { kind: "declined", test: (c, t) => c === "device_code_polling_cancelled" || /authorization_declined/.test(t), key: "live.err.declined", code: "signin.declined" },
  { kind: "busy", test: (_c, t) => /temporarily_unavailable|ServiceUnavailable|TooManyRequests/.test(t), key: "live.err.authorityBusy", code: "signin.busy" },
  { test: (c, t) => c === "invalid_client" || /\binvalid_client\b/.test(t), key: "live.err.invalidClient", code: "signin.invalid-client" },
  { test: (c, t) => c === "unauthorized_client" || /\bunauthorized_client\b/.test(t), key: "live.err.unauthorizedClient", code: "signin.unauthorized-client" },
  {
    test: (c, t) => /network|endpoints_resolution_error|openid_config_error|ECONNREFUSED|ENOTFOUND|fetch failed|certificate|timeout/i.test(`${c} ${t}`),
    key: "live.err.authorityUnreachable",
    code: "signin.unreachable",
  },
];

export interface AuthErrorContext {
  /** The request of ours that failed last (timeout, unreachable), with its step and host. */
  failure?: SignInFailure | undefined;
  /** The device-code wait that was allowed, in seconds (for "not finished in time"). */
  signInSec?: number;
}

/**
 * The sign-in error as one clean line in the user's language. A request of ours that timed out or
 * could not connect is named by its step and host (no library text); everything else goes through
 * the AADSTS rules, with the library's text, without secrets, as the one detail line.
 */
export function translateAuthError(e: unknown, secrets: readonly string[] = [], context: AuthErrorContext = {}): AppError {
  if (isAppError(e)) return e;
  const err = e as { errorCode?: unknown; errorMessage?: unknown; subError?: unknown; message?: unknown; cause?: { code?: unknown } } | null;
  const code = typeof err?.errorCode === "string" ? err.errorCode : "";
  if (code === "user_timeout_reached") {
    return new AppError({ type: "unavailable", code: "signin.timeout", key: "live.err.signInTooLong", params: { minutes: Math.max(1, Math.round((context.signInSec ?? 900) / 60)) } });
  }
  const f = context.failure;
  if (f && !/AADSTS\d+/.test(String(err?.errorMessage ?? ""))) {
    const step = f.step;
    if (f.kind === "timeout") {
      return new AppError({ type: "unavailable", code: "signin.timeout", key: `live.err.signInTimeout.${step}`, params: { host: f.host, seconds: Math.max(1, Math.round(f.timeoutMs / 1000)) } });
    }
    return new AppError({ type: "unavailable", code: "signin.unreachable", key: `live.err.signInUnreachable.${step}`, params: { host: f.host, cause: f.cause ?? (f.kind === "unreadable" ? "not JSON" : "network") } });
  }
  // msal-node sometimes puts the server's error object itself into errorCode.
  const objectCode = err?.errorCode && typeof err.errorCode === "object" ? JSON.stringify(err.errorCode) : undefined;
  const text = [objectCode, err?.errorMessage, err?.subError, err?.message, err?.cause?.code].filter((x): x is string => typeof x === "string").join(" ");
  const rule = RULES.find((r) => (r.kind !== undefined && hasEntraError(text, r.kind)) || r.test?.(code, text) === true);
  const aadsts = /AADSTS\d+/.exec(text)?.[0];
  return new AppError({
    type: "unavailable",
    code: rule?.code ?? "signin.failed",
    key: rule?.key ?? "live.err.signInFailed",
    params: { code: aadsts ?? (code || "unknown") },
    detail: authDetail(`${code ? `${code}: ` : ""}${text}`, secrets),
  });
}

/** The raw text, one line, without secrets, trace ids kept (they help Microsoft support). */
export function authDetail(raw: string, secrets: readonly string[]): string {
  let s = raw;
  for (const secret of secrets) if (secret.length >= 4) s = s.split(secret).join("[redacted]");
  s = redactSecrets(s).replace(/-----BEGIN[^-]*-----[\s\S]*?-----END[^-]*-----/g, "[redacted]").replace(/\s+/g, " ").trim();
  return s.length > 400 ? `${s.slice(0, 397)}...` : s;
}
