// Steps on tenant-wide settings: federation, security defaults, the connectors of Direct Send and
// SMTP relay.
import { psQuote } from "../../shell/powershell.js";
import { PLACEHOLDER, exo, graph, mgUserRead, portal, EXCHANGE_READERS, POLICY_READERS, type StepDef } from "./common.js";

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
    build: () => ({ who: "network-admin", scope: "tenant", security: "none" }),
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
