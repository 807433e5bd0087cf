import { describe, expect, it } from 'vitest';
import { SqlConversationStore } from '../../src/store/conversations.ts';
import { NodeSqlite } from '../../src/store/node/sqlite.ts';

function store() {
  const db = new NodeSqlite(':memory:');
  db.migrate();
  return new SqlConversationStore(db);
}

describe('SqlConversationStore', () => {
  it('keeps conversations per user: another user with the same id sees nothing', async () => {
    const s = store();
    await s.record('c1', 'alice', '領収書をなくした', null);
    expect((await s.turns('c1', 'alice')).map((t) => t.question)).toEqual(['領収書をなくした']);
    expect(await s.turns('c1', 'bob')).toEqual([]);
    await s.record('c1', 'bob', '別の質問', null);
    expect((await s.turns('c1', 'alice')).map((t) => t.question)).toEqual(['領収書をなくした']);
  });
  it('returns the latest turns oldest first, with the answers given', async () => {
    const s = store();
    for (const q of ['1', '2', '3', '4']) await s.record('a', 'u', q, null);
    expect((await s.turns('a', 'u', 3)).map((t) => t.question)).toEqual(['2', '3', '4']);
  });
});
