// The engine reads the case's device, tenant and account through copies of one shape each
// (src/engine/shape.ts): every copy holds exactly what the case holds, and all copies have the same
// fields in the same order, whatever subset the case had.
import assert from "node:assert/strict";
import { test } from "node:test";
import { accountRecord, deviceRecord, tenantRecord } from "../../src/engine/shape.js";
import { randomCase, rng } from "../helpers/random-case.js";

const defined = (o: object): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

test("engine shape: the copies hold the case's values and have one order of fields", () => {
  const next = rng(7);
  const orders = { device: new Set<string>(), tenant: new Set<string>(), account: new Set<string>() };
  for (let i = 0; i < 5_000; i++) {
    const c = randomCase(next, next());
    const d = deviceRecord(c.device ?? {});
    const t = tenantRecord(c.tenant ?? {});
    const a = accountRecord(c.account ?? {});
    assert.deepEqual(defined(d), defined(c.device ?? {}));
    assert.deepEqual(defined(t), defined(c.tenant ?? {}));
    assert.deepEqual(defined(a), defined(c.account ?? {}));
    orders.device.add(Object.keys(d).join());
    orders.tenant.add(Object.keys(t).join());
    orders.account.add(Object.keys(a).join());
  }
  assert.deepEqual([orders.device.size, orders.tenant.size, orders.account.size], [1, 1, 1]);
  assert.ok([...orders.device][0]?.split(",").includes("reply"));
});

test("engine shape: a field the schema does not know is kept (the copy is never poorer than the case)", () => {
  const odd = { host: "smtp.office365.com", extra: 1 } as unknown as Parameters<typeof deviceRecord>[0];
  assert.deepEqual(defined(deviceRecord(odd)), { host: "smtp.office365.com", extra: 1 });
});
