// Which mail service the device talks to (issue 10, domain.md §13). This tool diagnoses Exchange
// Online; when the reply, device.host, device.provider or the account's address shows another
// service, no tenant, mailbox or identity check of Microsoft 365 applies: the diagnosis says so,
// gives what is known about that service, and reads the reply for that service's own causes.
import type { Case, Device, ProviderId } from "../../case/schema.js";
import { isConsumerMicrosoftAddress as consumerAddress, providerFromHost as hostsProvider } from "../../replies/providers.js";
import { remembered } from "../remember.js";
import { RELAY_OWN_REFUSAL } from "../../replies/index.js";
import type { ReplyAnalysis } from "../../replies/types.js";
import { inference, type Ctx } from "../context.js";
import type { InfoId } from "../keys.js";
import type { Diagnosis, Evidence } from "../types.js";

export interface ProviderFinding {
  id: Exclude<ProviderId, "exchange-online">;
  evidence: Evidence[];
}

const INFO: Record<ProviderFinding["id"], InfoId> = {
  "outlook-consumer": "provider-outlook-consumer",
  google: "provider-google",
  brevo: "provider-brevo",
  netease: "provider-netease",
  qq: "provider-qq",
  "exchange-onprem": "provider-exchange-onprem",
  other: "provider-other",
};

const fact = (c: Case, path: "device.provider" | "device.host" | "device.username" | "device.from"): Evidence => {
  const parts = path.split(".") as ["device", "provider" | "host" | "username" | "from"];
  const value = c.device?.[parts[1]];
  const source = c.sources?.[path];
  return source ? { kind: "fact", path, value, source } : { kind: "fact", path, value };
};

/**
 * The service outside Exchange Online that the evidence shows, or undefined (Exchange Online, or
 * nothing says otherwise). The server's own text outranks a recorded setting; a host name or the
 * account's address outranks nothing said at all. `d` is the case's device (the engine passes its
 * copy of one shape, src/engine/shape.ts).
 */
export function identifyProvider(c: Case, analysis: ReplyAnalysis | undefined, d: Device = c.device ?? {}): ProviderFinding | undefined {
  const text = analysis?.recognized ? analysis.provider : undefined;

  // The host and the addresses are read only where they decide: most cases are settled before.
  if (text && text.id !== "exchange-online") {
    // A reply only known not to be Exchange Online's: the host or the recorded service names which one.
    const host = text.id === "other" ? hostProvider(d) : undefined;
    if (host !== undefined) return { id: host, evidence: [clue(text.clue), fact(c, "device.host")] };
    if (text.id === "other" && d.provider !== undefined && d.provider !== "exchange-online") return { id: d.provider, evidence: [clue(text.clue), fact(c, "device.provider")] };
    return { id: text.id, evidence: [clue(text.clue)] };
  }
  if (text?.id === "exchange-online") {
    // Microsoft's cloud answered: a work account's tenant, or a personal Outlook.com account on the same front ends.
    if (d.provider === "outlook-consumer") return { id: "outlook-consumer", evidence: [clue(text.clue), fact(c, "device.provider")] };
    if (hostProvider(d) === "outlook-consumer") return { id: "outlook-consumer", evidence: [clue(text.clue), fact(c, "device.host")] };
    const consumerAddress = consumerAddressOf(d);
    if (consumerAddress !== undefined) return { id: "outlook-consumer", evidence: [clue(text.clue), fact(c, consumerAddress === d.username ? "device.username" : "device.from"), inference("inference.consumerAccount", { address: consumerAddress })] };
    // The account an AUTH XOAUTH2 string in the text names (sixth hunt #28: Postfix to smtp.outlook.com, which serves both kinds).
    const tokenUser = oauthUserOf(analysis, d);
    if (tokenUser !== undefined) return { id: "outlook-consumer", evidence: [clue(text.clue), inference("inference.consumerOAuthUser", { address: tokenUser })] };
    return undefined;
  }
  if (d.provider !== undefined) return d.provider === "exchange-online" ? undefined : { id: d.provider, evidence: [fact(c, "device.provider")] };
  const host = hostProvider(d);
  if (host === "outlook-consumer") {
    // smtp-mail.outlook.com also answers work accounts: a work address there is a tenant's mailbox on the wrong host.
    return recordedWorkAddress(d) ? undefined : { id: "outlook-consumer", evidence: [fact(c, "device.host")] };
  }
  if (host !== undefined) return { id: host, evidence: [fact(c, "device.host")] };
  const consumerAddress = consumerAddressOf(d);
  if (consumerAddress !== undefined && (d.host === undefined || /(?:office365|outlook)\.com\.?$/i.test(d.host.trim()))) {
    return { id: "outlook-consumer", evidence: [fact(c, consumerAddress === d.username ? "device.username" : "device.from"), inference("inference.consumerAccount", { address: consumerAddress })] };
  }
  return undefined;
}

