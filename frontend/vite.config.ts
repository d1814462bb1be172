import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The backend the dev server forwards API calls to (`partner-portal serve`).
const backend = 'http://127.0.0.1:8000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Keep Vite's and Vitest's caches in the repository's one node_modules.
  cacheDir: '../node_modules/.vite',
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // Two pages: the SPA, and GraphiQL (served at /graphql to signed-in users) with its
      // editor and workers in chunks of its own, so the SPA's bundle does not carry them.
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        graphiql: fileURLToPath(new URL('graphiql/index.html', import.meta.url)),
      },
      onLog(level, log, handler) {
        // GraphiQL's modules open with "use no memo" (a hint to the React Compiler): harmless.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/graphql': backend,
      '/healthz': backend,
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
