// Informational observations that are not causes (domain.md C7).
import { factEvidence, type Ctx } from "../context.js";

export function infoGate(ctx: Ctx): void {
  // OAuth2ClientProfileEnabled governs modern auth for Outlook for Windows, not SMTP XOAUTH2.
  if (ctx.tenant.oauth2ClientProfileEnabled === false) ctx.out.info("oauth2-client-profile-disabled", [factEvidence(ctx, "tenant.oauth2ClientProfileEnabled")]);
}
