import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://localhost:3000';

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
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
