// vite.config.ts — builds the page into web/dist, a static folder any web
// server can host. The worker entry lives in wasm-bindings/ and imports the
// Emscripten module as 'corio-wasm' (built by `scripts/build wasm`).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
// CORIO_WASM_MODULE builds the page against another build of the module.
const wasmModule =
  process.env.CORIO_WASM_MODULE ?? fileURLToPath(new URL('../build/wasm/wasm-bindings/corio.mjs', import.meta.url));

export default defineConfig({
  base: './',
  resolve: {
    alias: { 'corio-wasm': wasmModule },
  },
  worker: { format: 'es' },
  server: {
    host: '127.0.0.1',
    fs: { allow: [root, dirname(wasmModule)] },
  },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: false,
  },
});
