// Signed checkpoints of the audit log (after Certificate Transparency's signed tree heads, RFC
// 9162): the number of records and the hash of the last one, signed with a key that is not kept
// in the log's database. Whoever can rewrite the database cannot forge a checkpoint; a checkpoint
// kept elsewhere then exposes a log that was cut short or rewritten up to that size.
// HMAC-SHA256 through Web Crypto, so the same code runs on Node and Workers.

export interface Checkpoint {
  /** Number of records covered (the last one's sequence number). */
  size: number;
  /** Hash of record `size`. */
  head: string;
  at: string;
  /** HMAC-SHA256 over the fields above, lower-case hex. */
  signature: string;
  /** A short hash of the signing key, naming which key signed. */
  keyId: string;
}

const encoder = new TextEncoder();
const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
const fromHex = (s: string) => new Uint8Array((s.match(/../g) ?? []).map((x) => parseInt(x, 16)));

/** The exact bytes a checkpoint's signature covers. */
export function checkpointMessage(c: Pick<Checkpoint, 'size' | 'head' | 'at'>): string {
  return `seabis-audit-checkpoint/v1\n${c.size}\n${c.head}\n${c.at}`;
}

export class CheckpointSigner {
  readonly keyId: string;
  private readonly key: CryptoKey;

  private constructor(key: CryptoKey, keyId: string) {
    this.key = key;
    this.keyId = keyId;
  }

  static async fromSecret(secret: string): Promise<CheckpointSigner> {
    if (secret.length < 32) throw new Error('The audit signing key must be at least 32 characters.');
    const raw = encoder.encode(secret);
    const key = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    const id = hex(await crypto.subtle.digest('SHA-256', encoder.encode(`seabis-audit-key-id\n${secret}`))).slice(0, 16);
    return new CheckpointSigner(key, id);
  }

  async sign(size: number, head: string, at: string): Promise<Checkpoint> {
    const mac = await crypto.subtle.sign('HMAC', this.key, encoder.encode(checkpointMessage({ size, head, at })));
    return { size, head, at, signature: hex(mac), keyId: this.keyId };
  }

  /** Whether this key signed the checkpoint as it stands (constant-time comparison by Web Crypto). */
  async verify(c: Checkpoint): Promise<boolean> {
    if (c.keyId !== this.keyId || !/^[0-9a-f]{64}$/.test(c.signature)) return false;
    return crypto.subtle.verify('HMAC', this.key, fromHex(c.signature), encoder.encode(checkpointMessage(c)));
  }
}

/** When a checkpoint goes to the webhook outbox on its own: every `everyRecords` records, and at the first append after `everyHours`. */
export interface CheckpointSchedule {
  everyRecords: number;
  everyHours: number;
}
