import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { uploadError } from './evidence-upload.interceptor';

describe('uploadError', () => {
  it('maps multer failures onto stable codes with the field', () => {
    const big = uploadError(new PayloadTooLargeException('File too large'));
    expect(big).toBeInstanceOf(DomainError);
    expect(big).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'file' });
    expect(uploadError(new BadRequestException('Multipart: Unexpected end of form'))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'file',
    });
  });

  it('leaves other errors alone', () => {
    const other = new NotFoundException();
    expect(uploadError(other)).toBe(other);
    const plain = new Error('x');
    expect(uploadError(plain)).toBe(plain);
  });
});
