import { create } from 'zustand';

/**
 * The query last asked of the database at rest, which the link carries (`&sql=`), and whether a
 * link has just brought one that the database pane should ask again when it opens.
 */
interface SqlLink {
  readonly sql: string | null;
  /** When (simulation time) it was last asked, in this page; null when only a link brought it. */
  readonly askedAtMs: number | null;
  readonly pending: boolean;
  /** How the continuous side runs it: Spark's output mode and the withWatermark delay. */
  readonly mode: 'append' | 'update' | 'complete';
  readonly delayMs: number;
  setStream(change: { mode?: 'append' | 'update' | 'complete'; delayMs?: number }): void;
  /** A link (or a restored session) brings `sql`. */
  open(sql: string | null): void;
  /** The learner asked `sql` at `atMs`. */
  asked(sql: string, atMs: number): void;
  /** The pane takes the linked query to ask it, once. */
  take(): string | null;
}

export const useSqlLink = create<SqlLink>()((set, get) => ({
  sql: null,
  askedAtMs: null,
  pending: false,
  mode: 'update',
  delayMs: 2000,
  setStream: (change) => set(change),
  open: (sql) => set({ sql, askedAtMs: null, pending: sql !== null }),
  asked: (sql, atMs) => set({ sql, askedAtMs: atMs, pending: false }),
  take: () => {
    const { sql, pending } = get();
    if (!pending) return null;
    set({ pending: false });
    return sql;
  },
}));
