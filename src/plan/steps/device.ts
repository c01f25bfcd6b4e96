// Steps on the device itself: its network, server, port and encryption, sign-in method, firmware,
// user name and password, sender address and sending rate; waiting out a temporary error.
import { hostTypoOf } from "../../engine/gates/transport.js";
import { CLIENT_NAMES, detectClient, localAddressIn, LOOPBACK_OTHER_PORT_SIGNAL } from "../../replies/signals.js";
import { PLACEHOLDER, exo, hveHost, lookedUpServer, mxServer, otherServer, replyPatterns, resolveEntra, resolveName, resolveOther, signInRead, stepTexts, testedServer, tnc, tncEntra, tncHve, tncOther, EXCHANGE_READERS, SIGN_IN_LOG_READERS, type StepDef } from "./common.js";
import type { SecurityLevel, Who } from "../types.js";

/** The device's own OAuth token, with any mail service (Sharp's "Token update failed": delete it and get a new one). */
export const DEVICE_OAUTH_TOKEN: StepDef = {
  id: "device-oauth-token",
  causes: ["device-oauth-token"],
  // Its check is the device's own connection test and a test message (said in its verify text).
  build: () => ({ who: "device-owner", scope: "device", security: "none", testSend: false }),
};

/** The device closed the session after signing in: its own log and settings, or a server reply it does not understand. Any service. */
export const DEVICE_AFTER_SIGN_IN: StepDef = {
  id: "device-after-sign-in",
  causes: ["session-ended-after-sign-in"],
  build: () => ({ who: "device-owner", scope: "device", security: "none" }),
};

/** The sender address itself refused, by any mail service: one full address at a real domain. */
export const DEVICE_SENDER_ADDRESS: StepDef = {
  id: "device-sender-address",
  causes: ["sender-address-invalid"],
  // Its verify text has the test message.
  build: (ctx, found) => {
    // .NET refused an address before sending, without saying which (the From address or a recipient): the program's owner checks them all.
    if (!replyPatterns(found).has("dotnet-address-format")) return { who: "helpdesk", scope: "device", security: "none", testSend: false };
    return { who: "device-owner", scope: "device", security: "none", testSend: false, ...stepTexts(ctx, "plan.step.device-sender-address.anyAddress") };
  },
};

/** The reply patterns of a refusal because the client did not greet with EHLO first ("Send hello first", "Need EHLO before AUTH"). */
const EHLO_FIRST: ReadonlySet<string> = new Set(["send-hello-first", "need-ehlo"]);

/** A finding whose reply says the client did not greet with EHLO first. */
function ehloFirst(f: Parameters<StepDef["build"]>[1][number]): boolean {
  return f.id === "client-protocol-error" && f.evidence.some((e) => e.kind === "reply" && EHLO_FIRST.has(e.patternId));
}

/**
 * The client whose words the pasted reply shows (detectClient()), when no device maker is recorded or the sender is an application
 * (chosen, or taken from the paste by the wizard): a maker's device is not a program.
 */
function pastedClient(c: Parameters<StepDef["build"]>[0]["c"]): string | undefined {
  const reply = c.device?.reply;
  const vendor = c.device?.vendor;
  return reply === undefined || (vendor !== undefined && vendor !== "app") ? undefined : detectClient(reply);
}

/**
 * The program library the pasted text shows sending (a PHPMailer debug log, a .NET exception): a program has no firmware, its
 * library and runtime are what is updated (sixth hunt's PHPMailer #32 was told to "update the device's firmware").
 */
function programInCase(c: Parameters<StepDef["build"]>[0]["c"]): string | undefined {
  const client = pastedClient(c);
  return client !== undefined ? CLIENT_NAMES[client] : undefined;
}

/**
 * The pasted text is the log of a Postfix relay sending on the device's behalf (its "postfix/smtp" lines, its bounce's
 * "(in reply to … command)"): the relay's main.cf is what signs in and starts TLS, not a device's panel (sixth hunt #17:
 * "use port 587 with STARTTLS on the device" for Postfix's own 530 5.7.57).
 */
function postfixInCase(c: Parameters<StepDef["build"]>[0]["c"]): boolean {
  return pastedClient(c) === "postfix";
}

