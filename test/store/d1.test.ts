// The store tests that matter most, run again on D1 (workerd's real local D1 through Miniflare)
// through the same SQL port and migrations the Worker uses: the ticket conflict rule, the
// append-only hash-chained audit log, per-user conversations.
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/audit/log.ts';
import { TicketError, TicketService } from '../../src/escalation/tickets.ts';
import { SqlConversationStore } from '../../src/store/conversations.ts';
import { HashedNgramEmbedder } from '../../src/retrieval/embeddings/hashed.ts';
import { D1VectorizeIndex } from '../../src/retrieval/workers/d1-vectorize-index.ts';
import { D1Sql, type D1Like } from '../../src/store/d1.ts';
import { applyMigrations } from '../helpers/d1.ts';

let mf: Miniflare;
let n = 0;

/** A fresh, migrated D1 database per test (each binding is its own database). */
async function freshD1(): Promise<{ d1: D1Like; sql: D1Sql }> {
  const d1 = (await mf.getD1Database(`DB${n++}`)) as unknown as D1Like;
  await applyMigrations(d1);
  return { d1, sql: new D1Sql(d1) };
}

beforeAll(async () => {
  mf = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response("ok"); } };',
    compatibilityDate: '2026-05-01',
    d1Databases: Array.from({ length: 8 }, (_, i) => `DB${i}`),
  });
  await mf.ready;
}, 60_000);
afterAll(async () => {
  await mf?.dispose();
});

describe('on D1', () => {
  it('lets only one of two simultaneous staff answers through', async () => {
    const { sql } = await freshD1();
    const tickets = new TicketService(sql);
    const t = await tickets.open({ id: 't', role: 'traveler' }, { question: '質問', conversation: [], assistantAnswer: null });
    const results = await Promise.allSettled([
      tickets.answer(t.id, { id: 's1', role: 'staff' }, '回答1'),
      tickets.answer(t.id, { id: 's2', role: 'staff' }, '回答2'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as TicketError).code).toBe('conflict');
    expect(await sql.first('SELECT count(*) AS n FROM ticket_events WHERE type = ?', ['answered'])).toEqual({ n: 1 });
  });

  it('keeps the audit log append-only and names an edited record', async () => {
    const { sql } = await freshD1();
    const log = new AuditLog(sql);
    await Promise.all(Array.from({ length: 12 }, (_, i) => log.append('settings', { i })));
    expect(await log.verify()).toMatchObject({ ok: true, count: 12, firstBad: null });
    await expect(sql.run("UPDATE audit_records SET data = '{}' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(sql.run('DELETE FROM audit_records WHERE seq = 1')).rejects.toThrow(/append-only/);
    await sql.run('DROP TRIGGER audit_records_no_update');
    await sql.run('UPDATE audit_records SET data = ? WHERE seq = 5', ['{"i":99}']);
    expect((await log.verify()).firstBad).toEqual({ seq: 5, problem: expect.stringContaining('altered') });
  });

  it('keeps conversations per user', async () => {
    const { sql } = await freshD1();
    const s = new SqlConversationStore(sql);
    await s.record('c1', 'alice', '領収書をなくした', null);
    await s.record('c1', 'bob', '別の質問', null);
    expect((await s.turns('c1', 'alice')).map((t) => t.question)).toEqual(['領収書をなくした']);
    expect((await s.turns('c1', 'bob')).map((t) => t.question)).toEqual(['別の質問']);
  });
});

describe('the D1/Vectorize index on D1', () => {
  it('refuses to open with other embeddings than the index was built with, saying what to do', async () => {
    const { sql } = await freshD1();
    const vectors = { query: async () => ({ matches: [] }), upsert: async () => ({}), deleteByIds: async () => ({}) };
    const hashed = new HashedNgramEmbedder();
    await sql.run("INSERT INTO index_meta (key, value) VALUES ('embedder', ?)", [hashed.id]);
    await expect(D1VectorizeIndex.open(sql, vectors as never, hashed)).resolves.toBeDefined();
    const other = { id: '@cf/baai/bge-m3:1024', dims: 1024, embed: async () => [] };
    await expect(D1VectorizeIndex.open(sql, vectors as never, other)).rejects.toThrow(/built with embeddings .*WORKERS_AI_EMBEDDINGS_MODEL/s);
  });
});
