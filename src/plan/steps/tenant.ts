// Steps on tenant-wide settings: federation, security defaults, the connectors of Direct Send and
// SMTP relay.
import { psQuote } from "../../shell/powershell.js";
import { FORWARDING_POLICY, PLACEHOLDER, exo, graph, mgUserRead, portal, replyPatterns, EXCHANGE_READERS, POLICY_READERS, type StepDef } from "./common.js";

export const TENANT_STEPS: StepDef[] = [
  {
    id: "federation-sts",
    causes: ["federation-failure"],
    build: (ctx) => ({
      who: "identity-admin",
      checkBy: ["global-reader", "user-admin"],
      scope: "tenant",
      check: [mgUserRead(ctx, "onPremisesSyncEnabled,userPrincipalName")],
      security: "none",
    }),
  },
  {
    id: "security-defaults-keep",
    causes: ["security-defaults"],
    build: (ctx) => ({
      who: "identity-admin",
      checkBy: [...POLICY_READERS],
      scope: "tenant",
      check: [
        graph(
          "Invoke-MgGraphRequest -Method GET -Uri 'https://graph.microsoft.com/v1.0/policies/identitySecurityDefaultsEnforcementPolicy'",
          ["Policy.Read.All"],
        ),
      ],
      adminCenter: portal(ctx, "entra", ["plan.nav.identity", "plan.nav.overview", "plan.nav.properties", "plan.nav.manageSecurityDefaults"]),
      security: "none",
    }),
  },
  {
    id: "direct-send-connector",
    causes: ["direct-send-rejected"],
    build: (ctx) => {
      const name = psQuote(PLACEHOLDER.connector);
      return {
        who: "exchange-admin",
        checkBy: [...EXCHANGE_READERS],
        scope: "tenant",
        check: [
          exo("Get-OrganizationConfig | Select-Object RejectDirectSend"),
          exo("Get-InboundConnector | Select-Object Name,ConnectorType,SenderIPAddresses,TlsSenderCertificateName,RequireTls,RestrictDomainsToIPAddresses,Enabled"),
        ],
        commands: [
          exo(
            `New-InboundConnector -Name ${name} -ConnectorType OnPremises -SenderDomains '*' -SenderIPAddresses ${psQuote(PLACEHOLDER.publicIp)} -RestrictDomainsToIPAddresses $true`,
            true,
          ),
        ],
        adminCenter: portal(ctx, "eac", ["plan.nav.mailFlow", "plan.nav.connectors"]),
        verifyCommands: [exo(`Get-InboundConnector -Identity ${name} | Select-Object Name,SenderIPAddresses,Enabled`)],
        undo: { text: ctx.tr("plan.undo.removeGrant"), commands: [exo(`Remove-InboundConnector -Identity ${name} -Confirm:$false`, true)] },
        security: "medium",
        changesTenant: true,
        wait: "plan.wait.connector",
      };
    },
  },
  {
    // Microsoft's delisting portal: nothing in the tenant to change, and no password helps (5.7.606–649).
    id: "delist-sending-ip",
    causes: ["sending-ip-blocked"],
    // 5.7.511 is delisted by mail (Microsoft Learn's NDR table), not at sender.office.com.
    build: (ctx, found) =>
      replyPatterns(found).has("banned-ip-by-mail")
        ? { who: "network-admin", scope: "tenant", security: "none", title: ctx.tr("plan.step.delist-sending-ip.byMail.title"), why: ctx.tr("plan.step.delist-sending-ip.byMail.why") }
        : { who: "network-admin", scope: "tenant", security: "none" },
  },
  {
    // Exchange Online Protection refused the name the device greets with (5.7.506, Bad HELO): a setting of the device's.
    id: "device-helo-name",
    causes: ["helo-name-refused"],
    build: () => ({ who: "device-owner", scope: "device", security: "none", testSend: false }),
  },
  {
    // The device came over IPv6 to a domain that takes IPv4 only (5.7.510): IPv4 from the device, or the domain's owner accepts IPv6.
    id: "delivery-over-ipv4",
    causes: ["ipv6-not-accepted"],
    build: () => ({ who: "device-owner", scope: "device", security: "none", testSend: false }),
  },
  {
    // The outbound spam policy refuses automatic forwarding outside (5.7.520): allowed for the one mailbox that needs it, in a
    // policy of its own, or the forwarding removed; never "On" in the default policy for every mailbox.
    id: "allow-external-forwarding",
    causes: ["auto-forwarding-blocked"],
    build: (ctx) => {
      const name = psQuote(FORWARDING_POLICY);
      const mailbox = psQuote(PLACEHOLDER.forwardingMailbox);
      const rules = exo("Get-HostedOutboundSpamFilterRule | Select-Object Name,Priority,State,From,FromMemberOf,SenderDomainIs,HostedOutboundSpamFilterPolicy");
      return {
        who: "security-admin",
        checkBy: [...POLICY_READERS],
        scope: "mailbox",
        check: [exo("Get-HostedOutboundSpamFilterPolicy | Select-Object Name,IsDefault,AutoForwardingMode"), rules],
        commands: [
          exo(`New-HostedOutboundSpamFilterPolicy -Name ${name} -AutoForwardingMode On`, true),
          exo(`New-HostedOutboundSpamFilterRule -Name ${name} -HostedOutboundSpamFilterPolicy ${name} -From ${mailbox}`, true),
        ],
        adminCenter: portal(ctx, "defender", ["plan.nav.emailCollab", "plan.nav.policiesRules", "plan.nav.threatPolicies", "plan.nav.antiSpam", "plan.nav.createPolicy", "plan.nav.outbound", "plan.nav.usersGroupsDomains", "plan.nav.protectionSettings", "plan.nav.forwardingRules", "plan.nav.autoForwardingOn"]),
        verifyCommands: [exo(`Get-HostedOutboundSpamFilterRule -Identity ${name} | Select-Object Name,State,From,HostedOutboundSpamFilterPolicy`)],
        testSend: false,
        undo: {
          text: ctx.tr("plan.undo.removeGrant"),
          commands: [exo(`Remove-HostedOutboundSpamFilterRule -Identity ${name} -Confirm:$false`, true), exo(`Remove-HostedOutboundSpamFilterPolicy -Identity ${name} -Confirm:$false`, true)],
        },
        security: "high",
        params: { mailbox: PLACEHOLDER.forwardingMailbox },
      };
    },
  },
  {
    id: "relay-connector-update",
    causes: ["relay-connector-mismatch"],
    build: (ctx) => {
      const name = psQuote(PLACEHOLDER.connector);
      const read = exo(`Get-InboundConnector | Select-Object Name,SenderIPAddresses,TlsSenderCertificateName,RestrictDomainsToIPAddresses,Enabled`);
      return {
        who: "exchange-admin",
        checkBy: [...EXCHANGE_READERS],
        scope: "tenant",
        check: [read],
        commands: [exo(`Set-InboundConnector -Identity ${name} -SenderIPAddresses ${psQuote(PLACEHOLDER.publicIp)}`, true)],
        adminCenter: portal(ctx, "eac", ["plan.nav.mailFlow", "plan.nav.connectors"]),
        verifyCommands: [read],
        undo: {
          text: ctx.tr("plan.undo.previousUnknown", { placeholder: PLACEHOLDER.previous }),
          commands: [exo(`Set-InboundConnector -Identity ${name} -SenderIPAddresses ${psQuote(PLACEHOLDER.previous)}`, true)],
        },
        security: "medium",
        changesTenant: true,
        wait: "plan.wait.connector",
      };
    },
  },
];

/** Security defaults off, replaced by Conditional Access: weakens the whole tenant, so it comes after every safer step. */
export const SECURITY_DEFAULTS_REPLACE: StepDef = {
  id: "security-defaults-replace",
  causes: ["security-defaults"],
  confirmedBy: "security-defaults-keep",
  build: (ctx) => {
    if (ctx.c.tenant?.entraIdP1 === false) return null; // No Conditional Access to put in its place: never offered.
    return {
      who: "identity-admin",
      scope: "tenant",
      adminCenter: portal(ctx, "entra", ["plan.nav.identity", "plan.nav.overview", "plan.nav.properties", "plan.nav.manageSecurityDefaults"]),
      undo: { text: ctx.tr("plan.undo.securityDefaults"), commands: [] },
      security: "high",
      warning: true,
      changesTenant: true,
      wait: "plan.wait.ca",
    };
  },
};
