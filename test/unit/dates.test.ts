// Calendar dates without a Date (src/case/dates.ts): the same answers as Date gives, on every day of
// four centuries and on random days and strings of the whole range.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { dayToIso, isIsoDate, todayUtc } from "../../src/case/dates.js";

const DAY_MS = 86_400_000;
/** What Date says: the reference the arithmetic must match. */
const dateIsIso = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

test("dayToIso writes every day from 1900 to 2300 as Date's toISOString does", () => {
  const from = Math.floor(Date.UTC(1900, 0, 1) / DAY_MS);
  const to = Math.floor(Date.UTC(2300, 11, 31) / DAY_MS);
  for (let day = from; day <= to; day++) assert.equal(dayToIso(day), new Date(day * DAY_MS).toISOString().slice(0, 10), String(day));
});

test("dayToIso over the years 0 to 9999 (random days) and at their ends (Date.UTC reads year 0 as 1900: parsed instead)", () => {
  const start = Math.floor(new Date("0000-01-01T00:00:00Z").getTime() / DAY_MS);
  const end = Math.floor(new Date("9999-12-31T00:00:00Z").getTime() / DAY_MS);
  for (const day of [start, start + 59, start + 60, end]) assert.equal(dayToIso(day), new Date(day * DAY_MS).toISOString().slice(0, 10));
  fc.assert(fc.property(fc.integer({ min: start, max: end }), (day) => dayToIso(day) === new Date(day * DAY_MS).toISOString().slice(0, 10)), { numRuns: 20_000 });
});

test("isIsoDate answers as Date does: every month and day number of four centuries, leap years included", () => {
  for (let year = 1896; year <= 2304; year++) {
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++) {
        const s = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        assert.equal(isIsoDate(s), dateIsIso(s), s);
      }
    }
  }
  for (const s of ["2000-02-29", "1900-02-29", "2100-02-29", "2400-02-29", "0000-02-29", "9999-12-31"]) assert.equal(isIsoDate(s), dateIsIso(s), s);
});

test("isIsoDate on random strings and on near-dates answers as Date does", () => {
  const digits = (n: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });
  const nearDate = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`);
  fc.assert(fc.property(fc.oneof(nearDate, fc.string(), fc.string({ unit: fc.constantFrom(..."0123456789-") })), (s) => isIsoDate(s) === dateIsIso(s)), { numRuns: 20_000 });
  for (const s of ["", "2026-11-22 ", " 2026-11-22", "2026-11-22\n", "２０２６-11-22", "2026/11/22", "26-11-22"]) assert.equal(isIsoDate(s), false, JSON.stringify(s));
});

test("todayUtc: the clock's UTC day, or SMTP_AUTH_DOCTOR_TODAY", () => {
  const before = new Date().toISOString().slice(0, 10);
  const today = todayUtc({});
  const after = new Date().toISOString().slice(0, 10);
  assert.ok(today === before || today === after, today);
  assert.equal(todayUtc({ SMTP_AUTH_DOCTOR_TODAY: "2026-11-22" }), "2026-11-22");
  assert.equal(todayUtc({ SMTP_AUTH_DOCTOR_TODAY: "tomorrow" }), before === after ? before : today);
});
