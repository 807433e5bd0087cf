// POST /api/chat: the ai SDK UI message stream (what useChat consumes). The latest user message
// is the question, earlier user messages are the conversation; citations are sent as
// source-document parts before the text, and the answer's metadata as a data part.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { createUIMessageStream, createUIMessageStreamResponse, type UIMessage } from 'ai';
import { ASKING_ROLES, requireRole, type AuthEnv } from '../auth/middleware.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../lib/errors.ts';
import { ConversationId, FreeText, QuestionText, errorResponses } from './schemas.ts';
import { validationHook } from './validation.ts';

// Every text part is typed by a person (or echoes what they typed): well-formed and redacted at the edge.
const Part = z.object({ type: z.string().max(64), text: FreeText(20_000, 'メッセージ', { allowEmpty: true }).optional() }).passthrough();
const Message = z.object({
  id: z.string().max(128).optional(),
  role: z.enum(['user', 'assistant', 'system']),
  parts: z.array(Part).max(100),
});
const ChatBody = z
  .object({ id: z.string().max(128).optional(), messages: z.array(Message).min(1).max(100), trigger: z.string().max(64).optional() })
  .passthrough()
  .openapi('ChatRequest');

const route = createRoute({
  method: 'post',
  path: '/api/chat',
  tags: ['answer'],
  summary: '回答をストリーミングで返す(ai SDK UI message stream、引用は source-document パート)',
  security: [{ bearer: [] }],
  middleware: [requireRole(...ASKING_ROLES)] as const,
  request: { body: { required: true, content: { 'application/json': { schema: ChatBody } } } },
  responses: {
    200: { description: 'Server-Sent Events: UI message stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses,
  },
});

function textOf(m: z.infer<typeof Message>): string {
  return m.parts.map((p) => (p.type === 'text' ? (p.text ?? '') : '')).join('').trim();
}

export function chatRoutes(deps: AppDeps) {
  return new OpenAPIHono<AuthEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
    const { messages, id: chatId } = c.req.valid('json');
    const users = messages.filter((m) => m.role === 'user').map(textOf).filter((t) => t !== '');
    const last = users.at(-1);
    const parsed = QuestionText.safeParse(last ?? '');
    if (!parsed.success) throw new ApiError(400, 'invalid_request', `messages: ${parsed.error.issues[0]?.message ?? '質問がありません。'}`);
    const question = parsed.data;
    const history = users.slice(0, -1).slice(-10);
    const user = c.get('user');
    const events = deps.answerer.stream({ question, history, user, channel: 'chat' })[Symbol.asyncIterator]();
    // The first event (the passages) comes after retrieval; a failure there is a plain HTTP error.
    const first = await events.next();
    const stream = createUIMessageStream<UIMessage>({
      execute: async ({ writer }) => {
        writer.write({ type: 'start' });
        let started = false;
        for (let r = first; !r.done; r = await events.next()) {
          const e = r.value;
          if (e.type === 'sources') {
            for (const cit of e.citations) {
              writer.write({
                type: 'source-document',
                sourceId: `citation-${cit.n}`,
                mediaType: 'text/plain',
                title: [cit.title, cit.section].filter(Boolean).join(' › ') + (cit.page !== null ? ` (p.${cit.page})` : ''),
                filename: cit.source,
                providerMetadata: { seabis: { n: cit.n, title: cit.title, section: cit.section, page: cit.page, text: cit.text, score: cit.score } },
              });
            }
          } else if (e.type === 'text') {
            if (!started) writer.write({ type: 'text-start', id: 'answer' });
            started = true;
            writer.write({ type: 'text-delta', id: 'answer', delta: e.delta });
          } else {
            if (started) writer.write({ type: 'text-end', id: 'answer' });
            const a = e.answer;
            // The exchange is kept under the chat's id, so feedback and escalation can attach it.
            if (chatId && ConversationId.safeParse(chatId).success) await deps.conversations.record(chatId, user.id, question, a);
            writer.write({
              type: 'data-answer',
              data: {
                escalate: a.escalate,
                confidence: a.confidence,
                risk: a.risk,
                revision: a.revision,
                asOf: a.asOf,
                model: a.model,
                cited: a.citations.filter((c) => c.cited).map((c) => c.n),
              },
            });
          }
        }
        writer.write({ type: 'finish', finishReason: 'stop' });
      },
      onError: () => '回答の生成中にエラーが発生しました。時間をおいて再度お試しください。',
    });
    return createUIMessageStreamResponse({ stream }) as never;
  });
}