/** The step's text for a Postfix relay: main.cf and sasl_passwd, by the relay's administrator. */
function postfixStep(ctx: Parameters<StepDef["build"]>[0], id: "device-port-starttls" | "device-enable-auth" | "device-auth-mechanism"): ReturnType<StepDef["build"]> {
  return {
    who: "network-admin",
    scope: "device",
    security: id === "device-enable-auth" ? "low" : "none",
    title: ctx.tr(`plan.step.${id}.postfix.title`),
    why: ctx.tr(`plan.step.${id}.postfix.why`, { user: ctx.login.value ?? PLACEHOLDER.mailbox }),
    verify: ctx.tr("plan.step.relay-own-settings.verify"),
    ...(id === "device-enable-auth" ? { securityText: ctx.tr("plan.step.device-enable-auth.postfix.security") } : {}),
    undo: { text: ctx.tr("plan.undo.relayConfigCopy"), commands: [] },
  };
}

/**
 * The text is the words of a program that can neither sign in nor start TLS (OSSEC's maild, "Mail from not accepted by server",
 * eighteenth hunt #9): no setting of its own fixes it, a relay on its host that signs in does.
 */
export function cannotSignIn(found: Parameters<StepDef["build"]>[1]): boolean {
  return replyPatterns(found).has("ossec-mail-from-not-accepted");
}

/** The findings a general step still answers once the EHLO step has taken its own (null: none left). */
export function besidesEhlo(found: Parameters<StepDef["build"]>[1]): { answers?: Parameters<StepDef["build"]>[1] } | null {
  const rest = found.filter((f) => !ehloFirst(f));
  if (rest.length === 0) return null;
  return rest.length < found.length ? { answers: rest } : {};
}

/**
 * The server refused AUTH because the client had not greeted it with EHLO (fifth hunt #11: "Need EHLO before AUTH" read
 * "update the firmware: TLS 1.2, root certificates"): the client's greeting, with any mail service.
 */
export const DEVICE_EHLO: StepDef = {
  id: "device-ehlo",
  causes: ["client-protocol-error"],
  build: (_ctx, found) => (found.some(ehloFirst) ? { who: "device-owner", scope: "device", security: "none", answers: found.filter(ehloFirst) } : null),
};

/** The program's own computer and the port a connection there was refused on, when that port is not a mail port (a local relay or proxy's). */
function localRelay(found: Parameters<StepDef["build"]>[1]): { host: string; port: number } | undefined {
  for (const f of found) {
    for (const e of f.evidence) {
      if (e.kind !== "reply" || e.patternId !== LOOPBACK_OTHER_PORT_SIGNAL.id) continue;
      const local = localAddressIn(e.reply);
      if (local) return local;
    }
  }
  return undefined;
}

