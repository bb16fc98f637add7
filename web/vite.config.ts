// Builds the explorer (web/) into web/dist, which the server serves at /. Relative asset paths, so the
// build also works behind a path prefix; no source maps in the bundle the server ships by default.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    sourcemap: process.env.CSKG_WEB_SOURCEMAP === '1',
  },
  server: {
    proxy: { '/graphql': process.env.CSKG_API ?? 'http://127.0.0.1:4000' },
  },
});
