// The fourth hunt (./real-pastes-found-4.ts, 33 pastes from public threads and Japanese pages, 2026-12-04): every paste
// is read in both languages without a stack trace, and the readings that were wrong that day are pinned here, each
// against the `reading` written before the tool was run (domain.md's sections named there).
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_4 } from "./real-pastes-found-4.js";
import { assertNoTenantCause, EXIT, EXO_535_5_7_3, explain, explainText, ids, POSTFIX_SAID_535, type ExplainJson } from "./real-pastes-data.js";
import { runMain } from "../helpers/run-main.js";
import { t } from "../../src/i18n/index.js";
import { analyzeReply } from "../../src/replies/index.js";

/** Pastes without a server's reply or a client's words about SMTP (or about reading a mailbox): exit 2 is the right answer. */
const NOTHING_TO_READ = ["https://github.com/knadh/listmonk/issues/3192", "https://github.com/zabbix/zabbix-docker/issues/788", "https://github.com/ECAConcordia/IT/issues/21", "https://github.com/Graylog2/graylog2-server/issues/1381", "https://github.com/marlam/msmtp/issues/83", "https://github.com/nextcloud/server/issues/50741"];

const paste = (source: string) => {
  const p = FOUND_ROUND_4.find((x) => x.source.startsWith(source));
  assert.ok(p, source);
  return p;
};
const read = async (source: string, lang: "en" | "ja" = "en"): Promise<ExplainJson> => (await explain(paste(source), lang)).json;
const steps = (j: ExplainJson) => j.plan.steps.map((s) => s.id);
const cause = (j: ExplainJson, id: string) => j.causes.find((c) => c.id === id);

test(`the ${FOUND_ROUND_4.length} pastes of the fourth hunt are read in both languages, each with something said`, async () => {
  assert.ok(FOUND_ROUND_4.length >= 30);
  for (const p of FOUND_ROUND_4) {
    for (const lang of ["en", "ja"] as const) {
      if (NOTHING_TO_READ.includes(p.source)) {
        const r = await runMain(["explain", "-", "--lang", lang], { stdin: p.text });
        assert.equal(r.code, 2, p.source);
        assert.ok(!r.stderr.includes("    at "), p.source);
        continue;
      }
      const { code, json } = await explain(p, lang);
      assert.equal(code, EXIT[json.verdict], `${p.source} (${lang})`);
      assert.ok(json.causes.length > 0 || json.info.length > 0, `${p.source}: nothing said`);
    }
  }
});

test("a receiving organization that requires TLS (454 4.7.0 'Failed to establish appropriate TLS channel') is TLS on the sender, not 'wait and send again' (#4)", async () => {
  for (const lang of ["en", "ja"] as const) {
    const j = await read("https://github.com/catatnight/docker-postfix/issues/12", lang);
    assert.deepEqual(ids(j), ["starttls-missing"]);
    assert.ok(cause(j, "starttls-missing")?.notes?.includes("note.tlsRequiredByReceiver"));
    assert.ok(!steps(j).includes("retry-later"), steps(j).join(", "));
  }
});

test("Gmail's '5.7.0 must issue STARTTLS command first' through PowerShell is STARTTLS, not a refused password (#5)", async () => {
  const j = await read("https://github.com/PowerShell/PowerShell/issues/8987");
  assert.deepEqual(ids(j), ["starttls-missing"]);
  assert.equal(analyzeReply(paste("https://github.com/PowerShell/PowerShell/issues/8987").text).primary?.stage, "mail-from");
});

test("EOP's '550 5.5.0 Requested action not taken: mailbox unavailable' is the recipient's side, at RCPT TO (#12)", async () => {
  for (const lang of ["en", "ja"] as const) {
    const j = await read("https://note.com/sendmagic/n/ne72a2b6e3938", lang);
    assert.deepEqual(ids(j), ["recipient-refused"]);
    assert.deepEqual(steps(j), ["delivery-check-recipient"]);
  }
  assert.equal(analyzeReply(paste("https://note.com/sendmagic/n/ne72a2b6e3938").text).primary?.stage, "rcpt");
  // The same words with a sender's code stay unread as a recipient (they can mean the sender).
  assert.notEqual(analyzeReply("550 5.7.1 Requested action not taken: mailbox unavailable").primary?.patternId, "recipient-mailbox-unavailable");
});

