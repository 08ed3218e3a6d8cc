import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://localhost:3000';

/**
 * Every built asset of 1 KB or more also as `.br` and `.gz` beside it, compressed once here at the
 * highest settings; the API sends them to browsers that accept them (apps/api/src/common/static-assets.ts)
 * instead of compressing the same files on every request at its fastest settings.
 */
function precompressAssets(): Plugin {
  return {
    name: 'apertura-precompress-assets',
    apply: 'build',
    writeBundle(options) {
      const dir = join(options.dir ?? resolve(here, 'dist'), 'assets');
      for (const name of readdirSync(dir)) {
        if (!/\.(js|css|json|svg)$/.test(name)) continue;
        const file = readFileSync(join(dir, name));
        if (file.length < 1024) continue;
        writeFileSync(
          join(dir, `${name}.br`),
          brotliCompressSync(file, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: file.length,
            },
          }),
        );
        writeFileSync(join(dir, `${name}.gz`), gzipSync(file, { level: constants.Z_BEST_COMPRESSION }));
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react(), precompressAssets()],
  resolve: {
    alias: {
      // The questionnaire lib's property registration only imports survey-core, so the browser
      // shares it with the server: both keep the same custom properties (component, weight, score…).
      '@apertura/questionnaire-browser': resolve(here, '../../libs/questionnaire/src/properties.ts'),
      '@apertura/reasons-text': resolve(here, '../../libs/metric/src/reasons-text.ts'),
      // The questionnaire designer lints in the browser with the server's own linter (issue #16);
      // its scoring code needs only the item scorer of libs/metric.
      '@apertura/questionnaire-designer': resolve(here, '../../libs/questionnaire/src/sheet/browser.ts'),
      '@apertura/metric': resolve(here, '../../libs/metric/src/items.ts'),
      // Questionnaire HTML is sanitised again before rendering (the API already did on save).
      '@apertura/sanitize-html': resolve(here, '../../libs/questionnaire/src/sanitize-html.ts'),
    },
  },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // survey-core + survey-react-ui are ~1.6 MB minified (≈ 360 KB gzip): one named chunk, loaded
    // only by the pages that render questionnaires.
    chunkSizeWarningLimit: 1700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React first: otherwise it is pulled into the survey group (a dependency of survey-react-ui)
            // and every page would download survey-core.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'survey', test: /node_modules[\\/]survey-(core|react-ui)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': api, '/docs': api, '/health': api },
  },
  preview: {
    proxy: { '/api': api, '/docs': api, '/health': api },
  },
});
