import { createActorContext } from '@xstate/react';
import { playbackMachine } from '../../machines/playback';
import { useSim } from '../../store/simStore';

/** The playback machine wired to the run held by the store. */
export const appPlaybackMachine = playbackMachine.provide({
  actions: {
    advance: (_, { simulatedMs }) => useSim.getState().advanceBy(simulatedMs),
    stepForward: () => useSim.getState().stepForward(),
    stepBack: () => useSim.getState().stepBack(),
    seek: (_, { tick }) => useSim.getState().seek(tick),
    reset: () => useSim.getState().reset(),
    settle: () => useSim.getState().settle(),
  },
  guards: {
    atEnd: () => useSim.getState().sim.atEnd,
  },
});

export const Playback = createActorContext(appPlaybackMachine);
