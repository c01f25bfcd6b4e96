// M4: with bracketed paste on (the wizard turns it on), a paste is text in every field: a one-line field takes it
// without its line breaks and does not submit (a copied line's break answered the question, and its next line the
// next one); a list chooses nothing; the error's field keeps its lines and does not end on a blank one; a password
// field takes the characters. Typing as before is unchanged: Enter submits.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { MultilineInput, PasswordInput, Select, TextInput } from "../../src/ui/components.js";
import { PASTE_END, PASTE_START } from "../../src/ui/keys.js";
import { makeTheme } from "../../src/render/theme.js";
import { frameWith, mount, press } from "../helpers/ink.js";
import { KEY } from "../helpers/wait.js";

afterEach(() => cleanup());

const theme = makeTheme({ color: false, ascii: false, columns: 80 });
const paste = (text: string) => `${PASTE_START}${text}${PASTE_END}`;
const settle = () => new Promise((r) => setTimeout(r, 50));

test("a one-line field takes a paste without its line breaks and submits only on Enter typed after it", async () => {
  const submitted: string[] = [];
  const r = mount(<TextInput theme={theme} label=">" onSubmit={(v) => submitted.push(v)} />);
  await press(r, paste("scanner@contoso.com\r\nsecond line\r\n"));
  await frameWith(r, "scanner@contoso.com second line");
  await settle();
  assert.deepEqual(submitted, []);
  await press(r, KEY.enter);
  await settle();
  assert.deepEqual(submitted, ["scanner@contoso.com second line"]);
});

test("a list chooses nothing on a paste; a typed digit and Enter still do", async () => {
  const chosen: number[] = [];
  const r = mount(<Select theme={theme} items={[{ label: "one" }, { label: "two" }, { label: "three" }]} onSelect={(i) => chosen.push(i)} />);
  await frameWith(r, "1. one");
  await press(r, paste("3\r"));
  await settle();
  assert.deepEqual(chosen, []);
  await press(r, "2\r");
  await settle();
  assert.deepEqual(chosen, [1]);
});

test("the error's field keeps a paste's lines, a blank one included, and ends only on Ctrl+D or an Enter typed on an empty line", async () => {
  const submitted: string[] = [];
  const r = mount(<MultilineInput theme={theme} linesLabel={(n) => `${n} lines`} onSubmit={(v) => submitted.push(v)} />);
  await press(r, paste("Error sending:\r\n\r\n535 5.7.139 Authentication unsuccessful\r\n"));
  await frameWith(r, "2 lines");
  await settle();
  assert.deepEqual(submitted, []);
  await press(r, KEY.ctrlD);
  await settle();
  assert.deepEqual(submitted, ["Error sending:\n\n535 5.7.139 Authentication unsuccessful"]);
});

test("a password field takes a pasted password without its line break; Enter submits it", async () => {
  const submitted: string[] = [];
  const r = mount(<PasswordInput theme={theme} label="Password:" onSubmit={(v) => submitted.push(v)} />);
  await press(r, paste("S3cret!pw\r\n"));
  await frameWith(r, "*********");
  await settle();
  assert.deepEqual(submitted, []);
  await press(r, KEY.enter);
  await settle();
  assert.deepEqual(submitted, ["S3cret!pw"]);
});
