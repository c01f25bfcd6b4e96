// The order in which the wizard should ask for missing facts: device facts (cheap: read the
// device's settings), then account facts, then tenant facts; within each, the most decisive first.
import type { FactPath } from "../case/facts.js";
import { unique } from "./context.js";

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
  "device.reply",
];

const ORDERED: ReadonlySet<FactPath> = new Set(UNKNOWN_ORDER);

export function orderUnknowns(paths: readonly FactPath[]): FactPath[] {
  const distinct = unique(paths);
  const ordered = UNKNOWN_ORDER.filter((p) => distinct.includes(p));
  if (ordered.length === distinct.length) return ordered;
  for (const p of distinct) if (!ORDERED.has(p)) ordered.push(p);
  return ordered;
}
