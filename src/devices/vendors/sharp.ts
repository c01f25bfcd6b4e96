// Sharp (シャープ): BP series (BP-70C65/70M65, BP-70M90, BP-B550WD/PW, BP-C131WD, BP-22C20). ../shared/devices.md "SHARP".
import type { SettingHint, VendorProfile } from "../types.js";

const B550WD_EN = "https://global.sharp/restricted/products/copier/downloads/manuals/bpb550wd/en/contents_08-03_004.html";
const B550WD_US = "https://global.sharp/restricted/products/copier/downloads/manuals/bpb550wd/us/contents_08-03_004.html";
const C65_US = "https://global.sharp/restricted/products/copier/downloads/manuals/bp70c65/us/contents_08-03_004.html";
/** Found while checking the reference: the same page for the BP-70C65 in the English (en) manual says "cannot be completed on the Web page" too. */
const C65_EN = "http://global.sharp/restricted/products/copier/downloads/manuals/bp70c65/en/contents_08-03_004.html";
/** Found while checking the reference: the BP-70M65 manual's OAuth page (same procedure, no panel-only remark). */
const M65_EN = "http://global.sharp/restricted/products/copier/downloads/manuals/bp70m65/en/contents_08-03_004.html";
const M90_EN = "http://cgi.global.sharp/restricted/products/copier/downloads/manuals/bp70m90/en/contents_09-03_004.html";
const C20_JA = "https://jp.sharp/restricted/business/print/download/manuals/bp22c20/ja/contents_07-03_003.html";
const B550PW_US = "http://cgi.global.sharp/restricted/products/copier/downloads/manuals/bpb550pw/us/contents_08-03_003.html";
const C131WD_EN = "http://cgi.global.sharp/restricted/products/copier/downloads/manuals/bpc131wd/en/contents_07-03_003.html";
const DEALER = "https://equipmybiz.com/sharp/how-to-set-up-scan-to-email-on-a-sharp-bp-series-copier-using-microsoft-365-modern-authentication-oauth-2-0/";
const CLOUD_CONNECT = "https://www.manualshelf.com/manual/sharp/lc32le210ev/operation-manual-cloud-connect-guide-english/page-13.html";

const BP_MANUALS = [B550WD_EN, C65_US, M90_EN, C20_JA] as const;

const SMTP_TAB = {
  en: ["Settings (Administrator)", "System Settings", "Network Settings", "Service Settings", "SMTP tab"],
  ja: ["システム設定", "ネットワーク設定", "サービス設定", "「SMTP」タブ"],
} as const;

const JA_IS_WEB = {
  en: "The Japanese path is the Web page's (BP-22C20 manual); the English one is the panel's.",
  ja: "日本語の手順は Web ページのもの (BP-22C20 のマニュアル)、英語の手順は操作パネルのものです。",
};

function smtpField(en: string, ja: string | undefined, extra: Partial<SettingHint> = {}): SettingHint {
  return {
    confidence: "vendor",
    sources: BP_MANUALS,
    path: SMTP_TAB,
    field: ja === undefined ? { en: [en] } : { en: [en], ja: [ja] },
    note: JA_IS_WEB,
    family: "bp",
    ...extra,
  };
}

