// Microsoft Entra ID's sign-in error codes (AADSTS…): the one table of what each code means, read by the
// live sign-in (src/live/auth-errors.ts, for its own token requests) and by the reply parser (a device's or
// an app's token request that failed at Entra before any SMTP, pasted with its log). Codes from Microsoft's
// AADSTS error-code reference (domain.md S24).
import type { NoteKey } from "../engine/keys.js";
import type { CauseId } from "../engine/types.js";

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
  | "scope-missing"
  | "mfa-required"
  | "ca-blocked"
  | "bad-password"
  | "account-locked"
  | "account-disabled"
  | "password-expired"
  | "not-multi-tenant"
  | "spa-redirect"
  | "scope-invalid";

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
  // The user's own sign-in, in a token request that carries the user's password (the resource-owner password grant) or
  // at an interactive sign-in (domain.md §4 C8, sixth hunt #01): MFA required (50079: registration required), a Conditional
  // Access policy's block, a wrong password, smart lockout, a disabled account, an expired password.
  "mfa-required": [50076, 50074, 50079],
  "ca-blocked": [53003],
  "bad-password": [50126],
  "account-locked": [50053],
  "account-disabled": [50057],
  "password-expired": [50055],
  // An app registered for one organization asked at the /common endpoint (thirteenth hunt #11, #12: email-oauth2-proxy, FluentSMTP).
  "not-multi-tenant": [50194],
  // The app redeems its code on a server, but its redirect URI is registered under "Single-page application" (PKCE required
  // for cross-origin redemption; thirteenth hunt #13, FluentSMTP).
  "spa-redirect": [9002325],
  // The scope names a resource the tenant does not have (500011: "The resource principal named … was not found in the tenant"),
  // or is not valid (70011: "The provided value for the input parameter 'scope' is not valid"; thirteenth hunt #14, #15).
  "scope-invalid": [500011, 70011],
};

/**
 * The same errors' own words, as apps show them without the code (thirteenth hunt #12, #14, #15: refused as no reply): each
 * phrase, as Entra ID writes it, and the code it stands for.
 */
const ENTRA_WORDS: ReadonlyArray<readonly [string, number]> = [
  ["is not configured as a multi-tenant application", 50194],
  ["Proof Key for Code Exchange is required for cross-origin authorization code redemption", 9002325],
  ["was not found in the tenant named", 500011],
  ["The provided value for the input parameter 'scope' is not valid", 70011],
  // 50011 as the sign-in log's "Failure reason" shows it, even with its placeholders ("The {redirectTerm} '{replyAddress}' specified
  // in the request does not match the {redirectTerm}s configured for the application …"; sixteenth hunt #6, FluentSMTP: refused as
  // no reply): the redirect (reply) URI sent is not one registered on the app.
  ["specified in the request does not match the", 50011],
];

/** Does the text hold an AADSTS code, or the words of one (ENTRA_WORDS)? */
export function mayHoldEntraError(text: string): boolean {
  if (text.includes("AADSTS")) return true;
  // Each phrase is looked for only where a short word of it with a rare first character is (ENTRA_HINTS): most texts hold
  // none, and a search for a long phrase that starts with a common letter costs more than one for a short word.
  for (let i = 0; i < ENTRA_WORDS.length; i++) if (text.includes(ENTRA_HINTS[i] as string) && text.includes((ENTRA_WORDS[i] as readonly [string, number])[0])) return true;
  return false;
}

/** A short word of each phrase of ENTRA_WORDS, in the same order (a phrase that does not hold its word is its own). */
const ENTRA_HINTS: readonly string[] = ENTRA_WORDS.map(([words], i) => {
  const hint = ["-tenan", "Proof ", "found ", "'scope", "quest "][i];
  return hint !== undefined && words.includes(hint) ? hint : words;
});

/** Code → kind (ENTRA_ERRORS turned round), made on first use: only a text with an Entra error reads it, not every start (issue 15). */
let kindOf: Map<number, EntraErrorKind> | undefined;
function kindOfCode(code: number): EntraErrorKind | undefined {
  kindOf ??= new Map<number, EntraErrorKind>(Object.entries(ENTRA_ERRORS).flatMap(([kind, codes]) => codes.map((c) => [c, kind as EntraErrorKind] as const)));
  return kindOf.get(code);
}

const CODE = /\bAADSTS(\d{5,7})\b/g;

/** The AADSTS codes in a text, in order, each once. */
export function entraCodes(text: string): number[] {
  if (!text.includes("AADSTS")) return [];
  return [...new Set([...text.matchAll(CODE)].map((m) => Number(m[1])))];
}

/** What an AADSTS code means, if this table knows it. */
export function entraKind(code: number): EntraErrorKind | undefined {
  return kindOfCode(code);
}

/** Whether a text holds an AADSTS code of this kind. */
export function hasEntraError(text: string, kind: EntraErrorKind): boolean {
  return entraCodes(text).some((c) => kindOfCode(c) === kind);
}

/** One AADSTS error read from a pasted text: its code, what it means, and its line as the "reply" to show. */
export interface EntraError {
  code: number;
  kind?: EntraErrorKind;
  /** The error's own sentence: "AADSTS700082: The refresh token has expired due to inactivity. …" (no trace ids). */
  line: string;
}

