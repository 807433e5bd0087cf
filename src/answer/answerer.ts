// The answering pipeline shared by /api/ask, /api/chat, `npm run ask` and `npm run eval`:
// follow-up resolution → date detection → hybrid retrieval → calibrated confidence → the model
// (an LLM when configured, else the extractive model) → citation check → fallback → the answer.
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { generateText, streamText } from 'ai';
import type { Hit } from '../retrieval/types.ts';
import { detectDate, type QuestionDate } from '../retrieval/dates.ts';
import { normalizeText } from '../text/normalize.ts';
import type { RetrievalResult, Retriever } from '../retrieval/retriever.ts';
import type { AnswerModels } from '../models/language.ts';
import { answerGaps, shortened } from './answer-gaps.ts';
import { CitationStreamFilter } from './citation-stream.ts';
import { checkCitations, citationsOf } from './citations.ts';
import { dropUnsupportedFigures } from './figure-check.ts';
import { CALIBRATION, type Calibration, confidenceOf } from './confidence.ts';
import { NO_ANSWER_TEXT } from './extractive/compose.ts';
import { DIRECT_MODEL, type DirectModel, type ValueKind, judgeValue } from './extractive/direct.ts';
import { replyTo } from './extractive/reply.ts';
import { directOpening, sureOpeningLines } from './extractive/direct-quote.ts';
import { scoreSentences } from './extractive/scoring.ts';
import { followUpContext } from './followup.ts';
import { ABSTAIN_TEXT, CAUTION_TEXT, type UnfitReason, qualifierAbstainText, quotedClosest, valueAbstainText } from './declines.ts';
import { SYSTEM_PROMPT, buildUserPrompt, type PromptPassage } from './prompt.ts';
import type { Answer, Citation } from './types.ts';

export { ABSTAIN_TEXT, CAUTION_TEXT, closestClause, qualifierAbstainText, valueAbstainText } from './declines.ts';

export interface AnswerEvent {
  type: 'provider_failure' | 'invalid_citations';
  detail: string;
}

export interface AnswererDeps {
  retriever: Retriever;
  models: AnswerModels;
  indexVersion: () => string;
  now?: () => Date;
  onEvent?: (e: AnswerEvent) => void;
  /** Confidence model; defaults to the one fitted by `npm run calibrate` (calibration.json). */
  calibration?: Calibration;
  /** The value model (direct.ts); defaults to the one fitted by `npm run fit:direct` (direct-model.json). */
  direct?: DirectModel;
}

export interface AskInput {
  question: string;
  /** Earlier questions of the same conversation, oldest first. */
  history?: string[];
}

function jaDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 「2025年4月1日以降の制度」 for a dated document. */
export function revisionLabel(from: string | null, to: string | null): string | null {
  if (from && to) return `${jaDate(from)}から${jaDate(to)}までの制度`;
  if (from) return `${jaDate(from)}以降の制度`;
  if (to) return `${jaDate(to)}までの制度`;
  return null;
}

/** A passage's label in the prompt: document title › section (p.N). */
export function passageLabel(h: Hit): string {
  const parts = [h.chunk.title, h.chunk.section].filter((p) => p !== '');
  return parts.join(' › ') + (h.chunk.page !== null ? ` (p.${h.chunk.page})` : '');
}

function modelName(m: LanguageModelV4): string {
  return `${m.provider}:${m.modelId}`;
}

/** The text without the date phrases it names. */
function withoutDates(text: string, now: Date): string {
  let t = normalizeText(text);
  for (let i = 0; i < 3; i++) {
    const d = detectDate(t, now);
    if (!d || !t.includes(d.phrase)) break;
    t = t.replace(d.phrase, ' ');
  }
  return t;
}

export interface Retrieved extends RetrievalResult {
  context: string | null;
  named: QuestionDate | null;
  date: string;
}

export class Answerer {
  private readonly deps: AnswererDeps;
  constructor(deps: AnswererDeps) {
    this.deps = deps;
  }

