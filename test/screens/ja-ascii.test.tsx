// No English in the Japanese wizard (issue 13.7): the wizard is driven in Japanese through every
// step of a diagnosis (paste, device questions, test offer, source, questions, result, save, what
// if) with the program's real services, and every frame is read. Words in Latin letters must be
// names people see on their screens or in their tools: products and protocols, cmdlets and
// property names, keys, addresses and the quoted server reply. Anything else is an English leak.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { WizardApp } from "../../screens/App.js";
import { makeServices } from "../../src/cli/wizard-services.js";
import { emptyCase } from "../../src/case/schema.js";
import { initFlow } from "../../src/flow/reducer.js";
import { loadCatalog } from "../../src/devices/index.js";
import { t } from "../../src/i18n/index.js";
import { makeTheme } from "../../src/render/theme.js";
import { mount, press } from "../helpers/ink.js";
import { KEY, waitFor } from "../helpers/wait.js";

afterEach(() => cleanup());

const REPLY = "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.";

/** Names a Japanese reader sees as they are: products, protocols, standards, keys, units, the vendor's own labels. */
const ALLOWED = new Set(
  `Microsoft Exchange Online Entra Azure Graph PowerShell Windows Outlook Teams Office Intune Defender
   SMTP AUTH STARTTLS TLS SSL OAuth MFA HVE High Volume Email DNS IP IPv TCP UPN ID URL JSON Markdown CSV ps md json txt
   LOGIN PLAIN XOAUTH CRAM MD NTLM GSSAPI Basic
   Enter Esc Ctrl PgUp PgDn Tab Space Up Down Home End Shift
   smtp office com outlook onmicrosoft contoso co jp fabrikam example www https http aka ms learn
   Sharp BP Ricoh Canon Fujifilm Konica Minolta Kyocera Xerox Brother Epson Toshiba HP Lexmark imageRUNNER ADVANCE DX bizhub TASKalfa
   Web Remote UI SMTP-AUTH Direct Send SendAs RejectDirectSend Get Set New Add Remove Connect Invoke Test Resolve Select Format List Where Object
   Global Reader Security Reports Administrator Administrators admin center sad whatif handover resume auth doctor npx
   English True False Enabled Disabled Enforced Auth E-mail Connector series`.split(/\s+/),
);

