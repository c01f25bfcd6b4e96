// Lexmark (レックスマーク). ../shared/devices.md "LEXMARK": third-party summaries only.
import { ZEROSMTP } from "../sources.js";
import type { SettingHint, VendorProfile } from "../types.js";

const KB = "https://support.lexmark.com/content/support/guides/en/kb20211110020010549/setup-installation-and-configuration-issues/how-to-set-up-oauth-2-authentication.html";
const EWS_GUIDE = "https://publications.lexmark.com/publications/Embedded_Web_Server/AG/pdf/Lexmark_EmbeddedWebServer_AdminGuide_en.pdf";

function smtpSetup(field: string, extra: Partial<SettingHint> = {}): SettingHint {
  return {
    confidence: "third-party",
    sources: [ZEROSMTP],
    check: [EWS_GUIDE],
    path: { en: ["Embedded Web Server", "Settings", "E-mail/FTP Settings", "SMTP Setup"] },
    field: { en: [field] },
    models: { en: "Embedded Web Server (third-party description of Lexmark's admin guide)", ja: "Embedded Web Server (Lexmark の管理者ガイドについての第三者による説明)" },
    ...extra,
  };
}

const profile: VendorProfile = {
  id: "lexmark",
  lines: { en: "printers and MFPs with the Embedded Web Server", ja: "Embedded Web Server を備えたプリンターと複合機" },
  oauth: {
    support: {
      value: "partial",
      text: {
        en: "Depends on the firmware: Lexmark documents OAuth 2.0 (Outlook Live and Microsoft 365) from the FW24 firmware release, configured in the Embedded Web Server (per a third-party summary; Lexmark's page was not read).",
        ja: "ファームウェアによります。Lexmark は FW24 以降のファームウェアで OAuth 2.0 (Outlook Live と Microsoft 365) を説明しており、Embedded Web Server で設定します (第三者による要約で、Lexmark のページは参照していません)。",
      },
      confidence: "third-party",
      sources: [ZEROSMTP],
      check: [KB],
    },
    token: {
      method: "unconfirmed",
      text: { en: "Set up in the Embedded Web Server; how the token is obtained is not confirmed.", ja: "Embedded Web Server で設定します。トークンの取得方法は未確認です。" },
      confidence: "third-party",
      sources: [ZEROSMTP],
      check: [KB],
    },
    tenant: {
      action: "unconfirmed",
      text: {
        en: "Lexmark's KB (per the same summary) says OAuth needs an \"OAuth 2.0 registration\"; whether that is an app registration in your tenant is not confirmed.",
        ja: "同じ要約によると、Lexmark の KB は OAuth には「OAuth 2.0 の登録」が必要としています。これがテナントでのアプリの登録かどうかは未確認です。",
      },
      confidence: "third-party",
      sources: [ZEROSMTP],
      check: [KB],
    },
  },
  settings: {
    server: [smtpSetup("Primary SMTP Gateway")],
    port: [smtpSetup("Primary SMTP Gateway Port")],
    encryption: [smtpSetup("Use SSL/TLS", { note: { en: "Required.", ja: "Required にします。" } })],
    authMethod: [smtpSetup("", { field: {}, note: { en: "The authentication fields on this page are not in our sources.", ja: "このページの認証の項目の表記は出典にありません。" } })],
    username: [smtpSetup("", { field: {}, note: { en: "The field label is not in our sources.", ja: "項目の表記は出典にありません。" } })],
    sender: [smtpSetup("", { field: {}, note: { en: "The field label is not in our sources.", ja: "項目の表記は出典にありません。" } })],
  },
  connectionTests: [],
  pitfalls: [],
  panel: [],
  families: [
    {
      id: "fw24",
      name: "firmware FW24 or later",
      match: [/\bFW\s?(?:2[4-9]|[3-9]\d)\b/i],
      oauth: {
        support: {
          value: "yes",
          text: {
            en: "The model text names firmware FW24 or later: Lexmark documents OAuth 2.0 from FW24 (per a third-party summary; Lexmark's page was not read).",
            ja: "機種名に FW24 以降のファームウェアが書かれています。Lexmark は FW24 以降で OAuth 2.0 を説明しています (第三者による要約で、Lexmark のページは参照していません)。",
          },
          confidence: "third-party",
          sources: [ZEROSMTP],
          check: [KB],
        },
      },
    },
  ],
  known: { settings: "partial", codes: "no" },
};

export default profile;
