// Eighteenth hunt (./real-pastes-found-18.ts: help desks, monitoring and asset tools, PHP, Python and Go mailers, a Japanese Q&A
// page): the readings it found right, and those it found wrong and fixed, through the real parser, engine and plan (explain
// --json), in both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_18 } from "./real-pastes-found-18.js";
import { FOUND_ROUND_6 } from "./real-pastes-found-6.js";
import { explain, explainText, notesOf, pasteOf, statuses, stepIds, type Paste } from "./real-pastes-data.js";
import { CASE_SCHEMA_ID } from "../../src/case/values.js";
import { evaluate } from "../../src/engine/index.js";
import { analyzeReply } from "../../src/replies/index.js";
import { t } from "../../src/i18n/index.js";
import { senderParams } from "../../src/render/labels.js";
import { runMain } from "../helpers/run-main.js";
import { assertReadsAlikeInBothLanguages } from "../helpers/reads-alike.js";

const paste = pasteOf(FOUND_ROUND_18);
const LANGS = ["en", "ja"] as const;

test("#3, #12: Exchange Online's bare 5.7.3 (osTicket with OAuth, nodemailer with a password) lists the sign-in, the OAuth set-up and SMTP AUTH; --auth oauth leaves the OAuth set-up", async () => {
  for (const lang of LANGS) {
    for (const n of [3, 12]) {
      const { json, code } = await explain(paste(n), lang);
      assert.equal(code, 1, `#${n} ${lang}`);
      const found = statuses(json);
      for (const c of ["wrong-credentials:possible", "oauth-misconfigured:possible", "mailbox-smtp-auth-disabled:possible", "tenant-smtp-auth-disabled:possible"]) assert.ok(found.includes(c), `#${n} ${lang}: ${c}`);
      assert.ok(stepIds(json).slice(0, 3).includes("mailbox-enable-smtp-auth"), `#${n} ${lang}`);
    }
    const oauth = await explain(paste(3), lang, ["--auth", "oauth"]);
    assert.deepEqual(statuses(oauth.json), ["oauth-misconfigured:blocking"], lang);
  }
});

test("#4, #5: Python's 'SMTP AUTH extension not supported by server' (motionEye to Microsoft 365, SimpleMonitor to Gmail) leads with STARTTLS", async () => {
  for (const lang of LANGS) {
    for (const n of [4, 5]) {
      const { json, code } = await explain(paste(n), lang);
      assert.equal(code, 3, `#${n} ${lang}`);
      assert.deepEqual(statuses(json), ["starttls-missing:possible", "auth-mechanism-unsupported:possible"], `#${n} ${lang}`);
      assert.equal(stepIds(json)[0], "device-port-starttls", `#${n} ${lang}`);
    }
  }
});

test("#6, #11, #13: a refusal of an unsigned session (Outlook.com's 'Client not authenticated', Gmail's 530-5.5.1, Mailtrap's 530 5.7.1) reads as no sign-in or STARTTLS", async () => {
  for (const lang of LANGS) {
    const outlook = await explain(paste(6), lang);
    assert.deepEqual(statuses(outlook.json), ["no-authentication:possible", "starttls-missing:possible"], lang);
    assert.equal(stepIds(outlook.json)[0], "device-enable-auth", lang);
    for (const n of [11, 13]) {
      const { json, code } = await explain(paste(n), lang);
      assert.equal(code, 1, `#${n} ${lang}`);
      assert.deepEqual([...statuses(json)].sort(), ["no-authentication:possible", "starttls-missing:possible"], `#${n} ${lang}`);
    }
  }
});

test("#7: Outlook.com's SendAsDenied behind Python's SMTPDataError (Pi.Alert) is the From address, blocked", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(7), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["send-as-denied:blocking"], lang);
    assert.equal(stepIds(json)[0], "device-from-address", lang);
  }
});

test("#14: Outlook Express's Japanese dialog with '550 … User unknown' (kikky.net) is the recipient, not the sign-in", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(14), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["recipient-refused:blocking"], lang);
    assert.ok(notesOf(json).includes("note.deliveryNotSignIn"), lang);
  }
});

