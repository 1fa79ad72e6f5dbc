import { useSim } from '../simStore';

/** Resolves once the store computes no new run (a sliced change has been installed, or none began). */
export const computed = () =>
  new Promise<void>((resolve) => {
    if (!useSim.getState().computing) return resolve();
    const stop = useSim.subscribe((s) => {
      if (s.computing) return;
      stop();
      resolve();
    });
  });
