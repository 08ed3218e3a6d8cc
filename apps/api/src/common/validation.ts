import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { RequestErrors } from './request.errors';
import { assertRequestShape } from './request-shape';

/** `design.states[0].population` rather than `design.states.0.population`: array items by index. */
function childPath(prefix: string, property: string): string {
  if (!prefix) return property;
  return /^\d+$/.test(property) ? `${prefix}[${property}]` : `${prefix}.${property}`;
}

interface Leaf {
  field: string;
  message: string;
  /** Spanish text a DTO may give a constraint as `context: { es }`; else the English one is shown. */
  es?: string;
}

function firstLeaf(errors: ValidationError[], prefix = ''): Leaf | undefined {
  for (const e of errors) {
    const field = childPath(prefix, e.property);
    if (e.constraints) {
      const [name, message] = Object.entries(e.constraints)[0];
      const context: unknown = e.contexts?.[name];
      const es =
        typeof context === 'object' && context !== null && typeof (context as { es?: unknown }).es === 'string'
          ? (context as { es: string }).es
          : undefined;
      return { field, message, es };
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
      const leaf: Partial<Leaf> = firstLeaf(errors) ?? { message: 'invalid input' };
      return RequestErrors.invalidValue(leaf.field, leaf.message, leaf.es);
    },
  });
}