test("#10: go-mail's 'SMTP server does not support AUTH, but credentials provided' (Gitea to Exchange Online) is no sign-in offered, as MailKit's 'does not support authentication': the encryption first, then the host", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(10), lang);
    assert.equal(code, 3, lang);
    assert.deepEqual([...statuses(json)].sort(), ["starttls-missing:possible", "wrong-endpoint:possible"], lang);
    assert.deepEqual([...stepIds(json)].sort(), ["device-endpoint", "device-port-starttls"], lang);
    assert.ok(notesOf(json).includes("note.noAuthOffered"), lang);
  }
  assert.equal(analyzeReply(paste(10).text).primary?.patternId, "go-mail-no-auth-offered");
  // The program chooses whether to start TLS (Gitea's smtp+starttls, the thread's fix) and its host was smtp.office365.com:
  // STARTTLS leads, the host after it. MailKit's words keep the host first (tenth hunt #15: that app was set to the MX host).
  for (const lang of LANGS) {
    const { json } = await explain(paste(10), lang);
    assert.deepEqual(statuses(json), ["starttls-missing:possible", "wrong-endpoint:possible"], lang);
    assert.equal(stepIds(json)[0], "device-port-starttls", lang);
  }
  assert.equal(analyzeReply("The SMTP server does not support authentication").primary?.patternId, "client-no-auth-offered");
  // Go's "server does not support SMTP AUTH type: PLAIN" keeps its own reading (the method by name).
  assert.equal(analyzeReply("server does not support SMTP AUTH type: PLAIN").primary?.patternId, "client-mechanism-never-offered");
});

test("#2: PEAR Net_SMTP's 'STARTTLS failed (code: 220, response: 2.0.0 SMTP server ready)' (osTicket) is the TLS handshake after STARTTLS, not undetermined with no cause", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(2), lang);
    assert.equal(code, 3, lang);
    assert.deepEqual(statuses(json), ["tls-version-unsupported:possible", "tls-handshake-failed:possible"], lang);
    assert.ok(notesOf(json).includes("note.tlsAfterStarttls"), lang);
    assert.ok(!stepIds(json).includes("device-network"), lang);
  }
  assert.equal(analyzeReply(paste(2).text).primary?.patternId, "net-smtp-starttls-failed");
  // The evidence is the program's own line (its words say what failed), not the server's "2.0.0 SMTP server ready" read as a
  // reply that fits several causes.
  assert.equal(analyzeReply(paste(2).text).primary?.reply.line, paste(2).text);
  for (const lang of LANGS) {
    const { json } = await explain(paste(2), lang);
    for (const c of json.causes as unknown as { evidence: { kind: string; reply?: string }[]; notes?: string[] }[]) {
      assert.deepEqual(c.evidence.map((e) => e.reply), [paste(2).text], lang);
      assert.ok(c.notes?.includes("note.programAmbiguous") && !c.notes.includes("note.replyAmbiguous"), lang);
    }
  }
  // The server's 220 to STARTTLS alone says nothing failed.
  assert.ok(!analyzeReply("220 2.0.0 SMTP server ready").primary);
});

test("#1: PHP's 'unable to connect to ssl://smtp.office365.com:587 (Unknown error)' (osTicket) is implicit TLS on the STARTTLS port first, the network after it", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(1), lang);
    assert.equal(code, 3, lang);
    assert.deepEqual(statuses(json), ["starttls-missing:possible", "network-unreachable:possible"], lang);
    assert.equal(stepIds(json)[0], "device-port-starttls", lang);
    assert.ok(notesOf(json).includes("note.implicitTls"), lang);
  }
  assert.equal(analyzeReply(paste(1).text).primary?.patternId, "ssl-url-on-port-587");
  // Without ssl:// (or on another port) a failed connection stays the network's; a timeout to ssl://…:587 too.
  assert.equal(analyzeReply("Failed to connect to smtp.office365.com:587 [SMTP: Failed to connect socket: fsockopen(): unable to connect to smtp.office365.com:587 (Unknown error) (code: -1, response: )]").primary?.patternId, "network-connect-failed");
  assert.equal(analyzeReply("Failed to connect to ssl://smtp.example.com:25 [SMTP: Failed to connect socket: fsockopen(): unable to connect to ssl://smtp.example.com:25 (Unknown error) (code: -1, response: )]").primary?.patternId, "network-connect-failed");
  assert.notEqual(analyzeReply("fsockopen(): unable to connect to ssl://smtp.office365.com:587 (Connection timed out)").primary?.patternId, "ssl-url-on-port-587");
});

