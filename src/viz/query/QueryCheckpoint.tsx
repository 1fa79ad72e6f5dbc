import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CheckpointFile } from '../../engine';
import type { useSim } from '../../store/simStore';
import { secs } from './format';
import './QueryCheckpoint.css';
import { useViewSim } from '../viewSim';

const selectCheckpoint = (s: ReturnType<typeof useSim.getState>) => ({ sim: s.sim, tick: s.tick });

/** What each folder of the checkpoint location is for (MicroBatchExecution, OffsetSeqLog, CommitLog, StateStore). */
const FOLDERS: readonly { readonly folder: string; readonly about: string }[] = [
  { folder: 'metadata', about: 'the query id: a restart with the same checkpoint is the same query' },
  {
    folder: 'sources',
    about: 'where each source started (the Kafka source keeps its positions here, not in Kafka)',
  },
  { folder: 'offsets', about: 'written before batch N runs: its offset ranges, watermark and timestamp' },
  { folder: 'commits', about: 'written after batch N’s sink succeeded: the watermark for the next batch' },
  { folder: 'state', about: 'the state store, one version per batch (version N + 1 after batch N)' },
];

/**
 * The checkpoint location as Spark lays it out, with the files written by the moment shown, and the
 * file sink's _spark_metadata log. Every file opens to what it holds.
 */
export function QueryCheckpoint() {
  const { sim } = useViewSim(useShallow(selectCheckpoint));
  const [open, setOpen] = useState<string | null>(null);
  const q = sim.query();
  const spec = sim.scenario.spec.query;
  if (!q || !spec) return null;
  const now = sim.timeMs;
  // A file written again (a re-run batch's state version) shows once, as last written by now.
  const latest = new Map<string, CheckpointFile>();
  for (const f of q.files) if (f.writtenAtMs <= now) latest.set(f.path, f);
  const files = [...latest.values()];
  const root = spec.checkpointLocation;
  const inFolder = (folder: string) =>
    files.filter((f) => f.path === `${root}/${folder}` || f.path.startsWith(`${root}/${folder}/`));
  const sinkFiles = files.filter((f) => !f.path.startsWith(`${root}/`));
  const shown = files.find((f) => f.path === open) ?? null;
  return (
    <div className="qckpt">
      <p className="qckpt__root">
        <code>{root}</code> (checkpointLocation)
      </p>
      <ul className="plain qckpt__tree">
        {FOLDERS.map(({ folder, about }) => (
          <li key={folder}>
            <span className="qckpt__folder">{folder === 'metadata' ? 'metadata' : `${folder}/`}</span>{' '}
            <span className="muted">— {about}</span>
            <FileList files={inFolder(folder)} root={root} open={open} onOpen={setOpen} />
          </li>
        ))}
        {spec.sink.kind === 'file' && (
          <li>
            <span className="qckpt__folder">{spec.sink.path}/_spark_metadata/</span>{' '}
            <span className="muted">
              — the file sink’s own log: a batch already here is skipped when run again
            </span>
            <FileList files={sinkFiles} root={spec.sink.path} open={open} onOpen={setOpen} />
          </li>
        )}
      </ul>
      {shown && (
        <section className="qckpt__file" aria-label={`File ${shown.path}`}>
          <h3>
            <code>{shown.path}</code>, written at {secs(shown.writtenAtMs)}
          </h3>
          <pre className="console">{JSON.stringify(shown.content, null, 2)}</pre>
        </section>
      )}
    </div>
  );
}

function FileList({
  files,
  root,
  open,
  onOpen,
}: {
  files: readonly CheckpointFile[];
  root: string;
  open: string | null;
  onOpen: (path: string | null) => void;
}) {
  if (files.length === 0) return null;
  return (
    <ul className="plain qckpt__files">
      {files.map((f) => (
        <li key={f.path}>
          <button
            type="button"
            className="link"
            aria-pressed={f.path === open}
            onClick={() => onOpen(f.path === open ? null : f.path)}
          >
            {f.path.slice(root.length + 1)}
          </button>
        </li>
      ))}
    </ul>
  );
}
