// Gate 4a — Basic-only identity gates (domain.md C4, C5, C6): security defaults, Conditional
// Access blocking legacy authentication, per-user MFA. They never apply to OAuth (a device recorded as using OAuth
// that the server answered as a password sign-in still sends one: see Ctx.sendsPassword).
import { addUnlessAuthPassed, basicOnly, factEvidence, unknownUnlessAuthPassed, type Ctx } from "../context.js";

export function identityGate(ctx: Ctx): void {
  const { tenant, account, out } = ctx;
  if (ctx.mode === "oauth" && !ctx.sendsPassword) {
    // Not a cause for OAuth; a delegated user must still satisfy MFA registration [S22].
    if (tenant.securityDefaultsEnabled === true) out.info("security-defaults-oauth", [factEvidence(ctx, "tenant.securityDefaultsEnabled")]);
    return;
  }
  const b = basicOnly(ctx);
  if (!b.applies) return;

  if (tenant.securityDefaultsEnabled === true) {
    addUnlessAuthPassed(ctx, "security-defaults", b.status("blocking"), [factEvidence(ctx, "tenant.securityDefaultsEnabled")], { notes: ["note.securityDefaultsNoOverride", ...b.notes] });
  } else if (tenant.securityDefaultsEnabled === undefined) unknownUnlessAuthPassed(ctx, "tenant.securityDefaultsEnabled");

  const ca = account.legacyAuthBlockedByConditionalAccess;
  if (ca === true) addUnlessAuthPassed(ctx, "conditional-access", b.status("blocking"), [factEvidence(ctx, "account.legacyAuthBlockedByConditionalAccess")], { notes: b.notes });
  // Conditional Access needs Entra ID P1: without it there is nothing to ask. Nor while security defaults are on: Entra does not
  // enable a Conditional Access policy then ("You must first disable security defaults before enabling a Conditional Access
  // policy"), nor security defaults while one is enabled, so none applies (persona round 8 #15: asked after "on").
  else if (ca === undefined && tenant.entraIdP1 !== false && tenant.securityDefaultsEnabled !== true) unknownUnlessAuthPassed(ctx, "account.legacyAuthBlockedByConditionalAccess");

  const mfa = account.perUserMfaState;
  if (mfa === "enforced") addUnlessAuthPassed(ctx, "per-user-mfa", b.status("blocking"), [factEvidence(ctx, "account.perUserMfaState")], { notes: b.notes });
  else if (mfa === "enabled") {
    // Microsoft: an "enabled" user can still use a password for legacy authentication until MFA
    // methods are registered, then the state changes to "enforced" on its own.
    addUnlessAuthPassed(ctx, "per-user-mfa", "possible", [factEvidence(ctx, "account.perUserMfaState")], { notes: ["note.mfaEnabledNotEnforced", ...b.notes] });
  } else if (mfa === undefined) unknownUnlessAuthPassed(ctx, "account.perUserMfaState");
}