test("a connection to smtp.office365.com's port 465 that timed out is the port (587 with STARTTLS), not 'allow port 587' (#15)", async () => {
  for (const lang of ["en", "ja"] as const) {
    const j = await read("https://github.com/dawidd6/action-send-mail/issues/124", lang);
    assert.deepEqual(ids(j), ["wrong-endpoint"]);
    assert.equal(cause(j, "wrong-endpoint")?.status, "blocking");
    assert.ok(cause(j, "wrong-endpoint")?.notes?.includes("note.port465"));
    assert.equal(steps(j)[0], "device-endpoint");
  }
  // Another service's 465 (its own submission port) that did not answer stays a network failure, without Exchange's word on it.
  const gmail = JSON.parse((await runMain(["explain", "connect ETIMEDOUT 142.250.1.108:465 smtp.gmail.com", "--json"])).stdout) as ExplainJson;
  assert.deepEqual(ids(gmail), ["network-unreachable"]);
  assert.ok(!cause(gmail, "network-unreachable")?.notes?.includes("note.port465"));
});

test("Outlook.com's '504 5.7.4 Unrecognized authentication type' (Go's AUTH PLAIN) is OAuth for a personal account, never a refused password (#19)", async () => {
  const j = await read("https://github.com/jordan-wright/email/issues/113");
  assert.ok(ids(j).includes("consumer-basic-auth-ended"), ids(j).join(", "));
  assert.ok(!ids(j).includes("provider-sign-in-refused"), ids(j).join(", "));
  assert.equal(steps(j)[0], "consumer-use-oauth");
});

test("a message too large, in Exchange Online's store words or as a header too large, is the size, not a rate (#23, #24)", async () => {
  for (const source of ["https://github.com/pankleks/pm2-health/issues/52", "https://github.com/jstedfast/MailKit/issues/904"]) {
    for (const lang of ["en", "ja"] as const) {
      const j = await read(source, lang);
      assert.deepEqual(ids(j), ["sending-limit"], source);
      assert.ok(cause(j, "sending-limit")?.notes?.includes("note.sizeNotRate"), source);
      assert.equal(j.plan.steps[0]?.title, t(lang, "plan.step.device-sending-rate.size.title"), source);
    }
  }
});

test("the server's words without the wrapper's: the command SwiftMailer's trace names, a delivery report's fields, Markdown's emphasis (#2, #21, #30)", () => {
  assert.equal(analyzeReply(paste("https://github.com/swiftmailer/swiftmailer/issues/1258").text).primary?.stage, "data");
  assert.deepEqual(
    analyzeReply(paste("https://github.com/rgl/MailBounceDetector/issues/7").text).matches.map((m) => m.reply.line),
    ["550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed because the sender was not authenticated when sending to this group"],
  );
  assert.deepEqual(analyzeReply(paste("https://github.com/microsoft/azure-devops-engineering-extensions/issues/90").text).matches.map((m) => m.reply.line), ["Authentication unsuccessful, basic authentication is disabled."]);
});

test("a bounce mailbox's 'Basic authentication is disabled' is a mailbox being read (IMAP/POP), not sending: said so, in both languages (#8)", async () => {
  for (const lang of ["en", "ja"] as const) {
    const r = await runMain(["explain", "-", "--lang", lang], { stdin: paste("https://github.com/knadh/listmonk/issues/3192").text });
    assert.equal(r.code, 2);
    assert.ok(r.stderr.includes(t(lang, "cli.err.mailboxReadNotSmtp").slice(0, 30)), r.stderr);
  }
  // The same words from a sending client are still read.
  const sending = JSON.parse((await runMain(["explain", "Authentication unsuccessful, basic authentication is disabled.", "--json"])).stdout) as ExplainJson;
  assert.ok(ids(sending).includes("auth-policy-blocks-basic"), ids(sending).join(", "));
});