/** The words of the text that show the service, as evidence. */
function clue(words: string): Evidence {
  return inference("inference.providerClue", { clue: words });
}

/** The replies' readings of a host and of an address (pure), kept for the last ones seen (src/engine/remember.ts). */
const providerFromHost = remembered(hostsProvider);
const isConsumerMicrosoftAddress = remembered(consumerAddress);

function hostProvider(d: Device): ReturnType<typeof providerFromHost> {
  return d.host !== undefined ? providerFromHost(d.host) : undefined;
}

/**
 * The personal Microsoft account an XOAUTH2 string in the pasted text names (ReplyAnalysis.oauthUser), unless the case records
 * a work address as the user name: the recorded setting outranks the text's.
 */
function oauthUserOf(analysis: ReplyAnalysis | undefined, d: Device): string | undefined {
  const user = analysis?.oauthUser;
  return user === undefined || recordedWorkAddress(d) ? undefined : user;
}

/** The device's recorded user name is a full address that is not a personal Microsoft one: a work account's. */
function recordedWorkAddress(d: Device): boolean {
  return d.username !== undefined && d.username.includes("@") && !isConsumerMicrosoftAddress(d.username);
}

/** The device's user name or sender, the first that is a personal Microsoft address. */
function consumerAddressOf(d: Device): string | undefined {
  if (d.username !== undefined && isConsumerMicrosoftAddress(d.username)) return d.username;
  if (d.from !== undefined && isConsumerMicrosoftAddress(d.from)) return d.from;
  return undefined;
}

/**
 * Outside Exchange Online: say which service it is (and what is known about it), and for a personal
 * Outlook.com account with a password, that Basic authentication ended on 16 September 2024.
 * Without the server's reply nothing else can be known: the reply is what is still unknown.
 */
export function providerGate(ctx: Ctx): void {
  const p = ctx.provider;
  if (!p) return;
  const { out } = ctx;
  // A refusal the relay the device sends to logged as its own: that relay answered, not "another mail service".
  // (Copies of the provider's evidence: the collector keeps the list it is given and adds to it.)
  out.info(ctx.analysis?.primary?.patternId === RELAY_OWN_REFUSAL ? "relay-own-refusal" : INFO[p.id], [...p.evidence]);
  // (A sign-in the reply shows accepted, a 235 or a refusal only a signed-in sender meets, was no password refused.)
  if (p.id === "outlook-consumer" && !ctx.authPassed) {
    if (ctx.mode === "basic") out.add("consumer-basic-auth-ended", "blocking", [...p.evidence, ...(ctx.modeEvidence ? [ctx.modeEvidence] : [])]);
    else if (ctx.mode === "unknown") {
      out.add("consumer-basic-auth-ended", "possible", [...p.evidence], { notes: ["note.ifBasic"] });
      out.unknown("device.auth");
    }
  }
  // Without the server's own reply nothing about that service's account can be known.
  if (ctx.device.reply === undefined) out.unknown("device.reply");
}

/** The service outside Exchange Online a diagnosis names (from its Info entry), or undefined. */
export function outsideExchangeOnline(d: Pick<Diagnosis, "info">): ProviderFinding["id"] | undefined {
  for (const [id, info] of Object.entries(INFO) as [ProviderFinding["id"], InfoId][]) if (d.info.some((i) => i.id === info)) return id;
  // The relay's own refusal stands in for "another service" (the relay answered, see providerGate).
  return d.info.some((i) => i.id === "relay-own-refusal") ? "other" : undefined;
}
