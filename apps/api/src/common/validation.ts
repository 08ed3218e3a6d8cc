import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

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

/** DTO validation: unknown properties are refused, values are transformed to their declared types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