test("a local Postfix's own 'NOQUEUE: reject: RCPT from localhost' is that relay's refusal, not Exchange Online's: Microsoft never contacted, no sign-in claimed, the relay's settings planned (#26)", async () => {
  const source = "https://github.com/tarickb/sasl-xoauth2/issues/72";
  const a = analyzeReply(paste(source).text);
  // The server's words without Postfix's log of the envelope ("; from=<…> to=<…> proto=ESMTP helo=<…>").
  assert.equal(a.primary?.reply.line, "550 5.1.1 <victortsang@humansa.com.hk>: Recipient address rejected: [smtp.office365.com]:587");
  assert.equal(a.primary?.stage, "rcpt");
  assert.equal(a.provider?.id, "other", "smtp.office365.com in the text is the relay's setting, not the server that answered");
  for (const lang of ["en", "ja"] as const) {
    const j = await read(source, lang);
    assert.equal(j.verdict, "blocked");
    assert.deepEqual(ids(j), ["local-relay-refused"]);
    assert.ok(cause(j, "local-relay-refused")?.notes?.includes("note.relayHostInRefusal"));
    const infos = j.info.map((i) => i.id);
    assert.ok(infos.includes("relay-own-refusal"), infos.join(", "));
    assert.ok(!infos.includes("auth-succeeded") && !infos.includes("delivery-refused"), `no sign-in claimed: ${infos.join(", ")}`);
    assert.deepEqual(steps(j), ["relay-own-settings"]);
    assert.ok(j.plan.steps[0]?.why.includes("relayhost"), j.plan.steps[0]?.why);
    assert.deepEqual(j.unknowns, [], "nothing of Microsoft 365 is asked about a refusal Microsoft never saw");
    assertNoTenantCause(source, j);
  }
  // The relay's words that name their cause keep it, as the relay's own: its rule that a signed-in user sends as itself.
  const owned = analyzeReply("postfix/smtpd[2210]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 553 5.7.1 <a@contoso.com>: Sender address rejected: not owned by user b@contoso.com; from=<a@contoso.com> to=<c@example.com> proto=ESMTP helo=<pc>");
  assert.deepEqual(owned.primary?.candidates, ["provider-sender-mismatch"]);
  assert.equal(owned.primary?.reply.line, "553 5.7.1 <a@contoso.com>: Sender address rejected: not owned by user b@contoso.com");
  assert.equal(owned.provider?.id, "other");
  // Postfix's own client, relaying to Microsoft, still quotes Exchange Online's reply (postfix/smtp … said: 535 5.7.3).
  const relayed = analyzeReply(POSTFIX_SAID_535.text);
  assert.equal(relayed.provider?.id, "exchange-online");
  assert.notEqual(relayed.primary?.candidates[0], "local-relay-refused");
});

test("a public blocklist (Spamhaus) listing the sending IP at the recipient's side is its own cause, delisted on the list's own site, not Microsoft's portal (#16)", async () => {
  const source = "https://faq01-fb.fujifilm.com/faq/show/101516";
  // qmail wraps the remote host's words after "Client host [IP]": one reply, not "550 5.7.1 Service unavailable, Client host".
  const a = analyzeReply(paste(source).text);
  assert.match(a.primary?.reply.line ?? "", /^550 5\.7\.1 Service unavailable, Client host \[[^\]]+\] blocked using Spamhaus\. To request removal from this list see /);
  assert.equal(a.primary?.stage, "ndr");
  for (const lang of ["en", "ja"] as const) {
    const j = await read(source, lang);
    assert.equal(j.verdict, "blocked");
    assert.deepEqual(ids(j), ["sending-ip-on-public-blocklist"]);
    assert.deepEqual(steps(j), ["delist-public-blocklist"]);
    assert.ok(j.info.some((i) => i.id === "delivery-refused"));
    assert.deepEqual(j.unknowns, [], "nothing about the device's sign-in is asked");
    assert.deepEqual(j.plan.options, []);
  }
  // Postfix's own words for the same (reject_rbl_client) and Exim's.
  for (const line of ["554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.7", "550 rejected because 192.0.2.7 is in a black list at bl.spamcop.net"]) {
    assert.deepEqual(analyzeReply(line).primary?.candidates, ["sending-ip-on-public-blocklist"], line);
  }
  // Microsoft's own block list keeps its own cause and its delisting portal.
  assert.deepEqual(analyzeReply("550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/").primary?.candidates, ["sending-ip-blocked"]);
});

test("Outlook.com's '550 5.7.515 … sending domain doesn't meet the required authentication level' is the sending domain's SPF/DKIM/DMARC at delivery, not the device's sign-in (#3)", async () => {
  const source = "https://github.com/sisimai/go-sisimai/issues/150";
  const a = analyzeReply(paste(source).text);
  assert.equal(a.primary?.stage, "ndr", "a refusal at delivery, not at MAIL FROM");
  for (const lang of ["en", "ja"] as const) {
    const j = await read(source, lang);
    assert.equal(j.verdict, "blocked");
    assert.deepEqual(ids(j), ["sender-domain-unauthenticated"]);
    assert.deepEqual(steps(j), ["delivery-sender-domain-auth"]);
    assert.ok(/SPF/.test(j.plan.steps[0]?.why ?? "") && /DKIM/.test(j.plan.steps[0]?.why ?? "") && /DMARC/.test(j.plan.steps[0]?.why ?? ""));
    assert.ok(j.info.some((i) => i.id === "delivery-refused"));
    assert.deepEqual(j.unknowns, [], "nothing about the device or its sign-in is asked");
    assert.deepEqual(j.plan.options, []);
  }
  // Microsoft's refusal of a domain that fails DMARC with a policy of reject is the same family.
  assert.deepEqual(analyzeReply("Remote server returned '550 5.7.509 Access denied, sending domain contoso.com does not pass DMARC verification and has a DMARC policy of reject.'").primary?.candidates, ["sender-domain-unauthenticated"]);
});

