import { passageLabel } from '../src/answer/answerer.ts';
import { DIRECT_MODEL, candidates, fitOf } from '../src/answer/extractive/direct.ts';
import { scoreSentences } from '../src/answer/extractive/scoring.ts';
import { loadConfigOrExit } from './lib/args.ts';
import { openRuntime } from '../src/runtime/node.ts';
const config = await loadConfigOrExit();
const { answerer } = await openRuntime(config, { indexDir: '/tmp/seedidx' });
const q = process.argv[2]!;
const { hits } = await answerer.retrieve({ question: q });
const all = scoreSentences(q, [], hits.map((h, i) => ({ n: i + 1, label: passageLabel(h), text: h.chunk.text })));
for (const c of candidates(q, all).map((c) => ({ c, z: fitOf(DIRECT_MODEL, c.x) })).sort((a, b) => b.z - a.z).slice(0, 8))
  console.log(c.z.toFixed(2), c.c.value, c.c.kind, c.c.x.map((v) => v.toFixed(2)).join(' '), '|', c.c.s.text.slice(0, 50));
