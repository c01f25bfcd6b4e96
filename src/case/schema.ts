// The case file, format v1: what is known about one sending device and its account.
// A fact that is absent is unknown. `null` is a value of its own where the setting has three
// states (the mailbox switch: null = follow the organization; policies: null = none assigned).
import type * as z from "zod/mini";
import { buildSchemas } from "./schema-load.js";
import { AUTH_MECHANISMS, AUTH_MODES, CASE_SCHEMA_ID, DEVICE_TLS_VERSIONS, MFA_STATES, OAUTH_FLOWS, PROVIDER_IDS, REPLY_MAX_LENGTH, SECURITY_MODES, SOURCE_KINDS, WORKED_BEFORE, PROBE_CODE_MAX, PROBE_DETAIL_MAX, PROBE_MAX_PROBLEMS, PROBE_OUTCOMES, type ProviderId } from "./values.js";

export { AUTH_MECHANISMS, AUTH_MODES, CASE_SCHEMA_ID, DEVICE_TLS_VERSIONS, MFA_STATES, OAUTH_FLOWS, PROVIDER_IDS, REPLY_MAX_LENGTH, SECURITY_MODES, SOURCE_KINDS, WORKED_BEFORE, PROBE_CODE_MAX, PROBE_DETAIL_MAX, PROBE_MAX_PROBLEMS, PROBE_OUTCOMES, type ProviderId };

type Schemas = ReturnType<typeof buildSchemas>;
let built: Schemas | undefined;
const schemas = (): Schemas => (built ??= buildSchemas());

/** The case file's schema (parse and safeParse, as zod's). */
export const CaseSchema = {
  parse: (data: unknown) => schemas().CaseSchema.parse(data),
  safeParse: (data: unknown) => schemas().CaseSchema.safeParse(data),
};

/** An authentication policy (`--set tenant.defaultAuthenticationPolicy=…`). */
export const AuthPolicySchema = {
  parse: (data: unknown) => schemas().AuthPolicySchema.parse(data),
  safeParse: (data: unknown) => schemas().AuthPolicySchema.safeParse(data),
};

export type Case = z.infer<Schemas["CaseSchema"]>;
export type Device = z.infer<Schemas["DeviceSchema"]>;
export type Tenant = z.infer<Schemas["TenantSchema"]>;
export type Account = z.infer<Schemas["AccountSchema"]>;
export type History = z.infer<Schemas["HistorySchema"]>;
export type AuthPolicy = z.infer<Schemas["AuthPolicySchema"]>;
export type SignIn = z.infer<Schemas["SignInSchema"]>;
export type Probe = z.infer<Schemas["ProbeSchema"]>;
export type Provenance = z.infer<Schemas["ProvenanceSchema"]>;
export type SourceKind = z.infer<Schemas["SourceKindSchema"]>;

export function emptyCase(): Case {
  return { schema: CASE_SCHEMA_ID };
}
