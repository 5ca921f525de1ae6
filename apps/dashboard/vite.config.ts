import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Where `npm run start:dev` finds the api (the dev server proxies REST, socket.io and the queue board to it). */
const API_TARGET = process.env.DASHBOARD_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
const proxied = { target: API_TARGET, changeOrigin: false };

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    // Types and helpers shared with the server come from libs/contracts (framework-free), never re-declared here.
    alias: { '@hotline/contracts': here('../../libs/contracts/src/index.ts') },
  },
  server: {
    host: process.env.DASHBOARD_HOST ?? '127.0.0.1',
    port: Number(process.env.DASHBOARD_PORT ?? 5173),
    strictPort: true,
    proxy: {
      '/api': proxied,
      '/socket.io': { ...proxied, ws: true },
      '/admin/queues': proxied,
      '/docs': proxied,
      '/health': proxied,
    },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    target: 'es2022',
    // No source maps in the served build: they would ship the vendors' sources (and their debug console calls) to
    // every browser. `npm run start:dev` serves the sources themselves.
    sourcemap: false,
    // Ant Design's core shared by the shell and every screen is ~600 kB minified (~190 kB gzip); warn above that.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // React and socket.io change rarely: their own long-cached chunks. Ant Design is left to the automatic
        // splitting so that heavy components (Table, pickers, Upload) load with the screens that use them.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 20,
            },
            {
              name: 'realtime',
              test: /[\\/]node_modules[\\/](socket\.io-client|engine\.io-client|engine\.io-parser|socket\.io-parser|@socket\.io[\\/]component-emitter|xmlhttprequest-ssl)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
