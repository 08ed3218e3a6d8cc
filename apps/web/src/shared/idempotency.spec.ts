import { afterEach, describe, expect, it } from '@jest/globals';
import { newUuid, PendingKey } from './idempotency';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A sessionStorage stand-in (the unit tests run in Node, which has none). */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.items.set(k, v);
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
}

const globals = globalThis as { sessionStorage?: unknown };

afterEach(() => {
  delete globals.sessionStorage;
});

describe('newUuid', () => {
  it('is a v4 UUID, also where crypto.randomUUID is missing (plain http)', () => {
    expect(newUuid()).toMatch(V4);
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 50 }, () => newUuid()));
      expect(ids.size).toBe(50);
      for (const id of ids) expect(id).toMatch(V4);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});

describe('PendingKey', () => {
  it('keeps one key in sessionStorage until cleared (a reload retries with the same key)', () => {
    const storage = new MemoryStorage();
    globals.sessionStorage = storage;
    const key = new PendingKey('submit:1');
    const first = key.get();
    expect(first).toMatch(V4);
    expect(new PendingKey('submit:1').get()).toBe(first);
    expect(storage.getItem('submit:1')).toBe(first);
    key.clear();
    expect(storage.getItem('submit:1')).toBeNull();
    expect(key.get()).not.toBe(first);
  });

  it('without storage, still one key for this page view until cleared', () => {
    // No sessionStorage at all: every access throws, as when storage is blocked.
    const key = new PendingKey('submit:2');
    const first = key.get();
    expect(key.get()).toBe(first);
    key.clear();
    expect(key.get()).not.toBe(first);
  });
});
