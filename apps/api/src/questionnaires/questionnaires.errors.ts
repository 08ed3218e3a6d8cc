import type { LintIssue, SheetIssue } from '@apertura/questionnaire';
import { DomainError } from '../common/domain-error';
import type { SheetIssueDto } from './dto/questionnaire.dto';

/** Errors of questionnaires: definitions, spreadsheets and versions (Spanish first). */
export const QuestionnaireErrors = {
  /** A new version of a slug must keep the kind of the versions before it. */
  kindChange: (slug: string, latestKind: string, kind: string): DomainError =>
    new DomainError(
      'QUESTIONNAIRE_KIND_MISMATCH',
      {
        es: `«${slug}» es un cuestionario de tipo ${latestKind}; una nueva versión no puede ser de tipo ${kind}. Use otro slug.`,
        en: `'${slug}' is a ${latestKind} questionnaire; a new version cannot be of kind ${kind}. Use another slug.`,
      },
      'kind',
    ),
  /** The linter's refusal: the first issue words it and names the field, all of them travel in details.issues. */
  invalid: (errors: readonly LintIssue[]): DomainError => {
    const first = errors[0];
    const more = errors.length - 1;
    return new DomainError(
      'QUESTIONNAIRE_INVALID',
      {
        es: `${first.message.es}${more ? ` (y ${more} problema(s) más)` : ''}`,
        en: `${first.message.en}${more ? ` (and ${more} more problem(s))` : ''}`,
      },
      first.path,
      { issues: errors },
    );
  },
  /** 422 with every problem, each with its spreadsheet line (row + 2: line 1 is the header). */
  sheetInvalid: (issues: readonly SheetIssue[]): DomainError => {
    const withLines: SheetIssueDto[] = issues.map((i) => ({
      ...i,
      ...(i.row !== undefined ? { line: i.row + 2 } : {}),
    }));
    const first = withLines[0];
    const where = (lang: 'es' | 'en'): string =>
      first.line !== undefined
        ? (lang === 'es' ? `Línea ${first.line}` : `Line ${first.line}`) +
          (first.question ? ` (${first.question}): ` : ': ')
        : '';
    const more = issues.length - 1;
    return new DomainError(
      'QUESTIONNAIRE_SHEET_INVALID',
      {
        es: `${where('es')}${first.message.es}${more ? ` (y ${more} problema(s) más)` : ''}`,
        en: `${where('en')}${first.message.en}${more ? ` (and ${more} more problem(s))` : ''}`,
      },
      'content',
      { issues: withLines },
    );
  },
} as const;
