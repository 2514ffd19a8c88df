// Build configuration: Preact, hashed assets under dist/assets, no inline scripts (the server's CSP
// allows only 'self').
/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [preact()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // Never inline assets as data: URLs into JS/CSS; keep every asset a separate hashed file.
    assetsInlineLimit: 0,
    // Vite's modulepreload polyfill is an inline-free module, but we target modern browsers anyway.
    modulePreload: { polyfill: false },
    target: 'es2020',
  },
  server: {
    // During `npm run dev`, forward the API to a locally running motcua.
    proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
