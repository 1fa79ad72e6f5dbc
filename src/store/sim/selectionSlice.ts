import type { StateCreator } from 'zustand';
import type { SimStore } from '../simStore';

export type SelectedEntity =
  | { readonly kind: 'partition'; readonly partition: number }
  | { readonly kind: 'broker'; readonly broker: number }
  | { readonly kind: 'member'; readonly group: number; readonly member: string }
  /** A batch of the streaming application; optionally one DStream's RDD in it and one partition. */
  | {
      readonly kind: 'batch';
      readonly timeMs: number;
      readonly node: number | null;
      readonly partition: number | null;
    }
  /** One DStream (an operation of the pipeline): its lineage. */
  | { readonly kind: 'dstream'; readonly node: number };

/** What the inspector shows: one tuple, or one entity of the run; selecting one clears the other. */
export interface SelectionSlice {
  readonly selectedTuple: number | null;
  /** A partition, broker or consumer shown in the inspector instead of a tuple. */
  readonly selectedEntity: SelectedEntity | null;

  select(tupleId: number | null): void;
  inspect(entity: SelectedEntity | null): void;
}

export const createSelectionSlice: StateCreator<SimStore, [], [], SelectionSlice> = (set) => ({
  selectedTuple: null,
  selectedEntity: null,

  select(tupleId) {
    set({ selectedTuple: tupleId, selectedEntity: null });
  },
  inspect(entity) {
    set({ selectedEntity: entity, selectedTuple: null });
  },
});
