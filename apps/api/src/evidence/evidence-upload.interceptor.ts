import {
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  NestInterceptor,
  Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { EvidenceErrors } from './evidence.errors';
import { EVIDENCE_LIMITS } from './evidence.service';

/**
 * multer without `storage`/`dest` keeps the upload in memory (never on disk), bounded: one file of
 * ≤ 10 MB and a couple of small fields. Filenames are read as UTF-8 (busboy's default is latin1).
 */
const MulterFile: Type<NestInterceptor> = FileInterceptor('file', {
  defParamCharset: 'utf8',
  limits: {
    fileSize: EVIDENCE_LIMITS.maxFileBytes,
    files: 1,
    fields: 4,
    fieldSize: 1024,
    fieldNameSize: 100,
    parts: 6,
    headerPairs: 50,
  },
});

/** multer's failures as stable codes: too large → PAYLOAD_TOO_LARGE, anything malformed → VALIDATION_FAILED. */
export function uploadError(err: unknown): unknown {
  if (!(err instanceof HttpException)) return err;
  if (err.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE) {
    return EvidenceErrors.fileTooLarge();
  }
  if (err.getStatus() === HttpStatus.BAD_REQUEST) {
    return EvidenceErrors.uploadFormMalformed(err.message);
  }
  return err;
}

/** Reads the multipart `file` part with the limits above and maps multer's errors onto domain codes. */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly multer = new MulterFile();

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(ctx, next);
    } catch (err) {
      throw uploadError(err);
    }
  }
}
