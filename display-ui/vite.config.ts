import { defineConfig } from 'vite';
import { resolve } from 'node:path';

export default defineConfig({
  base: '/display/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: { display: resolve(import.meta.dirname, 'index.html'), phone: resolve(import.meta.dirname, 'phone.html') },
    },
  },
});
