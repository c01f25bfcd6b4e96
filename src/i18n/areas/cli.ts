// Messages of the command line: help, argument errors, file errors. Keys start with "cli.".
import { defineCatalog } from "../catalog.js";

export default defineCatalog(
  {
    "cli.help": `smtp-auth-doctor — why can't this printer, scanner or app send mail through Exchange Online (SMTP AUTH)?

Usage:
  smtp-auth-doctor                          open the interactive wizard
  smtp-auth-doctor diagnose --case FILE|-   diagnose a case file (or stdin)
  smtp-auth-doctor explain "<error text>"   decode a pasted SMTP error

Options for every command:
  --lang ja|en        language (default: from the locale)
  --json              print exactly one JSON object on stdout
  --ascii             ASCII glyphs only
  --no-color          no colour (NO_COLOR is honoured too)
  -h, --help          this help
  -V, --version       the version

diagnose options:
  --format text|md|json|ps1   output format (default text; --json = --format json)
  --as-of YYYY-MM-DD          evaluate at another date

Exit codes: 0 clear, 1 blocked, 2 bad input, 3 undetermined, 4 a service was unavailable, 70 internal error, 130 cancelled.`,
    "cli.err.unknownOption": "Unknown option {flag}. See smtp-auth-doctor --help.",
    "cli.err.optionValue": "Option {flag} needs a value. See smtp-auth-doctor --help.",
    "cli.err.unexpectedArgument": "Unexpected argument '{arg}'. See smtp-auth-doctor --help.",
    "cli.err.args": "The arguments could not be read: {detail}",
    "cli.err.lang": "Unknown language '{value}'. Use --lang ja or --lang en.",
    "cli.err.unknownCommand": "Unknown command '{command}'. See smtp-auth-doctor --help.",
    "cli.err.internal": "Internal error: {message}. This is a bug in smtp-auth-doctor; please report it with the command you ran.",
  },
  {
    "cli.help": `smtp-auth-doctor — プリンター・スキャナー・アプリから Exchange Online 経由でメールを送信できない (SMTP AUTH) 原因を調べます。

使い方:
  smtp-auth-doctor                          対話型ウィザードを開きます
  smtp-auth-doctor diagnose --case FILE|-   ケース ファイル (または標準入力) を診断します
  smtp-auth-doctor explain "<エラー文>"      貼り付けた SMTP エラーを解読します

すべてのコマンドに共通のオプション:
  --lang ja|en        表示言語 (既定: ロケールから判定)
  --json              標準出力に JSON オブジェクトを 1 つだけ出力します
  --ascii             ASCII 文字だけで表示します
  --no-color          色を付けません (NO_COLOR にも従います)
  -h, --help          このヘルプを表示します
  -V, --version       バージョンを表示します

diagnose のオプション:
  --format text|md|json|ps1   出力形式 (既定は text、--json は --format json と同じ)
  --as-of YYYY-MM-DD          別の日付の時点で評価します

終了コード: 0 問題なし、1 ブロックあり、2 入力が不正、3 判定不能、4 サービスを利用できない、70 内部エラー、130 キャンセル。`,
    "cli.err.unknownOption": "不明なオプション {flag} です。smtp-auth-doctor --help をご覧ください。",
    "cli.err.optionValue": "オプション {flag} には値が必要です。smtp-auth-doctor --help をご覧ください。",
    "cli.err.unexpectedArgument": "想定外の引数 '{arg}' があります。smtp-auth-doctor --help をご覧ください。",
    "cli.err.args": "引数を読み取れませんでした: {detail}",
    "cli.err.lang": "'{value}' は対応していない言語です。--lang ja または --lang en を指定してください。",
    "cli.err.unknownCommand": "'{command}' というコマンドはありません。smtp-auth-doctor --help をご覧ください。",
    "cli.err.internal": "内部エラーが発生しました: {message}。smtp-auth-doctor の不具合です。実行したコマンドを添えてご報告ください。",
  },
);
