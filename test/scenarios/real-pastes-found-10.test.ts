// Tenth hunt (./real-pastes-found-10.ts: Q&A pages, Microsoft's Japanese pages, apps and mail libraries): the readings it found
// wrong or weak and fixed, through the real parser, engine and plan (explain --json), in both languages.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_10 } from "./real-pastes-found-10.js";
import { assertNoTenantCause, explain, ids, infoIds, notesOf, pasteOf, statuses, stepIds } from "./real-pastes-data.js";

const paste = pasteOf(FOUND_ROUND_10);
const LANGS = ["en", "ja"] as const;

test("#3: a hosting server's '451 … please authenticate before send' (Outlook's 0x800CCC78) is a client that does not sign in, on another service, not a temporary error", async () => {
  for (const lang of LANGS) {
    const { code, json } = await explain(paste(3), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["no-authentication:blocking"], lang);
    assert.ok(!stepIds(json).includes("retry-later"), lang);
    assertNoTenantCause(`#3 ${lang}`, json);
  }
});

test("#13: MailKit's 'The revocation function was unable to check revocation' is the path to the CA's revocation servers, not STARTTLS or the firmware", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(13), lang);
    assert.deepEqual(statuses(json), ["tls-handshake-failed:blocking"], lang);
    assert.deepEqual(notesOf(json), ["note.revocationUnreachable"], lang);
    const [step] = json.plan.steps;
    assert.equal(step?.id, "device-firmware", lang);
    assert.match(step?.title ?? "", lang === "en" ? /revocation servers \(CRL, OCSP\)/ : /失効確認のサーバー \(CRL、OCSP\)/);
    assert.ok(!ids(json).includes("starttls-missing"), lang);
  }
});

test("#15: MailKit's 'The SMTP server does not support authentication' is the host or the encryption (no AUTH offered), not bad input", async () => {
  for (const lang of LANGS) {
    const { code, json } = await explain(paste(15), lang);
    assert.equal(code, 3, lang);
    assert.deepEqual([...ids(json)].sort(), ["starttls-missing", "wrong-endpoint"], lang);
  }
});

test("#16: Windows' 'access a socket in a way forbidden by its access permissions' (10013) is the computer's own firewall or antivirus, not bad input", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(16), lang);
    assert.deepEqual(statuses(json), ["network-unreachable:blocking"], lang);
    assert.deepEqual(stepIds(json), ["device-network"], lang);
    assert.deepEqual(notesOf(json), ["note.localSocketForbidden"], lang);
  }
});

test("#2: another server's 'Invalid HELO name' is the name the sending server greets with, and asks no sign-in setting", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(2), lang);
    assert.deepEqual(statuses(json), ["helo-name-refused:blocking"], lang);
    assert.deepEqual(stepIds(json), ["device-helo-name"], lang);
    const unknowns = json.unknowns as string[];
    assert.ok(!unknowns.some((u) => u === "device.auth" || u === "device.username" || u.startsWith("tenant.") || u.startsWith("account.")), `${lang}: ${unknowns.join(", ")}`);
  }
});

test("#7, #9: a message too large for the recipient (5.2.3 RecipSizeLimit) or for the server ('max message size exceeded') is the size, and the recipient's limit is not the sender's MaxSendSize", async () => {
  for (const lang of LANGS) {
    const recipient = (await explain(paste(7), lang)).json;
    assert.deepEqual(statuses(recipient), ["sending-limit:blocking"], lang);
    const step = recipient.plan.steps[0];
    assert.equal(step?.id, "device-sending-rate", lang);
    assert.match(step?.why ?? "", /MaxReceiveSize/, lang);
    assert.doesNotMatch(step?.why ?? "", /MaxSendSize/, lang);
    const server = (await explain(paste(9), lang)).json;
    assert.deepEqual(statuses(server), ["sending-limit:blocking"], lang);
  }
});

test("#5: Outlook's 'You do not have the permission to send the message on behalf of the specified user' is Send As, not bad input", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(5), lang);
    assert.deepEqual(statuses(json), ["send-as-denied:blocking"], lang);
  }
});

test("the hunt's right readings stay right: a relay refused by an ISP, connection refused and timed out, implicit TLS on 587", async () => {
  const expected: Record<number, string[]> = {
    1: ["no-authentication"],
    10: ["network-unreachable", "wrong-endpoint"],
    11: ["network-unreachable", "wrong-endpoint"],
    14: ["starttls-missing", "wrong-endpoint"],
    19: ["network-unreachable", "wrong-endpoint"],
  };
  for (const [n, causes] of Object.entries(expected)) {
    const { json } = await explain(paste(Number(n)), "en");
    assert.deepEqual([...ids(json)].sort(), causes, `#${n}`);
  }
});

