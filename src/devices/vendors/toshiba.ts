// Toshiba Tec (東芝テック): e-STUDIO. ../shared/devices.md "TOSHIBA": a third-party pointer to Toshiba's table only.
import { ZEROSMTP } from "../sources.js";
import type { VendorProfile } from "../types.js";

const TABLE = "https://www.toshibatec.com/information/20260113_01.html";
const TOPACCESS_OLD = "https://manualsdump.com/en/manuals/toshiba-e1-17063a/157724/14";

const profile: VendorProfile = {
  id: "toshiba",
  lines: "e-STUDIO",
  oauth: {
    support: {
      value: "partial",
      text: {
        en: "Depends on the model: Toshiba Tec publishes a model-by-model table (2026-01-13) of Exchange Online OAuth 2.0 compatibility, with firmware releases, compatible models, pending updates and incompatible models (per a third-party summary; Toshiba's page was not read). Older TopAccess Internet Fax manuals show no OAuth.",
        ja: "機種によります。東芝テックは Exchange Online の OAuth 2.0 への対応を機種ごとにまとめた表 (2026-01-13) を公開しており、ファームウェアの公開状況、対応機種、更新待ちの機種、非対応の機種が載っています (第三者による要約で、東芝テックのページは参照していません)。旧機種の TopAccess のインターネット FAX のマニュアルには OAuth の記載はありません。",
      },
      confidence: "third-party",
      sources: [ZEROSMTP, TOPACCESS_OLD],
      check: [TABLE],
    },
    token: { method: "unconfirmed", text: { en: "Not confirmed.", ja: "未確認です。" }, confidence: "unconfirmed", sources: [], check: [TABLE] },
    tenant: { action: "unconfirmed", text: { en: "Not confirmed.", ja: "未確認です。" }, confidence: "unconfirmed", sources: [], check: [TABLE] },
  },
  settings: {},
  connectionTests: [],
  pitfalls: [],
  panel: [],
  families: [],
  known: { settings: "no", codes: "no" },
};

export default profile;
