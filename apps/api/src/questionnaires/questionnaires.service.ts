import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JsonObject } from '@apertura/db';
import {
  csvToRows,
  defaultInstrument,
  definitionToRows,
  jsonToRows,
  lintQuestionnaire,
  lintSheet,
  rowsToCsv,
  rowsToJson,
  rowsToXlsx,
  sanitizeDefinitionHtml,
  xlsxToRows,
} from '@apertura/questionnaire';
import type { ParsedSheet, QuestionnaireKind } from '@apertura/questionnaire';
import { AuditService } from '../common/audit/audit.service';
import type { UserPrincipal } from '../common/principal';
import { notFound } from '../common/domain-error';
import { QuestionnaireErrors } from './questionnaires.errors';
import { guarantorOf } from '../common/guarantor-of';
import { definitionChecksum } from './canonical-json';
import {
  CopyFromRoundDto,
  CreateQuestionnaireDto,
  ImportSheetDto,
  InstalledDefaultsDto,
  InstalledQuestionnaireDto,
  ListQuestionnairesQueryDto,
  QuestionnaireDto,
  QuestionnairePageDto,
  QuestionnaireSummaryDto,
  SheetFormat,
} from './dto/questionnaire.dto';
import { RoundsRepository } from '../common/rounds/rounds.repository';
import { QuestionnairesRepository, type QuestionnaireSummaryRecord } from './questionnaires.repository';

/** Slugs under which the bundled instruments are installed; a new bundled version becomes a new version here. */
const DEFAULT_SLUGS: Record<QuestionnaireKind, string> = {
  institution: 'apertura-institucional',
  citizen: 'apertura-ciudadana',
};

const toSummary = (r: QuestionnaireSummaryRecord): QuestionnaireSummaryDto => ({
  id: r.id,
  kind: r.kind,
  slug: r.slug,
  version: r.version,
  title: r.title,
  checksum: r.checksum,
  versions: r.versions,
  latest: r.version === r.latestVersion,
  createdAt: r.createdAt.toISOString(),
});

/** A readable title: the one given, else the definition's (Spanish, SurveyJS `default` locale), else the slug. */
function titleFor(given: string | undefined, definition: Record<string, unknown>, slug: string): string {
  if (given?.trim()) return given.trim();
  const t = definition.title;
  const text =
    typeof t === 'string'
      ? t
      : t && typeof t === 'object'
        ? ((t as Record<string, unknown>).default ?? (t as Record<string, unknown>).es)
        : undefined;
  return typeof text === 'string' && text.trim() ? text.trim().slice(0, 300) : slug;
}

export interface StoredVersion {
  created: boolean;
  questionnaire: QuestionnaireDto;
}

/**
 * Questionnaire versions. Rows are immutable: "changing" a questionnaire is uploading a new version
 * (lint first); an upload identical to the latest version of its slug returns that version.
 */
