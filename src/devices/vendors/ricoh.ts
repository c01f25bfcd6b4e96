// Ricoh (リコー): IM / IM C (Smart Operation Panel), MP series. ../shared/devices.md "RICOH" and its addenda.
import { ZEROSMTP } from "../sources.js";
import type { VendorProfile } from "../types.js";

const MS_QA = "https://learn.microsoft.com/en-sg/answers/questions/5647542/how-to-verify-whether-the-oauth2-flow-and-consent";
const ADVISORY = "https://www.ricoh.com/info/2025/0526_1";
const KB_OAUTH = "https://kb.gsd.ricoh.com/app/answers/detail/a_id/296301/~/configure-oauth-2.0-for-sending-email-when-using-o365-smtp";
const AP_NEWS = "https://www.ricoh-ap.com/news/2025/05/20/ricohs-response-to-basic-authentication-phase-out-in-microsoft-exchange-online-smtp-authentication";
const SM_MPC307 = "https://www.easymanua.ls/ricoh/mp-c307/manual?p=1009";
const SM_IMC300 = "https://www.easymanua.ls/ricoh/im-c300/manual?p=1468";
const JA_MANUAL = "https://manuals.ricoh.com/mfp/p_manual/common/ja/fax_classic/booklist/int/542935947.htm";
const ERROR_REPORT = "http://support.ricoh.com/bb_v1oi/pub_e/oi_view/0001065/0001065438/view/trouble/int/0061.htm";

const JA_LAYOUTS = {
  confidence: "vendor",
  sources: [JA_MANUAL],
  path: { ja: ["システム設定", "送信(メール/フォルダー)", "メール"] },
  note: {
    en: "Ricoh's Japanese manual shows two layouts: setting screen type \"標準\" (standard, above) and \"従来\" (classic): [システム設定] > [ファイル転送設定] tab. The SMTP server and SMTP authentication items sit in that group; their exact labels are not in our sources.",
    ja: "リコーの日本語マニュアルには 2 つの画面タイプがあります。設定画面タイプ「標準」は上記、「従来」は [システム設定] > [ファイル転送設定] タブです。SMTP サーバーと SMTP 認証の項目はこのグループにありますが、項目の正確な表記は出典にありません。",
  },
  models: { en: "current models (Japanese manual)", ja: "現行機種 (日本語マニュアル)" },
} as const;

const WIM = {
  confidence: "third-party",
  sources: [ZEROSMTP],
  path: { en: ["Web Image Monitor", "Device Management", "Configuration", "Email (Device Settings)"] },
  models: { en: "Web Image Monitor (third-party description)", ja: "Web Image Monitor (第三者による説明)" },
} as const;