test("#12: MailKit's SslHandshakeException whose inner exception is Windows' timeout ('the connected party did not properly respond') is the network path first, not the certificate or TLS version", async () => {
  for (const lang of LANGS) {
    const { code, json } = await explain(paste(12), lang);
    assert.equal(code, 3, lang);
    assert.deepEqual([...ids(json)].sort(), ["network-unreachable", "wrong-endpoint"], lang);
    assert.equal(stepIds(json)[0], "device-network", lang);
  }
});

test("#18: a connection refused by High Volume Email's host keeps that host in the plan (its network check and its endpoint), never 'set it to smtp.office365.com'", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(18), lang);
    assert.deepEqual(stepIds(json), ["device-network", "device-endpoint"], lang);
    const text = JSON.stringify(json.plan.steps);
    assert.ok(text.includes("Test-NetConnection -ComputerName smtp-hve.office365.com -Port 587"), lang);
    assert.ok(!text.includes("-ComputerName smtp.office365.com"), lang);
    assert.match(json.plan.steps[1]?.title ?? "", /smtp-hve\.office365\.com \(High Volume Email\)/, lang);
  }
  // Without the HVE host the same refusal keeps smtp.office365.com.
  const { json } = await explain({ ...paste(18), text: paste(18).text.replace(/smtp-hve\.office365\.com/g, "smtp.office365.com") }, "en");
  assert.ok(JSON.stringify(json.plan.steps).includes("-ComputerName smtp.office365.com -Port 587"));
});

test("#17: PHPMailer's getaddrinfo failure leads (not its closing 'SMTP connect() failed.'), so the plan's network step is the DNS one; 'timeout=300' in its opening line is a setting, not a timeout", async () => {
  for (const lang of LANGS) {
    const { code, json } = await explain(paste(17), lang);
    assert.equal(code, 3, lang);
    assert.equal((json as unknown as { analysis: { primary?: { patternId: string } } }).analysis.primary?.patternId, "network-dns", lang);
    const [step] = json.plan.steps;
    assert.equal(step?.id, "device-network", lang);
    assert.match(step?.title ?? "", lang === "en" ? /resolve on this network \(DNS\)/ : /DNS/, lang);
  }
  const { analyzeReply } = await import("../../src/replies/index.js");
  const opening = analyzeReply("Connection: opening to smtp.office365.com:587, timeout=300, options=array ()\nSMTP ERROR: Password command failed: 535 5.7.3 Authentication unsuccessful");
  assert.ok(!opening.matches.some((m) => m.patternId === "network-timeout"), opening.matches.map((m) => m.patternId).join(", "));
  // Words of a real timeout on the same kind of line still count.
  assert.equal(analyzeReply("Connection failed. Error #2: stream_socket_client(): unable to connect to smtp.office365.com:587 (Connection timed out), timeout=300").primary?.patternId, "network-timeout");
});

test("#6: a full Office 365 NDR is read at its 'Error: 554 5.4.14 Hop count exceeded' line (a mail loop at the recipient's side), not at the code its help text quotes from a page's title ('error code 5.1.1 in Office 365')", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(6), lang);
    assert.deepEqual(statuses(json), ["recipient-refused:blocking"], lang);
    assert.deepEqual(notesOf(json), ["note.mailLoop"], lang);
    const evidence = JSON.stringify(json.causes);
    assert.ok(evidence.includes("554 5.4.14 Hop count exceeded"), lang);
    assert.ok(!evidence.includes("in Office 365, and then send"), lang);
  }
  const { analyzeReply } = await import("../../src/replies/index.js");
  // A page's title names a code; a reply with the same words after it still reads.
  assert.equal(analyzeReply("see Fix email delivery issues for error code 5.7.139 in Exchange Online").primary, undefined);
  assert.equal(analyzeReply("550 5.7.1 Unable to relay in Office 365 tenant").primary?.reply.enhanced, "5.7.1");
});