/** A line quoting data or code (a command, an address, the server's reply, a file name) is not checked word by word. */
const quoted = (line: string) =>
  /^\s*(?:Get-|Set-|New-|Add-|Remove-|Connect-|Invoke-|Test-|Resolve-|Disable-|Enable-|Update-|Install-)/.test(line) ||
  /https?:\/\/|\b\S+@\S+\.\S+|\[\S+\.(?:PROD\.)?OUTLOOK\.COM/i.test(line) ||
  /\b5\d\d[ -]\d\.\d\.\d+\b|\d\.\d\.\d{1,3}\b/.test(line);

/** Words of the pasted server reply: data, quoted as the server sent it (also on its wrapped lines). */
const REPLY_WORDS = new Set(REPLY.match(/[A-Za-z]+/g));

/**
 * The text outside quotations: English inside brackets, quotes or 「」 is the name a screen or a
 * tool shows (Microsoft's English label beside ours, a vendor's panel label, a value as PowerShell
 * prints it), given on purpose.
 */
const unquoted = (line: string) =>
  line
    .replace(/Outlook on the web/g, "Outlook")
    // A placeholder of a printed command (<previous-value>), and this program's own commands.
    .replace(/<[^<>\s]+>|smtp-auth-doctor(?: [a-z]+)?/g, " ")
    .replace(/\([^()]*\)|「[^」]*」|"[^"]*"|\[[^\]]*\]|“[^”]*”/g, " ");

function leaks(frame: string): string[] {
  const out: string[] = [];
  // Quotations may wrap over lines: take them out of the whole frame, then read it line by line.
  const lines = unquoted(frame.split("\n").map((l) => (quoted(l) ? "" : l)).join("\n")).split("\n");
  for (const raw of lines) {
    // A menu path in the vendor's English labels (the screen says when only English ones are known): its segments are names.
    const line = /[>›]/.test(raw) ? raw.split(/[>›]/).filter((seg) => /[^\x20-\x7e]/.test(seg)).join(" ") : raw;
    const words = line.match(/[A-Za-z][A-Za-z0-9-]*/g) ?? [];
    // A wrapped line of the quoted reply.
    if (words.length > 0 && words.every((w) => REPLY_WORDS.has(w))) continue;
    for (const w of words) {
      // Property and cmdlet names (SmtpClientAuthenticationDisabled, AllowBasicAuthSmtp), acronyms, model codes.
      if (w.length === 1 || /^[A-Z][a-z]+(?:[A-Z][a-z]*)+$/.test(w) || /^[a-z]+[A-Z][A-Za-z]*$/.test(w) || /^[A-Z0-9-]+$/.test(w) || /\d/.test(w)) continue;
      if (ALLOWED.has(w) || w.split("-").every((p) => ALLOWED.has(p))) continue;
      out.push(`${w}  ←  ${raw.trim()}`);
    }
  }
  return out;
}

test("ja: no English word outside the allowlist on any screen of a whole diagnosis, the save step and what-if", { timeout: 120000 }, async () => {
  // The real services without the probe: the test from this PC would look up smtp.office365.com (no traffic leaves loopback in tests).
  const { probe: _probe, ...services } = makeServices({ today: "2026-12-03", cwd: process.cwd(), ascii: false, devices: await loadCatalog() });
  const initial = initFlow(services.deps, { lang: "ja", langExplicit: false, empty: emptyCase() });
  let done = false;
  const r = mount(<WizardApp services={services} initial={initial} theme={makeTheme({ color: false, ascii: false, columns: 80 })} rows={40} onExit={() => (done = true)} />);
  const seen = new Map<string, string>();
  let last = "";
  const next = async (what: string): Promise<string> =>
    waitFor(() => {
      const f = r.lastFrame() ?? "";
      if (f === last || f.trim() === "") return undefined;
      last = f;
      seen.set(f, what);
      return f;
    }, { what, last: () => r.lastFrame() ?? "" });
  const step = async (keys: string, what: string) => {
    await press(r, keys);
    return next(what);
  };
  await next("language");
  await step(KEY.enter, "purpose");
  await step(KEY.enter, "paste");
  await press(r, REPLY);
  await step(KEY.enter, "paste typed");
  await step(KEY.enter, "paste summary");
  await step(KEY.enter, "vendor");
  await step("3" + KEY.enter, "model");
  await press(r, "BP-70C65");
  let f = await step(KEY.enter, "device questions");
  const tr = (k: Parameters<typeof t>[1]) => t("ja", k);
  for (let i = 0; i < 50 && !f.includes(tr("wizard.result.title")); i++) {
    if (f.includes(tr("wizard.probe.title"))) f = await step("s", "source");
    else if (f.includes(tr("wizard.source.q"))) f = await step(KEY.enter, "questions");
    else if (f.includes(tr("wizard.keys.text"))) f = await step(KEY.enter, "next question");
    else f = await step(KEY.end + KEY.enter, "next question");
  }
  assert.ok(f.includes(tr("wizard.result.title")), f);
  // Page through the whole result: the indicator "a-b / n" reaches b = n.
  for (let i = 0; i < 40; i++) {
    const m = /(\d+)-(\d+) \/ (\d+)/.exec(f);
    if (!m || m[2] === m[3]) break;
    f = await step(KEY.pageDown, "result, scrolled");
  }
  await step("w", "what if");
  await step(KEY.escape, "result again");
  await step(KEY.enter, "save menu");
  await step(KEY.down + KEY.enter, "hand-over language");
  await step(KEY.enter, "hand-over file name");
  void done;

  const found = [...seen].flatMap(([frame, what]) => leaks(frame).map((l) => `${what}: ${l}`));
  assert.deepEqual([...new Set(found)], []);
});