test("#8: '503 5.5.2 Need rcpt command' from the MX host (Snipe-IT) is the recipients refused before it, not commands out of order and a firmware update", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(paste(8), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["relay-denied:possible", "recipient-refused:possible", "no-authentication:possible"], lang);
    assert.ok(notesOf(json).includes("note.recipientsRefusedEarlier"), lang);
    assert.ok(!stepIds(json).includes("device-firmware"), lang);
  }
  assert.equal(analyzeReply(paste(8).text).primary?.patternId, "need-rcpt-command");
  // Postfix's and sendmail's words for the same; another 503 stays commands out of order.
  assert.equal(analyzeReply("503 5.5.1 Error: need RCPT command").primary?.patternId, "need-rcpt-command");
  assert.equal(analyzeReply("503 5.0.0 Need RCPT (recipient)").primary?.patternId, "need-rcpt-command");
  assert.equal(analyzeReply("503 5.5.1 Bad sequence of commands").primary?.patternId, "protocol-error");
});

test("#8: the causes read from '503 5.5.2 Need rcpt command' say that the recipients were refused earlier, at RCPT TO, not that a message was refused on its way or that sign-in and sending worked; the NDR's reading keeps its words", async () => {
  const summaryOf = (json: Awaited<ReturnType<typeof explain>>["json"], id: string): string | undefined => (json.causes.find((c) => c.id === id) as unknown as { summary?: string } | undefined)?.summary;
  const ndr: Paste = { source: "domain.md (Relay Access Denied in an NDR)", text: "550 5.4.1 Relay Access Denied" };
  for (const lang of LANGS) {
    // (Snipe-IT's own log: read as an application's, explain-program-app.)
    const { json } = await explain(paste(8), lang);
    for (const id of ["relay-denied", "recipient-refused"]) {
      const expected = t(lang, `cause.${id}.summary.refusedEarlier` as Parameters<typeof t>[1], senderParams(lang, { device: { vendor: "app" } }));
      assert.equal(summaryOf(json, id), expected, `${id} ${lang}`);
      assert.ok(summaryOf(json, id)?.includes("RCPT TO"), `${id} ${lang}`);
    }
    // The text report's causes say the same.
    const text = await explainText(paste(8), lang);
    // (Wrapped lines joined: with a space in English, without one in Japanese.)
    const causes = text.slice(0, text.indexOf(t(lang, "plan.report.section.plan"))).replace(/\s*\n\s*/g, lang === "en" ? " " : "");
    for (const w of lang === "en" ? ["refused on the way to the recipient", "Sign-in and sending worked"] : ["届ける途中で拒否", "サインインと送信はできています"]) assert.ok(!causes.includes(w), `${lang}: ${w}`);
    // A relay refusal in a delivery report is still a message refused on its way.
    assert.equal(summaryOf((await explain(ndr, lang)).json, "relay-denied"), t(lang, "cause.relay-denied.summary"), lang);
  }
});

