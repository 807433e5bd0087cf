// Shared OpenAPI/zod schemas of the API.
import { z } from '@hono/zod-openapi';
import { redact } from '../risk/pii.ts';

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error');

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A string made well-formed (a lone surrogate becomes U+FFFD) before anything hashes or stores it. */
export const WellFormed = (max: number) => z.string().max(max).transform((s) => s.toWellFormed());

/**
 * Text a person typed: well-formed, trimmed, within `max` characters, without control characters,
 * and with personal data replaced by labels (【個人番号】…). Every free-text field of a request
 * uses it, so no route can store, log, hash or answer a raw My Number because it forgot to redact.
 */
export function FreeText(max: number, what: string, options: { allowEmpty?: boolean } = {}) {
  return z
    .string()
    .transform((s) => s.toWellFormed().trim())
    .pipe(
      z
        .string()
        .min(options.allowEmpty ? 0 : 1, `${what}を入力してください。`)
        .max(max, `${what}は${max.toLocaleString()}文字以内で入力してください。`)
        .refine((s) => !CONTROL.test(s), `${what}に制御文字が含まれています。`),
    )
    .transform((s) => redact(s).text)
    .openapi({ type: 'string', minLength: options.allowEmpty ? 0 : 1, maxLength: max, description: '個人情報は保存前に伏せ字にします' });
}

export const QuestionText = FreeText(2000, '質問').openapi({ example: '出張から戻ったら旅費の精算はどう請求しますか' });

export const ConversationId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'conversationId は英数字・-・_ の64文字以内です。')
  .openapi({ example: 'c-2f6a1b' });

export const CitationSchema = z
  .object({
    n: z.number().int(),
    source: z.string(),
    title: z.string(),
    section: z.string(),
    page: z.number().int().nullable(),
    text: z.string(),
    score: z.number(),
    cited: z.boolean(),
    effectiveFrom: z.string().nullable(),
    effectiveTo: z.string().nullable(),
  })
  .openapi('Citation');

export const AnswerSchema = z
  .object({
    answer: z.string(),
    citations: z.array(CitationSchema),
    escalate: z.boolean(),
    confidence: z.number(),
    risk: z.object({ level: z.enum(['low', 'medium', 'high']), reasons: z.array(z.string()) }),
    revision: z.string().nullable(),
    asOf: z.object({ date: z.string(), named: z.boolean() }),
    model: z.string(),
    indexVersion: z.string(),
    conversationId: z.string(),
  })
  .openapi('Answer');

export const errorResponses = {
  400: { description: '入力が不正', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: '認証が必要', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: '権限がない', content: { 'application/json': { schema: ErrorSchema } } },
  413: { description: '本文が大きすぎる', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

/** A JSON response of the given schema. */
export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/** A required JSON request body of the given schema. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

/** The error responses of routes that act on a stored item (tickets, FAQ entries). */
export const itemErrorResponses = { ...errorResponses, 404: jsonContent(ErrorSchema, '見つからない'), 409: jsonContent(ErrorSchema, '状態が合わない') };
