import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';

const route = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['system'],
  summary: '稼働確認',
  responses: { 200: { description: '稼働中', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } } } },
});

export function healthRoutes() {
  return new OpenAPIHono().openapi(route, (c) => c.json({ status: 'ok' as const }, 200));
}
