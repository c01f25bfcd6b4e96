// FUJIFILM Business Innovation (富士フイルムビジネスイノベーション, formerly Fuji Xerox): ApeosPort / Apeos / DocuCentre.
// ../shared/devices.md "FUJIFILM BUSINESS INNOVATION".
import type { VendorProfile } from "../types.js";

const IWPRO_JA = "https://opencds-fb.fujifilm.com/gen/fbiwpro_aux/information/20250529/auth_setting.html";
const IWPRO_EN = "https://opencds-fb.fujifilm.com/gen/fbiwpro_aux/help/en/manual/cpt/html/cap_02_04040000.html";
const IWPRO_EN2 = "https://opencds-fb.fujifilm.com/gen/fbiwpro_aux/help/en/manual/com/html/com_04_01020500.html";
const AWMS2 = "https://fujifilm.com/fb/support/software/aw_manage_suite/contents/awms2_0057.html";
const INTERNET_SERVICES = "https://1library.net/document/qmjd6mlw-internet-services-help.html";
const DC4_C2260 = "https://www.easymanua.ls/fuji-xerox/docucentre-iv-c2260/manual/640397?p=583";
const AP4_3070 = "https://www.easymanua.ls/fuji-xerox/apeosport-iv-3070/manual/987620?p=642";
const APEOS_MENU = "https://fujifilm.com/fb/support/mf/ap6_c7771/contents/ap6_c7771_0840.html";
const C7788_SENT = "https://opencds-fb.fujifilm.com/gen/product2_aux/prod/manual/jp/ap7_c7788/users_guide/contents/ja/UG_251006.html";

const NO_SSL = {
  en: "The spec pages of the DocuCentre-IV C2260 and ApeosPort-IV 3070 list SMTP on port 25, SMTP AUTH Plain/LOGIN, POP before SMTP and \"Encryption communication (SSL): not supported\": they cannot meet Microsoft 365's TLS 1.2 requirement, so SMTP AUTH (Basic or OAuth) is not possible. Use Direct Send or a relay.",
  ja: "DocuCentre-IV C2260 と ApeosPort-IV 3070 の仕様には、SMTP のポート 25、SMTP AUTH (Plain/LOGIN)、POP before SMTP、「Encryption communication (SSL): not supported」と記載されています。Microsoft 365 が求める TLS 1.2 に対応できないため、SMTP AUTH (基本認証でも OAuth でも) は使えません。Direct Send かリレーを使います。",
};

