// The case file's schemas in zod (./schema.ts exports them and the types they give, and builds them on first use through
// ./schema-load.ts): the fast part of the bundle sets this module and zod up only when they are first built (a valid case file
// never needs them: ./quick-check.ts), not at every start (scripts/build.mjs, lazySchemas; issue 15).
import * as z from "zod/mini";
import { isIsoDate } from "./dates.js";
import { CAUSE_IDS } from "../engine/types.js";
import { PHASE_IDS } from "../probe/types.js";
import { MODEL_MAX_LENGTH, VENDOR_IDS } from "../devices/ids.js";
import { AUTH_MECHANISMS, AUTH_MODES, CASE_SCHEMA_ID, DEVICE_TLS_VERSIONS, MFA_STATES, OAUTH_FLOWS, PROVIDER_IDS, REPLY_MAX_LENGTH, SECURITY_MODES, SOURCE_KINDS, WORKED_BEFORE, PROBE_CODE_MAX, PROBE_DETAIL_MAX, PROBE_MAX_PROBLEMS, PROBE_OUTCOMES } from "./values.js";

// One parse per run: compiling a fast path (new Function) costs more start-up time than it saves.
z.config({ jitless: true });

/**
 * The schemas, built on first use: building them takes a few milliseconds, which only the commands
 * that read a case file (or a policy given to what-if) should pay at start.
 */
