// Fifth hunt (./real-pastes-found-5.ts): readings fixed by the lead after the hunt, each against the `reading` written
// before the tool was run (the other fixes of that hunt are pinned in real-pastes-found-5.test.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOUND_ROUND_5 } from "./real-pastes-found-5.js";
import { explain, ids } from "./real-pastes-data.js";
import { analyzeReply } from "../../src/replies/index.js";

const paste = (source: string) => {
  const p = FOUND_ROUND_5.find((x) => x.source.startsWith(source));
  assert.ok(p, source);
  return p;
};

test("Ricoh's Scan to Office365 panel message 'Authentication Failed: Account is locked.' is the locked account, not fourteen sign-in causes led by 're-enter the password' (#13)", async () => {
  const p = paste("https://www.manualshelf.com/manual/cloud/cx133/");
  for (const lang of ["en", "ja"] as const) {
    const { json } = await explain(p, lang);
    assert.deepEqual(ids(json), ["account-locked"], lang);
    assert.ok(!json.plan.steps.some((s) => /password/i.test(s.id) && !/lock/i.test(s.id)), json.plan.steps.map((s) => s.id).join(", "));
  }
});

test("an on-premises tracking log's '550 5.7.51 TenantInboundAttribution; There is a partner connector … RestrictDomainsToCertificate' is a connector whose restriction the sender did not match, not Direct Send with a tenant-wide new connector (#4)", async () => {
  const p = paste("https://jpmessaging.github.io/blog/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/ (second table");
  for (const lang of ["en", "ja"] as const) {
    const { json } = await explain(p, lang);
    assert.deepEqual(ids(json), ["relay-connector-mismatch"], lang);
    assert.ok(!ids(json).includes("direct-send-rejected"));
    assert.ok(!JSON.stringify(json.plan).includes("-SenderDomains '*'"), "no connector for every sender domain");
  }
});

test("an Exchange Online message trace's 'LED=450 4.4.317 Cannot connect to remote server [Message=451 5.7.3 STARTTLS is required …]' is Exchange Online's own delivery through an outbound connector, the inner reply the next server's answer: no device step (#3)", async () => {
  const p = paste("https://jpmessaging.github.io/blog/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/");
  const trace = FOUND_ROUND_5.find((x) => x.text.startsWith("LED=450 4.4.317"));
  assert.ok(trace, p.source);
  for (const lang of ["en", "ja"] as const) {
    const { json } = await explain(trace, lang);
    assert.deepEqual(ids(json), ["outbound-connector-delivery-failed"], lang);
    assert.deepEqual(json.plan.steps.map((s) => s.id), ["outbound-connector-check"]);
  }
  const a = analyzeReply(trace.text);
  assert.deepEqual(a.replies.map((r) => r.line), ["450 4.4.317 Cannot connect to remote server", "451 5.7.3 STARTTLS is required to send mail"]);
  assert.ok(!a.matches.some((m) => m.candidates.includes("starttls-missing")));
});

test("Microsoft's Japanese blog on an on-premises Edge Transport ('550 5.7.60 … send as this sender' with ms-Exch-SMTP-Accept-Authoritative-Domain-Sender) is on-premises Exchange: no Exchange Online command (#6)", async () => {
  const p = paste("https://jpmessaging.github.io/blog/replacing-iis-smtp-virtual-server-with-exchange-edge-transport/");
  for (const lang of ["en", "ja"] as const) {
    const { json } = await explain(p, lang);
    assert.ok(!ids(json).includes("send-as-denied"), ids(json).join(", "));
    assert.ok(!JSON.stringify(json.plan).includes("Add-RecipientPermission"), "no Exchange Online Send As command");
  }
  assert.equal(analyzeReply(p.text).provider?.id, "exchange-onprem");
});
