import { defineConfig } from 'vite';
import { resolve } from 'node:path';

export default defineConfig({
  base: '/kiosk/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // the feedback tablet (/feedback) is the kiosk's second page: same build, same pairing
    rollupOptions: {
      input: { kiosk: resolve(import.meta.dirname, 'index.html'), feedback: resolve(import.meta.dirname, 'feedback.html') },
    },
  },
});