const profile: VendorProfile = {
  id: "fujifilm",
  lines: "ApeosPort / Apeos / DocuCentre",
  oauth: {
    support: {
      value: "unconfirmed",
      text: {
        en: "Not confirmed for the MFP's own e-mail sending: no Fujifilm device manual page on OAuth 2.0 for scan to e-mail was found. Fujifilm's cloud and server products (FUJIFILM IWpro, ApeosWare Management Suite 2) do support OAuth 2.0 with Exchange Online. The device's Internet Services help has chapters on Azure Active Directory and administrator consent whose content was not read.",
        ja: "複合機本体のメール送信での対応は未確認です (スキャン to メールの OAuth 2.0 について書かれた富士フイルムの機器マニュアルは見つかっていません)。クラウドやサーバーの製品 (FUJIFILM IWpro、ApeosWare Management Suite 2) は Exchange Online との OAuth 2.0 に対応しています。機器の Internet Services のヘルプに Azure Active Directory と管理者の同意の章がありますが、内容は参照していません。",
      },
      confidence: "unconfirmed",
      sources: [IWPRO_JA, AWMS2],
      check: [INTERNET_SERVICES],
    },
    token: {
      method: "unconfirmed",
      text: {
        en: "For the MFP itself: not confirmed. FUJIFILM IWpro uses an app registration of your own with a client secret (default expiry 6 months, at most 2 years; a link error occurs when it expires).",
        ja: "複合機本体については未確認です。FUJIFILM IWpro は自社で登録したアプリとクライアント シークレット (既定の有効期限 6 か月、最長 2 年。期限が切れると連携エラーになります) を使います。",
      },
      confidence: "unconfirmed",
      sources: [IWPRO_JA, IWPRO_EN],
    },
    tenant: {
      action: "unconfirmed",
      text: {
        en: "For the MFP itself: not confirmed. For FUJIFILM IWpro the admin registers a single-tenant app in Microsoft Entra (platform Web, redirect http://localhost), creates a client secret and turns on [Authenticated SMTP] for the sending user (it can take a while to apply). ApeosWare Management Suite 2 (receiving) needs an app with the multi-tenant account type.",
        ja: "複合機本体については未確認です。FUJIFILM IWpro では、管理者が Microsoft Entra でシングル テナントのアプリを登録し (プラットフォームは Web、リダイレクト URI は http://localhost)、クライアント シークレットを作成し、送信するユーザーの [認証済み SMTP] をオンにします (反映まで時間がかかることがあります)。ApeosWare Management Suite 2 (受信) ではマルチテナントのアカウントの種類でアプリを登録します。",
      },
      confidence: "unconfirmed",
      sources: [IWPRO_JA, IWPRO_EN, IWPRO_EN2, AWMS2],
    },
  },
  settings: {
    server: [
      {
        confidence: "vendor",
        sources: [APEOS_MENU],
        path: { ja: ["仕様設定/登録"] },
        note: {
          en: "Current Apeos panel menus start at [仕様設定/登録]; the rest of the path to the SMTP server settings is not in our sources.",
          ja: "現行の Apeos の操作パネルのメニューは [仕様設定/登録] から始まります。SMTP サーバーの設定までの残りの手順は出典にありません。",
        },
        models: { en: "current Apeos", ja: "現行の Apeos" },
      },
    ],
  },
  connectionTests: [],
  pitfalls: [
    {
      text: NO_SSL,
      settings: ["encryption", "port", "firmware"],
      confidence: "vendor-copy",
      sources: [DC4_C2260, AP4_3070],
      family: "iv",
    },
    {
      text: {
        en: "After [Authenticated SMTP] is turned on for the sending user, it can take some time before mail can be sent (FUJIFILM IWpro's guide).",
        ja: "送信するユーザーの [認証済み SMTP] をオンにしてからメールを送信できるようになるまで、時間がかかることがあります (FUJIFILM IWpro のガイド)。",
      },
      settings: ["oauth"],
      confidence: "vendor",
      sources: [IWPRO_JA],
    },
  ],
  panel: [
    {
      id: "fujifilm-sent",
      patterns: [/送信完了/],
      shown: { ja: ["送信完了"] },
      meaning: {
        en: "It only means the mail reached the SMTP server set on the machine. A failure to deliver after that is not reported to the machine.",
        ja: "本体に設定した SMTP サーバーにメールが届いたことだけを示します。その後に配信できなかった場合は本体には通知されません。",
      },
      action: {
        en: "If the mail did not arrive, look past the device: a non-delivery report in the sending mailbox, or the message trace in the Exchange admin center.",
        ja: "メールが届いていない場合は、デバイスの先を確認します。送信したメールボックスに届いた配信不能レポートや、Exchange 管理センターのメッセージ追跡を見てください。",
      },
      causes: [],
      models: { en: "Apeos C7788 guide", ja: "Apeos C7788 のガイド" },
      confidence: "vendor",
      sources: [C7788_SENT],
    },
  ],
  families: [
    {
      id: "iv",
      name: "DocuCentre-IV / ApeosPort-IV",
      match: [/DocuCentre[\s-]*IV/i, /ApeosPort[\s-]*IV/i],
      oauth: {
        support: {
          value: "no",
          text: {
            en: "Not possible on the models whose spec pages were read (DocuCentre-IV C2260, ApeosPort-IV 3070): no SSL/TLS for SMTP, so no SMTP AUTH with Microsoft 365 at all. For other IV models check the spec page for \"Encryption communication (SSL)\".",
            ja: "仕様を確認した機種 (DocuCentre-IV C2260、ApeosPort-IV 3070) では使えません。SMTP の SSL/TLS に対応していないため、Microsoft 365 の SMTP AUTH そのものが使えません。ほかの IV シリーズの機種は、仕様の「Encryption communication (SSL)」を確認してください。",
          },
          confidence: "vendor-copy",
          sources: [DC4_C2260, AP4_3070],
        },
      },
    },
  ],
  known: { settings: "partial", codes: "no" },
};

export default profile;
