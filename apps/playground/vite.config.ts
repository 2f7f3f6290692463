import { defineConfig } from 'vite';

// A static site: relative asset paths so the built `dist/` works from any folder on any host.
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      onLog(level, log, handler) {
        // The provider packages' webhook verifiers import node:crypto. The page imports only their
        // converters and the packages are side-effect free, so that code is tree-shaken away;
        // test/playground.test.ts checks the bundle holds none of it.
        if (log.message.includes('"crypto" has been externalized for browser compatibility')) return;
        handler(level, log);
      },
    },
  },
});
