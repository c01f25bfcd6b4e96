// Canon (キヤノン): imageRUNNER ADVANCE DX / imageRUNNER / imageCLASS-type devices with Remote UI. ../shared/devices.md "CANON".
import { AUTH_ANY } from "../../replies/patterns.js";
import type { VendorProfile } from "../types.js";

const MANUAL_EN = "https://oip.manual.canon/USRMA-9064-zz-CS-7100-enAU/contents/devu-scan-prep-send_store-cloud.html";
const MANUAL_JA = "https://oip.manual.canon/USRMB-0055-zz-CS-8100-jaJP/contents/devu-scan-prep-send_store-cloud.html";
const MANUAL_JA2 = "https://oip.manual.canon/USRMA-9959-zz-SSM-660-jaJP/contents/devu-scan-prep-mail-cloud_rui.html";
const RESELLER = "https://support.spectrum.tech/portal/en/kb/articles/configuring-oauth-on-mfds-for-scan-to-email";
const SEND_KIT_SM = "http://www.manualslib.com/manual/1034958/Canon-Du7-1178-000.html?page=56";
const SEND_KIT_SM2 = "https://manualshive.com/en/manual/canon/color-universal-send-kit-q1/62279?page=23";
const BLOG_802 = "https://anabel.icu/blog/fix-canon-smtp-error-802";

const OAUTH_PAGE = {
  en: ["Remote UI", "Settings/Registration", "Send", "OAuth 2.0 (Microsoft) Settings", "Basic Settings", "Edit", "Use OAuth 2.0 (Microsoft)"],
  ja: ["リモートUI", "設定/登録", "送信", "OAuth 2.0(Microsoft)の設定", "基本設定", "編集", "OAuth 2.0(Microsoft)を使用する"],
} as const;

const SEND_SETTINGS = {
  confidence: "third-party",
  sources: [RESELLER],
  path: { en: ["Remote UI", "Settings/Registration", "Function Settings", "Send", "Network Settings - E-Mail/I-Fax Settings"] },
  models: { en: "Remote UI (a reseller's guide)", ja: "リモートUI (販売店のガイド)" },
} as const;