@Injectable()
export class QuestionnairesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly questionnaires: QuestionnairesRepository,
    private readonly rounds: RoundsRepository,
    private readonly audit: AuditService,
  ) {}

  async create(actor: UserPrincipal, dto: CreateQuestionnaireDto): Promise<StoredVersion> {
    const guarantorId = guarantorOf(actor);
    const definition = lintOrThrow(dto.definition, dto.kind);
    return this.ds.transaction((m) =>
      this.store(m, actor, guarantorId, dto.kind, dto.slug, titleFor(dto.title, definition, dto.slug), definition),
    );
  }

  async installDefaults(actor: UserPrincipal): Promise<InstalledDefaultsDto> {
    const guarantorId = guarantorOf(actor);
    return this.ds.transaction(async (m) => {
      const items: InstalledQuestionnaireDto[] = [];
      // Only the newest bundled version of each kind: new rounds use it, and versions installed
      // before stay as they are (a guarantor with citizen.v1 gets citizen.v2 as its next version).
      for (const instrument of (['institution', 'citizen'] as const).map(defaultInstrument)) {
        // The bundled instruments are linted by their own tests; linting again guards against a broken release.
        const definition = lintOrThrow(instrument.json, instrument.kind);
        const slug = DEFAULT_SLUGS[instrument.kind];
        const stored = await this.store(
          m,
          actor,
          guarantorId,
          instrument.kind,
          slug,
          titleFor(undefined, definition, slug),
          definition,
        );
        const { definition: _definition, ...summary } = stored.questionnaire;
        items.push({ ...summary, created: stored.created, instrument: instrument.version });
      }
      return { items };
    });
  }

  async list(actor: UserPrincipal, q: ListQuestionnairesQueryDto): Promise<QuestionnairePageDto> {
    const guarantorId = guarantorOf(actor);
    const { items, total } = await this.questionnaires.page(
      guarantorId,
      { kind: q.kind, slug: q.slug },
      (q.page - 1) * q.pageSize,
      q.pageSize,
    );
    return { items: items.map(toSummary), total, page: q.page, pageSize: q.pageSize };
  }

  async get(actor: UserPrincipal, id: string): Promise<QuestionnaireDto> {
    return this.read(this.ds.manager, guarantorOf(actor), id);
  }

  /** A version as a spreadsheet (one row per question) or as the rows in JSON. */
  async exportSheet(actor: UserPrincipal, id: string, format: SheetFormat): Promise<SheetFile> {
    const q = await this.read(this.ds.manager, guarantorOf(actor), id);
    const rows = definitionToRows(q.definition);
    const base = `${q.slug}-v${q.version}`;
    if (format === 'csv')
      return {
        body: Buffer.from(rowsToCsv(rows), 'utf8'),
        contentType: 'text/csv; charset=utf-8',
        filename: `${base}.csv`,
      };
    if (format === 'xlsx') {
      return {
        body: Buffer.from(rowsToXlsx(rows)),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename: `${base}.xlsx`,
      };
    }
    return {
      body: Buffer.from(rowsToJson(rows), 'utf8'),
      contentType: 'application/json; charset=utf-8',
      filename: `${base}.json`,
    };
  }

  /**
   * A spreadsheet (or the designer's rows) as a NEW version of `slug`: rows → definition, linted with
   * every problem on its row, then stored exactly as an upload (same lint, sanitising and versioning),
   * so no stored version — answered or not — ever changes.
   */
  async importSheet(actor: UserPrincipal, dto: ImportSheetDto): Promise<StoredVersion> {
    const guarantorId = guarantorOf(actor);
    const parsed = parseSheet(dto.format, dto.content);
    if (parsed.issues.length) throw QuestionnaireErrors.sheetInvalid(parsed.issues);
    const built = lintSheet(parsed.rows, dto.kind);
    if (!built.ok) throw QuestionnaireErrors.sheetInvalid(built.issues);
    const definition = lintOrThrow(built.definition, dto.kind);
    return this.ds.transaction((m) =>
      this.store(m, actor, guarantorId, dto.kind, dto.slug, titleFor(dto.title, definition, dto.slug), definition),
    );
  }

  /** Another round's instrument as a new version of `slug` (the start of a new round's questionnaire). */
  async copyFromRound(actor: UserPrincipal, dto: CopyFromRoundDto): Promise<StoredVersion> {
    const guarantorId = guarantorOf(actor);
    return this.ds.transaction(async (m) => {
      const round = await this.rounds.findOwned(m, guarantorId, dto.roundId);
      const sourceId = dto.kind === 'institution' ? round.institutionQuestionnaireId : round.citizenQuestionnaireId;
      const source = await this.questionnaires.findOwned(m, guarantorId, sourceId);
      if (!source) throw notFound('cuestionario', 'roundId');
      // Linted again: the copy is a new version and must pass today's linter, like any upload.
      const definition = lintOrThrow(source.definition, dto.kind);
      return this.store(
        m,
        actor,
        guarantorId,
        dto.kind,
        dto.slug,
        titleFor(dto.title, definition, dto.slug),
        definition,
      );
    });
  }

  private async store(
    m: EntityManager,
    actor: UserPrincipal,
    guarantorId: string,
    kind: QuestionnaireKind,
    slug: string,
    title: string,
    definition: JsonObject,
  ): Promise<StoredVersion> {
    // Serialises uploads of one slug, so versions are gap-free and never collide.
    await this.questionnaires.lockSlug(m, guarantorId, slug);
    const checksum = definitionChecksum(definition);
    const latest = await this.questionnaires.latestOfSlug(m, guarantorId, slug);
    if (latest && latest.kind !== kind) {
      throw QuestionnaireErrors.kindChange(slug, latest.kind, kind);
    }
    if (latest && latest.checksum === checksum)
      return { created: false, questionnaire: await this.read(m, guarantorId, latest.id) };
    const saved = await this.questionnaires.insert(m, {
      guarantorId,
      kind,
      slug,
      version: (latest?.version ?? 0) + 1,
      title,
      definition,
      checksum,
    });
    await this.audit.record(m, actor, {
      action: 'questionnaire.create',
      entityType: 'questionnaire',
      entityId: saved.id,
      guarantorId,
      details: { kind, slug, version: saved.version, checksum, previousVersionId: latest?.id ?? null },
    });
    return { created: true, questionnaire: await this.read(m, guarantorId, saved.id) };
  }

  private async read(m: EntityManager, guarantorId: string, id: string): Promise<QuestionnaireDto> {
    const found = await this.questionnaires.findVersion(m, guarantorId, id);
    if (!found) throw notFound('cuestionario', 'id');
    return { ...toSummary(found), definition: found.definition };
  }
}

/** Lints a definition (object or JSON text); returns it parsed, or throws QUESTIONNAIRE_INVALID with every issue. */
export function lintOrThrow(input: unknown, kind: QuestionnaireKind): JsonObject {
  const result = lintQuestionnaire(input, kind);
  if (!result.ok) {
    throw QuestionnaireErrors.invalid(result.errors);
  }
  // The linter accepted it, so text is valid JSON without forbidden keys. Its HTML is stored sanitised
  // (allow-list, libs/questionnaire/src/sanitize-html.ts): the checksum is that of what respondents get.
  return sanitizeDefinitionHtml((typeof input === 'string' ? JSON.parse(input) : input) as JsonObject);
}

export interface SheetFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

function unreadable(es: string, en: string): ParsedSheet {
  return { rows: [], issues: [{ code: 'SHEET_UNREADABLE_FILE', message: { es, en } }] };
}

function parseSheet(format: SheetFormat, content: unknown): ParsedSheet {
  if (format === 'json') {
    if (typeof content === 'string') {
      try {
        return jsonToRows(JSON.parse(content));
      } catch {
        return unreadable('El contenido no es JSON válido.', 'The content is not valid JSON.');
      }
    }
    return jsonToRows(content);
  }
  if (typeof content !== 'string') return unreadable('El contenido debe ser texto.', 'The content must be a string.');
  if (format === 'csv') return csvToRows(content);
  if (!BASE64.test(content)) return unreadable('El XLSX debe enviarse en base64.', 'The XLSX must be sent in base64.');
  return xlsxToRows(new Uint8Array(Buffer.from(content, 'base64')));
}
