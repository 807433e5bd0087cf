// Administrators' review of risk events and the audit log: list with filters, detail with the
// evidence, review and sign-off, export (CSV or JSON with counts for the periodic report), and
// the audit log's status (head hash, verification).
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { requireRole, type AuthEnv } from '../auth/middleware.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../lib/errors.ts';
import { NoSigningKey } from '../audit/log.ts';
import { AXES } from '../risk/assess.ts';
import { RiskEventNotFound, RiskEventReviewed, RiskEvents, type RiskFilter } from '../risk/events.ts';
import { dashboardStats } from '../risk/stats.ts';
import { ErrorSchema, FreeText, itemErrorResponses, jsonBody, jsonContent } from './schemas.ts';
import { validationHook } from './validation.ts';

const REASONS = ['pii', 'confidential', 'injection', 'high_stakes', 'needs_staff_judgment', 'out_of_scope', 'harmful', 'low_confidence', 'negative_feedback', 'provider_failure'] as const;
const Filter = z.object({
  from: z.iso.datetime({ message: 'from は ISO 8601 の日時で指定してください。' }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ message: 'to は ISO 8601 の日時で指定してください。' }).or(z.iso.date()).optional(),
  level: z.enum(['low', 'medium', 'high']).optional(),
  axis: z.enum(AXES as [string, ...string[]]).optional(),
  reason: z.enum(REASONS).optional(),
  reviewed: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});
const Event = z.object({}).passthrough().openapi('RiskEvent');
const Id = z.string().uuid('IDの形式が正しくありません。');

const list = createRoute({
  method: 'get', path: '/api/admin/risk-events', tags: ['admin'], summary: 'リスクイベントの一覧(新しい順、絞り込み可)', security: [{ bearer: [] }],
  middleware: [requireRole('admin')] as const,
  request: { query: Filter },
  responses: { 200: jsonContent(z.object({ events: z.array(Event) }), '一覧'), ...itemErrorResponses },
});
const exportRoute = createRoute({
  method: 'get', path: '/api/admin/risk-events/export', tags: ['admin'], summary: '定期報告用の出力(CSV または JSON、期間・レベル・観点・理由ごとの件数付き)', security: [{ bearer: [] }],
  middleware: [requireRole('admin')] as const,
  request: { query: Filter.extend({ format: z.enum(['csv', 'json']).default('json') }) },
  responses: { 200: { description: 'CSV(UTF-8、BOM付き)または JSON', content: { 'application/json': { schema: z.any() }, 'text/csv': { schema: z.string() } } }, ...itemErrorResponses },
});
const detail = createRoute({
  method: 'get', path: '/api/admin/risk-events/{id}', tags: ['admin'], summary: 'リスクイベントの詳細(根拠一式)', security: [{ bearer: [] }],
  middleware: [requireRole('admin')] as const,
  request: { params: z.object({ id: Id }) },
  responses: { 200: jsonContent(Event, '詳細'), ...itemErrorResponses },
});
const review = createRoute({
  method: 'post', path: '/api/admin/risk-events/{id}/review', tags: ['admin'], summary: '確認して承認する(コメント付き、監査ログに記録)', security: [{ bearer: [] }],
  middleware: [requireRole('admin')] as const,
  request: { params: z.object({ id: Id }), ...jsonBody(z.object({ comment: FreeText(2000, 'コメント') })) },
  responses: { 200: jsonContent(Event, '確認済み'), ...itemErrorResponses },
});
const stats = createRoute({
  method: 'get', path: '/api/admin/stats', tags: ['admin'], summary: 'ダッシュボードの集計(日別の質問数、回答・回答不能・問い合わせ、観点・理由別のリスク、未解決の分類)', security: [{ bearer: [] }],
  middleware: [requireRole('admin')] as const,
  request: { query: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }) },
  responses: { 200: jsonContent(z.any(), '集計'), ...itemErrorResponses },
});
const status = createRoute({
  method: 'get', path: '/api/admin/audit', tags: ['admin'], summary: '監査ログの状態(先頭ハッシュ、検証結果)', security: [{ bearer: [] }],
  middleware: [requireRole('admin')] as const,
  responses: { 200: jsonContent(z.object({ ok: z.boolean(), count: z.number(), head: z.string(), firstBad: z.any() }), '状態'), ...itemErrorResponses },
});
const CheckpointSchema = z
  .object({ size: z.number().int(), head: z.string(), at: z.string(), signature: z.string(), keyId: z.string() })
  .openapi('AuditCheckpoint');
const checkpointRoute = createRoute({
  method: 'get', path: '/api/admin/audit/checkpoint', tags: ['admin'],
  summary: '監査ログのチェックポイント(件数と最後の記録のハッシュに署名したもの。ログとは別の場所に保管する)', security: [{ bearer: [] }],
  middleware: [requireRole('admin')] as const,
  responses: { 200: jsonContent(CheckpointSchema, '署名付きチェックポイント'), ...itemErrorResponses, 503: jsonContent(ErrorSchema, '署名鍵が設定されていない') },
});

function filterOf(q: z.infer<typeof Filter>): RiskFilter {
  return { ...q, reviewed: q.reviewed === undefined ? undefined : q.reviewed === 'true' } as RiskFilter;
}

function mapped<T>(p: Promise<T>): Promise<T> {
  return p.catch((e: unknown) => {
    if (e instanceof NoSigningKey) throw new ApiError(503, 'not_configured', '監査ログの署名鍵(AUDIT_SIGNING_KEY)が設定されていません。');
    if (e instanceof RiskEventNotFound) throw new ApiError(404, 'not_found', 'このリスクイベントは見つかりません。');
    if (e instanceof RiskEventReviewed) throw new ApiError(409, 'already_reviewed', 'このリスクイベントは確認済みです。');
    throw e;
  });
}

export function adminRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AuthEnv>({ defaultHook: validationHook });
  const out = (x: unknown) => x as z.infer<typeof Event>;
  app.openapi(list, async (c) => c.json({ events: (await deps.risk.list(filterOf(c.req.valid('query')))).map(out) }, 200));
  app.openapi(exportRoute, async (c) => {
    const q = c.req.valid('query');
    const events = await deps.risk.list(filterOf(q));
    // The report carries the log's current signed checkpoint (CSV: in a header), for keeping apart.
    const checkpoint = await mapped(deps.risk.audit.checkpoint());
    if (q.format === 'csv') {
      const headers = { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="risk-events.csv"', 'x-audit-checkpoint': JSON.stringify(checkpoint) };
      return c.body(RiskEvents.csv(events), 200, headers) as never;
    }
    const head = await deps.risk.audit.head();
    return c.json({ generatedAt: new Date().toISOString(), filter: q, audit: { ...head, checkpoint }, counts: RiskEvents.counts(events), events }, 200) as never;
  });
  app.openapi(detail, async (c) => c.json(out(await mapped(deps.risk.get(c.req.valid('param').id))), 200));
  app.openapi(review, async (c) => c.json(out(await mapped(deps.risk.review(c.req.valid('param').id, c.get('user'), c.req.valid('json').comment))), 200));
  app.openapi(status, async (c) => c.json(await deps.risk.audit.verify(), 200));
  app.openapi(checkpointRoute, async (c) => c.json(await mapped(deps.risk.audit.checkpoint()), 200));
  app.openapi(stats, async (c) => c.json(await dashboardStats(deps.db, deps.risk, c.req.valid('query').days), 200));
  return app;
}