test("#8: the plan's steps for the recipients refused at RCPT TO say so (no 'sign-in worked', no message refused on its way), and the relay step checks the accepted domains and the inbound connectors; the NDR's steps keep their words", async () => {
  type Step = { id: string; why: string; check: { text: string }[] };
  const stepOf = (json: Awaited<ReturnType<typeof explain>>["json"], id: string): Step | undefined => json.plan.steps.find((s) => s.id === id) as unknown as Step | undefined;
  for (const lang of LANGS) {
    const { json } = await explain(paste(8), lang);
    const relay = stepOf(json, "delivery-relay");
    const recipient = stepOf(json, "delivery-check-recipient");
    // (Snipe-IT's own log: read as an application's, explain-program-app; a device's words are below.)
    assert.equal(relay?.why, t(lang, "plan.step.delivery-relay.refusedEarlier.why", senderParams(lang, { device: { vendor: "app" } })), lang);
    assert.equal(recipient?.why, t(lang, "plan.step.delivery-check-recipient.refusedEarlier.why.app"), lang);
    for (const why of [relay?.why, recipient?.why]) assert.ok(why?.includes("RCPT TO"), `${lang}: ${why}`);
    assert.deepEqual(relay?.check.map((c) => c.text.split(" ")[0]), ["Get-AcceptedDomain", "Get-InboundConnector"], lang);
    // A device's words where the text is a device's (named with --vendor).
    const device = await runMain(["explain", "-", "--json", "--lang", lang, "--vendor", "other"], { stdin: paste(8).text });
    assert.equal(device.code, 1, device.stderr);
    assert.equal(stepOf(JSON.parse(device.stdout), "delivery-check-recipient")?.why, t(lang, "plan.step.delivery-check-recipient.refusedEarlier.why", senderParams(lang, undefined)), lang);
    // A relay refusal in a delivery report keeps the step's words and its outbound connector check.
    const ndr = stepOf((await explain({ source: "domain.md (Relay Access Denied in an NDR)", text: "550 5.4.1 Relay Access Denied" }, lang)).json, "delivery-relay");
    assert.equal(ndr?.why, t(lang, "plan.step.delivery-relay.why"), lang);
    assert.deepEqual(ndr?.check.map((c) => c.text.split(" ")[0]), ["Get-AcceptedDomain", "Get-OutboundConnector"], lang);
  }
});

test("every text of the eighteenth hunt reads alike in both languages: the same exit code, the same causes, no stack trace", async () => {
  await assertReadsAlikeInBothLanguages(FOUND_ROUND_18);
});

// Exchange's refusal at RCPT TO of a recipient outside the organization's accepted domains, to a session that has not signed in
// (an anonymous relay): "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain" (read as "not a reply this tool knows"
// at MAIL FROM, no cause). The public pastes found are of Exchange Server's own receive connectors (a telnet test to an Exchange
// 2016 front end; an Exchange 2019 NDR quoting it); the causes are the same at the tenant's MX host: no sign-in, or a relay
// connector that does not match the device.
const RELAY_NON_ACCEPTED_TELNET: Paste = {
  source: "https://learn.microsoft.com/en-us/answers/questions/305565/exchange-2016-default-frontend-connector-ms-exch-s",
  note: "the telnet test's answer to RCPT TO as quoted in the question (the 451 timeout after it left out)",
  text: "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain",
};
const RELAY_NON_ACCEPTED_NDR: Paste = {
  source: "https://learn.microsoft.com/en-us/answers/questions/1193037/exchange2019-relay-recive-connector",
  note: "the NDR's diagnostic line as quoted in the question",
  text: "Remote Server returned '550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain'",
};

test("Exchange's '550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain' is the recipient at RCPT TO refused to a session without sign-in: no sign-in or a relay connector that does not match, neither decisive", async () => {
  for (const p of [RELAY_NON_ACCEPTED_TELNET, RELAY_NON_ACCEPTED_NDR]) {
    const primary = analyzeReply(p.text).primary;
    assert.equal(primary?.patternId, "relay-non-accepted-domain", p.source);
    assert.equal(primary?.stage, "rcpt", p.source);
    assert.equal(primary?.decisive, false, p.source);
    assert.deepEqual(primary?.candidates, ["no-authentication", "relay-connector-mismatch"], p.source);
    for (const lang of LANGS) {
      const { json, code } = await explain(p, lang);
      assert.equal(code, 1, `${p.source} ${lang}`);
      assert.deepEqual(statuses(json), ["no-authentication:possible", "relay-connector-mismatch:possible"], `${p.source} ${lang}`);
      assert.ok(notesOf(json).includes("note.relayNonAcceptedDomain"), `${p.source} ${lang}`);
    }
  }
  // Exchange Online's "550 5.7.1 Unable to relay in Office 365 tenant" keeps its reading (tenth hunt: it names no cause).
  assert.equal(analyzeReply("550 5.7.1 Unable to relay in Office 365 tenant").primary?.patternId, "unknown-permanent");
});