test("#8: Postfix's '552 5.3.4 Error: message file too big' is that server's own size limit: no Microsoft 365 size setting, no sign-in claimed, and the plan says who raises it", async () => {
  for (const lang of LANGS) {
    const { code, json } = await explain(paste(8), lang);
    assert.equal(code, 1, lang);
    assert.deepEqual(statuses(json), ["sending-limit:blocking"], lang);
    assert.ok(notesOf(json).includes("note.sizeNotRateOther"), lang);
    assertNoTenantCause(`#8 ${lang}`, json);
    const info = infoIds(json);
    assert.ok(info.includes("provider-other"), `${lang}: ${info.join(", ")}`);
    // Another server may take mail without a sign-in: its size refusal proves none (Exchange Online's would).
    assert.ok(!info.includes("auth-succeeded"), `${lang}: ${info.join(", ")}`);
    const [step] = json.plan.steps as Array<{ id: string; title: string; why: string }>;
    assert.equal(step?.id, "provider-service-limits", lang);
    assert.match(`${step?.title} ${step?.why}`, lang === "en" ? /size limit.*message_size_limit/s : /サイズの上限.*message_size_limit/s);
    assert.ok(!JSON.stringify(json.plan).includes("MaxSendSize"), lang);
  }
  // Exchange Online's own wording keeps its reading: the mailbox's maximum send size, after a sign-in.
  const { json } = await explain({ source: "domain.md §5", text: "552 5.3.4 Message size exceeds fixed maximum message size" }, "en");
  assert.ok(JSON.stringify(json.plan).includes("MaxSendSize"));
  assert.ok(infoIds(json).includes("auth-succeeded"));
});

test("#20: a connection refused by a server that is not Microsoft's (PHPMailer to an organization's own Exchange on port 25) is tested at that host and port; setting smtp.office365.com is offered only if the application (PHPMailer's log: read as an application's) should send through Microsoft 365", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(20), lang);
    const plan = json.plan.steps as Array<{ id: string; title: string; check?: Array<{ text: string }> }>;
    const network = plan.find((s) => s.id === "device-network");
    assert.match(network?.title ?? "", /pg1\.lexo\.se.*25/, lang);
    assert.deepEqual(network?.check?.map((c) => c.text), ["Test-NetConnection -ComputerName 'pg1.lexo.se' -Port 25"], lang);
    const endpoint = plan.find((s) => s.id === "device-endpoint");
    assert.match(endpoint?.title ?? "", lang === "en" ? /^If the application should send through Microsoft 365.*pg1\.lexo\.se/ : /^Microsoft 365 経由で送信する場合は.*pg1\.lexo\.se/, lang);
  }
});

test("a host taken from a pasted connection line reaches a command only as a well-formed name, quoted; Microsoft's hosts and odd text keep smtp.office365.com", async () => {
  const networkCheck = async (text: string) => {
    const { json } = await explain({ source: "constructed", text }, "en");
    const step = (json.plan.steps as Array<{ id: string; check?: Array<{ text: string }> }>).find((s) => s.id === "device-network");
    return step?.check?.map((c) => c.text).join("\n") ?? "";
  };
  assert.equal(await networkCheck("Connection: opening to MAIL.Example.ORG:2525\nSMTP ERROR: Failed to connect to server: Connection refused (111)"), "Test-NetConnection -ComputerName 'mail.example.org' -Port 2525");
  assert.equal(await networkCheck("SMTP -> ERROR: Failed to connect to server: connect to host relay.example.net port 25: Connection timed out"), "Test-NetConnection -ComputerName 'relay.example.net' -Port 25");
  for (const text of [
    "unable to connect to smtp.office365.com:587 (Connection refused)",
    "unable to connect to smtp.outlook.com:587 (Connection refused)",
    "unable to connect to 10.0.0.5:25 (Connection refused)",
    "unable to connect to evil';calc;'.example.com:25 (Connection refused)",
  ]) {
    assert.equal(await networkCheck(text), "Test-NetConnection -ComputerName smtp.office365.com -Port 587", text);
  }
  // A connection refused at localhost is the server setting (twentieth hunt #4): no network step, and the name reaches no command.
  assert.equal(await networkCheck("unable to connect to localhost:25 (Connection refused)"), "");
});

test("#4: Exchange's 'RESOLVER.ADR.InvalidInSmtp … (IMCEAINVALID-)' is a recipient left unresolved in an Outlook draft: the recipient, with what to do, and no sign-in setting asked", async () => {
  for (const lang of LANGS) {
    const { json } = await explain(paste(4), lang);
    assert.deepEqual(statuses(json), ["recipient-refused:blocking"], lang);
    assert.deepEqual(notesOf(json), ["note.unresolvedDraftRecipient"], lang);
    assert.deepEqual(stepIds(json), ["delivery-check-recipient"], lang);
    assert.deepEqual(json.unknowns, [], lang);
  }
});
