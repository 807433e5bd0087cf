// The built-in answer, composed from the numbered passages: the sentences that best support the
// question, laid out as the passage lays them out — a lead (the point first), then the steps of a
// procedure, the items of a list with the sentence that announces them, the rows of a table after
// the sentence that explains it — each followed by [n]. Deterministic; no model.
import { codesIn } from '../../text/codes.ts';
import { prepare, queryTerms } from '../../text/tokenize.ts';
import { parseUserPrompt } from '../prompt.ts';
import { writeLastPart, writeOtherPassage, writeSupporting } from './additions.ts';
import { DIRECT_MODEL } from './direct.ts';
import { writeDirect } from './direct-quote.ts';
import { writeAskedFact } from './figures.ts';
import { ownerAbove, sectionOf, writeListItem, writeParagraph, writeProcedure, writeTable } from './layouts.ts';
import { Lines } from './lines.ts';
import { asksYesNo, deniesAsked } from './yesno.ts';
import { DEFAULT_EXTRACTIVE, type ExtractiveOptions } from './options.ts';
import { ASKS_ALL, leadOf, scoreSentences } from './scoring.ts';

export { DEFAULT_EXTRACTIVE, type ExtractiveOptions } from './options.ts';

/** What the model says when the passages do not answer (the pipeline recognizes it). */
export const NO_ANSWER_TEXT = '資料には、この質問に答える記載が見当たりませんでした。';

/** A question about trouble on screen, which an error entry's fix answers. */
const TROUBLE = /エラー|表示され|出た|出て|出ます|出る|進めな|進めません|できな|できません|押せな|押せません|はじかれ|弾かれ|消え/u;

/**
 * A question asking how to do something: 「どう請求しますか」「どうすれば」「…するには」, not how
 * something was or turns out (「どうでしたか」「どうなりますか」), nor whether (「高リスクかどうか」).
 */
const WANTS_PROCEDURE = /手順|方法|(?<!か\s*)どう(?!\s*(?:でし|だっ|です|だ|なっ|なる|なり|思|か))|どのよう|やり方|仕方|[るすくぐむぶぬうつ]には|直し|対処/u;

/** Composes the extractive answer for a prompt (exported for tests and for the fallback path). */
export function composeAnswer(promptText: string, options: ExtractiveOptions = DEFAULT_EXTRACTIVE): string {
  const { question, history, passages } = parseUserPrompt(promptText);
  if (passages.length === 0) return NO_ANSWER_TEXT;
  const all = scoreSentences(question, history, passages);
  if (all.length === 0) return NO_ANSWER_TEXT;
  const ranked = [...all].sort((a, b) => b.score - a.score || a.rank - b.rank || a.pos - b.pos);
  const lead = leadOf(ranked, all, new Set(queryTerms(question)));
  if (!lead || lead.score < options.minSupport) return NO_ANSWER_TEXT;

  const out = new Lines(ASKS_ALL.test(question) ? new Set() : new Set(queryTerms(question)), history.length > 0);
  // The value asked for first, when the fitted model is sure of it; then the passage that gives it.
  const direct = writeDirect(out, question, all, options.direct ?? DIRECT_MODEL, history.at(-1) ?? '');
  // Asked which body a line belongs to, a table or list names it on a line of its own above (「(文部科学省)」 over its systems).
  const owner = ownerAbove(question, lead, passages.find((p) => p.n === lead.n)?.text ?? '');
  if (owner) out.text(`${owner}[${lead.n}]`);
  const block = sectionOf(lead, passages, all);
  const steps = block.filter((s) => s.step !== null);
  // An error message's entry is read for its fix too (「…と出て先に進めません」 wants the 対処).
  const errorEntry = codesIn(prepare(passages.find((p) => p.n === lead.n)?.label ?? '')).length > 0 && TROUBLE.test(question);
  const wantsProcedure = WANTS_PROCEDURE.test(question) || codesIn(prepare(question)).length > 0 || errorEntry;
  // A numbered line is a step when it tells what to do (「…入力します。」); numbered notes and
  // footnotes (「…件数。」「…1名としてカウントしている。」) are no procedure unless one is asked for.
  const instruction = lead.step !== null && /(?:(?<!と)します|ください|すること)[)）」]?[。]?$/u.test(lead.text.trim());
  if ((wantsProcedure && (lead.step !== null || steps.length >= 2)) || instruction) writeProcedure(out, lead, block, steps, all, options);
  else if (lead.row) writeTable(out, block, options);
  else if (lead.fragment) writeListItem(out, lead, block, options);
  else writeParagraph(out, lead, block, all, options);
  // A yes-or-no question the lead denies opens with 「いいえ、」 (the lead quoted as the first line).
  if (!direct && !lead.row && lead.step === null && !lead.labelled && asksYesNo(question) && deniesAsked(question, lead.text)) out.openWith('いいえ、', lead);
  writeSupporting(out, lead, ranked, all, options);
  // Another passage's sentence hedges against the lead being in the wrong passage; the value asked
  // for, opening the answer, needs no such hedge (13 answers of 255 shorter, no untuned fact lost).
  if (!direct) writeOtherPassage(out, lead, all);
  writeAskedFact(out, lead, question, ranked, all, options);
  writeLastPart(out, question, all, options);
  return out.lines.join('\n');
}
