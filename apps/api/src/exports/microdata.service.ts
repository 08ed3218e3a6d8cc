import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { Readable, Transform } from 'stream';
import { DataSource } from 'typeorm';
import type { UserPrincipal } from '../common/principal';
import { AuditService } from '../common/audit/audit.service';
import { guarantorOf } from '../common/guarantor-of';
import { ExportSlots } from './export-slots';
import { csvWriter } from './export-writers';
import {
  answerCells,
  CODEBOOK_COLUMNS,
  codebookRows,
  MicrodataDataset,
  MicrodataFile,
  MicrodataLayout,
  microdataLayout,
  Row,
  toCells,
} from './microdata';
import { ExportsRepository, MicrodataRound } from './exports.repository';
import { xlsxChunks, XlsxSheet } from './xlsx-writer';
import { RoundErrors } from '../common/rounds/rounds.errors';

const FILENAME: Record<MicrodataDataset, string> = {
  answers: 'respuestas',
  verdicts: 'veredictos',
  citizen_reports: 'reportes-ciudadanos',
};

type RawRow = Record<string, unknown>;

/** Raw row → cells keyed by column: dates as ISO text, jsonb answers spread over the variable columns. */
function shape(
  dataset: MicrodataDataset,
  layout: MicrodataLayout,
  titles: Map<string, { es: string; en: string }>,
): (raw: RawRow) => Row {
  return (raw) => {
    const row: Row = {};
    for (const [k, v] of Object.entries(raw)) {
      if (k === 'data') continue;
      row[k] =
        v instanceof Date
          ? v.toISOString()
          : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null
            ? v
            : String(v);
    }
    if (dataset === 'verdicts') {
      const t = titles.get(String(raw.question_name));
      row.question_title_es = t?.es ?? null;
      row.question_title_en = t?.en ?? null;
    } else Object.assign(row, answerCells(raw.data, layout.variables[dataset]));
    return row;
  };
}

function mapper(fn: (raw: RawRow) => Row): Transform {
  return new Transform({
    objectMode: true,
    transform(chunk: RawRow, _enc, cb) {
      cb(null, fn(chunk));
    },
  });
}

/**
 * Staff microdata of a round (issue #15, item 3): the submitted self-reports, the verdicts and the
 * citizen reports, one row per record, validators under a per-round pseudonym and no personal data
 * of citizens; CSV per dataset, or one XLSX workbook with every dataset and the codebook. Streamed
 * from cursors on the read connection inside the shared export slots, and audit-logged.
 */
@Injectable()
export class MicrodataService {
  constructor(
    // Reads on the read connection; the primary only for the audit entry of each download.
    private readonly repo: ExportsRepository,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly slots: ExportSlots,
    private readonly audit: AuditService,
  ) {}

  async send(
    actor: UserPrincipal,
    roundId: string,
    file: MicrodataFile,
    fileName: string,
    opts: { bom: boolean },
    res: Response,
  ): Promise<void> {
    const round = await this.ownedRound(actor, roundId);
    const layout = microdataLayout(await this.repo.questionnaireVersions(round.id));
    // Recorded once a slot is held and before the bytes leave: a download cut halfway still happened.
    const record = () =>
      this.audit.record(this.ds.manager, actor, {
        action: 'microdata.download',
        entityType: 'round',
        entityId: round.id,
        guarantorId: round.guarantorId,
        details: { file: fileName, bom: opts.bom },
      });
    res.setHeader('Cache-Control', 'private, no-store');
    if (round.synthetic) res.setHeader('X-Apertura-Synthetic', 'true');
    const base = `apertura-${round.id}`;
    const what = `microdata ${fileName} of round ${round.id}`;
    const csvHeaders = (name: string) => ({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${base}-${name}.csv"`,
    });

    if (file.kind === 'codebook') {
      await this.slots.stream(what, res, csvHeaders('libro-de-codigos'), async () => {
        await record();
        return [Readable.from(codebookRows(layout)), csvWriter(CODEBOOK_COLUMNS, opts)];
      });
      return;
    }
    const titles = new Map(layout.codebook[0].map((v) => [v.name, v.title]));
    if (file.kind === 'dataset') {
      const dataset = file.dataset;
      await this.slots.stream(what, res, csvHeaders(FILENAME[dataset]), async () => {
        await record();
        const rows = await this.repo.openMicrodata(dataset, round.id);
        return [rows, mapper(shape(dataset, layout, titles)), csvWriter(layout.columns[dataset], opts)];
      });
      return;
    }
    const headers = {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${base}-microdatos.xlsx"`,
    };
    await this.slots.stream(what, res, headers, async () => {
      await record();
      const sheet = (dataset: MicrodataDataset): XlsxSheet => ({
        name: dataset,
        columns: layout.columns[dataset],
        rows: this.cells(dataset, round.id, layout, titles),
      });
      const sheets: XlsxSheet[] = [
        sheet('answers'),
        sheet('verdicts'),
        sheet('citizen_reports'),
        {
          name: 'codebook',
          columns: CODEBOOK_COLUMNS,
          rows: codebookRows(layout).map((r) => toCells(r, CODEBOOK_COLUMNS)),
        },
      ];
      return [Readable.from(xlsxChunks(sheets), { objectMode: false })];
    });
  }

  /**
   * Rows of one sheet. The cursor opens only when the workbook reaches the sheet, so one download
   * holds one connection at a time; leaving the loop early (client gone) closes it.
   */
  private async *cells(
    dataset: MicrodataDataset,
    roundId: string,
    layout: MicrodataLayout,
    titles: Map<string, { es: string; en: string }>,
  ): AsyncGenerator<Array<Row[string]>> {
    const rows = await this.repo.openMicrodata(dataset, roundId);
    const toRow = shape(dataset, layout, titles);
    try {
      for await (const raw of rows) yield toCells(toRow(raw as RawRow), layout.columns[dataset]);
    } finally {
      rows.destroy();
    }
  }

  private async ownedRound(actor: UserPrincipal, roundId: string): Promise<MicrodataRound> {
    const round = await this.repo.findMicrodataRound(roundId, guarantorOf(actor));
    if (!round) throw RoundErrors.notFound('roundId');
    return round;
  }
}
