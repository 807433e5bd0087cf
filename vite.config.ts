// The web UI: a React app in web/, built into web/dist, which the Hono app serves.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      onwarn(warning, warn) {
        // swr (used by @ai-sdk/react) marks its modules 'use client' for React Server Components;
        // this is a client-only bundle, where the directive means nothing and dropping it is right.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use client"')) return;
        warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