test("#9: OSSEC's 'Mail from not accepted by server' (maild to smtp.gmail.com:25) is the sender refused because the program does not sign in: no authentication, STARTTLS possible", async () => {
  for (const lang of LANGS) {
    // (Undetermined, as other programs' own words for a refused sender are: the server's answer is not in the text.)
    const { json, code } = await explain(paste(9), lang);
    assert.equal(code, 3, lang);
    assert.deepEqual(statuses(json), ["no-authentication:possible", "starttls-missing:possible"], lang);
    // Gmail's host: the service's own connection and sign-in settings, no Microsoft 365 step.
    assert.deepEqual(stepIds(json), ["provider-connection"], lang);
  }
  const primary = analyzeReply(paste(9).text).primary;
  assert.equal(primary?.stage, "mail-from");
  assert.equal(primary?.patternId, "ossec-mail-from-not-accepted");
  // The same words with the server's own answer after them read as that answer.
  assert.equal(analyzeReply("WARN: Mail from not accepted by server\n530 5.7.0 Must issue a STARTTLS command first").primary?.patternId, "starttls-first");
});

// The same refusal where the text shows the Exchange Server's own banner (an on-premises server, not Exchange Online): the
// reading keeps "no sign-in" alone, and the plan names the fix the threads used on that server, a receive connector that relays
// for the device (its RemoteIPRanges, and the ms-Exch-SMTP-Accept-Any-Recipient right for ANONYMOUS LOGON), or a sign-in; it
// only said to set the server, port and encryption as the service's guide says. The telnet test of the Exchange 2016 thread,
// with the greeting such a session starts with (the question quotes the answer to RCPT TO only; the server name is ours).
const RELAY_NON_ACCEPTED_ONPREM: Paste = {
  source: "https://learn.microsoft.com/en-us/answers/questions/305565/exchange-2016-default-frontend-connector-ms-exch-s",
  note: "the telnet test's answer to RCPT TO as quoted in the question, after an Exchange Server greeting and the answer to MAIL FROM (both added)",
  text: "220 EX2016.contoso.local Microsoft ESMTP MAIL Service ready at Tue, 9 Mar 2021 10:15:02 +0100\n250 2.1.0 Sender OK\n550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain",
};

type Cmd = { text: string; shell: string; changes: boolean; whatIf: boolean };
type FullStep = { id: string; title: string; why: string; check: Cmd[]; commands: Cmd[]; verify: { commands: Cmd[] }; undo?: { text: string; commands: Cmd[] }; security: { level: string } };

