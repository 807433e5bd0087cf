// Elliptical follow-ups (「海外の場合は？」「それって領収書いる？」) lean on the previous question:
// they are detected by shape, and the earlier question becomes retrieval context.
import { prepare, words } from '../text/tokenize.ts';

const CONNECTIVE = /^(じゃあ|じゃ|では|それでは|それなら|なら|その場合|それって|それは|あと|ちなみに|また|では、|ところで|で、)/u;
const ELLIPTICAL_END = /(は|だと|なら|では|の場合は|の場合|って|も|については|だったら|でしたら|だったら\?|のときは|の時は)[?？]?$/u;
const DEMONSTRATIVE = /(それ|その|これ|この|あれ|あの|そこ|同じ)/u;

export function isFollowUp(question: string): boolean {
  const q = prepare(question).trim();
  const content = words(q);
  if (CONNECTIVE.test(q)) return true;
  if (q.length <= 14 && ELLIPTICAL_END.test(q)) return true;
  if (content.length <= 2 && q.length <= 16) return true;
  return DEMONSTRATIVE.test(q) && q.length <= 24;
}

/** The earlier question that a follow-up leans on (the latest self-contained one), or null. */
export function followUpContext(question: string, history: string[]): string | null {
  if (history.length === 0 || !isFollowUp(question)) return null;
  // Walk back to the last question that stood on its own, keeping the chain in between.
  const chain: string[] = [];
  for (let i = history.length - 1; i >= 0 && chain.length < 3; i--) {
    const h = history[i] ?? '';
    chain.unshift(h);
    if (!isFollowUp(h)) break;
  }
  return chain.join('\n');
}
