import { defineConfig } from 'vite';

// Plain esbuild JSX (no plugin needed); the bundle lands in the jar's webroot/ so the service serves it at /.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  define: { global: 'globalThis' },
  build: { outDir: '../target/classes/openutm-editor', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8989', '/operations': 'http://127.0.0.1:8989',
    '/health': 'http://127.0.0.1:8989', '/eventbus': { target: 'http://127.0.0.1:8989', ws: true },
    '/run-scenario-async': 'http://127.0.0.1:8989', '/stop-scenario': 'http://127.0.0.1:8989' } },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
