import type { ReactNode } from 'react';
import { ViewBoundary } from './ViewBoundary';

/** A labelled region of the workspace: screen readers and keyboard users can jump between them. */
export function Panel({
  id,
  title,
  lede,
  children,
}: {
  id: string;
  title: string;
  lede?: string;
  children: ReactNode;
}) {
  return (
    <section className={`panel ${id}`} aria-labelledby={`${id}-title`}>
      <div className="panel__head">
        <h2 id={`${id}-title`}>{title}</h2>
        {lede && <p className="panel__lede">{lede}</p>}
      </div>
      <ViewBoundary view={title}>{children}</ViewBoundary>
    </section>
  );
}
