// Brother (ブラザー). ../shared/devices.md "BROTHER": third-party summaries only.
import { ZEROSMTP } from "../sources.js";
import type { SettingHint, VendorProfile } from "../types.js";
import { onePage } from "../util.js";

const SUPPORT_LIST = "https://support.brother.com/g/b/oscontents.aspx?c=us&lang=en&ossid=42";

const SMTP_CLIENT: SettingHint = {
  confidence: "third-party",
  sources: [ZEROSMTP],
  path: { en: ["Web Based Management", "Network", "Protocol", "SMTP Client"] },
  note: { en: "The field labels are not in our sources.", ja: "項目の表記は出典にありません。" },
  models: { en: "Web Based Management (third-party description)", ja: "Web Based Management (第三者による説明)" },
};

const profile: VendorProfile = {
  id: "brother",
  lines: { en: "printers and MFPs with Web Based Management", ja: "Web Based Management を備えたプリンターと複合機" },
  oauth: {
    support: {
      value: "partial",
      text: {
        en: "Depends on the model: Brother publishes a per-model Product Support List. Listed models have OAuth 2.0 or get it by a firmware update; a model not on the list does not support it and no firmware is promised (per a third-party summary; Brother's page was not read).",
        ja: "機種によります。ブラザーは機種ごとの対応製品一覧を公開しています。一覧にある機種は OAuth 2.0 に対応しているか、ファームウェアの更新で対応します。一覧にない機種は対応せず、ファームウェアの提供もありません (第三者による要約で、ブラザーのページは参照していません)。",
      },
      confidence: "third-party",
      sources: [ZEROSMTP],
      check: [SUPPORT_LIST],
    },
    token: { method: "unconfirmed", text: { en: "Not confirmed.", ja: "未確認です。" }, confidence: "unconfirmed", sources: [], check: [SUPPORT_LIST] },
    tenant: { action: "unconfirmed", text: { en: "Not confirmed.", ja: "未確認です。" }, confidence: "unconfirmed", sources: [], check: [SUPPORT_LIST] },
  },
  settings: {
    ...onePage(SMTP_CLIENT),
    encryption: [
      {
        ...SMTP_CLIENT,
        field: { en: ["SSL/TLS"] },
        note: { en: "STARTTLS for port 587 (SSL is for 465, which Microsoft 365 does not accept).", ja: "ポート 587 では STARTTLS にします (SSL は 465 用で、Microsoft 365 では使えません)。" },
      },
    ],
  },
  connectionTests: [],
  pitfalls: [
    {
      text: {
        en: "Affected by the OAuth change (per the same summary): Scan to Email Server, Internet Fax, Email Reports and Email Notifications.",
        ja: "同じ要約によると、OAuth への移行の影響を受けるのはスキャン to E-mail サーバー、インターネット FAX、メールレポート、メール通知です。",
      },
      settings: ["oauth"],
      confidence: "third-party",
      sources: [ZEROSMTP],
      check: [SUPPORT_LIST],
    },
  ],
  panel: [],
  families: [],
  known: { settings: "partial", codes: "no" },
};

export default profile;
