import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.ts';

describe('parseConfig', () => {
  it('has working defaults with no settings at all', () => {
    expect(parseConfig({})).toMatchObject({ port: 8787, dataDir: './data', corpusDir: './corpus', llm: null, embeddings: null, env: 'development' });
  });
  it('reads an LLM and embeddings endpoint', () => {
    const c = parseConfig({ LLM_BASE_URL: 'http://127.0.0.1:9/v1', LLM_MODEL: 'm', EMBEDDINGS_BASE_URL: 'http://127.0.0.1:9/v1', EMBEDDINGS_MODEL: 'e', PORT: '9000' });
    expect(c.llm).toMatchObject({ baseURL: 'http://127.0.0.1:9/v1', model: 'm', timeoutMs: 20000 });
    expect(c.embeddings).toMatchObject({ model: 'e' });
    expect(c.port).toBe(9000);
  });
  it('lists every bad setting with what to do', () => {
    let err: unknown;
    try {
      parseConfig({ PORT: '99999', LLM_BASE_URL: 'not a url', AUTH_SECRET: 'short', EMBEDDINGS_MODEL: 'x' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    for (const key of ['PORT', 'LLM_BASE_URL', 'AUTH_SECRET', 'EMBEDDINGS_BASE_URL']) expect(msg).toContain(key);
    expect(msg).toContain('at least 32 characters');
  });
  it('treats empty strings as unset', () => {
    expect(parseConfig({ PORT: '', LLM_BASE_URL: '' }).llm).toBeNull();
  });
});
