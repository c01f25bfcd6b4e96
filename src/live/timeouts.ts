// Every wait of the live side has a bound, and each bound can be changed by an environment variable
// (slow links; tests that must not wait for the real defaults). Light: no msal-node, no execa.
import { badInput } from "../errors.js";

export interface LiveTimeouts {
  /** One HTTP request (sign-in, Microsoft Graph, Exchange Online), headers and body. */
  requestMs: number;
  /** The whole interactive sign-in: the person finishing the device-code or browser sign-in. */
  signInMs: number;
  /** Starting PowerShell and finding its modules; then each cmdlet or Graph request through PowerShell. */
  pwshMs: number;
}

/** The defaults the README's guarantees section states. */
export const DEFAULT_TIMEOUTS: Readonly<LiveTimeouts> = { requestMs: 30_000, signInMs: 900_000, pwshMs: 120_000 };

const ENV: Record<keyof LiveTimeouts, string> = {
  requestMs: "SMTP_AUTH_DOCTOR_REQUEST_TIMEOUT",
  signInMs: "SMTP_AUTH_DOCTOR_SIGNIN_TIMEOUT",
  pwshMs: "SMTP_AUTH_DOCTOR_PWSH_TIMEOUT",
};

/** Seconds (a decimal is allowed, at most one day) → milliseconds; anything else is bad input (exit 2). */
export function parseSeconds(value: string, name: string): number {
  const v = value.trim();
  const n = /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n) || n <= 0 || n > 86_400) throw badInput("args.timeout", "live.err.timeout", { name, value: v.slice(0, 40) });
  return Math.max(1, Math.round(n * 1000));
}

/** The timeouts in force: the defaults, each replaced by its environment variable when set. */
export function liveTimeouts(env: NodeJS.ProcessEnv): LiveTimeouts {
  const out = { ...DEFAULT_TIMEOUTS };
  for (const key of Object.keys(ENV) as (keyof LiveTimeouts)[]) {
    const raw = env[ENV[key]];
    if (raw !== undefined && raw.trim() !== "") out[key] = parseSeconds(raw, ENV[key]);
  }
  return out;
}

/** Whole seconds for a message ("30 s"), at least 1. */
export function seconds(ms: number): number {
  return Math.max(1, Math.round(ms / 1000));
}
