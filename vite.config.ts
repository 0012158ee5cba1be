import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is a static bundle: every example's view is a lazily loaded chunk, and training runs in a
// module worker (src/worker/training.worker.ts) so the main thread only renders.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
  },
});