test("5.7.54 from an on-premises Exchange Server: the plan leads with its relay receive connector (RemoteIPRanges, ms-Exch-SMTP-Accept-Any-Recipient for ANONYMOUS LOGON) in the Exchange Management Shell, with its check, verify, undo and cost", async () => {
  for (const lang of LANGS) {
    const { json, code } = await explain(RELAY_NON_ACCEPTED_ONPREM, lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["no-authentication:blocking"], lang);
    assert.equal(stepIds(json)[0], "onprem-relay-connector", lang);
    const step = json.plan.steps[0] as unknown as FullStep;
    const connector = "'<server\\relay-connector>'";
    assert.deepEqual(
      step.commands.map((c) => c.text),
      [
        `Set-ReceiveConnector -Identity ${connector} -RemoteIPRanges @{Add='<device-ip-address>'}`,
        `Get-ReceiveConnector -Identity ${connector} | Add-ADPermission -User 'NT AUTHORITY\\ANONYMOUS LOGON' -ExtendedRights 'ms-Exch-SMTP-Accept-Any-Recipient'`,
      ],
      lang,
    );
    // The on-premises server's own shell, never Exchange Online PowerShell; each change takes -WhatIf.
    for (const c of [...step.check, ...step.commands, ...step.verify.commands, ...(step.undo?.commands ?? [])]) assert.equal(c.shell, "exchange-server", c.text);
    assert.ok(step.commands.every((c) => c.changes && c.whatIf), lang);
    assert.ok(step.check.some((c) => c.text.startsWith("Get-ReceiveConnector | Select-Object ") && c.text.includes("RemoteIPRanges")), lang);
    assert.ok(step.verify.commands.some((c) => c.text.includes("Get-ADPermission")), lang);
    assert.deepEqual(
      step.undo?.commands.map((c) => c.text),
      [
        `Set-ReceiveConnector -Identity ${connector} -RemoteIPRanges @{Remove='<device-ip-address>'}`,
        `Get-ReceiveConnector -Identity ${connector} | Remove-ADPermission -User 'NT AUTHORITY\\ANONYMOUS LOGON' -ExtendedRights 'ms-Exch-SMTP-Accept-Any-Recipient' -Confirm:$false`,
      ],
      lang,
    );
    assert.equal(step.security.level, "medium", lang);
    // The words name the connector, the right and the sign-in in both languages.
    for (const w of ["RemoteIPRanges", "ms-Exch-SMTP-Accept-Any-Recipient", "Default Frontend", "587"]) assert.ok(step.why.includes(w), `${lang}: ${w}`);
  }
  // The .ps1 says which shell runs them (no Connect-ExchangeOnline for them), with each change under -WhatIf.
  for (const lang of LANGS) {
    const r = await runMain(["explain", "-", "--format", "ps1", "--lang", lang], { stdin: RELAY_NON_ACCEPTED_ONPREM.text });
    assert.ok(r.stdout.includes(lang === "ja" ? "Exchange 管理シェル" : "Exchange Management Shell"), lang);
    assert.ok(!r.stdout.includes("Connect-ExchangeOnline"), lang);
    assert.ok(r.stdout.includes("-ExtendedRights 'ms-Exch-SMTP-Accept-Any-Recipient' -WhatIf"), lang);
  }
  // Without the on-premises banner the reading is Exchange Online's (the tenant's connector or a sign-in): no such step.
  for (const lang of LANGS) assert.ok(!stepIds((await explain(RELAY_NON_ACCEPTED_TELNET, lang)).json).includes("onprem-relay-connector"), lang);
});

test("5.7.54 from an on-premises Exchange Server: the note speaks of that server's relay receive connector or a sign-in on it, not Direct Send or smtp.office365.com; Exchange Online's note is unchanged", async () => {
  for (const lang of LANGS) {
    const onprem = await explain(RELAY_NON_ACCEPTED_ONPREM, lang);
    assert.deepEqual(notesOf(onprem.json).filter((n) => n.startsWith("note.relayNonAccepted")), ["note.relayNonAcceptedDomainOnprem"], lang);
    const text = await explainText(RELAY_NON_ACCEPTED_ONPREM, lang);
    for (const w of ["RemoteIPRanges", "ms-Exch-SMTP-Accept-Any-Recipient", "587"]) assert.ok(text.includes(w), `${lang}: ${w}`);
    for (const w of [".mail.protection.outlook.com", "sign in at smtp.office365.com", "smtp.office365.com のポート 587 に"]) assert.ok(!text.includes(w), `${lang}: ${w}`);
    // Without the banner (Exchange Online, or not said): Direct Send and smtp.office365.com, as before.
    const cloud = await explain(RELAY_NON_ACCEPTED_TELNET, lang);
    assert.ok(notesOf(cloud.json).includes("note.relayNonAcceptedDomain") && !notesOf(cloud.json).includes("note.relayNonAcceptedDomainOnprem"), lang);
    assert.ok((await explainText(RELAY_NON_ACCEPTED_TELNET, lang)).includes(".mail.protection.outlook.com"), lang);
  }
  // A case that records the on-premises server (no banner in the reply) reads the same.
  const recorded = evaluate({ schema: CASE_SCHEMA_ID, device: { provider: "exchange-onprem", reply: RELAY_NON_ACCEPTED_TELNET.text } }, { today: "2026-11-22" });
  assert.ok(recorded.causes.some((f) => f.notes?.includes("note.relayNonAcceptedDomainOnprem")));
  assert.ok(!recorded.causes.some((f) => f.notes?.includes("note.relayNonAcceptedDomain")));
});

