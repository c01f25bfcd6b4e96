// Generated tenant exports for the audit's large-input tests and its bench: deterministic, written
// as the real exports look (Export-Csv with #TYPE, BOM and CRLF; the Entra portal's sign-in CSV;
// Graph signIns pages). Each generator returns the counts a correct audit must report.
import { closeSync, openSync, writeSync } from "node:fs";

export const ENTRA_SIGNIN_HEADER = [
  "Date (UTC)", "Request ID", "User agent", "Correlation ID", "User ID", "User", "Username", "User type", "Cross tenant access type",
  "Incoming token type", "Authentication Protocol", "Unique token identifier", "Original transfer method", "Client credential type",
  "Token Protection - Sign In Session", "Token Protection - Sign In Session StatusCode", "Application", "Application ID ", "Resource",
  "Resource ID ", "Resource tenant ID", "Home tenant ID", "Home tenant name", "IP address", "Location", "Status", "Sign-in error code",
  "Failure reason", "Client app", "Device ID", "Browser", "Operating System", "Compliant", "Managed", "Join Type",
  "Multifactor authentication result", "Multifactor authentication auth method", "Multifactor authentication auth detail",
  "Authentication requirement", "Sign-in identifier", "Session ID", "IP address (seen by resource)", "Through Global Secure Access",
  "Global Secure Access IP address", "Autonomous system  number", "Flagged for review", "Token issuer type", "Incoming token type",
  "Token issuer name", "Latency", "Conditional Access", "Managed Identity type", "Associated Resource Id", "Federated Token Id",
  "Federated Token Issuer",
];

async function writeAll(path: string, produce: (write: (s: string) => void) => void): Promise<void> {
  const fd = openSync(path, "w");
  try {
    let buf: string[] = [];
    let size = 0;
    const write = (s: string) => {
      buf.push(s);
      size += s.length;
      if (size > 1 << 20) {
        writeSync(fd, buf.join(""));
        buf = [];
        size = 0;
      }
    };
    produce(write);
    writeSync(fd, buf.join(""));
  } finally {
    closeSync(fd);
  }
}

export interface MailboxCountsExpected {
  total: number;
  disabled: number;
  enabled: number;
  followOrg: number;
}

export function mailboxSetting(i: number): "True" | "False" | "" {
  // 1 in 50 explicitly on, 1 in 7 explicitly off, the rest follow the organization.
  if (i % 50 === 0) return "False";
  if (i % 7 === 0) return "True";
  return "";
}

export function mailboxAddress(i: number): string {
  return i % 50 === 0 ? `device${i}@contoso.com` : `user${i}@contoso.com`;
}

/** Get-CASMailbox … | Export-Csv (Windows PowerShell 5.1 with -Encoding UTF8: BOM, #TYPE, CRLF, all quoted). */
export async function writeMailboxesCsv(path: string, n: number): Promise<MailboxCountsExpected> {
  const c: MailboxCountsExpected = { total: n, disabled: 0, enabled: 0, followOrg: 0 };
  await writeAll(path, (w) => {
    w("\uFEFF#TYPE Selected.Microsoft.Exchange.Data.Directory.Management.CASMailbox\r\n");
    w('"PrimarySmtpAddress","SmtpClientAuthenticationDisabled","DisplayName"\r\n');
    for (let i = 0; i < n; i++) {
      const s = mailboxSetting(i);
      if (s === "True") c.disabled++;
      else if (s === "False") c.enabled++;
      else c.followOrg++;
      w(`"${mailboxAddress(i)}","${s}","利用者 ${i}, 営業部"\r\n`);
    }
  });
  return c;
}

/** Get-CASMailbox … | ConvertTo-Json > file in Windows PowerShell 5.1: UTF-16LE with BOM, 4-space indents, CRLF. */
export function writeMailboxesJsonUtf16(path: string, n: number): MailboxCountsExpected {
  const c: MailboxCountsExpected = { total: n, disabled: 0, enabled: 0, followOrg: 0 };
  const fd = openSync(path, "w");
  try {
    writeSync(fd, Buffer.from([0xff, 0xfe]));
    let parts: string[] = ["[\r\n"];
    for (let i = 0; i < n; i++) {
      const s = mailboxSetting(i);
      if (s === "True") c.disabled++;
      else if (s === "False") c.enabled++;
      else c.followOrg++;
      const v = s === "True" ? "true" : s === "False" ? "false" : "null";
      parts.push(`    {\r\n        "PrimarySmtpAddress":  "${mailboxAddress(i)}",\r\n        "SmtpClientAuthenticationDisabled":  ${v},\r\n        "DisplayName":  "利用者 ${i}"\r\n    }${i < n - 1 ? "," : ""}\r\n`);
      if (parts.length > 4096) {
        writeSync(fd, Buffer.from(parts.join(""), "utf16le"));
        parts = [];
      }
    }
    parts.push("]\r\n");
    writeSync(fd, Buffer.from(parts.join(""), "utf16le"));
  } finally {
    closeSync(fd);
  }
  return c;
}

