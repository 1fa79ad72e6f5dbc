import { Check, Select } from './fields';
import type { OpEditorProps } from './opEditor';

/** The input DStreams' settings: Kafka's rate cap and offset reset, a receiver's blocks and log. */
export function SourceFields({ id, op, has, label, onChange }: OpEditorProps) {
  return (
    <>
      {has('maxRatePerPartition') && (
        <label className="field" htmlFor={`${id}-rate`}>
          <span>maxRatePerPartition</span>
          <input
            id={`${id}-rate`}
            type="number"
            min={0}
            value={op.maxRatePerPartition ?? 0}
            aria-label={label('maximum records per second per partition (0: no cap)')}
            onChange={(e) => onChange({ maxRatePerPartition: Number(e.target.value) })}
          />
        </label>
      )}
      {has('startingOffsets') && (
        <Select
          id={`${id}-reset`}
          label="auto.offset.reset"
          aria={label('auto.offset.reset')}
          value={op.startingOffsets ?? 'latest'}
          options={[
            ['earliest', 'earliest'],
            ['latest', 'latest'],
          ]}
          onChange={(v) => onChange({ startingOffsets: v as 'latest' })}
        />
      )}
      {has('blockIntervalMs') && (
        <label className="field" htmlFor={`${id}-bi`}>
          <span>block interval (ms)</span>
          <input
            id={`${id}-bi`}
            type="number"
            min={1}
            value={op.blockIntervalMs ?? 200}
            aria-label={label('block interval in milliseconds')}
            onChange={(e) => onChange({ blockIntervalMs: Number(e.target.value) })}
          />
        </label>
      )}
      {has('writeAheadLog') && (
        <Check
          id={`${id}-wal`}
          label="write-ahead log"
          aria={label('write-ahead log')}
          checked={op.writeAheadLog ?? false}
          onChange={(v) => onChange({ writeAheadLog: v })}
        />
      )}
    </>
  );
}
