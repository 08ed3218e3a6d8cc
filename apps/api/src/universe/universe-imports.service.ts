import { Injectable } from '@nestjs/common';
import type { UserPrincipal } from '../common/principal';
import { BODY_LIMITS } from '../common/body-limits';
import { notFound } from '../common/domain-error';
import { RequestErrors } from '../common/request.errors';
import { CONTROL_CHARACTER } from '../common/request-shape';
import type { ListImportsQueryDto, UniverseImportJobDto, UniverseImportPageDto } from './dto/universe.dto';
import { UniverseImportsRepository } from './universe-imports.repository';
import { guarantorOf } from '../common/guarantor-of';

/** Bytes per stored chunk: large enough to keep the row count small, small enough to never matter in memory. */
const STORED_CHUNK_BYTES = 512 * 1024;

/** C0 controls other than tab, LF and CR, and DEL (request-shape.ts): single bytes in UTF-8, so checked on bytes. */
const isControlByte = (b: number): boolean =>
  b <= 0x08 || b === 0x0b || b === 0x0c || (b >= 0x0e && b <= 0x1f) || b === 0x7f;

/**
 * Universe imports as background jobs: the upload is streamed into PostgreSQL (universe_import_chunk)
 * a chunk at a time, then queued through the outbox; the worker parses and applies it. The request
 * handler never holds the whole file, and parsing never runs on the API's event loop.
 */
@Injectable()
export class UniverseImportsService {
  constructor(private readonly repo: UniverseImportsRepository) {}

  /** Stores the body as it arrives (≤ 20 MB, no control characters) and queues the import. */
  async start(
    actor: UserPrincipal,
    body: AsyncIterable<Buffer | string>,
    dryRun: boolean,
  ): Promise<UniverseImportJobDto> {
    const guarantorId = guarantorOf(actor);
    const id = await this.repo.create(guarantorId, actor.userId, actor.role, dryRun);
    let total = 0;
    try {
      let seq = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async (): Promise<void> => {
        if (pendingBytes === 0) return;
        await this.repo.addChunk(id, seq++, Buffer.concat(pending, pendingBytes));
        pending = [];
        pendingBytes = 0;
      };
      for await (const part of body) {
        const chunk = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
        total += chunk.byteLength;
        // The declared length was checked before reading; a chunked body is cut here at the same limit.
        if (total > BODY_LIMITS.upload) throw RequestErrors.payloadTooLarge(BODY_LIMITS.upload);
        if (chunk.some(isControlByte)) throw RequestErrors.controlCharacter('');
        pending.push(chunk);
        pendingBytes += chunk.byteLength;
        if (pendingBytes >= STORED_CHUNK_BYTES) await flush();
      }
      await flush();
    } catch (err) {
      await this.repo.discard(id);
      throw err;
    }
    await this.repo.enqueue(id, total);
    return this.get(actor, id);
  }

  /** A CSV already in memory (JSON `{ csv }` with `?async=1`), stored the same way. */
  startFromText(actor: UserPrincipal, csv: string, dryRun: boolean): Promise<UniverseImportJobDto> {
    if (CONTROL_CHARACTER.test(csv)) throw RequestErrors.controlCharacter('');
    const bytes = Buffer.from(csv, 'utf8');
    async function* parts(): AsyncGenerator<Buffer> {
      for (let i = 0; i < bytes.byteLength; i += STORED_CHUNK_BYTES) yield bytes.subarray(i, i + STORED_CHUNK_BYTES);
    }
    return this.start(actor, parts(), dryRun);
  }

  /** Another guarantor's import is simply not found. */
  async get(actor: UserPrincipal, id: string): Promise<UniverseImportJobDto> {
    const job = await this.repo.find(guarantorOf(actor), id);
    if (!job) throw notFound(`importación ${id}`, 'id');
    return job;
  }

  async list(actor: UserPrincipal, q: ListImportsQueryDto): Promise<UniverseImportPageDto> {
    const { items, total } = await this.repo.page(guarantorOf(actor), q.page, q.pageSize);
    return { items, total, page: q.page, pageSize: q.pageSize };
  }
}
