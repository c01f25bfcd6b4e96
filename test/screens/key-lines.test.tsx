// Every screen's key line wraps between its keys, never inside one: at 60 columns the paste screen's line ended with
// "Ctrl+C:" and "quit" began the next row (a helper's leftover from persona round 6, P6-12). Each screen counts the
// rows of that line as the frame draws them (keyRows), so a wrapped line does not push the title off.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { Frame, keyRows, Line } from "../../src/ui/components.js";
import { rawTable } from "../../src/i18n/all.js";
import { makeTheme } from "../../src/render/theme.js";
import { frameWith, mount } from "../helpers/ink.js";

afterEach(() => cleanup());

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: every key line of the wizard wraps between keys at 40 to 80 columns, in the rows keyRows counts`, async () => {
    const table = rawTable(lang);
    const keyLines = Object.entries(table).filter(([key]) => /\.keys(?:\.|$)|\.keys[A-Z]/.test(key) && !key.includes("whatif.screen"));
    assert.ok(keyLines.length >= 10, `${keyLines.length} key lines`);
    for (const cols of [40, 50, 60, 70, 80]) {
      const theme = makeTheme({ color: false, ascii: false, columns: cols });
      for (const [key, keys] of keyLines) {
        const r = mount(
          <Frame theme={theme} title="TITLE" keys={keys as string}>
            <Line text="BODY" theme={theme} />
          </Frame>,
        );
        const f = await frameWith(r, "BODY");
        r.unmount();
        const lines = f.split("\n");
        const rule = lines.lastIndexOf(lines.find((l, i) => i > 2 && /^[─-]+$/.test(l.trim())) ?? "");
        const drawn = lines.slice(rule + 1).filter((l) => l.trim() !== "");
        assert.equal(drawn.length, keyRows(keys as string, theme), `${key} at ${cols}:\n${f}`);
        // A key never ends a row without its action ("Ctrl+C:" / "quit").
        for (const line of drawn) assert.ok(!/:\s*$/.test(line), `${key} at ${cols}: "${line}"\n${f}`);
        assert.equal(drawn.join("  ").replace(/\s+/g, " ").trim(), (keys as string).replace(/\s+/g, " ").trim(), `${key} at ${cols}`);
      }
    }
  });
}
