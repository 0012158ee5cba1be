import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The app is a static bundle: every example's view is a lazily loaded chunk, and training runs in a
// module worker (src/worker/training.worker.ts) so the main thread only renders.
//
// Offline (conference Wi-Fi): vite-plugin-pwa generates a Workbox service worker that precaches the whole build at
// the first visit — every chunk (all examples' views and workers), the wasm binaries the worker uses, the KaTeX
// fonts (woff2), the preview images and the shipped weights — so after one visit every page loads and trains
// with the network off. The threaded wasm binary (never fetched: wasm runs single-threaded) and the older font
// formats (woff2 is used by every browser that has service workers) are left out.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      includeAssets: ['icons/icon.svg'],
      manifest: {
        name: 'Imperative Learning Playground',
        short_name: 'IL Playground',
        description:
          'Train neural networks through symbolic reasoning engines, live in the browser: the examples of imperative learning.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f8fafc',
        theme_color: '#1d4ed8',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{html,js,css,wasm,woff2,png,svg,json,bin}'],
        globIgnores: ['**/*threaded-simd*.wasm'],
        // The largest chunks (tfjs backends) are about 1.6 MB; the largest weight shard 0.8 MB.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        // `?backend=wasm`, `?present=1` open the same page.
        ignoreURLParametersMatching: [/^utm_/, /^backend$/, /^present$/],
        cleanupOutdatedCaches: true,
        // The first visit's page is controlled at once, so what it fetches later (other examples) comes from the cache.
        clientsClaim: true,
      },
    }),
  ],
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
  },
});
