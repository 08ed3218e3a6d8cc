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
    },
  },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // survey-core alone is ~1 MB minified; it is split into its own lazily loaded chunk.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': api, '/docs': api, '/health': api },
  },
  preview: {
    proxy: { '/api': api, '/docs': api, '/health': api },
  },
});
