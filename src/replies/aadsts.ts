// Microsoft Entra ID's sign-in error codes (AADSTS…): the one table of what each code means, read by the
// live sign-in (src/live/auth-errors.ts, for its own token requests) and by the reply parser (a device's or
// an app's token request that failed at Entra before any SMTP, pasted with its log). Codes from Microsoft's
// AADSTS error-code reference (domain.md S24).

/** What an AADSTS code says went wrong. */
export type EntraErrorKind =
  | "app-not-found"
  | "bad-secret"
  | "secret-expired"
  | "bad-certificate"
  | "user-not-in-tenant"
  | "consent-required"
  | "tenant-not-found"
  | "public-client-disabled"
  | "device-code-expired"
  | "declined"
  | "busy"
  | "refresh-token-expired"
  | "sign-in-frequency"
  | "redirect-uri-mismatch"
  | "scope-missing";

/** Each kind's codes (the number after "AADSTS"). */
export const ENTRA_ERRORS: Readonly<Record<EntraErrorKind, readonly number[]>> = {
  "app-not-found": [700016],
  "bad-secret": [7000215],
  "secret-expired": [7000222],
  "bad-certificate": [700027, 700024],
  "user-not-in-tenant": [50020],
  "consent-required": [65001],
  "tenant-not-found": [90002, 900023],
  "public-client-disabled": [7000218],
  "device-code-expired": [70020],
  "declined": [70000],
  "busy": [90033],
  // 700082: unused for 90 days; 70008: expired or revoked; 50173: the grant expired (a password change or revocation).
  "refresh-token-expired": [700082, 70008, 50173],
  // Conditional Access's sign-in frequency: the refresh token (70043) or the session (70044) is older than the policy allows.
  "sign-in-frequency": [70043, 70044],
  // The reply (redirect) URI sent is not the registered one (500112: not the one of the authorization request).
  "redirect-uri-mismatch": [500112, 50011],
  // The token request lacks `scope`.
  "scope-missing": [900144],
};

const KIND_OF = new Map<number, EntraErrorKind>(Object.entries(ENTRA_ERRORS).flatMap(([kind, codes]) => codes.map((c) => [c, kind as EntraErrorKind] as const)));

const CODE = /\bAADSTS(\d{5,7})\b/g;

/** The AADSTS codes in a text, in order, each once. */
export function entraCodes(text: string): number[] {
  if (!text.includes("AADSTS")) return [];
  return [...new Set([...text.matchAll(CODE)].map((m) => Number(m[1])))];
}

/** What an AADSTS code means, if this table knows it. */
export function entraKind(code: number): EntraErrorKind | undefined {
  return KIND_OF.get(code);
}

/** Whether a text holds an AADSTS code of this kind. */
export function hasEntraError(text: string, kind: EntraErrorKind): boolean {
  return entraCodes(text).some((c) => KIND_OF.get(c) === kind);
}
