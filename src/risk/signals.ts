// What a question (or a document) is doing, beyond its topic: carrying confidential material,
// trying to override the assistant's instructions, asking for a decision on money, eligibility,
// discipline, fraud or evaluation, asking the assistant to confirm an amount or an approval,
// asking for something outside the help chat's purpose, or for harmful content.
import { normalizeText } from '../text/normalize.ts';

const test = (res: RegExp[], t: string) => res.some((re) => re.test(t));
const norm = (text: string) => normalizeText(text, { keepSpaces: true }).toLowerCase();

/** Confidentiality markings on pasted material (not 秘書, not a question about the rules). */
const CONFIDENTIAL = [
  /(?:部外秘|極秘|厳秘|秘密区分|関係者限り|社外秘|内部限り|confidential|internal\s+only|公表前|未公表|非公開)(?!.{0,8}(?:と書いて|という|のような|と表示|とある))/iu,
  /(?:^|[\s「『(（【])秘\s*(?:文書|資料|第|[:：]|】|$)/u,
  /(?:取扱注意|取扱い注意)の(?:資料|文書|情報|内容|一覧|メモ)を(?:貼|入力|送|共有|要約)/u,
  /[【\[［(（〔<＜「『]\s*(?:極秘|厳秘|秘|部外秘|取扱注意|取扱い注意|関係者限り|機密|社外秘|内部限り)\s*[】\]］)）〕>＞」』]/u,
  /(?:極秘|厳秘|部外秘|取扱注意|取扱い注意|関係者限り|社外秘)(?:文書|資料|扱い|情報|の資料|の文書|の内容|です|。|:|：|\s|$)/u,
  /(?:秘密文書|秘文書|機密文書|機密資料)/u,
];
/** Asking about the rules for such material is not pasting it. */
const ABOUT_CONFIDENTIAL = /(?:入力|貼り付け|送信|質問|相談)(?:して|し)(?:も|は)?(?:いい|よい|大丈夫|問題ない|だめ|ダメ|いけない)|入力(?:できます|可能)|扱いについて/u;

/** What the assistant's own instructions are called, and what points back at earlier ones. */
const RULES_JA = '(?:指示|命令|ルール|設定|プロンプト|制約|指示文)';
const EARLIER_JA = '(?:以上|上記|上|前|先|最初|これまで|今まで|以前|既存|元|他|ほか)';
const ANSWER_EN = '(?:answers?|repl(?:y|ies)|responses?)';
const QUOTED = '(?:「[^」]{1,80}」|『[^』]{1,80}』|"[^"]{2,80}"|\'[^\']{2,80}\'|次の(?:一文|文|文章|テキスト|言葉)|url|https?:|[a-z0-9-]+\\.(?:com|net|org|jp)\\b)';

/**
 * Attempts to steer the assistant, by kind (not by phrase): overriding or voiding its instructions,
 * claiming priority over them, dictating text to put in answers, answering from outside the
 * documents, extracting its prompt, role play, and instructions hidden in markup.
 */
const INJECTION = [
  // Override: the earlier (or all, or the assistant's) instructions ignored, forgotten or voided.
  /(?:これまで|以前|上記|上|最初|すべて|全て|今まで|あなた|君)の(?:指示|命令|ルール|設定|プロンプト|安全ルール)(?:を|は)(?:無視|忘れ|破棄|取り消)/u,
  new RegExp(`${EARLIER_JA}[^。、]{0,8}${RULES_JA}(?:は|を)(?:すべて|全て|一切)?(?:無効|破棄|取り消|撤回|忘れ|無視)`, 'u'),
  // Someone's instructions (上司の指示, 旅行命令の指示) are the traveler's business, not an attack.
  /(?<![\p{Script=Han}\p{Script=Katakana}]の|旅行|画面の)(?:指示|命令|ルール|制約|制限|安全ルール)(?:を|は)(?:すべて|全て|一切|もう)?(?:無視|忘れ|解除|取り払)/u,
  /(?:安全|セーフティ)?フィルタ(?:ー)?(?:を)?(?:一時的に)?(?:無効|オフ|解除)|制約(?:は|を)(?:もう)?解除|制限(?:なし|無し)で(?:回答|答え)/u,
  // Priority: an instruction that claims to outrank the earlier ones.
  new RegExp(`${EARLIER_JA}の?(?:すべての|全ての)?${RULES_JA}(?:より(?:も)?[^。]{0,12}|に)優先`, 'u'),
  /最優先の(?:指示|命令|ルール)|(?:指示|命令)(?:が|は)最優先/u,
  /(?:overrides?|supersedes?|takes?\s+(?:priority|precedence)\s+over|(?:has|have)\s+priority\s+over)\s+(?:all\s+|any\s+|your\s+|the\s+)?(?:previous|prior|earlier|above|other|existing|original|everything)/iu,
  // Dictated output: given text to put at the start or end of (every) answer.
  new RegExp(`(?:回答|答え|返答|返事|出力)[^。「」]{0,12}(?:最後|末尾|冒頭|最初|先頭|終わり|毎回|すべて|全て|必ず)[^。「」]{0,12}${QUOTED}[^。]{0,16}(?:書|記載|記入|付け|添え|入れ|出力|表示|加え)`, 'iu'),
  new RegExp(`\\b(?:always|every|each|all)\\b[^.]{0,40}\\b${ANSWER_EN}\\b[^.]{0,40}${QUOTED}`, 'iu'),
  new RegExp(`\\b(?:add|append|include|write|put)\\b[^.]{0,30}${QUOTED}[^.]{0,40}\\b${ANSWER_EN}\\b`, 'iu'),
  // Outside the documents: ignore them, or answer from the model's own or general knowledge.
  /(?:資料|文書|マニュアル|規程|引用元|引用|検索結果|参照資料|ドキュメント)[^。、]{0,12}(?:無視|使わない|使わず|使用せず|参照せず|頼らず|見ずに|見ないで|関係なく)/u,
  /(?:あなた|君|きみ|お前|ai)(?:自身|として)?(?:が|の)?(?:持っている|知っている|学習した|一般)?(?:知識|常識|知っている範囲)|(?:一般|世間)(?:的な)?(?:知識|常識)(?:で|から|だけで|に基づいて)|学習(?:した|データの)?知識/iu,
  /(?:ignore|disregard|skip|don'?t\s+(?:use|rely\s+on|look\s+at)|without\s+(?:using\s+)?)\s*(?:the\s+)?(?:retrieved\s+)?(?:documents?|manuals?|sources?|passages?|context|citations?)/iu,
  /(?:from|using|with|on)\s+(?:your\s+own|your|general)\s+(?:knowledge|training(?:\s+data)?)|what\s+you\s+know\s+yourself/iu,
  // Extraction: the instructions the assistant was given, shown.
  /(?:モデル名|温度|設定値|保存(?:場所|先)|ログの保存|内部構成)(?:を|と|や|、)?[^。]{0,20}(?:教え|見せ|表示|出して)/u,
  new RegExp(`(?:与えられた|設定されている|設定された|受けている|隠された|裏の|裏で)[^。]{0,8}${RULES_JA}[^。]{0,16}(?:表示|見せ|教え|出力|開示|書き出)`, 'u'),
  /(?:instructions|rules|prompt)\s+(?:were\s+)?you\s+(?:were\s+)?(?:given|told)|(?:repeat|quote|print|reveal|show)\s+(?:me\s+)?(?:your|the)\s+(?:hidden\s+|initial\s+|original\s+)?(?:instructions|rules|prompt)/iu,
  /(?:ほか|他)の(?:人|利用者|職員)の(?:質問|履歴|ログ|会話)/u,
  /#{2,}\s*system|<!--[\s\S]*?-->|\[\[?\/?system\]?\]|\(system\)/iu,
  /(?:このテキスト|このメモ|この文書|これ)を読んだ(?:アシスタント|ai|あなた)/iu,
  /(?:本当の|新しい|新)(?:指示|ポリシー|ルール)(?:は|:|：)|(?:上の|前の)指示は(?:テスト|嘘|冗談)/u,
  /(?:あなたは|前提[:：]\s*あなたは)[^。]{0,30}(?:権限を持つ|制限のない|何でも答える|ルールのない)/u,
  /(?:断定|根拠なし|根拠の表示は(?:いらない|不要))[^。]{0,20}(?:答える|回答する)?[^。]{0,10}(?:設定|ように)(?:を)?変え/u,
  /(?:禁止事項|ルール|制約)(?:リスト)?を[^。]{0,20}(?:書き換え|変更|削除)/u,
  /let'?s\s+play\s+a\s+game|no\s+rules|without\s+(?:any\s+)?(?:rules|restrictions)/iu,
  /システムプロンプト|system\s*prompt|初期(?:設定|プロンプト)|内部(?:の)?(?:指示|設定|プロンプト)/iu,
  /(?:プロンプト|設定|指示文|ルール)(?:を|の内容を)(?:表示|出力|教え|見せ|開示|そのまま)/u,
  /(?:制限|フィルター|検閲)(?:の(?:ない|無い)|を(?:外|解除|無効))/u,
  // Role play.
  /(?:開発者|デベロッパー|管理者|ゴッド|god)モード|developer\s*mode|jailbreak|脱獄|\bdan\b/iu,
  /(?:あなたは|君は|お前は)(?:今から|これから|もう)/u,
  /ignore\s+(?:all\s+|the\s+|any\s+)?(?:previous|prior|above|earlier)?\s*(?:instructions|rules|prompts?)/iu,
  /(?:disregard|forget)\s+(?:all\s+|your\s+|the\s+)?(?:previous\s+|prior\s+)?(?:instructions|rules)/iu,
  /you\s+are\s+now|act\s+as\s+(?:an?\s+)?(?:unrestricted|unfiltered)|pretend\s+(?:you|to\s+be)/iu,
];

/** Asking the assistant to reveal what it must keep (in a question; a document may name these). */
const PROBE = [
  /(?:api|アクセス)\s*キー[^。]{0,12}(?:教え|表示|見せ|出力|出して)|api\s*key|秘密鍵[^。]{0,12}(?:教え|表示|見せ)|パスワードを(?:表示|教え)|auth_secret|環境変数/iu,
];

/** A decision on an individual case: money to be paid, eligibility, legality, discipline, fraud, evaluation. */
const HIGH_STAKES = [
  /(?:私|自分|僕|俺|わたし|この(?:人|職員|方)|同僚|部下|上司|[^\s]{1,6}さん)(?:の|は|が)?[^。？?]{0,30}(?:いくら|何円|金額)[^。？?]{0,20}(?:もらえる|支給される|出る|受け取れる|確定|決め)/u,
  /(?:不正|不正受給|不正請求|水増し|架空|横領|着服|詐欺)(?:に(?:なる|当たる|該当)|か(?:どうか)?|では|を(?:調べ|確認|見抜|暴|告発))/u,
  /(?:懲戒|処分|処罰|罰則|クビ|免職|減給|戒告)(?:に|を|は|の|され|になる|対象)/u,
  /(?:人事|勤務|能力|業績)?評価(?:を|に|は|が)?(?:つけ|付け|下げ|上げ|決め|判定|して)|(?:[^\s]{1,6}さん|この人|部下|同僚)の(?:評価|査定)/u,
  /(?:違法|合法|法的に|法律上|法令違反|規程違反)(?:か|です|でしょう|になる|に当たる|かどうか)/u,
  /(?:対象|支給対象|受給資格|資格)(?:か|になる|になります|に当たる)(?:どうか)?(?:判定|判断|決め|確定)/u,
  /(?:確定|判定|判断|決定)して(?:ください|ほしい|欲しい|くれ|もらえ)/u,
  /(?:不正受給|不正請求|規程違反|処分すべき|処分(?:対象|するべき)|法的に争)/u,
  /(?:私|自分|わたし)の?(?:ケース|場合|分)[^。？?]{0,30}(?:当たり|該当|認められ|決めて|得か|損か)/u,
  /(?:今回|この出張|私)の[^。？?]{0,20}(?:認められる|支給される|出る)[？?]?[^。]{0,10}(?:イエスかノー|はいかいいえ)/u,
  /(?:正しいですか|合っていますか)[^。]{0,10}(?:法的|争)|差引額[^。]{0,20}正しい/u,
  /(?:評価|査定)を[^。]{0,10}(?:決めて|つけて|付けて)|(?:処分|懲戒)(?:すべき|するべき)か/u,
  /exact\s+amount|reimbursed\s+for\s+my|approve\s+my/iu,
  /(?:お墨付き|最終判断|通していいか|通してよいか)/u,
  /差戻しを取り消して|支払を早めて/u,
];

/** Asking the assistant itself to fix an amount or grant an approval, without a person's judgment. */
const NEEDS_STAFF = [
  /(?:支給額|金額|旅費|精算額|請求額|宿泊費|手当)(?:を|は)?[^。？?]{0,20}(?:確定|保証|決定)(?:して|させ|でき|する)/u,
  /(?:この|今回の)?(?:申請|請求|精算|出張|旅行命令)(?:を|は)?[^。？?]{0,12}(?:承認|決裁|許可)(?:して|しても|してよい|していい|できる|するべき|すべき)/u,
  /(?:間違い(?:ない|ありません)|正しい)(?:と|か)(?:保証|断言|確約|確定)/u,
  /(?:保証|確約)して(?:ください|くれ|ほしい)/u,
  /(?:私|自分)の?[^。]{0,30}(?:確定して|判断してください|決めてください)/u,
  /(?:承認|決裁)(?:ボタン)?[^。]{0,20}(?:お墨付き|押していいか|してよいか)|承認済みにして|最終判断して|通していいか/u,
  // 「35,000円で支給してもらえるか判断して」: asking the assistant to decide one's own case.
  // The request ends the clause: not 「…判断してもらうには誰に聞けばいい？」「判定してくれる窓口は？」.
  /(?:支給|精算|請求|認め|払っ)[^。？?]{0,12}(?:もらえる|される|できる|られる|通る)か(?:どうか)?[^。？?]{0,6}(?:判断|判定|決めて|答えを出して)(?:して|を)?(?:ください|ほしい|くれ|下さい|お願い(?:します)?)?(?:[。!！?？]|$)/u,
  /exact\s+amount|差戻しを取り消して/iu,
  /(?:この|今回の)(?:請求|申請)、?(?:問題なし|OK)で(?:通して|承認して)/u,
  /この金額で(?:いい|よい|大丈夫|問題ない)(?:か|よね|ですよね)?[^。]{0,10}(?:確定|判断|決め)/u,
];

const OUT_OF_SCOPE = [
  /(?:メール|手紙|挨拶文|お礼状|文章|作文|小説|詩|スピーチ|報告書|議事録)(?:を|の)?(?:書いて|作って|作成して|考えて|下書き|添削)/u,
  /天気|天候|気温|占い|運勢|おすすめ(?:の)?(?:店|ランチ|レストラン|観光)|ランチ|レシピ|株価|為替予想|宝くじ|恋愛|ダイエット/u,
  /(?:python|javascript|java|sql|vba|マクロ|プログラム|コード|excel|エクセル)(?:の|を|で)?(?:書|作|教|組|直|デバッグ|関数)/iu,
  /翻訳して|英訳して|和訳して|要約して(?:ください)?$/u,
  /(?:年末調整|確定申告|ふるさと納税|育児休業|介護休暇|有給休暇|年次休暇|人間ドック|健康診断|宿舎|共済(?:組合)?|扶養手当|住居手当|昇任試験|給与明細|転職|しりとり|雑談しよう|ゲームしよう)/u,
  /(?:お礼|挨拶|謝罪)(?:の)?(?:メール|手紙|文)(?:の)?(?:文面)?を(?:作|書)/u,
  /(?:英語|英文|日本語)(?:に|へ)(?:訳|翻訳)|を訳して|translate|を要約して|要約してください/iu,
];

/** Words of the help chat's purpose: a harmful request without them is also outside the purpose. */
const PURPOSE = /旅費|出張|領収|精算|清算|請求|宿泊|交通費|パック|謝金|物品|seabis|旅行命令|経路|手当|返納/iu;

const HARMFUL = [
  /(?:領収書|レシート|証明書|書類|記録|日付|金額)(?:を|の)?(?:偽造|改ざん|改竄|捏造|書き換え|水増し)/u,
  /(?:偽造|改ざん|改竄|捏造)(?:する|して|の)(?:方法|やり方|コツ)/u,
  /(?:架空|水増し|二重)(?:の)?(?:出張|請求|精算|領収書)(?:を|で)?(?:する|して|作|出|通|方法|やり方|バレ)?/u,
  /(?:ばれ|バレ)(?:ない|ずに)|(?:監査|審査|チェック)(?:を|に)?(?:すり抜け|逃れ|ごまかし|ごまか|かいくぐ|見つから)/u,
  /(?:不正に|こっそり|多めに)(?:多く|お金を|旅費を)?(?:受け取|もらう|もらえる|請求|稼ぐ)/u,
  /嫌がらせ|いじめ|ハラスメントをする|仕返し|復讐|殺(?:す|し|したい)|死にたい|自殺|爆弾|武器の作り方|差別(?:して|する方法)/u,
  /空出張|カラ出張|(?:不正|水増し)の?手口|白紙の領収書|自分で金額(?:を)?書|(?:内訳|金額)を(?:ごまかし|偽)|多めに見せる/u,
  /消える方法|楽に(?:なる|死ぬ)方法|殴(?:る|り)|待ち伏せ|困らせる方法/u,
  /(?:女性|男性|外国人|高齢|障害)[^。]{0,15}(?:行かせない|安くしたい|減らしたい|外したい)|それっぽい理由を作/u,
];

export interface Signals {
  confidential: boolean;
  injection: boolean;
  highStakes: boolean;
  needsStaffJudgment: boolean;
  outOfScope: boolean;
  harmful: boolean;
}

export function signalsOf(text: string): Signals {
  const t = norm(text);
  const confidential = test(CONFIDENTIAL, t) && !ABOUT_CONFIDENTIAL.test(t);
  const needsStaffJudgment = test(NEEDS_STAFF, t);
  const harmful = test(HARMFUL, t);
  return {
    confidential,
    injection: test(INJECTION, t) || test(PROBE, t),
    highStakes: test(HIGH_STAKES, t) || needsStaffJudgment,
    needsStaffJudgment,
    outOfScope: test(OUT_OF_SCOPE, t) || (harmful && !PURPOSE.test(t.replace(/会計担当/g, ''))),
    harmful,
  };
}

/** Instructions aimed at the assistant inside a document being ingested. */
export function injectionInDocument(text: string): boolean {
  return test(INJECTION, norm(text));
}