const profile: VendorProfile = {
  id: "canon",
  lines: "imageRUNNER ADVANCE DX, imageRUNNER, imageCLASS (Remote UI)",
  oauth: {
    support: {
      value: "partial",
      text: {
        en: "Depends on the model: yes where the Remote UI (and the model's manual) has [OAuth 2.0 (Microsoft) Settings]. The exact model list is not confirmed; a reseller advises updating the firmware if the menu is missing.",
        ja: "機種によります。リモートUI (とその機種のマニュアル) に [OAuth 2.0(Microsoft)の設定] がある機種は対応しています。対応機種の正確な一覧は未確認です。メニューがない場合はファームウェアを更新するよう販売店が案内しています。",
      },
      confidence: "vendor",
      sources: [MANUAL_EN, MANUAL_JA, RESELLER],
    },
    token: {
      method: "web-device-code",
      text: {
        en: "In the Remote UI on a PC (not on the control panel; Administrator or NetworkAdmin privilege): tick [Use OAuth 2.0 (Microsoft)], set [Microsoft Entra ID Authorization Server Endpoint] to https://login.microsoftonline.com/organizations/oauth2/v2.0 (the manual lists common, organizations or consumers there: a Microsoft 365 account signs in with organizations or common; consumers is for personal Microsoft accounts), open the link shown, enter the [User Code] before [User Code Expires In] runs out and sign in; then [Token Status] must show [Active].",
        ja: "PC のリモートUI で設定します (操作パネルからはできません。Administrator または NetworkAdmin の権限が必要です)。[OAuth 2.0(Microsoft)を使用する] にチェックを付け、[Microsoft Entra ID認可サーバーのエンドポイント] に https://login.microsoftonline.com/organizations/oauth2/v2.0 を設定し (マニュアルでは common、organizations、consumers のいずれかとされています。Microsoft 365 のアカウントは organizations か common でサインインします。consumers は個人用の Microsoft アカウント用です)、表示されたリンクを開いてユーザーコードを有効期限内に入力し、サインインします。その後 [Token Status] (日本語の表記は出典にありません) が [Active] になっていることを確認します。",
      },
      confidence: "vendor",
      sources: [MANUAL_EN, MANUAL_JA],
    },
    tenant: {
      action: "none-described",
      text: {
        en: "Canon's steps for Microsoft include no app registration of your own (only the endpoint and the user code). Whether a Canon app needs admin consent in your tenant, and its name, is not in Canon's pages: unconfirmed.",
        ja: "Microsoft 向けのキヤノンの手順には、自社でのアプリの登録はありません (エンドポイントとユーザーコードだけです)。キヤノンのアプリにテナントでの管理者の同意が必要かどうかと、そのアプリの名前は、キヤノンのページに記載がなく未確認です。",
      },
      confidence: "vendor",
      sources: [MANUAL_EN, MANUAL_JA],
    },
  },
  settings: {
    oauth: [
      {
        confidence: "vendor",
        sources: [MANUAL_EN, MANUAL_JA, MANUAL_JA2],
        path: OAUTH_PAGE,
        field: { en: ["Microsoft Entra ID Authorization Server Endpoint"], ja: ["Microsoft Entra ID認可サーバーのエンドポイント"] },
        note: {
          en: "Another model's Japanese manual words the page [送信設定] > [OAuth 2.0(Microsoft)設定]. Optional: [Verify Server Certificate] / [Add CN to Verification Items].",
          ja: "別の機種の日本語マニュアルでは [送信設定] > [OAuth 2.0(Microsoft)設定] という表記です。任意の設定として [サーバー証明書を検証する] と [CNを検証項目に追加する] があります。",
        },
      },
    ],
    server: [SEND_SETTINGS],
    port: [SEND_SETTINGS],
    username: [SEND_SETTINGS],
    sender: [SEND_SETTINGS],
    authMethod: [
      {
        ...SEND_SETTINGS,
        note: {
          en: "With OAuth, the reseller says to tick \"Check password\" if present and leave the password fields blank.",
          ja: "OAuth を使う場合、\"Check password\" があればチェックを付け、パスワード欄は空にするよう販売店が案内しています。",
        },
      },
    ],
    encryption: [
      {
        confidence: "vendor-copy",
        sources: [SEND_KIT_SM],
        path: { en: ["Additional Functions", "System Settings", "Network Settings", "E-Mail/I-Fax", "Authnt./Encryption"] },
        field: { en: ["allow SSL (SMTP send)"] },
        note: { en: "Uses STARTTLS when the server offers it.", ja: "サーバーが STARTTLS を提示すれば STARTTLS を使います。" },
        models: { en: "older models (Universal Send Kit service manual)", ja: "旧機種 (Universal Send Kit のサービスマニュアル)" },
      },
    ],
  },
  connectionTests: [
    {
      text: {
        en: "On the OAuth page, refresh and check [Server Connection Status] = [Successfully Connected] and [Token Status] = [Active]. An SMTP test-send button is not confirmed.",
        ja: "OAuth の設定ページで表示を更新し、[サーバーの接続状況] が [成功] に、[Token Status] (日本語の表記は出典にありません) が [Active] になっていることを確認します。SMTP のテスト送信ボタンの有無は未確認です。",
      },
      path: { en: ["Remote UI", "Settings/Registration", "Send", "OAuth 2.0 (Microsoft) Settings"], ja: ["リモートUI", "設定/登録", "送信", "OAuth 2.0(Microsoft)の設定"] },
      confidence: "vendor",
      sources: [MANUAL_EN, MANUAL_JA],
    },
  ],
  pitfalls: [
    {
      text: {
        en: "Set the device's date and time correctly before the OAuth set-up; if they are changed afterwards, do the OAuth 2.0 settings again.",
        ja: "OAuth の設定の前にデバイスの日付と時刻を正しく合わせてください。設定の後で変更した場合は、OAuth 2.0 の設定をやり直します。",
      },
      settings: ["oauth"],
      confidence: "vendor",
      sources: [MANUAL_EN],
    },
    {
      text: {
        en: "If OAuth is switched off and on again, the whole OAuth procedure must be repeated from the first step. The user code is valid only for the time shown in [User Code Expires In].",
        ja: "OAuth を無効にしてから再び有効にした場合は、OAuth の手順を最初からやり直す必要があります。ユーザーコードは表示された有効期限内だけ使えます。",
      },
      settings: ["oauth"],
      confidence: "vendor",
      sources: [MANUAL_EN],
    },
    {
      text: {
        en: "If the OAuth 2.0 (Microsoft/Google) Settings buttons are missing in the Remote UI, update the firmware to the latest release (a reseller's advice; firmware versions not confirmed).",
        ja: "リモートUI に OAuth 2.0 (Microsoft/Google) の設定ボタンがない場合は、ファームウェアを最新版に更新します (販売店の案内です。ファームウェアのバージョンは未確認です)。",
      },
      settings: ["oauth", "firmware"],
      confidence: "third-party",
      sources: [RESELLER],
    },
  ],
  panel: [
    {
      id: "canon-839",
      patterns: [/(?:^|[^\w#&])(#\s?839)(?![\w.])/],
      patternsWithMaker: [/(?:^|[^\d.#])(#?\s?839)(?![\d.])/],
      shown: { en: ["#839"] },
      meaning: {
        en: "Canon's Universal Send Kit service manual lists #839 among the SMTP-authentication-related user error codes. The detailed meaning was not retrieved.",
        ja: "キヤノンの Universal Send Kit のサービスマニュアルでは、#839 は SMTP 認証に関するエラーコードの一つです。詳しい意味は参照できていません。",
      },
      causes: AUTH_ANY,
      models: { en: "Universal Send Kit era", ja: "Universal Send Kit の世代" },
      confidence: "vendor-copy",
      sources: [SEND_KIT_SM, SEND_KIT_SM2],
    },
    {
      id: "canon-843",
      patterns: [/(?:^|[^\w#&])(#\s?843)(?![\w.])/],
      patternsWithMaker: [/(?:^|[^\d.#])(#?\s?843)(?![\d.])/],
      shown: { en: ["#843"] },
      meaning: {
        en: "Canon's Universal Send Kit service manual lists #843 among the SMTP-authentication-related user error codes. The detailed meaning was not retrieved.",
        ja: "キヤノンの Universal Send Kit のサービスマニュアルでは、#843 は SMTP 認証に関するエラーコードの一つです。詳しい意味は参照できていません。",
      },
      causes: AUTH_ANY,
      models: { en: "Universal Send Kit era", ja: "Universal Send Kit の世代" },
      confidence: "vendor-copy",
      sources: [SEND_KIT_SM, SEND_KIT_SM2],
    },
  ],
  codeShape: /#\s?\d{3}\b/,
  // "#801" alone (or "エラー #801"): "#" and three digits, not a colour ("#801911") nor a longer number.
  bareCode: /(?<![\w#&])#\s?\d{3}(?![\w#])/,
  unconfirmedCodes: [
    {
      patterns: [/#\s?(?:801|802|803|816|818|819)\b/],
      text: {
        en: "The reference lists #801, #802, #803, #816, #818 and #819 as not confirmed from Canon sources; a non-Canon blog discusses 802 as an SMTP problem (not authoritative).",
        ja: "#801、#802、#803、#816、#818、#819 の意味はキヤノンの資料で確認できていません。キヤノン以外のブログが 802 を SMTP の問題として扱っていますが、信頼できる情報ではありません。",
      },
      confidence: "unconfirmed",
      sources: [],
      check: [BLOG_802],
    },
  ],
  families: [
    {
      id: "iradv-dx",
      name: "imageRUNNER ADVANCE DX",
      match: [/(?:image\s*runner|\bi-?R)[\s-]*(?:advance|adv)[\s-]*DX/i],
      oauth: {
        support: {
          value: "yes",
          text: {
            en: "Yes: Canon's manuals for Remote UI models such as the imageRUNNER ADVANCE DX describe [OAuth 2.0 (Microsoft) Settings] for Exchange Online. If the menu is missing, update the firmware (a reseller's advice).",
            ja: "対応しています。imageRUNNER ADVANCE DX などリモートUI を持つ機種のキヤノンのマニュアルに、Exchange Online 用の [OAuth 2.0(Microsoft)の設定] があります。メニューがない場合はファームウェアを更新します (販売店の案内です)。",
          },
          confidence: "vendor",
          sources: [MANUAL_EN, MANUAL_JA, RESELLER],
        },
      },
    },
  ],
  known: { settings: "yes", codes: "partial" },
};

export default profile;
