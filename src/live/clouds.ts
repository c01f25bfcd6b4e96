// Where each Microsoft cloud lives: the sign-in authority, Microsoft Graph and Exchange Online,
// plus the resource (audience) each token is asked for. Environment overrides point the tool at
// private endpoints and at the local emulators in tests; they never change the token audience.
import { badInput } from "../errors.js";

export const CLOUDS = ["global", "usgov-high", "usgov-dod", "china"] as const;
export type Cloud = (typeof CLOUDS)[number];

export interface CloudEndpoints {
  cloud: Cloud;
  /** Authority host URL without the tenant, e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** Graph base URL; /v1.0/… and /beta/… are appended. */
  graphBase: string;
  /** Exchange base URL; /adminapi/beta/{tenantId}/InvokeCommand is appended. */
  exchangeBase: string;
  /** Token audiences (scopes are `${resource}/.default`). */
  graphResource: string;
  exchangeResource: string;
  /** Connect-ExchangeOnline -ExchangeEnvironmentName, when not the worldwide cloud. */
  exchangeEnvironmentName?: string;
  /** True when an override points the authority somewhere msal-node does not know (knownAuthorities). */
  authorityOverridden: boolean;
}

const TABLE: Record<Cloud, Omit<CloudEndpoints, "authorityOverridden" | "cloud">> = {
  global: {
    authorityHost: "https://login.microsoftonline.com",
    graphBase: "https://graph.microsoft.com",
    exchangeBase: "https://outlook.office365.com",
    graphResource: "https://graph.microsoft.com",
    exchangeResource: "https://outlook.office365.com",
  },
  // GCC High. Authority and Graph hosts are Microsoft's national-cloud hosts; the Exchange host
  // and audience are UNCONFIRMED by a Microsoft document (domain.md §3, §6.3: ScubaGear/community code).
  "usgov-high": {
    authorityHost: "https://login.microsoftonline.us",
    graphBase: "https://graph.microsoft.us",
    exchangeBase: "https://outlook.office365.us",
    graphResource: "https://graph.microsoft.us",
    exchangeResource: "https://outlook.office365.us",
    exchangeEnvironmentName: "O365USGovGCCHigh",
  },
  // DoD. Exchange host and audience UNCONFIRMED (domain.md §3: EmailEngine code, ScubaGear).
  "usgov-dod": {
    authorityHost: "https://login.microsoftonline.us",
    graphBase: "https://dod-graph.microsoft.us",
    exchangeBase: "https://outlook-dod.office365.us",
    graphResource: "https://dod-graph.microsoft.us",
    exchangeResource: "https://outlook-dod.office365.us",
    exchangeEnvironmentName: "O365USGovDoD",
  },
  // 21Vianet. Exchange admin host and audience UNCONFIRMED (domain.md §6.3 "21Vianet UNCONFIRMED").
  china: {
    authorityHost: "https://login.chinacloudapi.cn",
    graphBase: "https://microsoftgraph.chinacloudapi.cn",
    exchangeBase: "https://partner.outlook.cn",
    graphResource: "https://microsoftgraph.chinacloudapi.cn",
    exchangeResource: "https://partner.outlook.cn",
    exchangeEnvironmentName: "O365China",
  },
};

export function parseCloud(value: string | undefined): Cloud {
  if (value === undefined) return "global";
  if ((CLOUDS as readonly string[]).includes(value)) return value as Cloud;
  throw badInput("args.cloud", "live.err.cloud", { value, values: CLOUDS.join(", ") });
}

/** The endpoints for a cloud with SMTP_AUTH_DOCTOR_AUTHORITY / _GRAPH / _EXCHANGE applied. */
export function resolveEndpoints(cloud: Cloud, env: NodeJS.ProcessEnv): CloudEndpoints {
  const base = TABLE[cloud];
  const authority = overrideUrl(env, "SMTP_AUTH_DOCTOR_AUTHORITY");
  const graph = overrideUrl(env, "SMTP_AUTH_DOCTOR_GRAPH");
  const exchange = overrideUrl(env, "SMTP_AUTH_DOCTOR_EXCHANGE");
  return {
    cloud,
    ...base,
    authorityHost: authority ?? base.authorityHost,
    graphBase: graph ?? base.graphBase,
    exchangeBase: exchange ?? base.exchangeBase,
    authorityOverridden: authority !== undefined,
  };
}

function overrideUrl(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw badInput("env.url", "live.err.envUrl", { name, value: raw.slice(0, 80) });
  }
  if (url.protocol !== "https:" || url.search || url.hash || url.username || url.password) {
    throw badInput("env.url", "live.err.envUrl", { name, value: raw.slice(0, 80) });
  }
  return url.toString().replace(/\/+$/, "");
}