  /** Identifies the confidence model in use (for the audit log's settings records). */
  calibrationVersion(): string {
    const c = this.deps.calibration ?? CALIBRATION;
    return `${c.fittedOn.slice(0, 60)}; threshold ${c.threshold}`;
  }

  /** The retrieval stage: follow-up context, the question's date, passages and their evidence. */
  async retrieve(input: AskInput): Promise<Retrieved> {
    const now = this.deps.now?.() ?? new Date();
    const context = followUpContext(withoutDates(input.question, now), input.history ?? []);
    const found = await this.search(input, context, now);
    if (!context) return found;
    // Each turn is judged in scope on its own: a short turn shaped like a follow-up
    // (「社員食堂のメニューは？」) that brings words the documents never use, and that the passages
    // would not answer on its own, starts a new topic instead of borrowing the last one's.
    const alone = await this.search(input, null, now);
    const calibration = this.deps.calibration ?? CALIBRATION;
    return alone.evidence.unknownWords > 0 && confidenceOf(alone.evidence, calibration) < calibration.threshold ? alone : found;
  }

  private async search(input: AskInput, context: string | null, now: Date): Promise<Retrieved> {
    const named = detectDate(input.question, now) ?? (context ? detectDate(context, now) : null);
    const date = named?.date ?? now.toISOString().slice(0, 10);
    // Date phrases have done their work (date ranking); left in, they would match every dated text.
    const questionText = withoutDates(input.question, now);
    const contextText = context ? withoutDates(context, now) : undefined;
    const result = await this.deps.retriever.search({ text: questionText, context: contextText, date, dateNamed: named !== null, original: input.question, today: now.toISOString().slice(0, 10) });
    return { ...result, context, named, date };
  }

  /** Everything both answer paths share: passages, confidence, the prompt, the answer's frame. */
  private async plan(input: AskInput): Promise<Plan> {
    // A figure asked for a year, meeting or counter the passages do not give, or items behind a
    // count they do not list, is not answered by theirs.
    const { hits, evidence, unmet, context, named, date } = await this.retrieve(input);
    const calibration = this.deps.calibration ?? CALIBRATION;
    const confidence = hits.length > 0 ? confidenceOf(evidence, calibration) : 0;
    const reasons: string[] = [];
    const passages: PromptPassage[] = hits.map((h, i) => ({ n: i + 1, label: passageLabel(h), text: h.chunk.text }));
    const history = context ? context.split('\n') : [];
    // A value asked for that no value of the passages fits (the fitted model of direct.ts). The
    // scored sentences are kept for the composition (scoring.ts).
    const direct = this.deps.direct ?? DIRECT_MODEL;
    const scored = hits.length > 0 ? scoreSentences(input.question, history, passages) : [];
    const judged = hits.length > 0 ? judgeValue(input.question, scored, direct, history.at(-1) ?? '') : null;
    const unfit = judged?.declined ? judged : null;
    // A value asked for that is doubted, or passages the retrieval is unsure of, get the caution.
    const unsure = confidence < (calibration.cautionBelow ?? 0) || (judged !== null && judged.p < (direct.decline?.cautionBelow ?? 0));
    // The value the extractive answer opens with, chosen once for the reply and the shortening (neither when doubted).
    const opened = unsure || hits.length === 0 ? null : directOpening(input.question, scored, direct, history.at(-1) ?? '');
    const revisionHint = named ? `${named.phrase}(${jaDate(date)}時点)に有効な制度` : null;
    return {
      hits,
      confidence,
      calibration,
      reasons,
      prompt: buildUserPrompt({ question: input.question, history, passages, revision: revisionHint }),
      valid: new Set(passages.map((p) => p.n)),
      texts: new Map(passages.map((p) => [p.n, p.text])),
      frame: { asOf: { date, named: named !== null }, indexVersion: this.deps.indexVersion(), risk: { level: 'low', reasons } },
      confident: hits.length > 0 && confidence >= calibration.threshold && unmet.length === 0 && unfit === null,
      unmet,
      unsure,
      // The extractive answer's short reply stating the value it opens with, when nothing is doubted.
      // It is read with the answerer's value model, which every wiring gives the extractive model
      // too (runtime, worker, the leave-one-document-out folds): the reply and the quote agree.
      reply: replyTo(input.question, opened?.c ?? null),
      opening: sureOpeningLines(opened),
      unfit: unfit && { asked: unfit.asked, closest: quotedClosest(unfit), whole: unfit.whole, planned: unfit.planned, milestone: unfit.milestone },
    };
  }

