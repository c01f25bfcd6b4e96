// Outside Exchange Online (issue 10): the device and that service's own account settings; nothing
// of a Microsoft 365 tenant.
import { psQuote } from "../../shell/powershell.js";
import { ems, PLACEHOLDER, providerKey, replyPatterns, stepTexts, type StepDef } from "./common.js";
import { besidesEhlo, cannotSignIn, DEVICE_AFTER_SIGN_IN, DEVICE_EHLO, DEVICE_OAUTH_TOKEN, DEVICE_SENDER_ADDRESS } from "./device.js";

/** The well-known group of sessions that have not signed in, to which an Exchange Server's anonymous relay right is given. */
const ANONYMOUS_LOGON = psQuote("NT AUTHORITY\\ANONYMOUS LOGON");
/** The receive connector's right to pass mail on to any recipient (relay). */
const ACCEPT_ANY_RECIPIENT = psQuote("ms-Exch-SMTP-Accept-Any-Recipient");

/**
 * An Exchange Server of the organization's own refused a recipient outside its accepted domains to a session without sign-in
 * ("550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain", Microsoft Q&A threads of Exchange 2016 and 2019): the fix
 * the threads used is on that server, a receive connector that relays for the device's IP address (RemoteIPRanges, and the
 * ms-Exch-SMTP-Accept-Any-Recipient right for ANONYMOUS LOGON), or the device signing in with an account. Exchange Online's
 * connector commands do not reach it.
 */
const ONPREM_RELAY_CONNECTOR: StepDef = {
  id: "onprem-relay-connector",
  causes: ["no-authentication"],
  build: (ctx, found) => {
    if (ctx.outside !== "exchange-onprem" || !replyPatterns(found).has("relay-non-accepted-domain")) return null;
    const connector = psQuote(PLACEHOLDER.receiveConnector);
    const ip = psQuote(PLACEHOLDER.deviceIp);
    const get = `Get-ReceiveConnector -Identity ${connector}`;
    const rights = ems(`${get} | Get-ADPermission -User ${ANONYMOUS_LOGON} | Where-Object { -not $_.Deny -and -not $_.IsInherited } | Select-Object User,ExtendedRights`);
    const connectorRead = ems(`${get} | Select-Object Identity,TransportRole,Bindings,RemoteIPRanges,PermissionGroups,AuthMechanism`);
    return {
      who: "exchange-admin",
      scope: "exchange-server",
      check: [ems("Get-ReceiveConnector | Select-Object Identity,TransportRole,Bindings,RemoteIPRanges,PermissionGroups"), rights],
      commands: [
        ems(`Set-ReceiveConnector -Identity ${connector} -RemoteIPRanges @{Add=${ip}}`, true),
        ems(`${get} | Add-ADPermission -User ${ANONYMOUS_LOGON} -ExtendedRights ${ACCEPT_ANY_RECIPIENT}`, true),
      ],
      verifyCommands: [connectorRead, rights],
      undo: {
        text: ctx.tr("plan.undo.onpremRelay"),
        commands: [
          ems(`Set-ReceiveConnector -Identity ${connector} -RemoteIPRanges @{Remove=${ip}}`, true),
          ems(`${get} | Remove-ADPermission -User ${ANONYMOUS_LOGON} -ExtendedRights ${ACCEPT_ANY_RECIPIENT} -Confirm:$false`, true),
        ],
      },
      security: "medium",
      changesTenant: true,
    };
  },
};

