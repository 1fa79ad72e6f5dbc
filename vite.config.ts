import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

/**
 * The built site's Content-Security-Policy: only its own scripts, styles and data, no request to any
 * other origin. Style attributes need 'unsafe-inline' (React sets some). 'wasm-unsafe-eval' lets the
 * database at rest (SQLite compiled to WebAssembly) compile its own module; it allows no JavaScript
 * eval. Not in dev: Vite's dev server injects inline scripts for hot reloading.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'streamscope-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

/**
 * The scenario schemas document every field (`v.description(…)` and the field helpers `ms`,
 * `positiveMs`, `probability`, `name`, `count`, `codeField`, whose first argument is that text) for the
 * JSON Schema that `npm run schema` writes and editors read. The app never shows those texts, so the
 * browser build leaves them out (a literal argument becomes ''); validation and its messages stay.
 */
function schemaDocsOutOfBundle(): Plugin {
  const call =
    /\b(v\.description|ms|positiveMs|probability|name|count|codeField)\(\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/g;
  return {
    name: 'streamscope-schema-docs',
    apply: 'build',
    transform(code, id) {
      if (!/src\/scenarios\/(schema\/[^/]+|[A-Za-z]*(Schema|fields))\.ts$/.test(id)) return null;
      return { code: code.replace(call, "$1(''"), map: null };
    },
  };
}

export default defineConfig({
  // Relative asset URLs: the built site works from any sub-path.
  base: './',
  plugins: [
    react(),
    contentSecurityPolicy(),
    schemaDocsOutOfBundle(),
    // Offline once loaded: a service worker precaches the whole site (lazy views included), so a
    // lecture hall without a network still works. The app registers it itself once the page is idle
    // (src/ui/shell/serviceWorker.ts), so precaching never competes with the first interaction.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'Streamscope',
        short_name: 'Streamscope',
        description: 'A visual, playable simulator for learning stream processing.',
        theme_color: '#0b5c8a',
        background_color: '#f4f6f8',
        display: 'standalone',
        start_url: '.',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,json,webmanifest}'],
        navigateFallback: 'index.html',
        // The database's WebAssembly (688 KB) is not precached: it is cached the first time the
        // learner runs a query, and from then on works offline.
        runtimeCaching: [
          {
            urlPattern: /\.wasm$/,
            handler: 'CacheFirst',
            options: { cacheName: 'streamscope-wasm', expiration: { maxEntries: 4 } },
          },
        ],
      },
    }),
  ],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  // The preview serves the policy as a header too, as a host would: a worker (the database's) takes
  // its policy from its own response, not from the page's meta tag.
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Test files share one module graph per worker: each file re-importing the engine and its
    // dependencies cost about 45 % of the unit run on two cores. No file relies on fresh module
    // state; a run with the files in shuffled order passes too (--sequence.shuffle.files).
    isolate: false,
    // Property suites run a thousand random scenarios; on two busy cores that can take tens of seconds.
    testTimeout: 60_000,
  },
});
