import { defineConfig } from 'vitest/config';

// The browser tests drive the BUILT page (`vite build` runs first, see package.json), so no aliases here.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Installing chromium from Debian when it is missing can take a few minutes.
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
