import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync, readdirSync } from 'fs';
import { extname, join } from 'path';

/** Cache lifetime of the built app's hashed files: a new build has new names, so a browser never needs to ask again. */
const ONE_YEAR_SECONDS = 365 * 24 * 3600;
/** What a file name under /assets may look like (vite's `name-hash.ext`): nothing else is looked up on disk. */
const ASSET_NAME = /^[A-Za-z0-9._-]+$/;

/**
 * Serves the built web app (apps/web/dist): its hashed files under /assets cached for a year as
 * immutable, each in the Brotli or gzip form the build wrote beside it when the browser accepts one
 * (apps/web/vite.config.mts, precompressAssets), else as it is; other files (the favicon) for an hour.
 * The compression middleware leaves a response that already has its encoding alone.
 */
export function serveWebApp(app: NestExpressApplication, web: string): void {
  const assets = join(web, 'assets');
  // The build's files, listed once: a request is served only under a name that is one of them.
  const files = new Set(existsSync(assets) ? readdirSync(assets) : []);
  app.use('/assets', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const name = req.path.slice(1);
    if (!ASSET_NAME.test(name) || !files.has(name)) return next();
    res.vary('Accept-Encoding');
    // Brotli whenever it is accepted (smaller), whatever order the browser lists its encodings in.
    const encoding =
      req.acceptsEncodings('br') === 'br' ? 'br' : req.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : null;
    if (encoding === null) return next();
    const compressed = `${name}.${encoding === 'br' ? 'br' : 'gz'}`;
    if (!files.has(compressed)) return next();
    res.type(extname(name));
    res.setHeader('Content-Encoding', encoding);
    res.sendFile(join(assets, compressed), { maxAge: ONE_YEAR_SECONDS * 1000, immutable: true }, (err) => {
      if (err) next(err);
    });
  });
  app.useStaticAssets(web, {
    index: false,
    maxAge: '1h',
    setHeaders: (res, path) => {
      if (path.startsWith(assets)) res.setHeader('Cache-Control', `public, max-age=${ONE_YEAR_SECONDS}, immutable`);
    },
  });
}
