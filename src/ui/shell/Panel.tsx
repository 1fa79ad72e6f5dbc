import { type ReactNode, useRef } from 'react';
import { spotlightClass, useRoute } from '../../store/route';
import {
  InstallWaveContext,
  useInView,
  ViewFollowContext,
  ViewPlayingContext,
  viewFollow,
} from '../../viz/viewSim';
import { ExportMenu } from '../export/ExportMenu';
import { Playback } from '../transport/playback';
import { ViewBoundary } from './ViewBoundary';
import './Panel.css';

/** A labelled region of the workspace: screen readers and keyboard users can jump between them. */
export function Panel({
  id,
  title,
  lede,
  turn = 1,
  wave = 0,
  children,
}: {
  id: string;
  title: string;
  lede?: string;
  /** Its turn while playing fast (viz/viewSim.ts): the costliest views take turn 0, the others 1. */
  turn?: 0 | 1;
  /**
   * Its wave when a large new run is installed (store `installing`): the costliest views draw it a
   * frame or more after the rest, so no task draws them all (issue 19: 170–220 ms after a what-if).
   */
  wave?: 0 | 1 | 2 | 3;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  // A lesson step may point at this view (spotlit) or at others (dimmed).
  const spotlight = useRoute((s) => s.spotlight);
  // Out of sight, its views do not follow the run while playing (viz/viewSim.ts).
  const playing = Playback.useSelector((s) => s.matches('playing'));
  const speed = Playback.useSelector((s) => s.context.speed);
  const follow = viewFollow(useInView(ref), playing, speed, turn);
  return (
    <section
      className={`panel ${id}${spotlightClass(spotlight, id)}`}
      aria-labelledby={`${id}-title`}
      ref={ref}
    >
      <div className="panel__head">
        <div className="panel__titlebar">
          <h2 id={`${id}-title`}>{title}</h2>
          <ExportMenu panelId={id} title={title} panel={ref} />
        </div>
        {lede && <p className="panel__lede">{lede}</p>}
      </div>
      <ViewPlayingContext value={playing}>
        <ViewFollowContext value={follow}>
          <InstallWaveContext value={wave}>
            <ViewBoundary view={title}>{children}</ViewBoundary>
          </InstallWaveContext>
        </ViewFollowContext>
      </ViewPlayingContext>
    </section>
  );
}
