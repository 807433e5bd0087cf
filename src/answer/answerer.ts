// The answering pipeline shared by /api/ask, /api/chat, `npm run ask` and `npm run eval`:
// follow-up resolution → date detection → hybrid retrieval → calibrated confidence → the model
// (an LLM when configured, else the extractive model) → citation check → fallback → the answer.
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { generateText } from 'ai';
import type { Hit } from '../retrieval/types.ts';
import { detectDate, type QuestionDate } from '../retrieval/dates.ts';
import { normalizeText } from '../text/normalize.ts';
import type { RetrievalResult, Retriever } from '../retrieval/retriever.ts';
import type { AnswerModels } from '../models/language.ts';
import { checkCitations } from './citations.ts';
import { CALIBRATION, type Calibration, confidenceOf } from './confidence.ts';
import { NO_ANSWER_TEXT } from './extractive-model.ts';
import { followUpContext } from './followup.ts';
import { SYSTEM_PROMPT, buildUserPrompt, type PromptPassage } from './prompt.ts';
import type { Answer, Citation } from './types.ts';

export const ABSTAIN_TEXT =
  'お尋ねの内容について、操作マニュアル・FAQ・規程の中に回答となる記載が見つかりませんでした。推測でお答えすることは控えます。' +
  '「解決しない → 会計担当に問い合わせる」から、この質問を会計担当職員に引き継ぐことができます。';

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

function label(h: Hit): string {
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

  /** The retrieval stage: follow-up context, the question's date, passages and their evidence. */
  async retrieve(input: AskInput): Promise<Retrieved> {
    const now = this.deps.now?.() ?? new Date();
    const context = followUpContext(withoutDates(input.question, now), input.history ?? []);
    const named = detectDate(input.question, now) ?? (context ? detectDate(context, now) : null);
    const date = named?.date ?? now.toISOString().slice(0, 10);
    // Date phrases have done their work (date ranking); left in, they would match every dated text.
    const questionText = withoutDates(input.question, now);
    const contextText = context ? withoutDates(context, now) : undefined;
    const result = await this.deps.retriever.search({ text: questionText, context: contextText, date, dateNamed: named !== null, original: input.question });
    return { ...result, context, named, date };
  }

  async ask(input: AskInput): Promise<Answer> {
    const { models } = this.deps;
    const { hits, evidence, context, named, date } = await this.retrieve(input);
    const calibration = this.deps.calibration ?? CALIBRATION;
    const confidence = hits.length > 0 ? confidenceOf(evidence, calibration) : 0;
    const reasons: string[] = [];
    const base = {
      asOf: { date, named: named !== null },
      indexVersion: this.deps.indexVersion(),
      risk: { level: 'low' as const, reasons },
    };
    const citations = (cited: Set<number>): Citation[] =>
      hits.map((h, i) => ({
        n: i + 1,
        source: h.chunk.source,
        title: h.chunk.title,
        section: h.chunk.section,
        page: h.chunk.page,
        text: h.chunk.text,
        score: Math.round(h.score * 1000) / 1000,
        cited: cited.has(i + 1),
        effectiveFrom: h.chunk.effectiveFrom,
        effectiveTo: h.chunk.effectiveTo,
      }));
    const abstain = (model: string): Answer => {
      reasons.push('low_confidence');
      return { ...base, answer: ABSTAIN_TEXT, citations: citations(new Set()), escalate: true, confidence: round(Math.min(confidence, calibration.threshold - 0.01)), revision: null, model };
    };
    if (hits.length === 0 || confidence < calibration.threshold) return abstain(modelName(models.extractive));

    const passages: PromptPassage[] = hits.map((h, i) => ({ n: i + 1, label: label(h), text: h.chunk.text }));
    const revisionHint = named ? `${named.phrase}(${jaDate(date)}時点)に有効な制度` : null;
    const prompt = buildUserPrompt({ question: input.question, history: context ? context.split('\n') : [], passages, revision: revisionHint });
    const valid = new Set(passages.map((p) => p.n));

    let text: string | null = null;
    let model = models.extractive;
    if (models.llm) {
      try {
        const r = await generateText({
          model: models.llm.model,
          system: SYSTEM_PROMPT,
          prompt,
          maxRetries: 0,
          temperature: 0,
          abortSignal: AbortSignal.timeout(models.llm.timeoutMs),
        });
        const checked = checkCitations(r.text, valid);
        if (checked.used.length > 0) {
          text = checked.text;
          model = models.llm.model;
        } else {
          this.deps.onEvent?.({ type: 'invalid_citations', detail: `the model's answer had no valid citation (${checked.removed} removed)` });
        }
      } catch (e) {
        reasons.push('provider_failure');
        this.deps.onEvent?.({ type: 'provider_failure', detail: (e as Error).message.slice(0, 300) });
      }
    }
    if (text === null) {
      const r = await generateText({ model: models.extractive, system: SYSTEM_PROMPT, prompt, maxRetries: 0 });
      text = r.text;
    }
    const checked = checkCitations(text, valid);
    if (checked.used.length === 0 || text.includes(NO_ANSWER_TEXT)) return abstain(modelName(model));

    const usedHits = checked.used.map((n) => hits[n - 1]).filter((h): h is Hit => h !== undefined);
    const dated = usedHits.find((h) => h.chunk.effectiveFrom !== null || h.chunk.effectiveTo !== null);
    const revision = dated ? revisionLabel(dated.chunk.effectiveFrom, dated.chunk.effectiveTo) : null;
    const note = revision ? `\n\n※ ${revision}(${dated?.chunk.title})に基づく回答です。` : '';
    return {
      ...base,
      answer: checked.text + note,
      citations: citations(new Set(checked.used)),
      escalate: false,
      confidence: round(confidence),
      revision,
      model: modelName(model),
    };
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
