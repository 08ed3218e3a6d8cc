import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';
import { assertRequestShape } from './request-shape';

function firstLeaf(errors: ValidationError[], prefix = ''): { field: string; message: string } | undefined {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      const message = Object.values(e.constraints)[0];
      return { field, message };
    }
    const child = firstLeaf(e.children ?? [], field);
    if (child) return child;
  }
  return undefined;
}

/** Refuses prototype keys and excessive nesting in every body, query and param before validating it. */
class ShapeCheckingValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') assertRequestShape(value);
    return super.transform(value, metadata);
  }
}

/** DTO validation: unknown properties are refused, values are transformed to their declared types. */
export function createValidationPipe(): ValidationPipe {
  return new ShapeCheckingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const leaf = firstLeaf(errors) ?? { field: undefined, message: 'invalid input' };
      return new DomainError(
        'VALIDATION_FAILED',
        { es: `Dato no válido en «${leaf.field ?? 'cuerpo'}»: ${leaf.message}.`, en: `Invalid value for '${leaf.field ?? 'body'}': ${leaf.message}.` },
        leaf.field,
      );
    },
  });
}