/** Where an AADSTS description ends: an escaped or real line break, Entra's trace ids, the end of a JSON or Python string. */
const DESCRIPTION_END = /\\r\\n|\\n|[\r\n]|\s+Trace ID:|\s+Correlation ID:|"\s*[,}]|'\s*[,}]/;
const MAX_LINE = 300;

/** The AADSTS errors in one line of text, each code once, in order (or, without a code, the one its words name: ENTRA_WORDS). */
export function entraErrorsIn(text: string): EntraError[] {
  if (!text.includes("AADSTS")) return entraWordsIn(text);
  const out: EntraError[] = [];
  const seen = new Set<number>();
  for (const m of text.matchAll(CODE)) {
    const code = Number(m[1]);
    if (seen.has(code)) continue;
    seen.add(code);
    out.push(entraError(code, text.slice(m.index)));
  }
  return out;
}

/** An Entra error named by its words alone (ENTRA_WORDS): its code, and the text from the line's start as its line. */
function entraWordsIn(text: string): EntraError[] {
  const hit = ENTRA_WORDS.find(([words]) => text.includes(words));
  if (!hit) return [];
  return [entraError(hit[1], text)];
}

/** The error of `code` whose description starts `from`: the description up to its end (DESCRIPTION_END), on one line, cut to MAX_LINE. */
function entraError(code: number, from: string): EntraError {
  const end = DESCRIPTION_END.exec(from);
  let line = (end ? from.slice(0, end.index) : from).replace(/\s+/g, " ").trim();
  if (line.length > MAX_LINE) line = `${line.slice(0, MAX_LINE - 3)}...`;
  const kind = kindOfCode(code);
  return kind ? { code, kind, line } : { code, line };
}

/**
 * What a pasted AADSTS error points at, by its kind: a token to get again (the device's or app's authorisation), the
 * consent the app lacks, one of the app's own settings (with a note naming which), or Entra ID busy. A code not in the
 * table is read as "an Entra sign-in error before SMTP" without a cause.
 */
export const ENTRA_READING: Readonly<Record<EntraErrorKind, { candidates: readonly CauseId[]; notes: readonly NoteKey[] }>> = {
  "refresh-token-expired": { candidates: ["device-oauth-token"], notes: ["note.entra.reauthorise"] },
  "device-code-expired": { candidates: ["device-oauth-token"], notes: ["note.entra.reauthorise"] },
  "declined": { candidates: ["device-oauth-token"], notes: ["note.entra.reauthorise"] },
  "sign-in-frequency": { candidates: ["device-oauth-token"], notes: ["note.entra.signInFrequency"] },
  "consent-required": { candidates: ["oauth-misconfigured"], notes: ["note.entra.consent"] },
  "bad-secret": { candidates: ["oauth-client-settings"], notes: ["note.entra.secretValue"] },
  "secret-expired": { candidates: ["oauth-client-settings"], notes: ["note.entra.secretExpired"] },
  "bad-certificate": { candidates: ["oauth-client-settings"], notes: ["note.entra.certificate"] },
  "app-not-found": { candidates: ["oauth-client-settings"], notes: ["note.entra.appOrTenant"] },
  "tenant-not-found": { candidates: ["oauth-client-settings"], notes: ["note.entra.appOrTenant"] },
  "user-not-in-tenant": { candidates: ["oauth-client-settings"], notes: ["note.entra.userNotInTenant"] },
  "public-client-disabled": { candidates: ["oauth-client-settings"], notes: ["note.entra.publicClient"] },
  "redirect-uri-mismatch": { candidates: ["oauth-client-settings"], notes: ["note.entra.redirectUri"] },
  "scope-missing": { candidates: ["oauth-client-settings"], notes: ["note.entra.scope"] },
  "busy": { candidates: ["transient-service-error"], notes: [] },
  // The account's own sign-in refused in a token request made with its password (not the app's registration): the app asks
  // with the user's password, which cannot answer MFA (a flow that can, interactive or device code, or the app's own identity,
  // never "MFA off" for an OAuth app); a Conditional Access policy; the password itself.
  "mfa-required": { candidates: ["entra-user-sign-in-refused"], notes: ["note.entra.mfaRequired"] },
  "ca-blocked": { candidates: ["entra-user-sign-in-refused"], notes: ["note.entra.caBlocked"] },
  "bad-password": { candidates: ["entra-user-sign-in-refused"], notes: ["note.entra.badPassword"] },
  "account-locked": { candidates: ["account-locked"], notes: [] },
  "account-disabled": { candidates: ["account-disabled"], notes: [] },
  "password-expired": { candidates: ["entra-user-sign-in-refused"], notes: ["note.entra.passwordExpired"] },
  "not-multi-tenant": { candidates: ["oauth-client-settings"], notes: ["note.entra.tenantEndpoint"] },
  "spa-redirect": { candidates: ["oauth-client-settings"], notes: ["note.entra.spaRedirect"] },
  "scope-invalid": { candidates: ["oauth-client-settings"], notes: ["note.entra.scopeInvalid"] },
};