const profile: VendorProfile = {
  id: "ricoh",
  lines: "IM / IM C (Smart Operation Panel), MP",
  oauth: {
    support: {
      value: "partial",
      text: {
        en: "Microsoft Q&A says Ricoh MFPs can send scan-to-email to Exchange Online with OAuth 2.0. Which models and firmware: not confirmed (Ricoh's advisory lists the firmware status per product; it was not read).",
        ja: "Microsoft Q&A によると、リコーの複合機は OAuth 2.0 で Exchange Online へスキャン to メールを送信できます。対応する機種とファームウェアは未確認です (リコーのお知らせに製品ごとのファームウェア状況がありますが、参照していません)。",
      },
      confidence: "microsoft",
      sources: [MS_QA],
      check: [ADVISORY, KB_OAUTH, AP_NEWS],
    },
    token: {
      method: "unconfirmed",
      text: {
        en: "How the device gets its token (on the panel or in Web Image Monitor) is not confirmed.",
        ja: "デバイスがトークンを取得する方法 (操作パネルか Web Image Monitor か) は未確認です。",
      },
      confidence: "unconfirmed",
      sources: [],
      check: [KB_OAUTH],
    },
    tenant: {
      action: "vendor-app-consent",
      text: {
        en: "A tenant admin grants admin consent to Ricoh's multi-tenant app for the delegated permissions SMTP.Send and offline_access. Without it, sign-ins fail with 535 errors or time-outs. The app's name and ID are not stated in the source.",
        ja: "テナント管理者が、リコーのマルチテナント アプリに委任されたアクセス許可 SMTP.Send と offline_access の管理者の同意を与えます。同意がないと 535 エラーやタイムアウトになります。アプリの名前と ID は出典に記載がありません。",
      },
      confidence: "microsoft",
      sources: [MS_QA],
    },
  },
  settings: {
    server: [
      JA_LAYOUTS,
      { ...WIM, field: { en: ["SMTP Server Name"] } },
    ],
    port: [
      JA_LAYOUTS,
      { ...WIM, field: { en: ["SMTP Port No."] } },
    ],
    authMethod: [
      JA_LAYOUTS,
      { ...WIM, field: { en: ["SMTP Authentication"] } },
    ],
    username: [
      {
        confidence: "vendor-copy",
        sources: [SM_MPC307],
        path: { en: ["User Tools", "Machine Features", "System Settings", "File Transfer", "SMTP Authentication"] },
        note: { en: "The SMTP user name, password and e-mail address are set here.", ja: "SMTP のユーザー名、パスワード、メールアドレスはここで設定します。" },
        models: { en: "older MFPs (MP C307 family service manual)", ja: "旧機種 (MP C307 シリーズのサービスマニュアル)" },
      },
    ],
    password: [
      {
        confidence: "vendor-copy",
        sources: [SM_MPC307],
        path: { en: ["User Tools", "Machine Features", "System Settings", "File Transfer", "SMTP Authentication"] },
        models: { en: "older MFPs (MP C307 family service manual)", ja: "旧機種 (MP C307 シリーズのサービスマニュアル)" },
      },
    ],
    sender: [
      {
        confidence: "vendor-copy",
        sources: [SM_MPC307, SM_IMC300],
        path: { en: ["User Tools", "Machine Features", "System Settings", "File Transfer", "Administrator's Email Address"] },
        note: {
          en: "Exchange refuses mail whose From differs from the login address. With service mode SP5-860-022 = On (set by a service technician) the header From is replaced by this administrator address, which must then be the device account's address; the user's address moves to Reply-To.",
          ja: "Exchange は From がログインのアドレスと違うメールを拒否します。サービスモード SP5-860-022 を On にすると (サービス担当者が設定します) ヘッダーの From がこの管理者メールアドレスに置き換わるため、管理者メールアドレスをデバイスのアカウントのアドレスにする必要があります。利用者のアドレスは Reply-To に入ります。",
        },
        models: { en: "MP C307 family and IM C300 (service manuals)", ja: "MP C307 シリーズと IM C300 (サービスマニュアル)" },
      },
    ],
  },
  connectionTests: [],
  pitfalls: [
    {
      text: {
        en: "Sender and login must match: the device compares the SMTP login address with MAIL FROM and the header From; if they differ (the user's own address in From, the device account as login), Exchange refuses and the device reports \"Transmission has failed\".",
        ja: "送信者とログインは一致させる必要があります。SMTP のログインアドレスと MAIL FROM・ヘッダーの From が違う場合 (From が利用者のアドレスでログインがデバイスのアカウントの場合など)、Exchange が拒否し、デバイスには \"Transmission has failed\" と表示されます。",
      },
      settings: ["sender", "username"],
      confidence: "vendor-copy",
      sources: [SM_MPC307, SM_IMC300],
    },
    {
      text: {
        en: "With OAuth, 535 errors or time-outs usually mean admin consent for Ricoh's app (SMTP.Send, offline_access) is missing.",
        ja: "OAuth で 535 エラーやタイムアウトになる場合は、リコーのアプリへの管理者の同意 (SMTP.Send、offline_access) がないことがよくあります。",
      },
      settings: ["oauth"],
      confidence: "microsoft",
      sources: [MS_QA],
    },
    {
      text: {
        en: "Ricoh lists devices the Firmware Update Tool cannot update (a service visit is needed) and, for devices still waiting, advises not relying on device e-mail (per a third-party summary of Ricoh's advisory).",
        ja: "リコーのお知らせ (第三者による要約) では、Firmware Update Tool で更新できない機種 (サービス担当者の作業が必要) があり、対応を待っている機種ではデバイスのメール送信に頼らないよう案内しています。",
      },
      settings: ["firmware", "oauth"],
      confidence: "third-party",
      sources: [ZEROSMTP],
      check: [ADVISORY],
    },
  ],
  panel: [
    {
      id: "ricoh-transmission-failed",
      patterns: [/transmission\s+has\s+failed/i],
      shown: { en: ["Transmission has failed"] },
      meaning: {
        en: "Ricoh's service manual gives this message for mail Exchange refused because the From address differs from the login address. The message itself is general, so other causes remain possible.",
        ja: "リコーのサービスマニュアルでは、From のアドレスがログインのアドレスと違うために Exchange が拒否したときにこのメッセージが表示されるとしています。メッセージ自体は一般的なものなので、ほかの原因も考えられます。",
      },
      action: {
        en: "Make the sender (From) address the device account's own address, or have a technician set SP5-860-022 (see the sender step).",
        ja: "送信者 (From) のアドレスをデバイスのアカウント自身のアドレスにするか、サービス担当者に SP5-860-022 を設定してもらいます (送信者の手順を参照してください)。",
      },
      causes: ["send-as-denied"],
      stage: "mail-from",
      confidence: "vendor-copy",
      sources: [SM_MPC307],
    },
    {
      id: "ricoh-error-report",
      patterns: [/transmission\s+error\s+report/i, /error\s+report\s*\(\s*e-?mail\s*\)/i],
      shown: { en: ["Transmission Error Report", "Error Report (E-mail)"] },
      meaning: {
        en: "Printed when the machine could not send the e-mail that reports a transmission error. The report alone does not say why sending failed.",
        ja: "送信エラーを知らせるメールを送信できなかったときに印刷されます。このレポートだけでは送信できなかった理由はわかりません。",
      },
      action: {
        en: "Find the server's reply (the job log or the report's details) and paste it: it decides the cause.",
        ja: "サーバーの応答 (ジョブ履歴やレポートの詳細) を探して貼り付けてください。原因はその応答で決まります。",
      },
      causes: [],
      confidence: "vendor",
      sources: [ERROR_REPORT],
    },
  ],
  families: [],
  known: { settings: "partial", codes: "partial" },
};

export default profile;
