// Informational observations that are not causes (domain.md C7), and the cloud the organization is in (domain.md §3).
import { isVianetHost, otherServerInText, vianetHostInText } from "../../replies/providers.js";
import { factEvidence, inference, type Ctx } from "../context.js";
import { hostTypoOf } from "./transport.js";
import type { Evidence } from "../types.js";

export function infoGate(ctx: Ctx): void {
  // OAuth2ClientProfileEnabled governs modern auth for Outlook for Windows, not SMTP XOAUTH2.
  if (ctx.tenant.oauth2ClientProfileEnabled === false) ctx.out.info("oauth2-client-profile-disabled", [factEvidence(ctx, "tenant.oauth2ClientProfileEnabled")]);
  const vianet = vianetEvidence(ctx);
  if (vianet) ctx.out.info("exchange-online-21vianet", [vianet]);
  const usGov = usGovernmentEvidence(ctx);
  if (usGov) ctx.out.info("exchange-online-us-government", [usGov]);
  const other = otherServerEvidence(ctx);
  if (other) ctx.out.info("other-server-named", [other]);
}

/**
 * The server the pasted text names as the one the device sends to, when it is not Microsoft 365's and nothing else says which
 * service it is (twenty-second hunt #7: ghettoVCB's "Failed to email log output to mail.myserver.com.br:587" was shown Exchange
 * Online's unknowns and options with no word of that server). Said, not decided: an organization's relay or Exchange Server in
 * front of Exchange Online has a name of its own too. Not where the case records the host (the transport gate reads it), or the
 * service, nor where the text or the host shows the service (Exchange Online's front ends, another service, an Exchange Server).
 */
function otherServerEvidence(ctx: Ctx): Evidence | undefined {
  const a = ctx.analysis;
  if (a === undefined || !a.recognized || a.provider !== undefined || ctx.provider !== undefined) return undefined;
  if (ctx.device.host !== undefined || ctx.device.provider !== undefined) return undefined;
  const host = otherServerInText(a.input);
  // A typo of Microsoft's own host ("smtp.office365.con") is the device meaning Exchange Online.
  return host === undefined || hostTypoOf(host) !== undefined ? undefined : inference("inference.providerClue", { clue: host });
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
