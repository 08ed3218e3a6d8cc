/** A v4 UUID; crypto.randomUUID exists only in secure contexts (https or localhost). */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * An idempotency key that survives a reload until the operation is known to have succeeded (or
 * failed for good), so a retry after a lost answer cannot submit twice.
 */
export class PendingKey {
  private memory: string | null = null;

  constructor(private readonly storageKey: string) {}

  get(): string {
    try {
      const existing = sessionStorage.getItem(this.storageKey);
      if (existing) return existing;
      const created = newUuid();
      sessionStorage.setItem(this.storageKey, created);
      return created;
    } catch {
      // Storage blocked: the key still protects retries within this page view.
      this.memory ??= newUuid();
      return this.memory;
    }
  }

  clear(): void {
    this.memory = null;
    try {
      sessionStorage.removeItem(this.storageKey);
    } catch {
      // nothing stored
    }
  }
}
