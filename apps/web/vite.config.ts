/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// `source` lets Vite and Vitest read @dari/contracts from its TypeScript sources,
// so the web app never runs against a stale build of the shared schemas.
const conditions = ['source', 'module', 'browser', 'development|production'];

// Offline (vite-plugin-pwa, Workbox): the app shell and the learner's pages are kept on the phone when
// the service worker installs; courses and media are kept as they are opened (or saved for offline).
// Only GETs are ever cached; never sign-in or other /api answers than those listed here. The learner's
// own answers (who they are, their progress) go in a cache of their own that the app deletes when the
// session ends (features/learning/offline/personal-cache.ts). The worker is registered from a file
// (registerSW.js: the CSP allows no inline script), in production builds only.
const pwa = VitePWA({
  strategies: 'generateSW',
  registerType: 'autoUpdate',
  injectRegister: 'script-defer',
  // An installed app's names show to anyone who looks at the phone: Dari and that it is a learning
  // platform, nothing about who learns here (PRODUCT.md, "Safety first"; src/app/public-pages.spec.tsx).
  manifest: {
    name: 'Dari 다리',
    short_name: 'Dari',
    description: '다리 — 온라인 배움터 · Dari — a learning platform · Dari — 在线学习平台',
    lang: 'ko',
    start_url: '/',
    display: 'standalone',
    background_color: '#f7f7f4',
    theme_color: '#1f5f8b',
    icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg}'],
    // Staff-only editors are not needed offline: a learner's phone does not download them in advance.
    globIgnores: [
      '**/course-editor-page-*.js',
      '**/lesson-editor-page-*.js',
      '**/courses-page-*.js',
      '**/new-course-page-*.js',
      '**/users-page-*.js',
      '**/new-user-page-*.js',
      '**/user-detail-page-*.js',
    ],
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/api\//],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    runtimeCaching: [
      {
        // Lesson images, audio and video: they do not change once uploaded. (These functions are copied into
        // the service worker as text: they may use nothing from this file.)
        urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/api/v1/media/'),
        handler: 'CacheFirst',
        method: 'GET',
        options: {
          cacheName: 'dari-media',
          rangeRequests: true,
          cacheableResponse: { statuses: [200] },
          expiration: { maxEntries: 300, maxAgeSeconds: 60 * 60 * 24 * 60 },
        },
      },
      {
        // The catalogue, each course, its outline and each lesson's answer (the server's HTML): fresh when
        // online, the kept copy otherwise.
        urlPattern: ({ url, sameOrigin }) =>
          sameOrigin && /^\/api\/v1\/courses(\/[^/]+(\/outline|\/lessons\/[^/]+)?)?$/.test(url.pathname),
        handler: 'NetworkFirst',
        method: 'GET',
        options: {
          cacheName: 'dari-courses',
          networkTimeoutSeconds: 4,
          cacheableResponse: { statuses: [200] },
          expiration: { maxEntries: 100 },
        },
      },
      {
        // What a lesson needs to open offline for the signed-in person: who they are, their courses and
        // progress. Deleted when the session ends; nothing else under /me, nothing of /auth.
        urlPattern: ({ url, sameOrigin }) =>
          sameOrigin &&
          (/^\/api\/v1\/(me|me\/learning)$/.test(url.pathname) ||
            /^\/api\/v1\/courses\/[^/]+\/progress$/.test(url.pathname)),
        handler: 'NetworkFirst',
        method: 'GET',
        options: {
          cacheName: 'dari-personal',
          networkTimeoutSeconds: 4,
          cacheableResponse: { statuses: [200] },
          expiration: { maxEntries: 100 },
        },
      },
    ],
  },
});

export default defineConfig({
  plugins: [react(), pwa],
  // `@/` is apps/web/src: imports read the same from any depth (tsconfig.json `paths` says the same to tsc).
  resolve: {
    conditions,
    alias: [
      { find: '@/', replacement: fileURLToPath(new URL('./src/', import.meta.url)) },
      // The few i18next features Dari uses, ~1 KiB instead of ~17 KiB gzip on the first page
      // (src/i18n/engine.ts says what is supported). Types still come from i18next and react-i18next.
      { find: /^i18next$/, replacement: fileURLToPath(new URL('./src/i18n/engine.ts', import.meta.url)) },
      { find: /^react-i18next$/, replacement: fileURLToPath(new URL('./src/i18n/react.ts', import.meta.url)) },
    ],
  },
  ssr: { resolve: { conditions: ['source'] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      // The contracts are pure declarations: importing a constant (ROLES, CLIENT_HEADER) must not pull
      // in zod (~22 KiB gzip). Pages that validate load the schemas on demand instead.
      treeshake: {
        moduleSideEffects: (id) => (id.includes('/libs/contracts/') ? false : undefined),
        manualPureFunctions: ['z'],
      },
      output: {
        // zod in a chunk of its own, so the contracts' constants the first page uses don't drag it along.
        // The libraries every first page runs (React, React DOM, react-router, TanStack Query) in one
        // chunk: one file that compresses better than the six they were split into (-2 KiB gzip), and
        // stays the same, so the phone keeps it when only Dari's code changes. The parts of TanStack
        // Query that only later pages use (infinite lists, several queries at once) stay out of it.
        codeSplitting: {
          groups: [
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            {
              name: 'vendor',
              test: (id) =>
                /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/]query-core|@tanstack[\\/]react-query)[\\/]/.test(
                  id,
                ) && !/[\\/](infiniteQueryObserver|queriesObserver|useInfiniteQuery|useQueries)\.js$/.test(id),
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.spec.{ts,tsx}'],
    css: false,
    // The files of a worker share one module registry (no isolation): on the shared 2-core machine
    // the suite took 56–82 s instead of 359 s (jsdom and the i18n setup once per worker, not per file).
    // What a file leaves behind is reset in src/test/setup.ts (storage, language, the DOM, mocks,
    // stubbed globals); the whole suite passed three runs in a row and once with the files shuffled.
    isolate: false,
    restoreMocks: true,
    unstubGlobals: true,
    // A limit, not a timing assertion: the editor tests type whole forms, which on a loaded 2-core CI
    // machine took over vitest's default 5 s.
    testTimeout: 20_000,
  },
});