test("the steps on the organization's own Exchange Server (onprem-relay-connector, onprem-server-auth) are scoped to that server, not the whole tenant, in the text and Markdown reports", async () => {
  // The 5.7.54 refusal above, and Exchange Server offering only NTLM (sixth hunt #18).
  const ntlmOnly = pasteOf(FOUND_ROUND_6)(18);
  for (const lang of LANGS) {
    for (const [p, id] of [[RELAY_NON_ACCEPTED_ONPREM, "onprem-relay-connector"], [ntlmOnly, "onprem-server-auth"]] as const) {
      const step = (await explain(p, lang)).json.plan.steps.find((s) => s.id === id) as unknown as { scope: string; changesTenant: boolean } | undefined;
      assert.equal(step?.scope, "exchange-server", `${id} ${lang}`);
      assert.equal(step?.changesTenant, true, `${id} ${lang}`);
      for (const format of ["text", "md"]) {
        const r = await runMain(["explain", "-", "--format", format, "--lang", lang, "--no-color"], { stdin: p.text, columns: 120 });
        for (const w of [t(lang, "plan.report.scope.exchange-server"), t(lang, "plan.report.step.exchangeServer")]) assert.ok(r.stdout.includes(w), `${id} ${lang} ${format}: ${w}`);
        for (const w of [t(lang, "plan.report.scope.tenant"), t(lang, "plan.report.step.tenant")]) assert.ok(!r.stdout.includes(w), `${id} ${lang} ${format}: ${w}`);
      }
    }
  }
  // A tenant's step keeps its label.
  const directSend: Paste = { source: "domain.md reply #41", text: "550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources" };
  const tenant = (await explain(directSend, "en")).json.plan.steps.find((s) => s.id === "direct-send-connector") as unknown as { scope: string } | undefined;
  assert.equal(tenant?.scope, "tenant");
  assert.ok((await runMain(["explain", "-", "--lang", "en", "--no-color"], { stdin: directSend.text, columns: 120 })).stdout.includes(t("en", "plan.report.step.tenant")));
});

test("#9: OSSEC's maild cannot sign in: the plan's step is a relay on its host that signs in (Postfix with SASL), to Gmail as to smtp.office365.com, not the server, port and encryption of its own settings", async () => {
  const gmail = paste(9);
  // The same log toward Microsoft 365's submission host (the thread's was Gmail's).
  const m365: Paste = { ...gmail, text: gmail.text.replace(/smtp\.gmail\.com/g, "smtp.office365.com") };
  for (const lang of LANGS) {
    for (const [p, host] of [[gmail, undefined], [m365, "smtp.office365.com"]] as const) {
      const { json } = await explain(p, lang);
      assert.equal(json.plan.steps.length, 1, `${lang} ${host}`);
      const step = json.plan.steps[0] as unknown as { id: string; title: string; why: string; causeIds: string[]; who: string };
      // One step for both readings (maild starts no TLS either): no "port 587 with STARTTLS on the device".
      assert.deepEqual([...step.causeIds].sort(), ["no-authentication", "starttls-missing"], `${lang} ${host}`);
      assert.equal(step.who, "network-admin", `${lang} ${host}`);
      assert.ok(step.title.includes("OSSEC"), `${lang} ${host}: ${step.title}`);
      for (const w of ["ossec-maild", "Postfix", "smtp_sasl_auth_enable = yes", "smtp_server", "127.0.0.1"]) assert.ok(step.why.includes(w), `${lang} ${host}: ${w}`);
      if (host) assert.ok(step.why.includes(`relayhost = [${host}]:587`) && step.why.includes(".mail.protection.outlook.com"), `${lang}: ${step.why}`);
    }
  }
});