export const DEVICE_STEPS: StepDef[] = [
  DEVICE_EHLO,
  {
    id: "device-network",
    causes: ["network-unreachable"],
    build: (ctx, found) => {
      const hve = hveHost(ctx);
      // The name did not resolve (the probe's DNS phase, or a pasted "getaddrinfo … Name or service not known" that leads): DNS or
      // a proxy-only network on this PC, not a port. The name is the device's other server's, else the one the test from this PC
      // tried, else Microsoft 365's (it named smtp.office365.com for every host). A host a letter from Microsoft's is a typing
      // mistake the endpoint step corrects, not a name to make resolve.
      if (found.some((f) => f.evidence.some((e) => (e.kind === "probe" && e.what.startsWith("dns:")) || (e.kind === "reply" && (e.patternId === "network-dns" || e.patternId === "relay-dns-lookup"))))) {
        const relayLookup = found.some((f) => f.evidence.some((e) => e.kind === "reply" && e.patternId === "relay-dns-lookup"));
        // (A mail server's own lookup names the recipient's host, which is what did not resolve, whatever server the case records.)
        const recorded = otherServer(ctx) ?? testedServer(ctx);
        const named = hve !== undefined ? { host: hve, port: 587 } : relayLookup ? (lookedUpServer(ctx, true) ?? recorded) : (recorded ?? lookedUpServer(ctx, false));
        const server = named !== undefined && hostTypoOf(named.host) === undefined ? named : undefined;
        const params = { host: server?.host ?? "smtp.office365.com" };
        const resolve = server === undefined ? resolveName : resolveOther(server.host);
        const key = relayLookup ? ("plan.step.device-network.dns.relay" as const) : ("plan.step.device-network.dns" as const);
        return {
          who: "network-admin",
          scope: "device",
          check: [resolve],
          verifyCommands: [resolve, server === undefined ? tnc : tncOther(server)],
          security: "none",
          // A mail server's own lookup of a recipient's host (relay-dns-lookup): that server's resolver, not this PC's DNS.
          title: ctx.tr(`${key}.title`, params),
          why: ctx.tr(`${key}.why`, params),
          verify: ctx.tr(`${key}.verify`, params),
        };
      }
      // Refused at the computer's own address on a port that is not a mail port (email-oauth2-proxy's 1587): the relay or proxy
      // meant to run there first, tested on that computer, not a way to smtp.office365.com.
      const local = localRelay(found);
      if (local) {
        const key = "plan.step.device-network.localRelay" as const;
        const params = { host: local.host, port: String(local.port) };
        return { who: "device-owner", scope: "device", check: [tncOther(local)], verifyCommands: [tncOther(local)], security: "none", title: ctx.tr(`${key}.title`, params), why: ctx.tr(`${key}.why`, params), verify: ctx.tr(`${key}.verify`, params), securityText: ctx.tr(`${key}.security`) };
      }
      // A shared host's own mail server answered in place of Microsoft's (sixteenth hunt #12): the hosting network redirects SMTP;
      // the provider lifts it, or the mail goes another way. Opening a firewall port is not it.
      if (found.some((f) => f.evidence.some((e) => e.kind === "reply" && e.patternId === "smtp-intercepted"))) {
        const key = "plan.step.device-network.intercepted" as const;
        return { who: "network-admin", scope: "device", check: [tnc], verifyCommands: [tnc], security: "low", title: ctx.tr(`${key}.title`), why: ctx.tr(`${key}.why`), verify: ctx.tr(`${key}.verify`) };
      }
      // High Volume Email's own host (tenth hunt #18): that host on 587, not smtp.office365.com.
      if (hve) return { who: "network-admin", scope: "device", check: [tncHve(hve)], verifyCommands: [tncHve(hve)], security: "low", title: ctx.tr("plan.step.device-network.hve.title", { host: hve }) };
      // The organization's MX host on port 25 (Direct Send, a connector relay): outgoing port 25 blocked on the way, that host tested.
      const mx = mxServer(ctx);
      if (mx) {
        const params = { host: mx.host, port: "25" };
        const title = ctx.tr("plan.step.device-network.mx.title", params);
        return { who: "network-admin", scope: "device", check: [tncOther(mx)], verifyCommands: [tncOther(mx)], security: "low", title, why: ctx.tr("plan.step.device-network.mx.why", params), verify: ctx.tr("plan.step.device-network.other.verify", params), securityText: ctx.tr("plan.step.device-network.other.security") };
      }
      // Another server the device connects to (an organization's relay, a hosting provider's; tenth hunt #20): that host and port.
      // Without the device's own, the server the test from this PC could not reach: the host and port tested.
      const other = otherServer(ctx) ?? testedServer(ctx);
      if (other) {
        const key = "plan.step.device-network.other" as const;
        const params = { host: other.host, port: String(other.port) };
        return { who: "network-admin", scope: "device", check: [tncOther(other)], verifyCommands: [tncOther(other)], security: "low", title: ctx.tr(`${key}.title`, params), why: ctx.tr(`${key}.why`, params), verify: ctx.tr(`${key}.verify`, params), securityText: ctx.tr(`${key}.security`) };
      }
      return { who: "network-admin", scope: "device", check: [tnc], verifyCommands: [tnc], security: "low" };
    },
  },
  // The app could not reach Entra ID's sign-in endpoint for its token (hunt 5 #19): that host on HTTPS, from where the app runs.
  {
    id: "app-reach-entra",
    causes: ["entra-unreachable"],
    build: () => ({ who: "network-admin", scope: "device", check: [resolveEntra, tncEntra], verifyCommands: [resolveEntra, tncEntra], security: "low", testSend: false }),
  },
  {
    id: "device-endpoint",
    causes: ["wrong-endpoint"],
    // A device of High Volume Email's keeps its own host: "set it to smtp.office365.com" would stop it (tenth hunt #18).
    build: (ctx, found) => {
      // A host a letter or two from Microsoft 365's (smtp.office365.con): corrected to that host, said as a typing mistake
      // (the cause said "did you mean …?", the step "if the device should send through Microsoft 365 …").
      const typo = found.flatMap((f) => f.evidence).find((e) => e.kind === "inference" && e.messageKey === "inference.hostTypo");
      const typed = ctx.c.device?.host;
      if (typo?.kind === "inference" && typeof typo.params?.host === "string" && typed !== undefined) {
        const params = { host: typo.params.host, typed: typed.slice(0, 100) };
        return { who: "helpdesk", scope: "device", verifyCommands: [tncOther({ host: typo.params.host, port: 587 })], security: "none", title: ctx.tr("plan.step.device-endpoint.typo.title", params), why: ctx.tr("plan.step.device-endpoint.typo.why", params), verify: ctx.tr("plan.step.device-endpoint.typo.verify", params) };
      }
      // A relay or proxy on the program's own computer, refused on a port that is not a mail port: its port, not Microsoft's host.
      const local = localRelay(found);
      if (local) {
        const key = "plan.step.device-endpoint.localRelay" as const;
        const params = { host: local.host, port: String(local.port) };
        return { who: "device-owner", scope: "device", security: "none", title: ctx.tr(`${key}.title`, params), why: ctx.tr(`${key}.why`, params), verify: ctx.tr(`${key}.verify`, params) };
      }
      const hve = hveHost(ctx);
      // The MX host on port 25 is right for Direct Send and a connector relay: smtp.office365.com only for a device that signs in.
      const mx = hve ? undefined : mxServer(ctx);
      if (mx) {
        const key = "plan.step.device-endpoint.mx" as const;
        return { who: "helpdesk", scope: "device", verifyCommands: [tnc], security: "none", title: ctx.tr(`${key}.title`, { host: mx.host }), why: ctx.tr(`${key}.why`, { host: mx.host }) };
      }
      const other = hve ? undefined : otherServer(ctx);
      if (other) {
        const key = "plan.step.device-endpoint.other" as const;
        return { who: "helpdesk", scope: "device", verifyCommands: [tnc], security: "none", title: ctx.tr(`${key}.title`, { host: other.host }), why: ctx.tr(`${key}.why`, { host: other.host }) };
      }
      if (!hve) return { who: "helpdesk", scope: "device", verifyCommands: [tnc], security: "none" };
      const key = "plan.step.device-endpoint.hve" as const;
      return { who: "helpdesk", scope: "device", verifyCommands: [tncHve(hve)], security: "none", title: ctx.tr(`${key}.title`, { host: hve }), why: ctx.tr(`${key}.why`, { host: hve }), verify: ctx.tr(`${key}.verify`, { host: hve }) };
    },
  },
  {
    id: "device-port-starttls",
    causes: ["starttls-missing"],
    // OSSEC's maild starts no TLS at all: the local relay of the sign-in step does it (that step answers this cause too).
    build: (ctx, found) => (cannotSignIn(found) ? null : postfixInCase(ctx.c) ? postfixStep(ctx, "device-port-starttls") : { who: "helpdesk", scope: "device", security: "none" }),
  },
  {
    id: "device-auth-mechanism",
    causes: ["auth-mechanism-unsupported"],
    // A Postfix relay's method is its SASL library's modules and its mechanism filter (nineteenth hunt: "no mechanism available",
    // libsasl2-modules missing; a filter left at "plain"), not a setting on a device.
    build: (ctx) => (postfixInCase(ctx.c) ? postfixStep(ctx, "device-auth-mechanism") : { who: "helpdesk", scope: "device", security: "none" }),
  },
  {
    id: "device-firmware",
    causes: ["tls-version-unsupported", "tls-handshake-failed", "client-protocol-error"],
    build: (ctx, found) => {
      const rest = besidesEhlo(found);
      if (!rest) return null;
      // A reading whose fix is not the device's firmware: who acts and that step's own texts.
      const patterns = replyPatterns(found);
      const elsewhere = NOT_THE_FIRMWARE.find((v) => patterns.has(v.pattern));
      if (elsewhere) {
        const texts = stepTexts(ctx, `plan.step.device-firmware.${elsewhere.variant}`);
        return { who: elsewhere.who, scope: "device", security: elsewhere.security, ...(elsewhere.testSend === false ? { testSend: false } : {}), ...texts, ...rest };
      }
      const program = programInCase(ctx.c);
      const texts = program
        ? { title: ctx.tr("plan.step.device-firmware.app.title"), why: ctx.tr("plan.step.device-firmware.app.why", { program }), verify: ctx.tr("plan.step.device-firmware.app.verify"), securityText: ctx.tr("plan.step.device-firmware.app.security") }
        : {};
      return { who: "device-owner", scope: "device", security: "low", ...texts, ...rest };
    },
  },
  {
    id: "device-enable-auth",
    causes: ["no-authentication"],
    build: (ctx, found) => {
      // A program that cannot sign in (OSSEC's maild): the MX host on port 25 takes it without a password (Direct Send, or a
      // connector for outside recipients); a relay on its host that signs in with a password is Basic, and temporary.
      if (cannotSignIn(found)) {
        const starttls = ctx.d.causes.filter((f) => f.id === "starttls-missing" && cannotSignIn([f]));
        return { who: "network-admin", scope: "device", security: "low", ...stepTexts(ctx, "plan.step.device-enable-auth.ossec"), undo: { text: ctx.tr("plan.undo.ossecConfigCopy"), commands: [] }, answers: [...found, ...starttls] };
      }
      return postfixInCase(ctx.c) ? postfixStep(ctx, "device-enable-auth") : { who: "helpdesk", scope: "device", security: "none" };
    },
  },
  {
    id: "device-credentials",
    causes: ["wrong-credentials"],
    build: (ctx, found) => {
      // The title shows the full address to type; a short name on the device is not one.
      const params = { user: ctx.login.value?.includes("@") ? ctx.login.value : PLACEHOLDER.mailbox };
      // The recorded user name is no address (the engine's user-name gate): that fact proves it, no sign-in log needed,
      // and the fix is the name, not the password (persona round 6, P6-3).
      if (found.some((f) => f.evidence.some((e) => e.kind === "fact" && e.path === "device.username"))) {
        return {
          who: "helpdesk",
          scope: "device",
          security: "none",
          params,
          title: ctx.tr("plan.step.device-credentials.userName.title", params),
          why: ctx.tr("plan.step.device-credentials.userName.why"),
          verify: ctx.tr("plan.step.device-credentials.userName.verify"),
          securityText: ctx.tr("plan.step.device-credentials.userName.security"),
        };
      }
      return { who: "helpdesk", checkBy: [...SIGN_IN_LOG_READERS], scope: "device", check: [signInRead(ctx)], security: "low", params };
    },
  },
  DEVICE_AFTER_SIGN_IN,
  {
    id: "device-from-address",
    causes: ["send-as-denied"],
    build: () => ({ who: "helpdesk", scope: "device", security: "none" }),
  },
  DEVICE_OAUTH_TOKEN,
  DEVICE_SENDER_ADDRESS,
  {
    id: "device-sending-rate",
    causes: ["sending-limit"],
    build: (ctx, found) => {
      // The limit the server named, when it named one that is not a rate: its own step (a 552 5.3.4 read "reduce the sending rate").
      const limit = namedLimit(found);
      const draft = { who: "device-owner", scope: "device", security: "low" } as const;
      if (!limit) return draft;
      // The tenant's onmicrosoft.com domain (5.7.236): a lower rate only waits for the next day; the sender's domain fixes it
      // (the step said "reduce the sending rate" while its note said so, fifth hunt #2).
      if (limit === "onmicrosoft") {
        const read = exo(`Get-Mailbox -Identity ${ctx.login.ps} | Select-Object PrimarySmtpAddress`);
        const key = "plan.step.device-sending-rate.onmicrosoft" as const;
        return { who: "helpdesk", scope: "device", security: "none", check: [read], checkBy: [...EXCHANGE_READERS], verifyCommands: [read], title: ctx.tr(`${key}.title`), why: ctx.tr(`${key}.why`), verify: ctx.tr(`${key}.verify`), securityText: ctx.tr(`${key}.security`) };
      }
      const key = `plan.step.device-sending-rate.${limit}` as const;
      return { ...draft, title: ctx.tr(`${key}.title`), why: ctx.tr(`${key}.why`), verify: ctx.tr(`${key}.verify`) };
    },
  },
];

