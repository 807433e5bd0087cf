// POST /api/ask: one question (optionally in a conversation) → the cited answer.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { ASKING_ROLES, requireRole, type AuthEnv } from '../auth/middleware.ts';
import type { AppDeps } from '../deps.ts';
import { AnswerSchema, ConversationId, QuestionText, errorResponses } from './schemas.ts';
import { validationHook } from './validation.ts';

const AskBody = z.object({ question: QuestionText, conversationId: ConversationId.optional() }).openapi('AskRequest');

const route = createRoute({
  method: 'post',
  path: '/api/ask',
  tags: ['answer'],
  summary: '質問に資料から回答する(引用付き)',
  security: [{ bearer: [] }],
  middleware: [requireRole(...ASKING_ROLES)] as const,
  request: { body: { required: true, content: { 'application/json': { schema: AskBody } } } },
  responses: {
    200: { description: '回答', content: { 'application/json': { schema: AnswerSchema } } },
    ...errorResponses,
  },
});

export function askRoutes(deps: AppDeps) {
  const newId = deps.newId ?? (() => crypto.randomUUID());
  return new OpenAPIHono<AuthEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
    // The question arrives redacted and well-formed (QuestionText): nothing raw goes further.
    const { conversationId, question } = c.req.valid('json');
    const user = c.get('user');
    const id = conversationId ?? newId();
    const history = (await deps.conversations.turns(id, user.id)).map((t) => t.question);
    const answer = await deps.answerer.ask({ question, history, user, channel: 'ask' });
    await deps.conversations.record(id, user.id, question, answer);
    return c.json({ ...answer, conversationId: id }, 200);
  });
}
