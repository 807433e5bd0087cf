// Rate limiting per user and per address, for the answering endpoints: the port, an in-memory
// fixed-window limiter (Node: one process), and the adapter for the Workers rate-limit binding.

export interface Limiter {
  /** Whether one more request under this key is allowed now; if not, how long to wait (seconds). */
  limit(key: string): Promise<{ success: boolean; retryAfter: number }>;
}

export class MemoryLimiter implements Limiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly max: number;
  private readonly periodMs: number;
  private readonly now: () => number;

  constructor(max: number, periodSeconds: number, now: () => number = Date.now) {
    this.max = max;
    this.periodMs = periodSeconds * 1000;
    this.now = now;
  }

  async limit(key: string): Promise<{ success: boolean; retryAfter: number }> {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t - w.start >= this.periodMs) {
      w = { start: t, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 100_000) this.sweep(t);
    }
    w.count++;
    const retryAfter = Math.max(1, Math.ceil((w.start + this.periodMs - t) / 1000));
    return { success: w.count <= this.max, retryAfter };
  }

  private sweep(t: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= this.periodMs) this.windows.delete(k);
  }
}

/** The Workers rate-limit binding ([[ratelimits]] in wrangler.toml). */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

export class BindingLimiter implements Limiter {
  private readonly binding: RateLimitBinding;
  private readonly periodSeconds: number;
  constructor(binding: RateLimitBinding, periodSeconds = 60) {
    this.binding = binding;
    this.periodSeconds = periodSeconds;
  }
  async limit(key: string): Promise<{ success: boolean; retryAfter: number }> {
    const { success } = await this.binding.limit({ key });
    return { success, retryAfter: this.periodSeconds };
  }
}