const profile: VendorProfile = {
  id: "sharp",
  lines: { en: "BP series (BP-70C65/BP-70M65, BP-70M90, BP-B550WD/BP-B550PW, BP-C131WD, BP-22C20)", ja: "BP シリーズ (BP-70C65/BP-70M65、BP-70M90、BP-B550WD/BP-B550PW、BP-C131WD、BP-22C20)" },
  oauth: {
    support: {
      value: "partial",
      text: {
        en: "Depends on the model: the BP-series manuals (BP-70C65/70M65, BP-70M90, BP-B550WD/PW, BP-C131WD, BP-22C20) recommend OAuth 2.0 for Microsoft 365 and describe it. Other Sharp models and firmware: not confirmed.",
        ja: "機種によります。BP シリーズのマニュアル (BP-70C65/70M65、BP-70M90、BP-B550WD/PW、BP-C131WD、BP-22C20) は Microsoft 365 には OAuth 2.0 を推奨し、手順を説明しています。ほかの機種とファームウェアは未確認です。",
      },
      confidence: "vendor",
      sources: [...BP_MANUALS, M65_EN, C131WD_EN],
    },
    token: {
      method: "panel-or-web",
      text: {
        en: "\"Get Token\": set Authentication Method to OAuth 2.0, choose the provider, enter the account name, press [Get Token] and [OK]; the provider's sign-in page opens and the administrator signs in. Panel or Web page depends on the model. The Japanese label of the key is not in our sources.",
        ja: "「Get Token」の手順です。認証方式を「OAuth2.0」にし、プロバイダーを選び、アカウント名を入力して [Get Token] と [OK] を押すと、プロバイダーのサインインページが開き、管理者がサインインします。操作パネルと Web ページのどちらで行うかは機種によります。このキーの日本語の表記は出典にありません。",
      },
      confidence: "vendor",
      sources: [...BP_MANUALS, C131WD_EN],
    },
    tenant: {
      action: "unconfirmed",
      text: {
        en: "Sharp's manuals mention no app registration and no Sharp app for sending. A dealer's guide tells the tenant admin to create an app registration in Microsoft Entra (third party, not Sharp's word). Sharp's separate Exchange Connector (address search) uses a Sharp app with admin consent, which says nothing about sending.",
        ja: "シャープのマニュアルには、送信のためのアプリの登録やシャープのアプリの記載はありません。販売店のガイドは Microsoft Entra でアプリを登録するよう案内しています (第三者の情報で、シャープの説明ではありません)。アドレス検索用の別機能 Exchange Connector はシャープのアプリへの管理者の同意を使いますが、送信については何も示していません。",
      },
      confidence: "unconfirmed",
      sources: [DEALER],
      check: [CLOUD_CONNECT],
    },
  },
  settings: {
    server: [smtpField("Primary Server", "プライマリーサーバー")],
    port: [smtpField("Port Number", "ポート番号")],
    encryption: [smtpField("Enable SSL/TLS", "SSL/TLSを有効にする")],
    sender: [smtpField("Sender Address", "送信者アドレス", { note: { en: `${JA_IS_WEB.en} "Sender Name" is the display name.`, ja: `${JA_IS_WEB.ja}「送信者名」は表示名です。` } })],
    authMethod: [
      smtpField("Authentication Method", "認証方式", {
        note: {
          en: `${JA_IS_WEB.en} The BP-70C65 US manual calls it "Authentication Option". OAuth 2.0 is one of its values (Japanese: 「OAuth2.0」).`,
          ja: `${JA_IS_WEB.ja}BP-70C65 の米国版マニュアルでは "Authentication Option" という表記です。値の一つが「OAuth2.0」です。`,
        },
      }),
    ],
    username: [
      smtpField("account name", undefined, {
        field: { en: ["account name (for OAuth)"] },
        note: {
          en: "The manuals name only the account name entered for OAuth; the field for a Basic-auth user name is not in our sources.",
          ja: "マニュアルには OAuth で入力するアカウント名しか記載がありません。基本認証のユーザー名の欄は出典にありません。",
        },
      }),
    ],
    oauth: [
      {
        confidence: "vendor",
        sources: [...BP_MANUALS, C131WD_EN],
        path: SMTP_TAB,
        field: { en: ["Authentication Method", "OAuth 2.0", "Get Token"], ja: ["認証方式", "OAuth2.0", "プロバイダー"] },
        note: {
          en: "The same SMTP authentication is also set (and a token obtained once is reflected) in System Settings > System Control > E-mail Alert and Status > SMTP Settings, Network Settings > Quick Settings and Initial Installation Settings > Network Quick Settings. POP tokens (Internet Fax, E-mail Print) are separate. BP-70C65: on the machine's panel only; BP-22C20 and BP-C131WD: on the Web page.",
          ja: "同じ SMTP 認証は システム設定 > システム管理 > E-mailアラート/ステータス > SMTP設定、ネットワーク設定 > 簡易設定、初期設置設定 > ネットワーク簡易設定 でも設定でき、一度取得したトークンはこれらに反映されます。POP (インターネット FAX、E-mail プリント) のトークンは別です。BP-70C65 は本体の操作パネルでだけ、BP-22C20 と BP-C131WD は Web ページで設定します。",
        },
        family: "bp",
      },
    ],
  },
  connectionTests: [
    {
      text: {
        en: "When a job fails, run the POP/SMTP authentication connection test in System Settings. If it shows \"Token update failed. Please delete the token and obtain it again.\", delete the token and get a new one.",
        ja: "ジョブでエラーになった場合は、「システム設定」で POP/SMTP 認証の接続テストを実行します (ボタンの日本語の表記は出典にありません)。結果に「トークンの更新に失敗しました。トークンを削除して再取得してください。」と表示された場合は、トークンを削除して取得し直します。",
      },
      path: { en: ["System Settings"], ja: ["システム設定"] },
      confidence: "vendor",
      sources: [B550WD_EN, C20_JA],
      family: "bp",
    },
  ],
  pitfalls: [
    {
      text: {
        en: "Delete the token and get it again when the machine is switched to another Exchange Online account, or when the token has expired and can no longer be used (the Web page also has [Delete] on each SMTP/POP authentication screen).",
        ja: "別の Exchange Online アカウントに切り替えたときや、トークンの期限が切れて使えなくなったときは、トークンを削除して取得し直します (Web ページの各 SMTP/POP 認証の画面にも [Delete] があります)。",
      },
      settings: ["oauth", "username"],
      confidence: "vendor",
      sources: [B550WD_US, C131WD_EN],
    },
    {
      text: {
        en: "POP authentication tokens (Internet Fax, E-mail Print) are independent of the SMTP token: each needs its own.",
        ja: "POP 認証 (インターネット FAX、E-mail プリント) のトークンは SMTP のトークンとは別で、それぞれ取得する必要があります。",
      },
      settings: ["oauth"],
      confidence: "vendor",
      sources: [B550PW_US],
    },
  ],
  panel: [
    {
      id: "sharp-token-update-failed",
      patterns: [/トークンの更新に失敗しました/, /token\s+update\s+failed/i],
      shown: {
        ja: ["トークンの更新に失敗しました。トークンを削除して再取得してください。"],
        en: ["Token update failed. Please delete the token and obtain it again."],
      },
      meaning: {
        en: "The machine could not renew its OAuth 2.0 token (a connection-test result).",
        ja: "デバイスが OAuth 2.0 のトークンを更新できませんでした (接続テストの結果です)。",
      },
      action: {
        en: "Delete the token and obtain it again ([Get Token] on the SMTP tab), signing in with the device's account.",
        ja: "トークンを削除して取得し直します (「SMTP」タブの [Get Token])。サインインにはデバイスのアカウントを使います。",
      },
      causes: ["device-oauth-token"],
      names: true,
      confidence: "vendor",
      sources: [C20_JA, B550WD_EN],
    },
  ],
  families: [
    {
      id: "bp",
      name: "BP series",
      match: [/\bBP-?\s?[0-9A-Z]{2,}/i],
      oauth: {
        support: {
          value: "yes",
          text: {
            en: "Yes: the BP-series manuals (BP-70C65/70M65, BP-70M90, BP-B550WD/PW, BP-C131WD, BP-22C20) recommend OAuth 2.0 for Microsoft 365. Firmware requirements are not in our sources.",
            ja: "対応しています。BP シリーズのマニュアル (BP-70C65/70M65、BP-70M90、BP-B550WD/PW、BP-C131WD、BP-22C20) は Microsoft 365 には OAuth 2.0 を推奨しています。必要なファームウェアは出典にありません。",
          },
          confidence: "vendor",
          sources: [...BP_MANUALS, M65_EN, C131WD_EN],
        },
      },
    },
    {
      id: "bp-70c65",
      name: "BP-70C65",
      match: [/\bBP-?\s?70C65\b/i],
      oauth: {
        token: {
          method: "panel",
          text: {
            en: "On the machine's panel only (the BP-70C65 manual: the configuration cannot be completed on the Web page): Settings (Administrator) > System Settings > Network Settings > Service Settings > SMTP tab, Authentication Option = OAuth 2.0, provider, account name, [Get Token], [OK]; the administrator signs in on the provider's page.",
            ja: "本体の操作パネルでだけ設定できます (BP-70C65 のマニュアルでは Web ページでは設定を完了できません)。「Settings (Administrator) > System Settings > Network Settings > Service Settings > SMTP tab」で「Authentication Option」を「OAuth 2.0」にし、プロバイダーとアカウント名を設定して [Get Token]、[OK] を押し、管理者がプロバイダーのページでサインインします (英語版マニュアルの表記です)。",
          },
          confidence: "vendor",
          sources: [C65_US, C65_EN],
        },
      },
    },
    {
      id: "bp-web",
      name: "BP-22C20 / BP-C131WD",
      match: [/\bBP-?\s?(?:22C20|C131WD)\b/i],
      oauth: {
        token: {
          method: "panel-or-web",
          text: {
            en: "On the Web page: System Settings > Network Settings > Services Settings > SMTP tab, Authentication Method = OAuth 2.0, provider, account name, [Get Token], [OK]; the administrator signs in on the provider's page.",
            ja: "Web ページで設定します。「システム設定」→「ネットワーク設定」→「サービス設定」→「SMTP」タブで認証方式を「OAuth2.0」にし、プロバイダーとアカウント名を設定して [Get Token]、[OK] を押し、管理者がプロバイダーのページでサインインします。",
          },
          confidence: "vendor",
          sources: [C20_JA, C131WD_EN],
        },
      },
    },
  ],
  known: { settings: "yes", codes: "partial" },
};

export default profile;
