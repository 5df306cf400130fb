import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Files of public/ that the installed app needs offline (the rest are fetched when used). */
const PUBLIC_SHELL = [
  '/favicon.svg',
  '/manifest.webmanifest',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/maskable-512.png',
];

/**
 * PWA: links the web manifest from index.html and emits /sw.js from src/client/lib/offline/service-worker.js
 * with this build's version and files to precache (the app shell and every built JS and CSS asset).
 */
function serviceWorker(): Plugin {
  return {
    name: 'valfardsnavet-service-worker',
    apply: 'build',
    transformIndexHtml() {
      return [
        { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' }, injectTo: 'head' },
        { tag: 'meta', attrs: { name: 'theme-color', content: '#0062ba' }, injectTo: 'head' },
        {
          tag: 'link',
          attrs: { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon.png' },
          injectTo: 'head',
        },
      ];
    },
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle)
        .filter((f) => !f.endsWith('.map') && f !== 'index.html')
        .sort()
        .map((f) => `/${f}`);
      const files = [...PUBLIC_SHELL, ...built];
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const template = readFileSync(here('./src/client/lib/offline/service-worker.js'), 'utf8');
      const line = /^const BUILD = .*;$/m;
      if (!line.test(template)) throw new Error('service-worker.js: the BUILD line is missing');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template.replace(line, `const BUILD = ${JSON.stringify({ version, files })};`),
      });
    },
  };
}

/** The web app lives in src/client; the server serves the build from dist/client (see registerClient). */
export default defineConfig({
  root: here('./src/client'),
  publicDir: here('./public'),
  plugins: [react(), serviceWorker()],
  build: {
    outDir: here('./dist/client'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