  private abstention(plan: Plan, model: LanguageModelV4): Answer {
    if (!plan.reasons.includes('low_confidence')) plan.reasons.push('low_confidence');
    return {
      ...plan.frame,
      answer: plan.unmet.length > 0 ? qualifierAbstainText(plan.unmet) : plan.unfit ? valueAbstainText(plan.unfit.asked, plan.unfit.closest, plan.unfit) : ABSTAIN_TEXT,
      citations: citationsOf(plan.hits, new Set()),
      escalate: true,
      confidence: round(Math.min(plan.confidence, plan.calibration.threshold - 0.01)),
      revision: null,
      model: modelName(model),
    };
  }

  private answered(plan: Plan, text: string, used: number[], model: LanguageModelV4): Answer {
    const { note, revision } = revisionNote(plan.hits, used);
    const lowConfidence = plan.confidence < (plan.calibration.cautionBelow ?? 0);
    if (lowConfidence && !plan.reasons.includes('low_confidence')) plan.reasons.push('low_confidence');
    // A doubted value is shown with the caution too; it is no low-confidence retrieval (the risk
    // log's 「確信度の低い回答」 and the confidence shown stay the retrieval's).
    return {
      ...plan.frame,
      answer: text + note + (plan.unsure ? `\n\n${CAUTION_TEXT}` : ''),
      citations: citationsOf(plan.hits, new Set(used)),
      escalate: false,
      confidence: round(plan.confidence),
      revision,
      model: modelName(model),
    };
  }

  private providerFailed(plan: Plan, e: unknown): void {
    if (!plan.reasons.includes('provider_failure')) plan.reasons.push('provider_failure');
    this.deps.onEvent?.({ type: 'provider_failure', detail: ((e as Error)?.message ?? String(e)).slice(0, 300) });
  }

  /**
   * The extractive answer; with the reply stating its value (replyTo), the reply and that quote
   * alone (what the composition adds is for answers without one; docs/quality.md, session 18: a
   * blind reader preferred it in 27 of 34 answers, none the other way, no figure changed); with a
   * value the model is sure of (sureOpeningLines), its quote alone (session 19).
   */
  private async extractive(plan: Plan, question: string): Promise<string> {
    const r = await generateText({ model: this.deps.models.extractive, system: SYSTEM_PROMPT, prompt: plan.prompt, maxRetries: 0 });
    if (r.text.includes(NO_ANSWER_TEXT)) return r.text;
    const lines = r.text.split('\n');
    return shortened(question, r.text, plan.reply ? `${plan.reply}\n${lines[0]}` : plan.opening > 0 ? lines.slice(0, plan.opening).join('\n') : r.text);
  }

