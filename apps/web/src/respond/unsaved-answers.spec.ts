import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { DraftIssue } from './api';
import { messageUnderQuestion, UnsavedAnswers } from './unsaved-answers';

/** A localStorage stand-in (the unit tests run in Node, which has no window). */
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

const globals = globalThis as { window?: unknown };
let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  globals.window = { localStorage: storage };
});
afterEach(() => {
  delete globals.window;
});

const issue = (question: string): DraftIssue => ({
  question,
  title: { es: `Pregunta ${question}`, en: `Question ${question}` },
  code: 'INVALID_ANSWER',
  message: { es: 'No es válida', en: 'Not valid' },
});

describe('UnsavedAnswers', () => {
  it('keeps the values the server refused, with their messages, and drops every settled question', () => {
    const unsaved = new UnsavedAnswers('draft:r1:i1');
    const kept = unsaved.update([issue('email'), issue('missing')], { email: 'ana@', phone: '555' });
    expect(kept).toEqual({
      email: { value: 'ana@', title: issue('email').title, message: issue('email').message },
    });
    expect(new UnsavedAnswers('draft:r1:i1').load()).toEqual(kept);
    unsaved.update([], { email: 'ana@example.org' });
    expect(storage.getItem('draft:r1:i1')).toBeNull();
    expect(unsaved.load()).toEqual({});
  });

  it('ignores what it did not write: other shapes, corrupted JSON', () => {
    const unsaved = new UnsavedAnswers('k');
    storage.setItem('k', JSON.stringify({ a: { value: 1, title: 'x', message: { es: '', en: '' } }, b: 2 }));
    expect(unsaved.load()).toEqual({});
    storage.setItem('k', JSON.stringify([1, 2]));
    expect(unsaved.load()).toEqual({});
    storage.setItem('k', '{not json');
    expect(unsaved.load()).toEqual({});
  });

  it('without storage nothing is restored and nothing throws', () => {
    delete globals.window;
    const unsaved = new UnsavedAnswers('k');
    expect(unsaved.load()).toEqual({});
    expect(() => unsaved.clear()).not.toThrow();
  });
});

describe('messageUnderQuestion', () => {
  it('drops the «title»: prefix, only when it is the question’s own', () => {
    expect(messageUnderQuestion('«Correo»: no es válido', 'Correo')).toBe('no es válido');
    expect(messageUnderQuestion('«Otro»: no es válido', 'Correo')).toBe('«Otro»: no es válido');
    expect(messageUnderQuestion('no es válido', 'Correo')).toBe('no es válido');
  });
});
