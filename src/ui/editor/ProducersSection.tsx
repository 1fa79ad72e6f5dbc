import { useEditor } from './context';
import { freshId, getAt, isObject } from './draft';
import { ProducerFields } from './ProducerFields';

export function ProducersSection() {
  const { draft, set } = useEditor();
  const value = getAt(draft, ['producers']);
  const producers = Array.isArray(value) ? value : [];
  const ids = producers.map((p) => (isObject(p) ? p.id : undefined));
  return (
    <div className="ed-list">
      {producers.length === 0 && (
        <p className="ed-note">
          No producers: the scenario needs at least one producer or one explicit tuple.
        </p>
      )}
      {producers.map((p, i) => {
        const id = typeof ids[i] === 'string' ? (ids[i] as string) : '';
        const label = isObject(p) && typeof p.label === 'string' ? p.label : id;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a producer's place is its identity while its id is typed
          <fieldset key={i} className="ed-card">
            <legend>
              Producer {i + 1}
              {label && `: ${label}`}
            </legend>
            <ProducerFields path={['producers', i]} />
            <div className="ed-card__actions">
              <button
                type="button"
                className="button button--quiet"
                onClick={() =>
                  set(
                    ['producers'],
                    producers.filter((_, j) => j !== i),
                  )
                }
              >
                Remove producer {i + 1}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button"
        data-path="producers"
        disabled={producers.length >= 16}
        onClick={() => set(['producers'], [...producers, { id: freshId('p', ids), ratePerSec: 1 }])}
      >
        Add a producer
      </button>
    </div>
  );
}
