import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../../src/answer/extractive/compose.ts';
import { asksYesNo, denies, deniesAsked } from '../../../src/answer/extractive/yesno.ts';
import { buildUserPrompt } from '../../../src/answer/prompt.ts';

describe('asksYesNo', () => {
  it('reads a question with no question word that asks (か / ？) as yes or no', () => {
    for (const q of ['申請中の旅行命令に誤字をみつけた。そのまま直せる？', '他律的要因として認めてもらえますか？', '予約確認書だけ 領収書の代わりになる？']) expect(asksYesNo(q)).toBe(true);
  });
  it('does not read a question word, a negative question, a must, or 「Xは？」 as yes or no', () => {
    for (const q of ['いつまでに申請しますか？', '領収書は必要ないですか？', '両方に添付しなきゃだめ？', '日当はいくらですか？', 'タクシーはだめ？', '申請期限は？', '申請できない場合は？']) expect(asksYesNo(q)).toBe(false);
  });
  it('reads whether there is any as yes or no, the denial deciding the reply', () => {
    expect(asksYesNo('上限額で必要額をまかなえているところはありますか？')).toBe(true);
    // Asked for things to check, answered about something else: the question's last word is not denied.
    expect(deniesAsked('問い合わせる前に自分で確認しておくことってありますか', '旅行者が自分でサポートデスクに問い合わせることは、通常はありません。')).toBe(false);
  });
});

describe('denies', () => {
  it('reads a sentence ending in a negation as a denial', () => {
    expect(denies('旅行者本人がこの画面で変更することはできません。')).toBe(true);
    expect(denies('閣議決定文書など政府方針に基づく対応は他律的要因として認めていない')).toBe(true);
  });
  it('does not read an allowance, a caveat, a reply already given or a line of several sentences as one', () => {
    expect(denies('重ならないように並べて1枚にまとめても構いません。')).toBe(false);
    expect(denies('ただし、目的地内の路線バス等の運賃は対象になりませんでした。')).toBe(false);
    expect(denies('いいえ。外部の方はログインできません。')).toBe(false);
    expect(denies('A: いいえ、口座は自分で変更できません。')).toBe(false);
    expect(denies('宿泊料金だけを入力します。飲食代は請求できません。')).toBe(false);
  });
  it('does not read endings negative in form that do not deny: must, only, allowed, hedged', () => {
    for (const s of [
      '国の行政機関等は、必要な措置を講じなければならない。', '報告書は提出せざるを得ない。', '宿泊費は法人カードでしか支払えません。',
      'オンラインで申請するほかありません。', '代理人が申請することを禁止していません。', '代理申請に制限はありません。', '代理人による申請を妨げない。',
      'そのまま入力しても差し支えございません。', '後日精算できるかもしれない。', '前泊は例外として認められるに過ぎない。', '必ず支給されるとは限りません。',
      '代理申請はできないわけではない。',
    ]) expect(denies(s)).toBe(false);
  });
  it('does not read a denial under a condition, or a line opening with a number or a tag, as a reply', () => {
    expect(denies('承認後は取り消すことはできません。')).toBe(false);
    expect(denies('2 国の行政機関等は、これを行わない。')).toBe(false);
    expect(denies('【注意】口座は自分で変更できません。')).toBe(false);
  });
});

describe('deniesAsked', () => {
  it('reads a denial of what the question asks (its last word in kanji at the sentence end)', () => {
    expect(deniesAsked('他律的要因として認めてもらえますか？', '政府方針に基づく対応は他律的要因として認めていない')).toBe(true);
  });
  it('does not read a denial of another verb as a 「いいえ」: 「自腹ですか」 against 「支給されません」', () => {
    expect(deniesAsked('基準額を超えた分は自腹ですか？', '原則として、基準額を超えた部分は支給されません。')).toBe(false);
  });
});

describe('the answer to a yes-or-no question', () => {
  const prompt = (question: string, text: string) => buildUserPrompt({ question, history: [], passages: [{ n: 1, label: 'FAQ › 口座', text }], revision: null });
  it('opens with 「いいえ、」 when the sentence that answers denies it', () => {
    const a = composeAnswer(prompt('振込先の口座を利用者情報設定画面で自分で変更できますか？', '旅行者本人が利用者情報設定画面で口座を変更することはできません。口座は人事・給与の情報から取り込まれます。'));
    expect(a.split('\n')[0]).toMatch(/^いいえ、.*変更することはできません\[1\]。$/u);
  });
  it('opens with no reply when the first line is not the denial, or the denial is a table row', () => {
    // The short paragraph is read whole, its first sentence first: no reply goes before another sentence.
    expect(composeAnswer(prompt('振込先の口座を自分で変更できますか？', '振込先の口座は人事・給与の情報から取り込まれます。旅行者本人が口座を変更することはできません。'))).not.toMatch(/^いいえ/u);
    expect(composeAnswer(prompt('口座を自分で変更できますか？', '項目: 口座、変更: できません、備考: 人事担当へ'))).not.toMatch(/^いいえ/u);
  });
  it('opens with no reply when the sentence affirms, or the question asks something else', () => {
    expect(composeAnswer(prompt('振込先の口座を自分で変更できますか？', '旅行者本人が利用者情報設定画面で口座を変更できます。'))).not.toMatch(/^(?:いいえ|はい)/u);
    expect(composeAnswer(prompt('振込先の口座はどこで変更しますか？', '旅行者本人は口座を変更することはできません。'))).not.toMatch(/^いいえ/u);
  });
});
