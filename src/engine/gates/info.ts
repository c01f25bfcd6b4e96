// Informational observations that are not causes (domain.md C7), and the cloud the organization is in (domain.md §3).
import { isVianetHost, vianetHostInText } from "../../replies/providers.js";
import { factEvidence, inference, type Ctx } from "../context.js";
import type { Evidence } from "../types.js";

export function infoGate(ctx: Ctx): void {
  // OAuth2ClientProfileEnabled governs modern auth for Outlook for Windows, not SMTP XOAUTH2.
  if (ctx.tenant.oauth2ClientProfileEnabled === false) ctx.out.info("oauth2-client-profile-disabled", [factEvidence(ctx, "tenant.oauth2ClientProfileEnabled")]);
  const vianet = vianetEvidence(ctx);
  if (vianet) ctx.out.info("exchange-online-21vianet", [vianet]);
  const usGov = usGovernmentEvidence(ctx);
  if (usGov) ctx.out.info("exchange-online-us-government", [usGov]);
}

/** Microsoft 365 GCC High and DoD's submission host, smtp.office365.us (domain.md §3), and their sign-in host. */
const US_GOV_HOST = /\bsmtp\.office365\.us\b|\blogin\.microsoftonline\.us\b/i;

/**
 * Exchange Online for the US government (GCC High, DoD): the same settings, its own submission host, admin centers and
 * sign-in (sixth hunt #17: a Postfix log relaying to smtp.office365.us was told to use smtp.office365.com).
 */
function usGovernmentEvidence(ctx: Ctx): Evidence | undefined {
  const named = ctx.analysis?.input.includes(".us") ? US_GOV_HOST.exec(ctx.analysis.input)?.[0] : undefined;
  if (named !== undefined) return inference("inference.providerClue", { clue: named });
  return ctx.device.host !== undefined && US_GOV_HOST.test(ctx.device.host.trim()) ? factEvidence(ctx, "device.host") : undefined;
}

/**
 * Exchange Online operated by 21Vianet (smtp.partner.outlook.cn, domain.md §3): the same settings, other admin centers and
 * endpoints (fourth hunt #6, whose plan printed the worldwide ones). The server's host in the reply, else the device's host.
 */
function vianetEvidence(ctx: Ctx): Evidence | undefined {
  const named = ctx.analysis ? vianetHostInText(ctx.analysis.input) : undefined;
  if (named !== undefined) return inference("inference.providerClue", { clue: named });
  return ctx.device.host !== undefined && isVianetHost(ctx.device.host) ? factEvidence(ctx, "device.host") : undefined;
}