  async ask(input: AskInput): Promise<Answer> {
    const { models } = this.deps;
    const plan = await this.plan(input);
    if (!plan.confident) return this.abstention(plan, models.extractive);
    if (models.llm) {
      try {
        const r = await generateText(llmCall(models.llm, plan));
        const figures = dropUnsupportedFigures(checkCitations(r.text, plan.valid).text, plan.texts);
        if (figures.dropped.length > 0) this.deps.onEvent?.({ type: 'invalid_citations', detail: `removed ${figures.dropped.length} sentence(s) stating figures no cited passage holds: ${figures.dropped.join(' / ').slice(0, 200)}` });
        const checked = checkCitations(figures.text, plan.valid);
        // A model's answer that does not give the body or the count asked is declined as the
        // extractive answer is (answer-gaps.ts): the passages it cites say that some did, not which or how many.
        if (checked.used.length > 0) return hasGaps(plan, input.question, checked.text) ? this.abstention(plan, models.llm.model) : this.answered(plan, checked.text, checked.used, models.llm.model);
        // The model found that the passages do not answer: that is respected, not overridden.
        if (saysNoAnswer(checked.text)) return this.abstention(plan, models.llm.model);
        this.deps.onEvent?.({ type: 'invalid_citations', detail: `the model's answer had no valid citation (${checked.removed} removed)` });
      } catch (e) {
        this.providerFailed(plan, e);
      }
    }
    const text = await this.extractive(plan, input.question);
    const checked = checkCitations(text, plan.valid);
    if (checked.used.length === 0 || text.includes(NO_ANSWER_TEXT) || hasGaps(plan, input.question, checked.text)) return this.abstention(plan, models.extractive);
    return this.answered(plan, checked.text, checked.used, models.extractive);
  }

  /**
   * The same answer as it is written: the passages first, then text deltas, then the final
   * answer. An LLM's text streams through a citation filter; when it fails midway or cites
   * nothing valid, the extractive answer follows with a note, since text already shown cannot be
   * taken back.
   */
  async *stream(input: AskInput): AsyncGenerator<AnswerStreamEvent> {
    const { models } = this.deps;
    const plan = await this.plan(input);
    yield { type: 'sources', citations: citationsOf(plan.hits, new Set()) };
    if (!plan.confident) {
      const a = this.abstention(plan, models.extractive);
      yield* sentences(a.answer);
      yield { type: 'done', answer: a };
      return;
    }
    let shown = '';
    if (models.llm) {
      const filter = new CitationStreamFilter(plan.valid, plan.texts);
      let problem: string | null = null;
      try {
        const r = streamText({ ...llmCall(models.llm, plan), onError: () => {} });
        for await (const part of r.fullStream) {
          if (part.type === 'error') throw part.error;
          if (part.type !== 'text-delta') continue;
          const out = filter.push(part.text);
          if (out) {
            shown += out;
            yield { type: 'text', delta: out };
          }
        }
        const tail = filter.flush();
        if (tail) {
          shown += tail;
          yield { type: 'text', delta: tail };
        }
        if (filter.dropped.length > 0) this.deps.onEvent?.({ type: 'invalid_citations', detail: `removed ${filter.dropped.length} sentence(s) stating figures no cited passage holds: ${filter.dropped.join(' / ').slice(0, 200)}` });
        // Text already shown cannot be taken back: an answer that does not give the body or the
        // count asked (answer-gaps.ts) is followed by the decline that names it, as one that says
        // the passages do not answer is.
        if (filter.used.size > 0 ? hasGaps(plan, input.question, shown) : saysNoAnswer(shown)) {
          const a = this.abstention(plan, models.llm.model);
          const rest = `\n\n${a.answer}`;
          yield { type: 'text', delta: rest };
          yield { type: 'done', answer: { ...a, answer: shown + rest } };
          return;
        }
        if (filter.used.size > 0) {
          const a = this.answered(plan, shown.trim(), [...filter.used].sort((x, y) => x - y), models.llm.model);
          const note = a.answer.slice(shown.trim().length);
          if (note) yield { type: 'text', delta: note };
          yield { type: 'done', answer: a };
          return;
        }
        this.deps.onEvent?.({ type: 'invalid_citations', detail: `the model's answer had no valid citation (${filter.removed} removed)` });
        problem = '根拠となる資料の番号を確認できなかったため、資料から抜粋した回答を示します。';
      } catch (e) {
        this.providerFailed(plan, e);
        problem = '回答の生成が中断されたため、資料から抜粋した回答を示します。';
      }
      if (shown !== '' && problem) {
        const lead = `\n\n(${problem})\n`;
        shown += lead;
        yield { type: 'text', delta: lead };
      }
    }
    const text = await this.extractive(plan, input.question);
    const checked = checkCitations(text, plan.valid);
    if (checked.used.length === 0 || text.includes(NO_ANSWER_TEXT) || hasGaps(plan, input.question, checked.text)) {
      const a = this.abstention(plan, models.extractive);
      yield* sentences(a.answer);
      yield { type: 'done', answer: { ...a, answer: shown + a.answer } };
      return;
    }
    const a = this.answered(plan, checked.text, checked.used, models.extractive);
    yield* sentences(a.answer);
    yield { type: 'done', answer: { ...a, answer: shown + a.answer } };
  }
}