test("a poster's sentence going on after the reply it quotes ('5.0.0 Authentication Failed, but the configuration is the same …') is not the server's words (#33)", () => {
  const a = analyzeReply(paste("https://github.com/aschroder/Magento-SMTP-Pro-Email-Extension/issues/80").text);
  assert.deepEqual(a.matches.map((m) => m.reply.line), ["5.0.0 Authentication Failed"]);
  assert.equal(a.primary?.stage, "auth");
});

/** The plan's steps as the JSON gives them, with their commands and admin-center paths. */
interface PlanJson {
  notes: string[];
  steps: Array<{ id: string; check: { text: string }[]; commands: { text: string }[]; verify: { commands: { text: string }[] }; undo?: { commands: { text: string }[] }; adminCenter?: { portal: string; url?: string; note?: string } }>;
}
const planOf = (j: ExplainJson) => j.plan as unknown as PlanJson;
const commandsOf = (p: PlanJson) => p.steps.flatMap((s) => [...s.check, ...s.commands, ...s.verify.commands, ...(s.undo?.commands ?? [])].map((c) => c.text));

test("Exchange Online operated by 21Vianet (smtp.partner.outlook.cn) is said so, and its plan prints no worldwide admin-center address or Graph host as if it applied (#6)", async () => {
  const source = "https://github.com/simonrob/email-oauth2-proxy/issues/237";
  for (const lang of ["en", "ja"] as const) {
    const j = await read(source, lang);
    assert.ok(j.info.some((i) => i.id === "exchange-online-21vianet"), j.info.map((i) => i.id).join(", "));
    const plan = planOf(j);
    const centers = plan.steps.flatMap((s) => (s.adminCenter ? [s.adminCenter] : []));
    assert.ok(centers.length > 0);
    for (const c of centers) {
      assert.equal(c.url, undefined, `${c.portal}: a worldwide address for a 21Vianet organization`);
      assert.ok(c.note?.includes("21Vianet"), c.note);
    }
    const commands = commandsOf(plan);
    assert.ok(commands.some((t) => t.includes("https://microsoftgraph.chinacloudapi.cn/")), "the Graph reads use 21Vianet's Graph host");
    assert.ok(!commands.some((t) => t.includes("graph.microsoft.com")), commands.join("\n"));
    assert.ok(plan.notes.some((n) => n.includes("O365China") && n.includes("-Environment China")), plan.notes.join("\n"));
    const text = await explainText(paste(source), lang);
    assert.ok(text.includes("21Vianet") && text.includes("https://portal.azure.cn"), text);
    assert.ok(!/https:\/\/(?:admin|entra)\.microsoft\.com/.test(text), "no worldwide admin-center address in the report");
    // The .ps1 signs in to that cloud, and its Graph reads (the plan's and the checks') use its host.
    const ps1 = (await runMain(["explain", "-", "--format", "ps1", "--lang", lang], { stdin: paste(source).text })).stdout;
    assert.ok(ps1.includes("Connect-ExchangeOnline -ExchangeEnvironmentName O365China") && ps1.includes("Connect-MgGraph -Environment China"), ps1);
    assert.ok(!ps1.includes("graph.microsoft.com"), ps1);
    // The admin's checks (hand-over, Markdown report): that cloud's sign-in and Graph host, no worldwide admin-center address.
    for (const format of ["handover", "md"]) {
      const out = (await runMain(["explain", "-", "--format", format, "--lang", lang], { stdin: paste(source).text })).stdout;
      assert.ok(out.includes("Connect-MgGraph -Environment China"), `${format}: ${out}`);
      assert.ok(!out.includes("graph.microsoft.com") && !/\((?:admin|admin\.exchange|entra)\.microsoft\.com\)/.test(out), `${format}: ${out}`);
    }
  }
  // A worldwide organization keeps its addresses.
  const global = planOf((await explain(EXO_535_5_7_3, "en")).json);
  assert.ok(global.steps.some((s) => s.adminCenter?.url === "https://admin.microsoft.com"));
  assert.ok(commandsOf(global).some((t) => t.includes("https://graph.microsoft.com/")));
});
