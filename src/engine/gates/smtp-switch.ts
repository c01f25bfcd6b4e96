// Gate 3 — the SMTP AUTH protocol switches (domain.md C1, C2). They block Basic AND OAuth.
// Mailbox value (Set-CASMailbox) wins over the tenant (Set-TransportConfig) in both directions;
// a mailbox value of null follows the tenant.
import { addUnlessAuthPassed, factEvidence, unknownUnlessAuthPassed, type Ctx } from "../context.js";

export function smtpSwitchGate(ctx: Ctx): void {
  const { account, tenant, out } = ctx;
  if (ctx.mode === "none") return; // nothing authenticates
  if (ctx.hve) return; // HVE accounts are not affected by these switches [S17]
  const mb = account.smtpClientAuthenticationDisabled;
  const tn = tenant.smtpClientAuthenticationDisabled;

  if (mb === true) {
    addUnlessAuthPassed(ctx, "mailbox-smtp-auth-disabled", "blocking", [factEvidence(ctx, "account.smtpClientAuthenticationDisabled")]);
    return;
  }
  if (mb === false) {
    if (tn === true) out.info("mailbox-overrides-tenant", [factEvidence(ctx, "account.smtpClientAuthenticationDisabled"), factEvidence(ctx, "tenant.smtpClientAuthenticationDisabled")]);
    return;
  }
  if (mb === null) {
    if (tn === true) {
      addUnlessAuthPassed(ctx, "tenant-smtp-auth-disabled", "blocking", [factEvidence(ctx, "account.smtpClientAuthenticationDisabled"), factEvidence(ctx, "tenant.smtpClientAuthenticationDisabled")]);
    } else if (tn === undefined) {
      unknownUnlessAuthPassed(ctx, "tenant.smtpClientAuthenticationDisabled");
    }
    return;
  }
  if (ctx.authPassed) return; // the server accepted AUTH: whatever the switches say, they let it through
  // Mailbox value unknown: it decides whenever it is true or false; the tenant only matters if it is null.
  out.unknown("account.smtpClientAuthenticationDisabled");
  if (tn === undefined) out.unknown("tenant.smtpClientAuthenticationDisabled");
  else if (tn === true) {
    out.add("tenant-smtp-auth-disabled", "possible", [factEvidence(ctx, "tenant.smtpClientAuthenticationDisabled")], { notes: ["note.mailboxValueDecides"] });
  }
}
