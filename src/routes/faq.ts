// The FAQ loop's endpoints: staff propose an answered ticket as an FAQ entry; a second person
// approves it (never the proposer); entries can be withdrawn; everyone on staff can list them.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { requireRole, type AuthEnv } from '../auth/middleware.ts';
import type { AppDeps } from '../deps.ts';
import type { FaqEntry } from '../escalation/faq.ts';
import { FreeText, WellFormed, itemErrorResponses, jsonBody, jsonContent } from './schemas.ts';
import { apiErrors } from './domain-errors.ts';
import { validationHook } from './validation.ts';

const Id = z.string().uuid('IDの形式が正しくありません。');
const Cited = z.object({ source: WellFormed(300).pipe(z.string().min(1)), section: WellFormed(500), text: FreeText(5000, '引用', { allowEmpty: true }).optional(), hash: z.string().max(128).optional() });
const Status = z.enum(['proposed', 'approved', 'needs_review', 'withdrawn']);
const Entry = z
  .object({
    id: z.string(), ticketId: z.string().nullable(), question: z.string(), answer: z.string(), citations: z.array(Cited), status: Status,
    proposedBy: z.string(), approvedBy: z.string().nullable(), expiresAt: z.string().nullable(), reviewReason: z.string().nullable(),
    createdAt: z.string(), updatedAt: z.string(),
  })
  .openapi('FaqEntry');
const errors = itemErrorResponses;

const propose = createRoute({
  method: 'post', path: '/api/faq', tags: ['faq'], summary: '回答済みの問い合わせをFAQとして提案する', security: [{ bearer: [] }],
  middleware: [requireRole('staff')] as const,
  request: jsonBody(
    z.object({
      ticketId: Id,
      question: FreeText(2000, '質問').optional(),
      answer: FreeText(5000, '回答').optional(),
      citations: z.array(Cited).max(10).optional(),
      expiresAt: z.iso.datetime({ message: 'expiresAt は ISO 8601 の日時で指定してください。' }).optional(),
    }),
  ),
  responses: { 201: jsonContent(Entry, '提案しました'), ...errors },
});
const list = createRoute({
  method: 'get', path: '/api/faq', tags: ['faq'], summary: 'FAQエントリーの一覧', security: [{ bearer: [] }],
  middleware: [requireRole('staff', 'helpdesk', 'admin')] as const,
  request: { query: z.object({ status: Status.optional() }) },
  responses: { 200: jsonContent(z.object({ entries: z.array(Entry) }), '一覧'), ...errors },
});
const approve = createRoute({
  method: 'post', path: '/api/faq/{id}/approve', tags: ['faq'], summary: 'FAQを承認する(提案者以外)', security: [{ bearer: [] }],
  middleware: [requireRole('staff', 'admin')] as const,
  request: { params: z.object({ id: Id }) },
  responses: { 200: jsonContent(Entry, '承認しました'), ...errors },
});
const withdraw = createRoute({
  method: 'post', path: '/api/faq/{id}/withdraw', tags: ['faq'], summary: 'FAQを取り下げる', security: [{ bearer: [] }],
  middleware: [requireRole('staff', 'admin')] as const,
  request: { params: z.object({ id: Id }), ...jsonBody(z.object({ note: FreeText(2000, 'メモ', { allowEmpty: true }).optional() })) },
  responses: { 200: jsonContent(Entry, '取り下げました'), ...errors },
});


export function faqRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AuthEnv>({ defaultHook: validationHook });
  const out = (e: FaqEntry) => e as unknown as z.infer<typeof Entry>;
  app.openapi(propose, async (c) => c.json(out(await apiErrors(deps.faq.propose(c.get('user'), c.req.valid('json')))), 201));
  app.openapi(list, async (c) => c.json({ entries: (await deps.faq.list(c.req.valid('query').status)).map(out) }, 200));
  app.openapi(approve, async (c) => c.json(out(await apiErrors(deps.faq.approve(c.req.valid('param').id, c.get('user')))), 200));
  app.openapi(withdraw, async (c) => c.json(out(await apiErrors(deps.faq.withdraw(c.req.valid('param').id, c.get('user'), c.req.valid('json').note ?? null))), 200));
  return app;
}
