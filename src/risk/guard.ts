// The answering service as the API, the CLI and the evaluation use it: personal data is redacted
// from the question and the conversation before anything else sees them; requests for harmful
// content and attempts to override the assistant's instructions are declined; every answer is
// assessed on the four axes of the 高リスク判定シート, carries the notes the assessment calls for,
// and — when it is a risk case — is written to the audit log.
import type { AnswerStreamEvent, Answerer, AskInput } from '../answer/answerer.ts';
import type { Answer } from '../answer/types.ts';
import type { User } from '../auth/roles.ts';
import { assess, DEFAULT_RISK_SETTINGS, type Assessment, type RiskSettings } from './assess.ts';
import type { RiskEvents } from './events.ts';
import { labelledKinds, PII_NAMES, redact, type PiiKind } from './pii.ts';
import { signalsOf, type Signals } from './signals.ts';

export interface GuardedInput extends AskInput {
  /** Who asked and through what, for the audit log. */
  user?: User;
  channel?: 'ask' | 'chat';
  /** Personal data the caller already redacted from the question (so the assessment still counts it). */
  redacted?: PiiKind[];
}

export const DECLINE_HARMFUL = 'このご依頼にはお答えできません。旅費の手続やSEABISの操作についてのご質問にお答えします。不正の疑いや職場の問題については、所属の会計担当職員や相談窓口にご相談ください。';
export const DECLINE_INJECTION = '指示の変更や、システムの設定・内部情報の開示には応じられません。SEABISの操作や旅費の手続についてご質問ください。';
export const STAFF_JUDGMENT_NOTE = '※ 支給額の確定や申請の承認は、会計担当職員が行います。個別の金額や可否の確認が必要な場合は、「解決しない → 会計担当に問い合わせる」からお問い合わせください。';

function piiNote(kinds: PiiKind[]): string {
  return `※ ご質問に個人情報(${kinds.map((k) => PII_NAMES[k]).join('、')})が含まれていたため、伏せ字にして扱いました。ヘルプチャットには個人情報を入力しないでください。`;
}
const CONFIDENTIAL_NOTE = '※ 秘密区分や「取扱注意」等の表示がある情報は、ヘルプチャットに入力しないでください。';

interface Prepared {
  question: string;
  history: string[];
  pii: PiiKind[];
  signals: Signals;
  lead: string;
}

export class GuardedAnswerer {
  private readonly inner: Answerer;
  private readonly settings: RiskSettings;
  private readonly events: RiskEvents | null;

  constructor(inner: Answerer, options: { settings?: RiskSettings; events?: RiskEvents | null } = {}) {
    this.inner = inner;
    this.settings = options.settings ?? DEFAULT_RISK_SETTINGS;
    this.events = options.events ?? null;
  }

  private prepare(input: GuardedInput): Prepared {
    const q = redact(input.question);
    // The API redacts at its edge; the labels it left still count as personal data in the input.
    const pii = [...new Set([...(input.redacted ?? []), ...q.kinds, ...labelledKinds(q.text)])];
    const history = (input.history ?? []).map((h) => redact(h).text);
    const signals = signalsOf(q.text);
    const notes = [...(pii.length > 0 ? [piiNote(pii)] : []), ...(signals.confidential ? [CONFIDENTIAL_NOTE] : [])];
    return { question: q.text, history, pii, signals, lead: notes.length > 0 ? `${notes.join('\n')}\n\n` : '' };
  }

  private declined(p: Prepared): Answer | null {
    if (!p.signals.harmful && !p.signals.injection) return null;
    return {
      answer: p.lead + (p.signals.harmful ? DECLINE_HARMFUL : DECLINE_INJECTION),
      citations: [],
      escalate: false,
      confidence: 0,
      risk: { level: 'low', reasons: [] },
      revision: null,
      asOf: { date: new Date().toISOString().slice(0, 10), named: false },
      model: 'seabis-guard',
      indexVersion: '',
    };
  }

  /** The assessment of an answered question, the answer with its notes and risk, and the log entry. */
  private async finish(input: GuardedInput, p: Prepared, answer: Answer): Promise<{ answer: Answer; assessment: Assessment; tail: string }> {
    const assessment = assess(
      {
        signals: p.signals,
        pii: p.pii,
        lowConfidence: answer.risk.reasons.includes('low_confidence'),
        providerFailure: answer.risk.reasons.includes('provider_failure'),
      },
      this.settings,
    );
    const tail = p.signals.needsStaffJudgment && !answer.answer.includes(STAFF_JUDGMENT_NOTE) ? `\n\n${STAFF_JUDGMENT_NOTE}` : '';
    const out: Answer = {
      ...answer,
      answer: answer.answer + tail,
      risk: { level: assessment.level, reasons: assessment.reasons, axes: assessment.axes },
    };
    if (this.events && input.user && (assessment.level === 'high' || assessment.reasons.length > 0)) {
      await this.events.record({ user: input.user, channel: input.channel ?? 'ask', question: p.question, answer: out, assessment });
    }
    return { answer: out, assessment, tail };
  }

  async ask(input: GuardedInput): Promise<Answer> {
    const p = this.prepare(input);
    const declined = this.declined(p);
    if (declined) return (await this.finish(input, p, declined)).answer;
    const a = await this.inner.ask({ question: p.question, history: p.history });
    return (await this.finish(input, p, { ...a, answer: p.lead + a.answer })).answer;
  }

  async *stream(input: GuardedInput): AsyncGenerator<AnswerStreamEvent> {
    const p = this.prepare(input);
    const declined = this.declined(p);
    if (declined) {
      yield { type: 'sources', citations: [] };
      yield { type: 'text', delta: declined.answer };
      yield { type: 'done', answer: (await this.finish(input, p, declined)).answer };
      return;
    }
    let leadSent = false;
    for await (const e of this.inner.stream({ question: p.question, history: p.history })) {
      if (e.type === 'text' && !leadSent && p.lead) {
        leadSent = true;
        yield { type: 'text', delta: p.lead };
      }
      if (e.type !== 'done') {
        yield e;
        continue;
      }
      const { answer, tail } = await this.finish(input, p, { ...e.answer, answer: p.lead + e.answer.answer });
      if (tail) yield { type: 'text', delta: tail };
      yield { type: 'done', answer };
    }
  }
}
