import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The Tauri shell loads ui/dist from inside the binary; `tauri dev` uses the dev server.
export default defineConfig({
  plugins: [svelte()],
  // Relative asset URLs: the rater's page (rate.html) is served by the room under its code,
  // http://ADDRESS:PORT/CODE/, so its assets must resolve next to it, not at the root.
  base: './',
  clearScreen: false,
  server: { port: 1420, strictPort: true, host: '127.0.0.1' },
  build: {
    target: 'safari15',
    outDir: 'dist',
    emptyOutDir: true,
    // Keep everything in files: the CSP allows no inline scripts or styles.
    assetsInlineLimit: 0,
    // The audience window on the projector loads its own small page, and so do the raters'
    // phones (served by the room, not by the app's window).
    rollupOptions: { input: { main: 'index.html', audience: 'audience.html', rate: 'rate.html' } },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
