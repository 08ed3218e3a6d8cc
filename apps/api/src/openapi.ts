import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The API's OpenAPI document: served at /docs (bootstrap.ts) and turned into the web's types by
 * `npm run api:types` (scripts/openapi.ts). One function so both read the same contract.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Apertura API')
      .setDescription(
        'Diagnósticos de apertura institucional: rondas, autoevaluaciones, validación ciudadana y la métrica de apertura con su incertidumbre. ' +
          'Every error is JSON `{ code, message, messages: { es, en }, field? }` with a stable `code`.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Invitation-Token' }, 'invitation')
      .build(),
  );
}
