import { describe, expect, it } from 'vitest';
import { MemoryConversationStore } from '../../src/store/conversations.ts';

describe('MemoryConversationStore', () => {
  it('keeps conversations per user: another user with the same id sees nothing', async () => {
    const s = new MemoryConversationStore();
    await s.append('c1', 'alice', '領収書をなくした');
    expect(await s.history('c1', 'alice')).toEqual(['領収書をなくした']);
    expect(await s.history('c1', 'bob')).toEqual([]);
    await s.append('c1', 'bob', '別の質問');
    expect(await s.history('c1', 'alice')).toEqual(['領収書をなくした']);
  });
  it('bounds turns and conversations, dropping the least recently used', async () => {
    const s = new MemoryConversationStore(2, 3);
    for (const q of ['1', '2', '3', '4']) await s.append('a', 'u', q);
    expect(await s.history('a', 'u')).toEqual(['2', '3', '4']);
    await s.append('b', 'u', 'x');
    await s.append('c', 'u', 'y');
    expect(await s.history('a', 'u')).toEqual([]);
    expect(await s.history('c', 'u')).toEqual(['y']);
  });
});