/**
 * Readings of a TLS or protocol failure whose fix is elsewhere than the device's firmware, in the order they are looked for:
 * the reply pattern, the step's variant (plan.step.device-firmware.<variant>.*), who acts and the security level.
 */
const NOT_THE_FIRMWARE: ReadonlyArray<{ pattern: string; variant: "revocation" | "proxy" | "selfSigned" | "mailFrom" | "unknownAuthority" | "plainAfterStarttls"; who: Who; security: SecurityLevel; testSend?: false }> = [
  // The certificate's signer is not trusted (Go's "x509: certificate signed by unknown authority", featmap#66): the CA store where
  // the sender runs, or a TLS-inspecting box in between.
  { pattern: "tls-unknown-authority", variant: "unknownAuthority", who: "device-owner", security: "low" },
  // The certificate's revocation could not be checked (tenth hunt #13): the path to the CA's servers. Its verify sends already.
  { pattern: "tls-revocation-unchecked", variant: "revocation", who: "network-admin", security: "low", testSend: false },
  // A load balancer's PROXY protocol header refused as a command (eleventh hunt #20): that setting.
  { pattern: "proxy-protocol-header", variant: "proxy", who: "network-admin", security: "low" },
  // A self-signed certificate (twelfth hunt #8): the server's or an inspecting box's, which no trust-store update makes trusted.
  { pattern: "tls-self-signed", variant: "selfSigned", who: "network-admin", security: "low" },
  // PHP's STARTTLS handshake answered in plain text (nineteenth hunt): what takes over the SMTP connection on the way.
  { pattern: "starttls-answered-plain", variant: "plainAfterStarttls", who: "network-admin", security: "low" },
  // MAIL FROM refused for a parameter the program adds (twelfth hunt #12): the program or its library.
  { pattern: "mail-from-parameter-refused", variant: "mailFrom", who: "device-owner", security: "none" },
];

