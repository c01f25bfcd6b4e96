// The order in which the wizard should ask for missing facts: device facts (cheap: read the
// device's settings), then account facts, then tenant facts; within each, the most decisive first.
import type { FactPath } from "../case/facts.js";

export const UNKNOWN_ORDER: readonly FactPath[] = [
  "device.host",
  "device.port",
  "device.security",
  "device.tlsVersion",
  "device.auth",
  "device.authMechanism",
  "device.username",
  "device.from",
  "device.oauthSupported",
  "device.oauthFlow",
  "account.accountEnabled",
  "account.smtpClientAuthenticationDisabled",
  "account.recipientTypeDetails",
  "account.exchangeLicensed",
  "account.passwordExpired",
  "account.perUserMfaState",
  "account.legacyAuthBlockedByConditionalAccess",
  "account.authenticationPolicy",
  "account.sendAs",
  "account.oauthApp.permissionConsented",
  "account.oauthApp.servicePrincipalRegistered",
  "account.oauthApp.mailboxPermission",
  "tenant.smtpClientAuthenticationDisabled",
  "tenant.securityDefaultsEnabled",
  "tenant.defaultAuthenticationPolicy",
  "tenant.basicAuthSmtpReenabled",
  "tenant.createdDate",
  "tenant.allowLegacyTlsClients",
  "tenant.rejectDirectSend",
  "device.reply",
];

/** A path's place in UNKNOWN_ORDER (at most 32: a bit of one 32-bit number each; the top one is read back unsigned, by >>>). */
const RANK: ReadonlyMap<FactPath, number> = new Map(UNKNOWN_ORDER.map((p, i) => [p, i]));
if (UNKNOWN_ORDER.length > 32) throw new Error("UNKNOWN_ORDER no longer fits the bits of orderUnknowns()");

/** The paths once each, in UNKNOWN_ORDER, then any other path in the order given. */
export function orderUnknowns(paths: readonly FactPath[]): FactPath[] {
  // The ranks present as bits, read back from the lowest: no list is searched or sorted.
  let bits = 0;
  let others: FactPath[] | undefined;
  for (const p of paths) {
    const rank = RANK.get(p);
    if (rank !== undefined) bits |= 1 << rank;
    else if (!(others ??= []).includes(p)) others.push(p);
  }
  const ordered: FactPath[] = [];
  for (let rank = 0; bits !== 0; rank++, bits >>>= 1) if ((bits & 1) !== 0) ordered.push(UNKNOWN_ORDER[rank] as FactPath);
  if (others) ordered.push(...others);
  return ordered;
}
