// The paste screen fits the window (persona pass, tmux ja): at 60×20 a .NET stack trace of seven lines pushed the title and
// the step above the window (eight pasted lines shown whatever the rows), at 50×16 the question too. The pasted lines shown
// go down to two, then the directions are cut; a window with room shows eight, as before.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { cleanup } from "ink-testing-library";
import { PasteScreen } from "../../screens/Paste.js";
import { t } from "../../src/i18n/index.js";
import { senderParams } from "../../src/render/labels.js";
import { makeTheme } from "../../src/render/theme.js";
import { PASTE_END, PASTE_START } from "../../src/ui/keys.js";
import { frameWith, mount, press } from "../helpers/ink.js";

afterEach(() => cleanup());

const TRACE = [
  "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
  "   at System.Net.Mail.MailCommand.CheckResponse(SmtpStatusCode statusCode, String response)",
  "   at System.Net.Mail.MailCommand.Send(SmtpConnection conn, Byte[] command, MailAddress from, Boolean allowUnicode)",
  "   at System.Net.Mail.SmtpTransport.SendMail(MailAddress sender, MailAddressCollection recipients, String deliveryNotify)",
  "   at System.Net.Mail.SmtpClient.Send(MailMessage message)",
  "   at Contoso.Billing.Notifications.MailSender.SendInvoice(Invoice invoice) in C:\\src\\Billing\\MailSender.cs:line 87",
  "   at Contoso.Billing.Jobs.NightlyInvoiceJob.Run() in C:\\src\\Billing\\Jobs\\NightlyInvoiceJob.cs:line 42",
].join("\r\n");

for (const lang of ["ja", "en"] as const) {
  test(`${lang}: a seven-line paste fits 60×20 and 50×16 with the title and the question; 80×40 shows its lines as before`, async () => {
    for (const [cols, rows] of [[60, 20], [50, 16], [80, 24], [80, 40]] as const) {
      const theme = makeTheme({ color: false, ascii: false, columns: cols });
      const app = { schema: "smtp-auth-doctor/case@1" as const, device: { vendor: "app" as const } };
      const r = mount(<PasteScreen theme={theme} lang={lang} step="Step 2 / 6" case={app} rows={rows} onSubmit={() => {}} onBack={() => {}} />);
      await frameWith(r, t(lang, "wizard.paste.lines", { count: 0 }));
      await press(r, `${PASTE_START}${TRACE}\r\n${PASTE_END}`);
      const f = (await frameWith(r, t(lang, "wizard.paste.lines", { count: 7 }))).replace(/\n+$/, "");
      r.unmount();
      const lines = f.split("\n");
      assert.ok(lines.length <= rows - 1, `${cols}×${rows}: ${lines.length} rows\n${f}`);
      assert.ok(lines[0]?.startsWith("smtp-auth-doctor"), `${cols}×${rows}: the title first\n${f}`);
      assert.ok(f.replace(/\s+/g, "").includes(t(lang, "wizard.paste.q", senderParams(lang, app)).replace(/\s+/g, "").slice(0, 16)), `${cols}×${rows}: the question\n${f}`);
      const shown = lines.filter((l) => l.startsWith("\u276f")).length;
      assert.ok(shown >= 2, `${cols}×${rows}: at least the last pasted line and the one being typed\n${f}`);
      if (rows === 40) assert.equal(shown, 8, f);
    }
  });
}