/** Whether the extractive answer (the composer's choice of lines) lacks what the question asks (answer-gaps.ts); the decline names it. */
function hasGaps(plan: Plan, question: string, text: string): boolean {
  const gaps = answerGaps(question, text);
  plan.unmet = [...plan.unmet, ...gaps];
  return gaps.length > 0;
}

/** The call to an LLM: only the numbered passages, deterministic, no retries, bounded in time. */
function llmCall(llm: NonNullable<AnswerModels['llm']>, plan: Plan) {
  return {
    model: llm.model,
    system: SYSTEM_PROMPT,
    prompt: plan.prompt,
    maxRetries: 0,
    temperature: 0,
    abortSignal: AbortSignal.timeout(llm.timeoutMs),
  };
}

interface Plan {
  hits: Hit[];
  confidence: number;
  calibration: Calibration;
  reasons: string[];
  prompt: string;
  valid: Set<number>;
  /** Each passage's text by its number, for the figure check. */
  texts: Map<number, string>;
  frame: Pick<Answer, 'asOf' | 'indexVersion' | 'risk'>;
  confident: boolean;
  /** What the question asks for that no passage gives (RetrievalResult.unmet). */
  unmet: string[];
  /**
   * The answer carries the caution: the retrieval's confidence is below the calibration's
   * cautionBelow, or the value asked for may not answer the question (the decline model's
   * probability below its cautionBelow).
   */
  unsure: boolean;
  /** The short reply stating the value the extractive answer opens with (「約5400億円です[1]。」), when not unsure. */
  reply: string | null;
  /** The lines of the extractive answer's opening when the value model is sure of its value and nothing is doubted (0 otherwise): the whole answer. */
  opening: number;
  /** A value asked for that none of the passages' values fits, and the closest they give. */
  unfit: ({ asked: ValueKind; closest: string | null } & UnfitReason) | null;
}

export type AnswerStreamEvent =
  | { type: 'sources'; citations: Citation[] }
  | { type: 'text'; delta: string }
  | { type: 'done'; answer: Answer };

/** Does a model's answer (without valid citations) say that the passages do not answer? */
export function saysNoAnswer(text: string): boolean {
  return /記載が見当たりません|記載がありません|記載されていません|見つかりませんでした|お答えできません|回答できません/.test(text);
}

/** Text as sentence-sized deltas, as a model streams it. */
function* sentences(text: string): Generator<AnswerStreamEvent> {
  for (const delta of text.match(/[^。\n]*[。\n]?/g)?.filter((p) => p !== '') ?? [text]) yield { type: 'text', delta };
}

/** The note naming the rules revision the cited passages belong to. */
function revisionNote(hits: Hit[], used: number[]): { note: string; revision: string | null } {
  const dated = used.map((n) => hits[n - 1]).find((h) => h && (h.chunk.effectiveFrom !== null || h.chunk.effectiveTo !== null));
  const revision = dated ? revisionLabel(dated.chunk.effectiveFrom, dated.chunk.effectiveTo) : null;
  return { revision, note: revision ? `\n\n※ ${revision}(${dated?.chunk.title})に基づく回答です。` : '' };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
