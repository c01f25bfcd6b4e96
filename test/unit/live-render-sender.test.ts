// Persona 9b: `diagnose --case <an application's case> --live` printed its reads as a device's: "give --from with the device's
// sender address to check Send As", "Consent for SMTP.SendAsApp / SMTP.Send of the device's app". An application's case reads its
// own words; a device's case, and a read without a case (collect, access), keep the device's, byte for byte.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Case } from "../../src/case/schema.js";
import { t } from "../../src/i18n/index.js";
import { formatRead, readLabel } from "../../src/live/render.js";
import type { ReadResult } from "../../src/live/types.js";

const app: Pick<Case, "device"> = { device: { vendor: "app" } };
const canon: Pick<Case, "device"> = { device: { vendor: "canon" } };

const reads: ReadResult[] = [
  { id: "exchange.sendAs", status: "skipped", endpoint: "Get-RecipientPermission", facts: [], covers: ["account.sendAs"], reasonKey: "live.reason.needsFrom", ms: 1 },
  { id: "graph.oauthConsent", status: "skipped", endpoint: "/servicePrincipals", facts: [], covers: [], reasonKey: "live.reason.needsAppId", ms: 1 },
  { id: "graph.conditionalAccess", status: "skipped", endpoint: "/identity/conditionalAccess/policies", facts: [], covers: [], reasonKey: "live.reason.caConditional", reasonParams: { policies: "Block legacy" }, ms: 1 },
];

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: a live read names the application in an application's case, the device otherwise`, () => {
    const device = t(lang, "plan.sender.device");
    const application = t(lang, "plan.sender.app");
    for (const r of reads) {
      const own = formatRead(lang, r, false, app);
      const key = r.reasonKey as string;
      assert.ok(own.includes(t(lang, `${key}.app` as never, r.reasonParams)), `${r.id}: ${own}`);
      assert.ok(own.includes(application), `${r.id}: ${own}`);
      assert.ok(!own.replace(/risk or device apply|リスク、デバイスに依存/g, "").includes(device), `${r.id}: ${own}`);
      // A device's case and no case: the words as before.
      const before = formatRead(lang, r, false);
      assert.equal(formatRead(lang, r, false, canon), before);
      assert.ok(before.includes(t(lang, key as never, r.reasonParams)), before);
    }
    assert.equal(readLabel(lang, { id: "graph.oauthConsent" }, app), t(lang, "live.read.graph.oauthConsent.app" as never));
    assert.ok(!readLabel(lang, { id: "graph.oauthConsent" }, app).includes(device));
    assert.equal(readLabel(lang, { id: "graph.oauthConsent" }, canon), t(lang, "live.read.graph.oauthConsent"));
  });
}