test("#9 to Microsoft 365: the step leads with what lasts, the MX host on port 25 without a password (Direct Send, a connector by IP address or certificate for outside recipients), and calls the SASL relay to smtp.office365.com Basic and temporary", async () => {
  const m365: Paste = { ...paste(9), text: paste(9).text.replace(/smtp\.gmail\.com/g, "smtp.office365.com") };
  for (const lang of LANGS) {
    const step = (await explain(m365, lang)).json.plan.steps[0] as unknown as { id: string; title: string; why: string; undo?: { text: string } };
    assert.equal(step.id, "device-enable-auth", lang);
    // The title names the MX host on port 25, not a relay that signs in to smtp.office365.com.
    assert.ok(step.title.includes("MX") && step.title.includes("25") && !step.title.includes("smtp.office365.com"), `${lang}: ${step.title}`);
    const at = (w: string): number => {
      const i = step.why.indexOf(w);
      assert.ok(i >= 0, `${lang}: ${w}`);
      return i;
    };
    // The MX host, Direct Send and the connector (IP address or certificate) come before the relay that signs in.
    const relay = at("relayhost = [smtp.office365.com]:587");
    for (const w of [".mail.protection.outlook.com", "email_from", "RejectDirectSend", "SPF"]) assert.ok(at(w) < relay, `${lang}: ${w}`);
    for (const w of lang === "en" ? ["Direct Send", "inbound connector", "static public IP address", "certificate"] : ["ダイレクト送信", "受信コネクタ", "固定パブリック IP アドレス", "証明書"]) assert.ok(at(w) < relay, `${lang}: ${w}`);
    // The relay signs in with a password: Basic, off by default at the end of December 2026, temporary.
    for (const w of lang === "en" ? ["temporary", "Basic authentication", "end of December 2026"] : ["一時的", "基本認証", "2026 年 12 月末"]) assert.ok(at(w) > relay, `${lang}: ${w}`);
    assert.ok(step.undo?.text.includes("ossec.conf"), lang);
  }
  // Another service (Gmail) keeps its step: a relay that signs in to the service.
  assert.equal((await explain(paste(9), "en")).json.plan.steps[0]?.id, "provider-connection");
});

test("#9 to Microsoft 365: the options for OSSEC's maild, which cannot sign in, lead with the ways without a sign-in (a relay connector, Direct Send), not 'Move the device to OAuth'; other cases keep OAuth first", async () => {
  const m365: Paste = { ...paste(9), text: paste(9).text.replace(/smtp\.gmail\.com/g, "smtp.office365.com") };
  type Option = { id: string; rank: number; availability: string; availabilityNote?: string };
  for (const lang of LANGS) {
    const { json } = await explain(m365, lang);
    const options = json.plan.options as Option[];
    assert.deepEqual(options.slice(0, 2).map((o) => o.id), ["smtp-relay", "direct-send"], lang);
    assert.deepEqual(options.map((o) => o.rank), options.map((_, i) => i + 1), lang);
    // OAuth and HVE need a sign-in: only through a relay on the host that signs in for it.
    for (const id of ["oauth", "hve"]) assert.equal(options.find((o) => o.id === id)?.availabilityNote, t(lang, "plan.option.cannotSignIn"), `${lang} ${id}`);
    // Its note says so, in place of "most printers and scanners use Basic auth".
    const notes = (json.plan as unknown as { notes: string[] }).notes;
    assert.ok(notes.includes(t(lang, "plan.note.cannotSignIn")), lang);
    assert.ok(!notes.includes(t(lang, "plan.note.basicLikely")), lang);
    // The section's heading too, in the text and Markdown reports: not "… that uses Basic auth".
    for (const format of ["text", "md"]) {
      const out = (await runMain(["explain", "-", "--format", format, "--lang", lang, "--no-color"], { stdin: m365.text, columns: 120 })).stdout;
      assert.ok(out.includes(t(lang, "plan.report.section.options.noSignIn")), `${lang} ${format}`);
      assert.ok(!out.includes(t(lang, "plan.report.section.options", senderParams(lang, undefined))), `${lang} ${format}`);
    }
  }
  // Another refusal keeps the catalogue's order (OAuth first) and its own words.
  const other = (await explain({ source: "domain.md", text: "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant." }, "en")).json.plan.options as Option[];
  assert.equal(other[0]?.id, "oauth");
  assert.ok((await explainText({ source: "domain.md", text: "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant." }, "en")).includes(t("en", "plan.report.section.options", senderParams("en", undefined))));
  assert.notEqual(other[0]?.availabilityNote, t("en", "plan.option.cannotSignIn"));
});
