// Escalation endpoints: travelers open, follow, resolve and reopen their tickets; accounting staff
// work the queue, answer and forward; the SEABIS support desk answers what was forwarded.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { requireRole, type AuthEnv } from '../auth/middleware.ts';
import type { AppDeps } from '../deps.ts';
import { TICKET_STATUSES, type Ticket } from '../escalation/tickets.ts';
import { ConversationId, FreeText, QuestionText, WellFormed, itemErrorResponses, jsonBody, jsonContent } from './schemas.ts';
import { apiErrors } from './domain-errors.ts';
import { validationHook } from './validation.ts';

const TicketId = z.string().uuid('問い合わせIDの形式が正しくありません。').openapi({ param: { name: 'id', in: 'path' }, example: '3f1c2a4e-8b1d-4f7a-9c1e-2b3d4e5f6a7b' });
const Cited = z.object({ source: WellFormed(300).pipe(z.string().min(1)), section: WellFormed(500), text: FreeText(5000, '引用', { allowEmpty: true }).optional() });

const TicketSchema = z
  .object({
    id: z.string(),
    travelerId: z.string(),
    question: z.string(),
    note: z.string().nullable(),
    conversation: z.array(z.object({ question: z.string(), answer: z.any().nullable(), at: z.string() })),
    assistantAnswer: z.any().nullable(),
    category: z.string(),
    status: z.enum(TICKET_STATUSES),
    createdAt: z.string(),
    updatedAt: z.string(),
    waitingSeconds: z.number(),
    answer: z.object({ body: z.string(), by: z.string(), citations: z.array(Cited), at: z.string() }).nullable(),
    events: z.array(z.object({ type: z.string(), actorId: z.string(), actorRole: z.string(), body: z.string().nullable(), citations: z.array(Cited), at: z.string() })),
  })
  .openapi('Ticket');
const TicketList = z.object({ tickets: z.array(TicketSchema) }).openapi('TicketList');
const errors = itemErrorResponses;

const openRoute = createRoute({
  method: 'post', path: '/api/escalations', tags: ['escalation'], summary: '会計担当職員に問い合わせる(会話と回答を添付)', security: [{ bearer: [] }],
  middleware: [requireRole('traveler')] as const,
  request: jsonBody(z.object({ question: QuestionText, conversationId: ConversationId.optional(), note: FreeText(2000, '補足').optional() }).openapi('EscalationRequest')),
  responses: { 201: jsonContent(z.object({ id: z.string(), status: z.enum(TICKET_STATUSES) }), '受付'), ...errors },
});
const mineRoute = createRoute({
  method: 'get', path: '/api/escalations/mine', tags: ['escalation'], summary: '自分の問い合わせと回答', security: [{ bearer: [] }],
  middleware: [requireRole('traveler')] as const,
  responses: { 200: jsonContent(TicketList, '自分の問い合わせ'), ...errors },
});
const queueRoute = createRoute({
  method: 'get', path: '/api/escalations', tags: ['escalation'], summary: '問い合わせの一覧(担当者)', security: [{ bearer: [] }],
  middleware: [requireRole('staff', 'helpdesk')] as const,
  request: {
    query: z.object({
      status: z.enum(TICKET_STATUSES).optional(),
      category: z.string().max(100).optional(),
      olderThanHours: z.coerce.number().min(0).max(24 * 365).optional(),
    }),
  },
  responses: { 200: jsonContent(TicketList, '一覧(待ち時間の長い順)'), ...errors },
});
const getRoute = createRoute({
  method: 'get', path: '/api/escalations/{id}', tags: ['escalation'], summary: '問い合わせの詳細', security: [{ bearer: [] }],
  middleware: [requireRole('traveler', 'staff', 'helpdesk')] as const,
  request: { params: z.object({ id: TicketId }) },
  responses: { 200: jsonContent(TicketSchema, '詳細'), ...errors },
});
const action = (path: string, summary: string, roles: Parameters<typeof requireRole>, schema: z.ZodType) =>
  createRoute({
    method: 'post', path, tags: ['escalation'], summary, security: [{ bearer: [] }],
    middleware: [requireRole(...roles)] as const,
    request: { params: z.object({ id: TicketId }), ...jsonBody(schema) },
    responses: { 200: jsonContent(TicketSchema, '更新後の問い合わせ'), ...errors },
  });
const answerRoute = action('/api/escalations/{id}/answer', '回答する(資料の引用可)', ['staff', 'helpdesk'], z.object({ answer: FreeText(5000, '回答'), citations: z.array(Cited).max(10).optional() }));
const forwardRoute = action('/api/escalations/{id}/forward', 'SEABISサポートデスクに転送する', ['staff'], z.object({ note: FreeText(2000, '転送メモ') }));
// The traveler (own ticket) or accounting staff, who own the queue, close an answered ticket; the
// support desk only answers what was forwarded. A traveler can reopen a ticket staff closed.
const resolveRoute = action('/api/escalations/{id}/resolve', '解決済みにする(旅行者本人、または会計担当職員。旅行者は再度問い合わせできる)', ['traveler', 'staff'], z.object({}).passthrough());
const reopenRoute = action('/api/escalations/{id}/reopen', '再度問い合わせる', ['traveler'], z.object({ note: FreeText(2000, '補足').optional() }));


export function escalationRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AuthEnv>({ defaultHook: validationHook });
  const ticketJson = (t: Ticket) => t as unknown as z.infer<typeof TicketSchema>;

  app.openapi(openRoute, async (c) => {
    const { conversationId, question, note } = c.req.valid('json');
    const user = c.get('user');
    const conversation = conversationId ? await deps.conversations.turns(conversationId, user.id) : [];
    // The assistant's answer to this question, when the conversation holds it.
    const last = [...conversation].reverse().find((t) => t.question === question) ?? conversation.at(-1) ?? null;
    const t = await deps.tickets.open(user, { question, note, conversation, assistantAnswer: last?.answer ?? null });
    return c.json({ id: t.id, status: t.status }, 201);
  });
  app.openapi(mineRoute, async (c) => c.json({ tickets: (await deps.tickets.mine(c.get('user'))).map(ticketJson) }, 200));
  app.openapi(queueRoute, async (c) => c.json({ tickets: (await deps.tickets.queue(c.get('user'), c.req.valid('query'))).map(ticketJson) }, 200));
  app.openapi(getRoute, async (c) => c.json(ticketJson(await apiErrors(deps.tickets.get(c.req.valid('param').id, c.get('user')))), 200));
  app.openapi(answerRoute, async (c) => {
    const b = c.req.valid('json') as { answer: string; citations?: Array<{ source: string; section: string; text?: string }> };
    return c.json(ticketJson(await apiErrors(deps.tickets.answer(c.req.valid('param').id, c.get('user'), b.answer, b.citations ?? []))), 200);
  });
  app.openapi(forwardRoute, async (c) => {
    const b = c.req.valid('json') as { note: string };
    return c.json(ticketJson(await apiErrors(deps.tickets.forward(c.req.valid('param').id, c.get('user'), b.note))), 200);
  });
  app.openapi(resolveRoute, async (c) => c.json(ticketJson(await apiErrors(deps.tickets.resolve(c.req.valid('param').id, c.get('user')))), 200));
  app.openapi(reopenRoute, async (c) => {
    const b = c.req.valid('json') as { note?: string };
    return c.json(ticketJson(await apiErrors(deps.tickets.reopen(c.req.valid('param').id, c.get('user'), b.note ?? null))), 200);
  });
  return app;
}
