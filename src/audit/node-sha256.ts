// SHA-256 for the audit log on Node: node:crypto's synchronous hash, the same bytes and hex as Web
// Crypto's (TextEncoder and Node both encode UTF-8, lone surrogates as U+FFFD). An append then
// needs no trip through the event loop for its digest.
import { createHash } from 'node:crypto';

export function nodeSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
