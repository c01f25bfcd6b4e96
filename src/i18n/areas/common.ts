// Messages shared by every area: file and identity errors. Keys start with "common.".
import { defineCatalog } from "../catalog.js";

export default defineCatalog(
  {
    "common.err.identity": "'{value}' cannot be an Exchange identity (a mailbox address, UPN, alias or GUID). Check the value and try again.",
    "common.err.fileMissing": "The file {file} does not exist.",
    "common.err.fileUnreadable": "The file {file} could not be read ({reason}).",
    "common.err.fileTooLarge": "The file {file} is larger than {limit} and was not read.",
    "common.err.notJson": "{file} is not valid JSON ({reason}).",
    "common.err.jsonTooDeep": "{file} nests more than {limit} levels deep and was not read: no case file does that (check that it is the right file).",
    "common.err.caseSchema": "{file} is not a smtp-auth-doctor case file: expected \"schema\": \"smtp-auth-doctor/case@1\", found {found}.",
    "common.err.caseExpected": "{file}: {path} must be {expected}.",
    "common.err.caseEnum": "{file}: {path} must be one of {values}.",
    "common.err.caseUnknownKey": "{file}: {path} is not a known field of a case file (check the spelling).",
    "common.err.caseOther": "{file}: {path} is not valid ({detail}).",
    "common.err.caseSecret": "{file} contains a field that looks like a secret ({path}). Case files must not hold passwords or tokens; remove it and try again.",
    "common.err.writeFailed": "Could not write {file} ({reason}). Nothing was written.",
    "common.err.exists": "{file} already exists. Choose another name or confirm overwriting it.",
    "common.stdin": "standard input",
  },
  {
    "common.err.identity": "'{value}' は Exchange の ID (メールボックスのアドレス、UPN、エイリアス、GUID) として使えません。値を確認して、もう一度お試しください。",
    "common.err.fileMissing": "ファイル {file} が見つかりません。",
    "common.err.fileUnreadable": "ファイル {file} を読み取れませんでした ({reason})。",
    "common.err.fileTooLarge": "ファイル {file} は {limit} を超えているため読み込みませんでした。",
    "common.err.notJson": "{file} は正しい JSON ではありません ({reason})。",
    "common.err.jsonTooDeep": "{file} は {limit} 階層を超えて入れ子になっているため読み込みませんでした。ケース ファイルはこのような形になりません (正しいファイルか確認してください)。",
    "common.err.caseSchema": "{file} は smtp-auth-doctor のケース ファイルではありません。\"schema\": \"smtp-auth-doctor/case@1\" が必要ですが、{found} でした。",
    "common.err.caseExpected": "{file}: {path} は {expected} である必要があります。",
    "common.err.caseEnum": "{file}: {path} は {values} のいずれかである必要があります。",
    "common.err.caseUnknownKey": "{file}: {path} はケース ファイルの項目ではありません (綴りを確認してください)。",
    "common.err.caseOther": "{file}: {path} が正しくありません ({detail})。",
    "common.err.caseSecret": "{file} にシークレットと思われる項目 ({path}) が含まれています。ケース ファイルにパスワードやトークンを含めることはできません。削除してから、もう一度お試しください。",
    "common.err.writeFailed": "{file} を書き込めませんでした ({reason})。何も書き込まれていません。",
    "common.err.exists": "{file} は既に存在します。別の名前を指定するか、上書きを確認してください。",
    "common.stdin": "標準入力",
  },
);
