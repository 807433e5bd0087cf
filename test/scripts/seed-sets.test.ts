// The blind seed sets stay out of every fit: no file is both a development (fitted) set and a blind one,
// and the fitted model says it was fitted on the development sets only.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BLIND_SETS, SEED_SETS } from '../../scripts/lib/evaluate-seeds.ts';

describe('seed question sets', () => {
  it('keeps the blind sets apart from the sets the models are fitted on', () => {
    const fitted = new Set<string>(Object.values(SEED_SETS));
    for (const blind of Object.values(BLIND_SETS)) expect(fitted.has(blind)).toBe(false);
  });
  it('ships a value model whose record of what it was fitted on names no blind set', () => {
    const model = JSON.parse(readFileSync(new URL('../../src/answer/extractive/direct-model.json', import.meta.url), 'utf8')) as { fittedOn: string };
    for (const blind of Object.values(BLIND_SETS)) expect(model.fittedOn).not.toContain(blind);
    for (const set of Object.values(SEED_SETS)) expect(model.fittedOn).toContain(set);
  });
});
