/**
 * docs/method.md quotes numbers, status meanings and reason sentences: this keeps it in step with the
 * library. The worked example's numbers come from scripts/method-example.ts, which runs the library;
 * if a number changes, run that script and paste its tables into both language sections.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { exampleTable } from '../../../scripts/method-example';
import { MISSING_SENTENCES, REASON_SENTENCES, STATUS_LABELS, STATUS_MEANINGS } from './reasons-text';
import { METHOD_ID, METHOD_VERSION } from './settings';
import { VOLUNTEER_SAMPLE_NOTICE } from './notice';

const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'method.md'), 'utf8');
const [es, en] = doc.split('## English version');

describe('docs/method.md', () => {
  it('is Spanish first, then English, and names the method it follows', () => {
    expect(en).toBeDefined();
    for (const part of [es, en]) {
      expect(part).toContain(`\`${METHOD_ID}\``);
      expect(part).toContain(`\`${METHOD_VERSION}\``);
    }
  });

  it.each(['es', 'en'] as const)('the worked example (%s) quotes what the library computes', (lang) => {
    const section = lang === 'es' ? es : en;
    for (const line of exampleTable(lang)) expect(section).toContain(line);
  });

  it.each(['es', 'en'] as const)('every status and reason (%s) reads as in the shared table', (lang) => {
    const section = lang === 'es' ? es : en;
    for (const [code, label] of Object.entries(STATUS_LABELS)) {
      expect(section).toContain(
        `| \`${code}\` | ${label[lang]} | ${STATUS_MEANINGS[code as keyof typeof STATUS_MEANINGS][lang]} |`,
      );
    }
    // A missing-value code that is also a status rule (no_citizen_data) is listed once, as the rule.
    const missingOnly = Object.entries(MISSING_SENTENCES).filter(
      ([code]) => !Object.prototype.hasOwnProperty.call(REASON_SENTENCES, code),
    );
    for (const [code, words] of [...Object.entries(REASON_SENTENCES), ...missingOnly]) {
      expect(section).toContain(`| \`${code}\` | ${words[lang]} |`);
    }
  });

  it('carries the volunteer-sample notice and what the intervals do not cover, in both languages', () => {
    expect(es).toContain(VOLUNTEER_SAMPLE_NOTICE.es);
    expect(en).toContain(VOLUNTEER_SAMPLE_NOTICE.en);
    expect(es).toContain('**El sesgo de selección**');
    expect(en).toContain('**Selection bias**');
  });
});