/** The sending limit a reply names when it is not a rate: connections at a time, the message's size, recipients per message. */
function namedLimit(found: Parameters<StepDef["build"]>[1]): "connections" | "size" | "recipientSize" | "recipients" | "onmicrosoft" | undefined {
  const patterns = replyPatterns(found);
  if (patterns.size !== 1) return undefined;
  if (patterns.has("concurrent-connections") || patterns.has("concurrent-connections-forest")) return "connections";
  if (patterns.has("message-too-large")) return "size";
  if (patterns.has("recipient-size-limit")) return "recipientSize";
  if (patterns.has("too-many-recipients")) return "recipients";
  if (patterns.has("tenant-onmicrosoft-limit")) return "onmicrosoft";
  return undefined;
}

export const RETRY_LATER: StepDef = {
  id: "retry-later",
  causes: ["transient-service-error"],
  build: (ctx, found) => ({
    who: "helpdesk",
    scope: "device",
    security: "none",
    wait: "plan.wait.transient",
    testSend: false,
    // Exchange Online's 451 4.7.0 (PRX4) is named only where the reply is that one or unseen (a temporary 450 "mailbox
    // unavailable" from a server the text does not name got the PRX4 checks, eleventh hunt #5).
    ...(ctx.outside ? { why: ctx.tr("plan.step.retry-later.why.outside") } : otherTransient(found) ? { why: ctx.tr("plan.step.retry-later.why.other") } : {}),
    // A delay notice says the server keeps trying and the message need not be sent again (sendmail's "YOU DO NOT NEED TO
    // RESEND YOUR MESSAGE", Postfix's "still being retried"; eleventh hunt #13 was told "Wait and send again").
    ...(DELAY_NOTICE.test(ctx.c.device?.reply ?? "") ? { title: ctx.tr("plan.step.retry-later.delay.title"), why: ctx.tr("plan.step.retry-later.delay.why"), verify: ctx.tr("plan.step.retry-later.delay.verify") } : {}),
  }),
};

/** A delivery delay notice's own words: the server is still retrying, nothing is to be sent again. */
const DELAY_NOTICE = /\bdo not need to resend\b|\bstill being retried\b|\bwill (?:continue|keep) (?:trying|to try)\b|\bdelivery has been delayed\b/i;

/** A temporary refusal whose reply is shown and is not Exchange Online's 4.7.0 (PRX4 and its kind). */
function otherTransient(found: Parameters<StepDef["build"]>[1]): boolean {
  const replies = found.flatMap((f) => f.evidence.flatMap((e) => (e.kind === "reply" ? [e.reply] : [])));
  return replies.length > 0 && !replies.some((r) => /\b4\.7\.0\b|\bPRX\d/i.test(r));
}

