import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is served from app://reestr/ in Electron and from 127.0.0.1 in the web mode: relative paths.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No inline scripts or eval: the CSP allows neither.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
});
