import { defineConfig } from 'vite';

export default defineConfig({
  base: '/staff/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
