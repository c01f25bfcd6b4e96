// The case file, format v1: what is known about one sending device and its account.
// A fact that is absent is unknown. `null` is a value of its own where the setting has three
// states (the mailbox switch: null = follow the organization; policies: null = none assigned).
import { z } from "zod";

export const CASE_SCHEMA_ID = "smtp-auth-doctor/case@1";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD").refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, "not a real calendar date");

const text = z.string().max(4096);

export const AuthPolicySchema = z
  .object({
    name: z.string().min(1).max(256),
    allowBasicAuthSmtp: z.boolean(),
  })
  .strict();

/** One sign-in record of the account with client app "Authenticated SMTP" (Entra sign-in log). */
export const SignInSchema = z
  .object({
    at: z.string().max(64),
    errorCode: z.number().int(),
    failureReason: text.optional(),
    ipAddress: z.string().max(64).optional(),
    conditionalAccessStatus: z.string().max(64).optional(),
  })
  .strict();

export const DeviceSchema = z
  .object({
    host: z.string().max(255).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    security: z.enum(["starttls", "tls", "none"]).optional(),
    tlsVersion: z.enum(["1.0", "1.1", "1.2", "1.3"]).optional(),
    auth: z.enum(["basic", "oauth", "none"]).optional(),
    authMechanism: z.enum(["LOGIN", "PLAIN", "XOAUTH2", "CRAM-MD5", "NTLM"]).optional(),
    username: z.string().max(320).optional(),
    from: z.string().max(320).optional(),
    reply: z.string().max(65536).optional(),
    /** Can the device (firmware/app) authenticate with OAuth 2.0 (XOAUTH2)? */
    oauthSupported: z.boolean().optional(),
    /** For OAuth: a user's delegated token (device code / auth code) or an app-only token (client credentials). */
    oauthFlow: z.enum(["delegated", "app"]).optional(),
  })
  .strict();

export const TenantSchema = z
  .object({
    smtpClientAuthenticationDisabled: z.boolean().optional(),
    securityDefaultsEnabled: z.boolean().optional(),
    oauth2ClientProfileEnabled: z.boolean().optional(),
    defaultAuthenticationPolicy: AuthPolicySchema.nullable().optional(),
    /** After Microsoft's end-of-December-2026 change: has an admin switched Basic auth for SMTP AUTH back on? */
    basicAuthSmtpReenabled: z.boolean().optional(),
    /** Does the tenant have Entra ID P1 (needed for Conditional Access and sign-in logs)? */
    entraIdP1: z.boolean().optional(),
    /** Get-OrganizationConfig RejectDirectSend. */
    rejectDirectSend: z.boolean().optional(),
    /** Get-TransportConfig AllowLegacyTLSClients (smtp-legacy.office365.com opt-in). */
    allowLegacyTlsClients: z.boolean().nullable().optional(),
    tenantId: z.string().max(64).optional(),
  })
  .strict();

export const OAuthAppSchema = z
  .object({
    /** Exchange knows the app: New-ServicePrincipal was run with the enterprise application's object id. */
    servicePrincipalRegistered: z.boolean().optional(),
    /** The app's service principal has FullAccess on the mailbox it sends as (Get-MailboxPermission). */
    mailboxPermission: z.boolean().optional(),
    /** SMTP.SendAsApp (app-only) or SMTP.Send (delegated) is granted with admin consent. */
    permissionConsented: z.boolean().optional(),
  })
  .strict();

export const AccountSchema = z
  .object({
    smtpClientAuthenticationDisabled: z.boolean().nullable().optional(),
    recipientTypeDetails: z.string().max(64).optional(),
    exchangeLicensed: z.boolean().optional(),
    accountEnabled: z.boolean().optional(),
    perUserMfaState: z.enum(["disabled", "enabled", "enforced"]).optional(),
    authenticationPolicy: AuthPolicySchema.nullable().optional(),
    legacyAuthBlockedByConditionalAccess: z.boolean().optional(),
    sendAs: z.boolean().optional(),
    passwordExpired: z.boolean().optional(),
    oauthApp: OAuthAppSchema.optional(),
    /** Recent Entra sign-ins with client app "Authenticated SMTP", newest first. */
    signIns: z.array(SignInSchema).max(1000).optional(),
  })
  .strict();

/** What the SMTP probe measured from the support person's PC (issue: probe). */
export const ProbeSchema = z
  .object({
    host: z.string().max(255),
    port: z.number().int().min(1).max(65535),
    at: z.string().max(64),
    reachable: z.boolean().optional(),
    starttlsOffered: z.boolean().optional(),
    tlsVersion: z.string().max(16).optional(),
    tlsVersionsAccepted: z.array(z.string().max(16)).max(8).optional(),
    mechanismsBeforeTls: z.array(z.string().max(32)).max(32).optional(),
    mechanismsAfterTls: z.array(z.string().max(32)).max(32).optional(),
    /** The TLS handshake after STARTTLS failed or the certificate was not trusted: the error code (e.g. CERT_HAS_EXPIRED). */
    tlsError: z.string().max(512).optional(),
    finalReply: z.string().max(4096).optional(),
  })
  .strict();

export const SourceKindSchema = z.enum(["live", "probe", "answer", "assumed", "whatif", "file", "flag"]);

/** Where one fact came from. Keyed by fact path in `sources`. */
export const ProvenanceSchema = z
  .object({
    kind: SourceKindSchema,
    endpoint: z.string().max(512).optional(),
    at: z.string().max(64).optional(),
    note: z.string().max(1024).optional(),
    /** what-if only: the value before it was changed here (JSON value; "absent" when it was unknown). */
    original: z.unknown().optional(),
  })
  .strict();

export const CaseSchema = z
  .object({
    schema: z.literal(CASE_SCHEMA_ID),
    asOf: isoDate.optional(),
    title: z.string().max(256).optional(),
    device: DeviceSchema.optional(),
    tenant: TenantSchema.optional(),
    account: AccountSchema.optional(),
    probe: ProbeSchema.optional(),
    /** Provenance per fact path, e.g. { "tenant.securityDefaultsEnabled": { kind: "live", endpoint: "…", at: "…" } }. */
    sources: z.record(z.string().max(128), ProvenanceSchema).optional(),
    /** True when any fact was changed in what-if mode: the case describes a hypothesis, not the tenant. */
    hypothetical: z.boolean().optional(),
  })
  .strict();

export type Case = z.infer<typeof CaseSchema>;
export type Device = z.infer<typeof DeviceSchema>;
export type Tenant = z.infer<typeof TenantSchema>;
export type Account = z.infer<typeof AccountSchema>;
export type AuthPolicy = z.infer<typeof AuthPolicySchema>;
export type SignIn = z.infer<typeof SignInSchema>;
export type Probe = z.infer<typeof ProbeSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type SourceKind = z.infer<typeof SourceKindSchema>;

export function emptyCase(): Case {
  return { schema: CASE_SCHEMA_ID };
}
