// Refused at delivery (Microsoft's NDR table [S12]): the recipient's side acts; the checks are read-only.
import { psQuote } from "../../shell/powershell.js";
import { PLACEHOLDER, exo, replyPatterns, EXCHANGE_READERS, type StepDef } from "./common.js";

const ACCEPTED_DOMAINS = exo("Get-AcceptedDomain | Select-Object DomainName,DomainType,Default");
const OUTBOUND_CONNECTORS = exo("Get-OutboundConnector | Select-Object Name,RecipientDomains,SmartHosts,Enabled");
const INBOUND_CONNECTORS = exo("Get-InboundConnector | Select-Object Name,ConnectorType,SenderIPAddresses,TlsSenderCertificateName,RequireTls,Enabled");

/**
 * The server refused every recipient earlier, at RCPT TO, and the program sent DATA anyway ("503 5.5.2 Need rcpt command",
 * eighteenth hunt #8): no message was accepted or refused on its way, and no sign-in need have worked.
 */
function refusedEarlier(found: Parameters<StepDef["build"]>[1]): boolean {
  return replyPatterns(found).has("need-rcpt-command");
}

export const DELIVERY_STEPS: StepDef[] = [
  {
    id: "delivery-recipient-side",
    causes: ["recipient-rejects-outside-senders", "delivery-not-authorized"],
    build: () => {
      const recipient = psQuote(PLACEHOLDER.recipient);
      return {
        who: "recipient-admin",
        scope: "mailbox",
        check: [
          exo(`Get-Recipient -Identity ${recipient} | Select-Object Name,RecipientTypeDetails,PrimarySmtpAddress`),
          exo(`Get-DistributionGroup -Identity ${recipient} | Select-Object Name,RequireSenderAuthenticationEnabled,AcceptMessagesOnlyFromSendersOrMembers,ModerationEnabled`),
          exo(`Get-Mailbox -Identity ${recipient} | Select-Object Name,RequireSenderAuthenticationEnabled,AcceptMessagesOnlyFromSendersOrMembers`),
        ],
        security: "medium",
      };
    },
  },
  {
    id: "delivery-check-recipient",
    causes: ["recipient-refused"],
    build: (ctx, found) => ({ who: "helpdesk", scope: "device", security: "none", testSend: false, ...(refusedEarlier(found) ? { why: ctx.tr("plan.step.delivery-check-recipient.refusedEarlier.why") } : {}) }),
  },
  {
    // The recipient's service refused the From domain's authentication (Outlook.com's 5.7.515, a DMARC reject's 5.7.509): DNS.
    id: "delivery-sender-domain-auth",
    causes: ["sender-domain-unauthenticated"],
    build: (ctx) => ({ who: "network-admin", scope: "tenant", security: "low", testSend: false, undo: { text: ctx.tr("plan.undo.dnsRecords"), commands: [] } }),
  },
  {
    // Exchange Online could not deliver to the server behind an outbound connector: that connector and that server's TLS, not the device.
    id: "outbound-connector-check",
    causes: ["outbound-connector-delivery-failed"],
    build: (ctx) => ({ who: "exchange-admin", scope: "tenant", security: "none", testSend: false, undo: { text: ctx.tr("plan.undo.outboundConnector"), commands: [] } }),
  },
  {
    // Bare line feeds: the device or program that writes the message (CRLF line ends), or the recipient's server (BDAT).
    id: "delivery-bare-linefeeds",
    causes: ["bare-linefeeds-refused"],
    build: () => ({ who: "device-owner", scope: "device", security: "none", testSend: false }),
  },
  {
    // Outlook.com's own list: its sender support form, by the owner of the address (often the internet or hosting provider).
    id: "delist-outlook-com",
    causes: ["sending-ip-on-outlook-com-list"],
    build: (ctx) => ({ who: "network-admin", scope: "tenant", security: "none", testSend: false, undo: { text: ctx.tr("plan.undo.delistNothing"), commands: [] } }),
  },
  {
    // A public blocklist lists the sending IP: the list's own site, not Microsoft's delisting portal (delist-sending-ip).
    id: "delist-public-blocklist",
    causes: ["sending-ip-on-public-blocklist"],
    build: (ctx, found) => {
      // A list of domains (the MAIL FROM or HELO domain, fourteenth hunt #10): the domain is looked up, not the IP address.
      const domain = replyPatterns(found).has("public-blocklist-domain");
      const texts = domain ? { title: ctx.tr("plan.step.delist-public-blocklist.domain.title"), why: ctx.tr("plan.step.delist-public-blocklist.domain.why") } : {};
      return { who: "network-admin", scope: "tenant", security: "none", testSend: false, undo: { text: ctx.tr("plan.undo.delistNothing"), commands: [] }, ...texts };
    },
  },
  {
    // The recipient's service refused the message by its own policy (likely spam): what its postmaster page names, on the sending
    // side. The help desk reads it first (the message's own shape is the device's; DNS records go to their owner from there).
    id: "delivery-recipient-policy",
    causes: ["recipient-policy-refused"],
    build: () => ({ who: "helpdesk", scope: "device", security: "none", testSend: false }),
  },
  {
    // The recipient's server could not be reached until the message expired: the recipient's side (its MX records, server, firewall).
    id: "delivery-recipient-server",
    causes: ["recipient-server-unreachable"],
    build: () => ({ who: "recipient-admin", scope: "mailbox", security: "none", testSend: false }),
  },
  {
    id: "delivery-relay",
    causes: ["relay-denied"],
    build: (ctx, found) => ({
      who: "exchange-admin",
      checkBy: [...EXCHANGE_READERS],
      scope: "tenant",
      // Refused at RCPT TO (the MX host without a sign-in): the accepted domains and the inbound connectors that could match the
      // sender; a refusal on the way (an NDR): the accepted domains and where an outbound connector sends the mail.
      check: [ACCEPTED_DOMAINS, refusedEarlier(found) ? INBOUND_CONNECTORS : OUTBOUND_CONNECTORS],
      security: "none",
      ...(refusedEarlier(found) ? { why: ctx.tr("plan.step.delivery-relay.refusedEarlier.why") } : {}),
    }),
  },
];
