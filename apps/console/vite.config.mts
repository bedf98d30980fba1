import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
/** the admin API a dev server (`npm run dev:console`) forwards API calls to */
const api = process.env.REMITD_CONSOLE_API ?? 'http://127.0.0.1:3000';
const apiPaths = [
  '/auth',
  '/users',
  '/remittances',
  '/customers',
  '/bills',
  '/repayments',
  '/statement-files',
  '/statement-alerts',
  '/statement-accounts',
  '/collection-accounts',
  '/ledger',
  '/dashboard',
  '/events',
  '/notifications',
  '/audit-log',
];

export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: path.resolve(here, '../../dist/console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: Object.fromEntries(apiPaths.map((p) => [p, { target: api, changeOrigin: false }])) },
});
