// The window a long list shows in a short screen (src/ui/components.tsx listWindow): the chosen item always in it, the
// rows it takes (with a line for what is left out above and below) within the room whenever the chosen item fits, and
// the whole list when it fits.
import assert from "node:assert/strict";
import { test } from "node:test";
import { listWindow } from "../../src/ui/components.js";
import { rng } from "../helpers/random-case.js";

test("listWindow: the whole list when it fits; else the chosen item and as many neighbours as the rows allow", () => {
  assert.deepEqual(listWindow([1, 1, 1], 1, 3), [0, 2]);
  assert.deepEqual(listWindow([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 0, 13), [0, 11]);
  assert.deepEqual(listWindow([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 13, 13), [2, 13]);
  const next = rng(7);
  for (let i = 0; i < 5000; i++) {
    const n = 1 + Math.floor(next() * 20);
    const heights = Array.from({ length: n }, () => 1 + Math.floor(next() * 3));
    const at = Math.floor(next() * n);
    const maxRows = 1 + Math.floor(next() * 25);
    const [from, to] = listWindow(heights, at, maxRows);
    assert.ok(from <= at && at <= to && from >= 0 && to < n, JSON.stringify({ heights, at, maxRows, from, to }));
    const rows = heights.slice(from, to + 1).reduce((a, b) => a + b, 0) + (from > 0 ? 1 : 0) + (to < n - 1 ? 1 : 0);
    const total = heights.reduce((a, b) => a + b, 0);
    if (total <= maxRows) assert.deepEqual([from, to], [0, n - 1]);
    else if (from !== at || to !== at) assert.ok(rows <= maxRows, JSON.stringify({ heights, at, maxRows, from, to, rows }));
  }
});
