// Every endpoint × every role: no token → 401, a role the endpoint does not admit → 403, an
// admitted role gets past authorization (whatever the state of the data then says).
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/auth/roles.ts';
import { createTestApp } from '../helpers/app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let ticketId: string;

const ANY = null;
const ENDPOINTS: Array<{ method: 'GET' | 'POST'; path: () => string; body?: unknown; roles: Role[] | null }> = [
  { method: 'GET', path: () => '/healthz', roles: ANY },
  { method: 'GET', path: () => '/openapi.json', roles: ANY },
  { method: 'GET', path: () => '/api/session/demo-accounts', roles: ANY },
  { method: 'GET', path: () => '/api/session', roles: ANY },
  { method: 'POST', path: () => '/api/ask', body: { question: '領収書をなくした' }, roles: ['traveler', 'staff', 'helpdesk', 'admin'] },
  { method: 'POST', path: () => '/api/chat', body: { messages: [{ role: 'user', parts: [{ type: 'text', text: '領収書をなくした' }] }] }, roles: ['traveler', 'staff', 'helpdesk', 'admin'] },
  { method: 'POST', path: () => '/api/feedback', body: { conversationId: 'c1', rating: 'down' }, roles: ['traveler', 'staff', 'helpdesk', 'admin'] },
  { method: 'POST', path: () => '/api/escalations', body: { question: '領収書をなくした' }, roles: ['traveler'] },
  { method: 'GET', path: () => '/api/escalations/mine', roles: ['traveler'] },
  { method: 'GET', path: () => '/api/escalations', roles: ['staff', 'helpdesk'] },
  { method: 'GET', path: () => `/api/escalations/${ticketId}`, roles: ['traveler', 'staff', 'helpdesk'] },
  { method: 'POST', path: () => `/api/escalations/${ticketId}/answer`, body: { answer: '回答' }, roles: ['staff', 'helpdesk'] },
  { method: 'POST', path: () => `/api/escalations/${ticketId}/forward`, body: { note: '転送' }, roles: ['staff'] },
  { method: 'POST', path: () => `/api/escalations/${ticketId}/resolve`, body: {}, roles: ['traveler', 'staff'] },
  { method: 'POST', path: () => `/api/escalations/${ticketId}/reopen`, body: {}, roles: ['traveler'] },
  { method: 'GET', path: () => '/api/admin/risk-events', roles: ['admin'] },
  { method: 'GET', path: () => '/api/admin/risk-events/export?format=csv', roles: ['admin'] },
  { method: 'GET', path: () => '/api/admin/risk-events/3f1c2a4e-8b1d-4f7a-9c1e-2b3d4e5f6a7b', roles: ['admin'] },
  { method: 'POST', path: () => '/api/admin/risk-events/3f1c2a4e-8b1d-4f7a-9c1e-2b3d4e5f6a7b/review', body: { comment: '確認' }, roles: ['admin'] },
  { method: 'GET', path: () => '/api/admin/audit', roles: ['admin'] },
  { method: 'GET', path: () => '/api/admin/audit/checkpoint', roles: ['admin'] },
  { method: 'POST', path: () => '/api/faq', body: { ticketId: '3f1c2a4e-8b1d-4f7a-9c1e-2b3d4e5f6a7b' }, roles: ['staff'] },
  { method: 'GET', path: () => '/api/faq', roles: ['staff', 'helpdesk', 'admin'] },
  { method: 'POST', path: () => '/api/faq/3f1c2a4e-8b1d-4f7a-9c1e-2b3d4e5f6a7b/approve', body: {}, roles: ['staff', 'admin'] },
  { method: 'POST', path: () => '/api/faq/3f1c2a4e-8b1d-4f7a-9c1e-2b3d4e5f6a7b/withdraw', body: {}, roles: ['staff', 'admin'] },
];

beforeAll(async () => {
  t = await createTestApp();
  const traveler = { id: 'traveler-1', role: 'traveler' as const };
  ticketId = (await t.tickets.open(traveler, { question: '領収書をなくした', conversation: [], assistantAnswer: null })).id;
});

async function call(e: (typeof ENDPOINTS)[number], role: Role | null): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (role) headers.authorization = `Bearer ${await t.token(role)}`;
  const r = await t.app.request(e.path(), { method: e.method, headers, ...(e.body !== undefined ? { body: JSON.stringify(e.body) } : {}) });
  return r.status;
}

describe('role matrix', () => {
  for (const e of ENDPOINTS) {
    it(`${e.method} ${e.path().replace(/[0-9a-f-]{36}/, ':id')}`, async () => {
      const noToken = await call(e, null);
      if (e.roles === ANY) {
        expect(noToken).toBe(200);
        return;
      }
      expect(noToken).toBe(401);
      for (const role of ROLES) {
        const status = await call(e, role);
        if (e.roles.includes(role)) expect([401, 403], `${role} should be admitted`).not.toContain(status);
        else expect(status, `${role} should be refused`).toBe(403);
      }
    });
  }
});
