// Thumbs up/down on an answer. The judged answer (the conversation's latest) is kept with the
// rating; a thumbs-down answers with the offer to escalate, as an abstention does.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { ASKING_ROLES, requireRole, type AuthEnv } from '../auth/middleware.ts';
import type { AppDeps } from '../deps.ts';
import { assess } from '../risk/assess.ts';
import { signalsOf } from '../risk/signals.ts';
import { ApiError } from '../lib/errors.ts';
import { ConversationId, FreeText, errorResponses } from './schemas.ts';
import { validationHook } from './validation.ts';

const route = createRoute({
  method: 'post', path: '/api/feedback', tags: ['answer'], summary: '回答を評価する(👍/👎)', security: [{ bearer: [] }],
  middleware: [requireRole(...ASKING_ROLES)] as const,
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ conversationId: ConversationId, rating: z.enum(['up', 'down']), comment: FreeText(2000, 'コメント', { allowEmpty: true }).optional() }).openapi('Feedback') } },
    },
  },
  responses: {
    201: {
      description: '記録しました',
      content: { 'application/json': { schema: z.object({ id: z.string(), offerEscalation: z.boolean(), message: z.string() }) } },
    },
    ...errorResponses,
  },
});

export function feedbackRoutes(deps: AppDeps) {
  const newId = deps.newId ?? (() => crypto.randomUUID());
  return new OpenAPIHono<AuthEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
    const { conversationId, rating, comment } = c.req.valid('json');
    const user = c.get('user');
    const last = (await deps.conversations.turns(conversationId, user.id, 1)).at(-1);
    if (!last) throw new ApiError(404, 'not_found', 'この会話は見つかりません。');
    const id = newId();
    const note = comment || null;
    await deps.feedback.record({ id, userId: user.id, conversationId, rating, comment: note, question: last.question, answer: last.answer });
    const down = rating === 'down';
    if (down) {
      // A thumbs-down is a risk case: the answer the user judged goes to the audit log.
      const assessment = assess({ signals: signalsOf(last.question), pii: [], negativeFeedback: true }, deps.riskSettings);
      await deps.risk.record({ user, channel: 'feedback', question: last.question, answer: last.answer, assessment, detail: note ?? undefined });
    }
    return c.json(
      {
        id,
        offerEscalation: down,
        message: down
          ? 'ご評価ありがとうございます。解決しない場合は「解決しない → 会計担当に問い合わせる」から、この会話を添えて会計担当職員に問い合わせることができます。'
          : 'ご評価ありがとうございます。',
      },
      201,
    );
  });
}
