import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  // A static site: relative asset paths so the built `dist/` works from any folder on any host.
  base: './',
  resolve: {
    // The provider packages import node:crypto for their webhook verifiers, which the page never calls.
    alias: [
      {
        find: /^(node:)?crypto$/,
        replacement: fileURLToPath(new URL('./src/no-node-crypto.ts', import.meta.url)),
      },
    ],
  },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
