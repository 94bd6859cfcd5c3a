import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The web UI is built into web/dist and served by the API server itself (src/http/ui.ts).
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ command }) => {
  // a build is always a production build, also when started from the test run (NODE_ENV=test)
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});

const config = {
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npx vite --config web/vite.config.ts` next to `npm start` for live editing.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
};