export function build() {
  const isoDate = z.string().check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD"),
    z.refine(isIsoDate, "not a real calendar date"),
  );

  const str = (max: number) => z.string().check(z.maxLength(max));
  const text = str(4096);
  const int = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
  const opt = z.optional;

  const provider = z.enum(PROVIDER_IDS);
  /** The day the Microsoft 365 tenant was created (Graph organization createdDateTime): tenants created after December 2026 have Basic SMTP AUTH unavailable by default. */
  const tenantCreatedDate = isoDate;

  const AuthPolicySchema = z.strictObject({
    name: z.string().check(z.minLength(1), z.maxLength(256)),
    allowBasicAuthSmtp: z.boolean(),
  });

  /** One sign-in record of the account with client app "Authenticated SMTP" (Entra sign-in log). */
  const SignInSchema = z.strictObject({
    at: str(64),
    errorCode: z.number().check(z.int()),
    failureReason: opt(text),
    ipAddress: opt(str(64)),
    conditionalAccessStatus: opt(str(64)),
  });

  const DeviceSchema = z.strictObject({
    host: opt(str(255)),
    port: opt(int(1, 65535)),
    security: opt(z.enum(SECURITY_MODES)),
    tlsVersion: opt(z.enum(DEVICE_TLS_VERSIONS)),
    auth: opt(z.enum(AUTH_MODES)),
    authMechanism: opt(z.enum(AUTH_MECHANISMS)),
    username: opt(str(320)),
    from: opt(str(320)),
    reply: opt(str(REPLY_MAX_LENGTH)),
    /** Can the device (firmware/app) authenticate with OAuth 2.0 (XOAUTH2)? */
    oauthSupported: opt(z.boolean()),
    /** For OAuth: a user's delegated token (device code / auth code) or an app-only token (client credentials). */
    oauthFlow: opt(z.enum(OAUTH_FLOWS)),
    // --- which device (issue 14; src/devices) ---
    /** The maker: one of the profiled vendors, or "other". */
    vendor: opt(z.enum(VENDOR_IDS)),
    /** The model as typed (free text; matched to a family where the reference allows). */
    model: opt(z.string().check(z.minLength(1), z.maxLength(MODEL_MAX_LENGTH))),
    /** Issue 10: the mail service the device sends to (see PROVIDER_IDS). */
    provider: opt(provider),
  });

  const TenantSchema = z.strictObject({
    smtpClientAuthenticationDisabled: opt(z.boolean()),
    securityDefaultsEnabled: opt(z.boolean()),
    oauth2ClientProfileEnabled: opt(z.boolean()),
    defaultAuthenticationPolicy: opt(z.nullable(AuthPolicySchema)),
    /** After Microsoft's end-of-December-2026 change: has an admin switched Basic auth for SMTP AUTH back on? */
    basicAuthSmtpReenabled: opt(z.boolean()),
    /** Does the tenant have Entra ID P1 (needed for Conditional Access and sign-in logs)? */
    entraIdP1: opt(z.boolean()),
    /** Get-OrganizationConfig RejectDirectSend. */
    rejectDirectSend: opt(z.boolean()),
    /** Get-TransportConfig AllowLegacyTLSClients (smtp-legacy.office365.com opt-in). */
    allowLegacyTlsClients: opt(z.nullable(z.boolean())),
    tenantId: opt(str(64)),
    /** Issue 10: the day the tenant was created, YYYY-MM-DD. */
    createdDate: opt(tenantCreatedDate),
  });

  const OAuthAppSchema = z.strictObject({
    /** Exchange knows the app: New-ServicePrincipal was run with the enterprise application's object id. */
    servicePrincipalRegistered: opt(z.boolean()),
    /** The app's service principal has FullAccess on the mailbox it sends as (Get-MailboxPermission). */
    mailboxPermission: opt(z.boolean()),
    /** SMTP.SendAsApp (app-only) or SMTP.Send (delegated) is granted with admin consent. */
    permissionConsented: opt(z.boolean()),
  });

  const AccountSchema = z.strictObject({
    smtpClientAuthenticationDisabled: opt(z.nullable(z.boolean())),
    recipientTypeDetails: opt(str(64)),
    exchangeLicensed: opt(z.boolean()),
    accountEnabled: opt(z.boolean()),
    perUserMfaState: opt(z.enum(MFA_STATES)),
    authenticationPolicy: opt(z.nullable(AuthPolicySchema)),
    legacyAuthBlockedByConditionalAccess: opt(z.boolean()),
    sendAs: opt(z.boolean()),
    passwordExpired: opt(z.boolean()),
    oauthApp: opt(OAuthAppSchema),
    /** Recent Entra sign-ins with client app "Authenticated SMTP", newest first. */
    signIns: opt(z.array(SignInSchema).check(z.maxLength(1000))),
  });

  /**
   * What the person who reports the failure knows of its history (persona round 8, #10): whether the sender ever sent mail
   * (a set-up that never worked points at its configuration, one that stopped at a change), and the day it stopped.
   */
  const HistorySchema = z.strictObject({
    workedBefore: opt(z.enum(WORKED_BEFORE)),
    /** The first day it failed, YYYY-MM-DD: not after the case's date (checked where the case is read, src/case/io.ts). */
    stoppedOn: opt(isoDate),
  });

  const ProbeProblemSchema = z.strictObject({
    cause: z.enum(CAUSE_IDS),
    status: z.enum(["blocking", "possible"]),
    phase: z.enum(PHASE_IDS),
    code: str(PROBE_CODE_MAX),
    detail: opt(str(PROBE_DETAIL_MAX)),
  });

  /** What the SMTP probe measured from the support person's PC (issue: probe). */
  const ProbeSchema = z.strictObject({
    host: str(255),
    port: int(1, 65535),
    at: str(64),
    reachable: opt(z.boolean()),
    starttlsOffered: opt(z.boolean()),
    tlsVersion: opt(str(16)),
    tlsVersionsAccepted: opt(z.array(str(16)).check(z.maxLength(8))),
    mechanismsBeforeTls: opt(z.array(str(32)).check(z.maxLength(32))),
    mechanismsAfterTls: opt(z.array(str(32)).check(z.maxLength(32))),
    /** The TLS handshake after STARTTLS failed or the certificate was not trusted: the error code (e.g. CERT_HAS_EXPIRED). */
    tlsError: opt(str(512)),
    finalReply: opt(str(4096)),
    /** The test's sign-in (AUTH) and test message (--send), each with the server's reply: a 235 and a 250 the engine reads as the path tested working. */
    auth: opt(z.strictObject({ mechanism: z.enum(["LOGIN", "XOAUTH2"]), outcome: z.enum(PROBE_OUTCOMES), reply: opt(str(4096)) })),
    send: opt(z.strictObject({ outcome: z.enum(PROBE_OUTCOMES), reply: opt(str(4096)) })),
    /** What the test saw go wrong on the wire, each with the cause it points at (src/probe/run.ts ProbeProblem): the engine adds them as probe evidence. */
    problems: opt(z.array(ProbeProblemSchema).check(z.maxLength(PROBE_MAX_PROBLEMS))),
  });

  const SourceKindSchema = z.enum(SOURCE_KINDS);

  /** Where one fact came from. Keyed by fact path in `sources`. */
  const ProvenanceSchema = z.strictObject({
    kind: SourceKindSchema,
    endpoint: opt(str(512)),
    at: opt(str(64)),
    note: opt(str(1024)),
    /** what-if only: the value before it was changed here (JSON value; "absent" when it was unknown). */
    original: opt(z.unknown()),
  });

  const CaseSchema = z.strictObject({
    schema: z.literal(CASE_SCHEMA_ID),
    asOf: opt(isoDate),
    title: opt(str(256)),
    device: opt(DeviceSchema),
    tenant: opt(TenantSchema),
    account: opt(AccountSchema),
    history: opt(HistorySchema),
    probe: opt(ProbeSchema),
    /** Provenance per fact path, e.g. { "tenant.securityDefaultsEnabled": { kind: "live", endpoint: "…", at: "…" } }. */
    sources: opt(z.record(str(128), ProvenanceSchema)),
    /** True when any fact was changed in what-if mode: the case describes a hypothesis, not the tenant. */
    hypothetical: opt(z.boolean()),
  });
  return { AuthPolicySchema, SignInSchema, DeviceSchema, TenantSchema, OAuthAppSchema, AccountSchema, HistorySchema, ProbeSchema, SourceKindSchema, ProvenanceSchema, CaseSchema };
}