export const OUTSIDE_ONLY_STEPS: StepDef[] = [
  DEVICE_EHLO,
  ONPREM_RELAY_CONNECTOR,
  {
    id: "provider-connection",
    causes: ["network-unreachable", "starttls-missing", "tls-version-unsupported", "tls-handshake-failed", "client-protocol-error", "no-authentication"],
    build: (ctx, found) => {
      const rest = besidesEhlo(found);
      // A program that cannot sign in (OSSEC's maild): a relay on its host that signs in to the service, not its own settings.
      if (rest && cannotSignIn(found)) return { who: "network-admin", scope: "device", security: "low", ...stepTexts(ctx, "plan.step.provider-connection.ossec"), undo: { text: ctx.tr("plan.undo.relayConfigCopy"), commands: [] }, ...rest };
      return rest && { who: "helpdesk", scope: "device", security: "none", ...rest };
    },
  },
  DEVICE_OAUTH_TOKEN,
  DEVICE_SENDER_ADDRESS,
  DEVICE_AFTER_SIGN_IN,
  {
    id: "onprem-server-auth",
    causes: ["onprem-basic-auth-off"],
    build: () => ({ who: "exchange-admin", scope: "exchange-server", security: "medium", changesTenant: true }),
  },
  {
    id: "consumer-use-oauth",
    causes: ["consumer-basic-auth-ended"],
    build: () => ({ who: "device-owner", scope: "device", security: "none" }),
  },
  {
    id: "consumer-oauth-token",
    causes: ["consumer-oauth-refused"],
    build: () => ({ who: "device-owner", scope: "device", security: "low" }),
  },
  {
    // Outlook.com stopped the personal account from sending as suspected spam: its owner verifies it at outlook.com (a code to a
    // phone), and checks that nobody else signed in; no organization's admin or portal is involved.
    id: "consumer-verify-account",
    causes: ["consumer-sending-blocked"],
    build: () => ({ who: "account-owner", scope: "account", security: "low" }),
  },
  {
    id: "provider-app-password",
    causes: ["provider-app-password"],
    build: (ctx) => ({ who: "account-owner", scope: "account", security: "low", why: ctx.tr(providerKey("plan.provider.appPassword", ctx.outside)) }),
  },
  {
    id: "provider-check-sign-in",
    causes: ["provider-sign-in-refused"],
    build: (ctx) => ({ who: "helpdesk", scope: "account", security: "low", why: ctx.tr(providerKey("plan.provider.checkSignIn", ctx.outside)) }),
  },
  {
    id: "provider-from-address",
    causes: ["provider-sender-mismatch"],
    // Exchange Server: its administrator can give the account Send As (Exchange Online's commands do not reach it).
    build: (ctx) => (ctx.outside === "exchange-onprem" ? { who: "helpdesk", scope: "device", security: "none", why: ctx.tr("plan.step.provider-from-address.why.onprem") } : { who: "helpdesk", scope: "device", security: "none" }),
  },
  {
    // The relay the device sends to refused the message itself (Postfix's "NOQUEUE: reject"): its main.cf, nothing of Microsoft 365.
    id: "relay-own-settings",
    causes: ["local-relay-refused"],
    build: (ctx) => ({ who: "network-admin", scope: "device", security: "low", undo: { text: ctx.tr("plan.undo.relayConfigCopy"), commands: [] } }),
  },
  {
    id: "provider-service-limits",
    causes: ["sending-limit", "mailbox-full"],
    build: (ctx, found) => {
      // A refusal of the message's size is no rate or storage to check: the server's own size limit, raised by its administrator.
      if (!sizeRefusal(found)) return { who: "account-owner", scope: "account", security: "none" };
      return { who: "helpdesk", scope: "device", security: "none", testSend: false, ...stepTexts(ctx, "plan.step.provider-service-limits.size") };
    },
  },
];

/** Waiting out a temporary error, in the other service's words. */
export const RETRY_LATER_OUTSIDE: StepDef = {
  id: "retry-later",
  causes: ["transient-service-error"],
  build: (ctx) => ({ who: "helpdesk", scope: "device", security: "none", wait: "plan.wait.transient", testSend: false, why: ctx.tr("plan.step.retry-later.why.outside") }),
};

/** The refusals of a message's size, by another server: the only readings of the limit found. */
const SIZE_PATTERNS: ReadonlySet<string> = new Set(["message-too-large", "other-message-too-large"]);

function sizeRefusal(found: Parameters<StepDef["build"]>[1]): boolean {
  const patterns = replyPatterns(found);
  return patterns.size > 0 && [...patterns].every((p) => SIZE_PATTERNS.has(p));
}