export interface SignInExpected {
  records: number;
  smtpRecords: number;
  accounts: number;
  failures: number;
}

/** The Entra admin center's sign-in CSV: every `devices`-th mailbox submits by Authenticated SMTP; 1 in 10 records is a browser sign-in. */
export async function writeSignInsCsv(path: string, n: number, devices: number): Promise<SignInExpected> {
  const e: SignInExpected = { records: n, smtpRecords: 0, accounts: 0, failures: 0 };
  const seen = new Set<number>();
  const cols = ENTRA_SIGNIN_HEADER.length;
  const idx = (name: string) => ENTRA_SIGNIN_HEADER.indexOf(name);
  const iDate = idx("Date (UTC)"), iUser = idx("User"), iUpn = idx("Username"), iIp = idx("IP address"), iStatus = idx("Status");
  const iCode = idx("Sign-in error code"), iReason = idx("Failure reason"), iApp = idx("Client app"), iCa = idx("Conditional Access");
  await writeAll(path, (w) => {
    w(`${ENTRA_SIGNIN_HEADER.map((h) => `"${h}"`).join(",")}\r\n`);
    const row: string[] = new Array<string>(cols).fill("");
    for (let r = 0; r < n; r++) {
      const dev = (r % devices) * 50;
      const smtp = r % 10 !== 9;
      const fail = smtp && r % 13 === 0;
      if (smtp) {
        e.smtpRecords++;
        seen.add(dev);
        if (fail) e.failures++;
      }
      const sec = r % 86400;
      row[iDate] = `2026-11-${String(10 + (r % 10)).padStart(2, "0")}T${String(Math.floor(sec / 3600)).padStart(2, "0")}:${String(Math.floor((sec % 3600) / 60)).padStart(2, "0")}:${String(sec % 60).padStart(2, "0")}Z`;
      row[iUser] = `複合機 ${dev}`;
      row[iUpn] = mailboxAddress(dev);
      row[iIp] = `203.0.113.${dev % 250}`;
      row[iStatus] = fail ? "Failure" : "Success";
      row[iCode] = fail ? "50126" : "0";
      row[iReason] = fail ? "Error validating credentials due to invalid username or password." : "Other.";
      row[iApp] = smtp ? "Authenticated SMTP" : "Browser";
      row[iCa] = "Not Applied";
      row[0] = row[iDate] as string;
      row[1] = `req-${r}`;
      w(`${row.map((v) => `"${v}"`).join(",")}\r\n`);
    }
  });
  e.accounts = seen.size;
  return e;
}

/** Microsoft Graph auditLogs/signIns pages (1,000 per page), concatenated in one file, $select-ed fields. */
export async function writeSignInsGraphJson(path: string, n: number, devices: number): Promise<SignInExpected> {
  const e: SignInExpected = { records: n, smtpRecords: 0, accounts: 0, failures: 0 };
  const seen = new Set<number>();
  await writeAll(path, (w) => {
    for (let start = 0; start < n; start += 1000) {
      w('{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns","value":[');
      const end = Math.min(n, start + 1000);
      for (let r = start; r < end; r++) {
        const dev = (r % devices) * 50;
        const fail = r % 13 === 0;
        e.smtpRecords++;
        seen.add(dev);
        if (fail) e.failures++;
        const rec = {
          id: `id-${r}`,
          createdDateTime: `2026-11-${String(10 + (r % 10)).padStart(2, "0")}T08:00:${String(r % 60).padStart(2, "0")}Z`,
          userDisplayName: `複合機 "${dev}"`,
          userPrincipalName: mailboxAddress(dev),
          appDisplayName: "Office 365 Exchange Online",
          ipAddress: `203.0.113.${dev % 250}`,
          clientAppUsed: "Authenticated SMTP",
          conditionalAccessStatus: "notApplied",
          status: { errorCode: fail ? 50126 : 0, failureReason: fail ? "Invalid username or password." : "Other.", additionalDetails: null },
          location: { city: "Tokyo", countryOrRegion: "JP" },
        };
        w((r > start ? "," : "") + JSON.stringify(rec));
      }
      w(`],"@odata.nextLink":"https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=${start}"}\n`);
    }
  });
  e.accounts = seen.size;
  return e;
}
