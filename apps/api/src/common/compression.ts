import compression from 'compression';
import { constants } from 'zlib';
import type { Request, RequestHandler, Response } from 'express';

/**
 * HTTP compression of what the API sends: Brotli where the browser accepts it, else gzip. A national
 * round's overview downloads ≈ 2.1 MB of JSON (every institution's values for the scatter plot);
 * compressed it is about a fifth, which is what decides a page's time on a phone's connection (the
 * built web app's files come precompressed, see static-assets.ts). The fastest settings keep
 * almost all of the reduction (2.1 MB → 0.45 MB of distribution JSON in ≈ 7 ms, against 0.39 MB in
 * ≈ 22 ms at Brotli's default quality) and cost the API's cores little.
 *
 * Not compressed:
 *  - results streams (`text/event-stream`): each event must leave at once, and a compressor holds
 *    bytes back until it has enough of them;
 *  - downloads (`Content-Disposition: attachment`): they stream with backpressure, an idle timeout
 *    and a deadline (docs/open-data.md) that count the bytes the client takes, which a compressor
 *    in between would blur;
 *  - small bodies (under 1 KB), where the headers cost more than they save.
 */
export function compressionMiddleware(): RequestHandler {
  return compression({
    threshold: 1024,
    level: constants.Z_BEST_SPEED,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } },
    filter: (req: Request, res: Response) => {
      const type = String(res.getHeader('Content-Type') ?? '');
      if (type.startsWith('text/event-stream')) return false;
      if (String(res.getHeader('Content-Disposition') ?? '').startsWith('attachment')) return false;
      return compression.filter(req, res);
    },
  });
}
