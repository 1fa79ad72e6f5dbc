import type { StreamOpSpec } from '../../../engine';

/** What each family of an operation's editors is given by its row. */
export interface OpEditorProps {
  /** The row's id, which the editors' element ids extend. */
  id: string;
  op: StreamOpSpec;
  /** Whether the operation's kind takes this field. */
  has: (f: keyof StreamOpSpec) => boolean;
  /** The accessible name of one of the operation's fields. */
  label: (what: string) => string;
  onChange: (change: Partial<StreamOpSpec>) => void;
}
