import { INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import helmet from 'helmet';
import { existsSync } from 'fs';
import { join } from 'path';
import { AppModule } from './app.module';
import { ErrorFilter } from './common/error.filter';
import { createValidationPipe } from './common/validation';
import { JwtService } from '@nestjs/jwt';
import { sessionLifetimeProblem } from './auth/access.guard';
import { bodyLimitMiddleware } from './common/body-limits';
import { compressionMiddleware } from './common/compression';
import { serveWebApp } from './common/static-assets';
import { ClientBudget } from './common/rate-limit.module';
import { Env, parseTrustProxy, QuietStartupLogger } from '@apertura/config';
import { readSessionCookie } from './auth/session-cookie';
import { buildOpenApiDocument } from './openapi';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Where the built web app lives (apps/web/dist), from sources or from dist/. */
export function webDistPath(): string | undefined {
  const candidates = [
    join(__dirname, '..', '..', 'web', 'dist'),
    join(__dirname, '..', '..', '..', '..', 'apps', 'web', 'dist'),
  ];
  return candidates.find((p) => existsSync(join(p, 'index.html')));
}

/** Builds the HTTP application; shared by main.ts and the e2e tests so both run the same stack. */
export async function createApp(env: Env): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env), {
    logger: new QuietStartupLogger(
      env.NODE_ENV === 'test' ? ['error'] : LEVELS.slice(0, LEVELS.indexOf(env.LOG_LEVEL) + 1),
    ),
    bodyParser: false,
  });
  // Which hops may state the client address (per-IP rate limits, audit log): TRUST_PROXY, validated at boot.
  const trusted = parseTrustProxy(env.TRUST_PROXY);
  app.set('trust proxy', 'value' in trusted ? trusted.value : 'loopback');
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
        },
      },
    }),
  );
  // The client's global budget first, so a flood costs neither memory nor a query; then bodies, with a
  // limit chosen before reading (small when anonymous), and the control-character check on every route.
  app.use(app.get(ClientBudget).middleware);
  // Responses compressed where the client accepts it (see compressionMiddleware for what is not).
  app.use(compressionMiddleware());
  const jwt = app.get(JwtService);
  app.use(
    bodyLimitMiddleware({
      validSession: (req) => {
        const [scheme, bearer] = (req.headers.authorization ?? '').split(' ');
        // The web app's session travels in its cookie; a forged cookie fails the same verification.
        const token =
          scheme === 'Bearer' && bearer ? bearer : req.headers.authorization ? undefined : readSessionCookie(req, env);
        if (!token) return false;
        try {
          return (
            sessionLifetimeProblem(jwt.verify(token), env.JWT_TTL_SECONDS, Math.floor(Date.now() / 1000)) === undefined
          );
        } catch {
          return false;
        }
      },
    }),
  );
  const origins = env.CORS_ORIGINS.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (origins.length) app.enableCors({ origin: origins, credentials: false });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();

  const doc = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs/openapi.json' });

  if (env.SERVE_WEB === 'true') {
    const web = webDistPath();
    if (web) {
      serveWebApp(app, web);
      // Client-side routes fall back to index.html; API, docs and health keep their 404s.
      app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
        if (req.method !== 'GET' || /^\/(api|docs|health)(\/|$)/.test(req.path)) return next();
        res.sendFile(join(web, 'index.html'));
      });
    } else {
      new Logger('Web').warn('apps/web/dist not found: run `npm run build:web` to serve the browser app.');
    }
  }
  return app;
}
