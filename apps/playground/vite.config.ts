import { defineConfig } from 'vite';

// A static site: relative asset paths so the built `dist/` works from any folder on any host.
export default defineConfig({
  base: './',
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
