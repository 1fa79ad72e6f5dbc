/**
 * Offline support: a service worker precaches the whole site, lazy views included (vite.config.ts).
 * Installing it downloads every chunk, which on two busy cores competed with the first keypress
 * (e2e/loading.spec.ts). So it is registered only after the page has loaded, a short pause has
 * passed and the main thread is idle; a learner who stays a few seconds is offline-ready.
 */
const PAUSE_AFTER_LOAD_MS = 2000;
const IDLE_TIMEOUT_MS = 5000;

export function registerServiceWorkerWhenIdle(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((error: unknown) => {
      // The app works without it; only offline use is lost, so say so in the console and go on.
      console.warn('Streamscope will not work offline: the service worker was not registered.', error);
    });
  };
  const whenIdle = () =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(register, { timeout: IDLE_TIMEOUT_MS })
      : register();
  const afterPause = () => window.setTimeout(whenIdle, PAUSE_AFTER_LOAD_MS);
  if (document.readyState === 'complete') afterPause();
  else window.addEventListener('load', afterPause, { once: true });
}
