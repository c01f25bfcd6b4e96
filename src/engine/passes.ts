// Which causes the recorded facts already rule out ("known to pass"), with the facts that say so.
// Used to narrow ambiguous replies and sign-ins, and to flag a server answer that contradicts a
// recorded setting (the setting may have changed recently or not yet applied).
import { isBasicOnly } from "./causes.js";
import { addressOf, factEvidence, type Ctx } from "./context.js";
import { effectivePolicy } from "./gates/auth-policy.js";
import type { CauseId, Evidence } from "./types.js";

/** The facts showing this cause cannot be what fails, or undefined when the facts do not rule it out. */
export function knownToPass(ctx: Ctx, id: CauseId): Evidence[] | undefined {
  const { account: a, tenant: t, device: d } = ctx;
  // (The mode's own evidence: a recorded setting, or the mechanism the text shows; not "device.auth = ?" when none is recorded.)
  if (ctx.mode === "oauth" && isBasicOnly(id)) return [ctx.modeEvidence ?? factEvidence(ctx, "device.auth")];
  if (ctx.mode === "basic" && id === "oauth-misconfigured") return [ctx.modeEvidence ?? factEvidence(ctx, "device.auth")];
  switch (id) {
    case "tenant-smtp-auth-disabled":
      // A mailbox value of true or false decides by itself; the tenant matters only when it is null.
      if (typeof a.smtpClientAuthenticationDisabled === "boolean") return [factEvidence(ctx, "account.smtpClientAuthenticationDisabled")];
      if (t.smtpClientAuthenticationDisabled === false) return [factEvidence(ctx, "tenant.smtpClientAuthenticationDisabled")];
      return undefined;
    case "mailbox-smtp-auth-disabled":
      // False = on; null = not off by itself (it follows the tenant, which is the other cause).
      if (a.smtpClientAuthenticationDisabled === false || a.smtpClientAuthenticationDisabled === null) return [factEvidence(ctx, "account.smtpClientAuthenticationDisabled")];
      return undefined;
    case "security-defaults":
      return t.securityDefaultsEnabled === false ? [factEvidence(ctx, "tenant.securityDefaultsEnabled")] : undefined;
    case "conditional-access":
      if (a.legacyAuthBlockedByConditionalAccess === false) return [factEvidence(ctx, "account.legacyAuthBlockedByConditionalAccess")];
      return t.entraIdP1 === false ? [factEvidence(ctx, "tenant.entraIdP1")] : undefined;
    case "per-user-mfa":
      return a.perUserMfaState === "disabled" ? [factEvidence(ctx, "account.perUserMfaState")] : undefined;
    case "auth-policy-blocks-basic": {
      const eff = effectivePolicy(ctx);
      return eff.state === "known" && (eff.policy === null || eff.policy.allowBasicAuthSmtp) ? eff.evidence : undefined;
    }
    case "basic-auth-retired":
      if (ctx.hve) return [factEvidence(ctx, "device.host")];
      // Until December 2026 nothing has changed: Basic works wherever the settings allow it.
      if (ctx.phase === "before-change") return [{ kind: "timeline", phase: ctx.phase, asOf: ctx.asOf }];
      if (ctx.phase === "disabled-by-default" && t.basicAuthSmtpReenabled === true) return [factEvidence(ctx, "tenant.basicAuthSmtpReenabled")];
      return undefined;
    case "account-disabled":
      return a.accountEnabled === true ? [factEvidence(ctx, "account.accountEnabled")] : undefined;
    case "password-expired":
      return a.passwordExpired === false ? [factEvidence(ctx, "account.passwordExpired")] : undefined;
    case "no-licensed-mailbox":
      return a.exchangeLicensed === true && a.recipientTypeDetails === "UserMailbox" ? [factEvidence(ctx, "account.exchangeLicensed"), factEvidence(ctx, "account.recipientTypeDetails")] : undefined;
    case "send-as-denied":
      if (d.from !== undefined && d.username !== undefined && addressOf(d.from) === addressOf(d.username)) return [factEvidence(ctx, "device.username"), factEvidence(ctx, "device.from")];
      return a.sendAs === true ? [factEvidence(ctx, "account.sendAs")] : undefined;
    case "oauth-misconfigured": {
      const o = a.oauthApp;
      if (d.oauthFlow === "app" && o?.permissionConsented && o.servicePrincipalRegistered && o.mailboxPermission) {
        return [factEvidence(ctx, "account.oauthApp.permissionConsented"), factEvidence(ctx, "account.oauthApp.servicePrincipalRegistered"), factEvidence(ctx, "account.oauthApp.mailboxPermission")];
      }
      if (d.oauthFlow === "delegated" && o?.permissionConsented) return [factEvidence(ctx, "account.oauthApp.permissionConsented")];
      return undefined;
    }
    case "no-authentication":
      return d.auth === "basic" || d.auth === "oauth" ? [factEvidence(ctx, "device.auth")] : undefined;
    case "starttls-missing":
      return d.security === "starttls" ? [factEvidence(ctx, "device.security")] : undefined;
    case "tls-version-unsupported":
      return d.tlsVersion === "1.2" || d.tlsVersion === "1.3" ? [factEvidence(ctx, "device.tlsVersion")] : undefined;
    case "auth-mechanism-unsupported":
      if (d.authMechanism === undefined) return undefined;
      if ((ctx.mode === "basic" && d.authMechanism === "LOGIN") || (ctx.mode === "oauth" && d.authMechanism === "XOAUTH2")) return [factEvidence(ctx, "device.authMechanism")];
      return undefined;
    default:
      return undefined;
  }
}
