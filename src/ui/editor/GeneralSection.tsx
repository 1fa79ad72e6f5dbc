import * as v from 'valibot';
import { scenarioSchema } from '../../scenarios/schema';
import { NumberField, TextAreaField, TextField } from './fields';

const defaults = v.getDefaults(scenarioSchema);

export function GeneralSection() {
  return (
    <div className="ed-grid">
      <TextField label="Name" path={['name']} placeholder="required" wide />
      <TextAreaField
        label="Description"
        path={['description']}
        hint="What the scenario shows; it heads the Producers panel."
      />
      <NumberField
        label="Duration (ms)"
        path={['durationMs']}
        placeholder="required"
        min={1}
        step={1}
        hint="Processing time; a whole number of ticks."
      />
      <NumberField
        label="Tick (ms)"
        path={['tickMs']}
        placeholder={String(defaults.tickMs)}
        min={1}
        step={1}
        hint="One simulation step."
      />
      <NumberField
        label="Seed"
        path={['seed']}
        placeholder={String(defaults.seed)}
        min={0}
        step={1}
        hint="For every random choice."
      />
      <NumberField
        label="Lateness bound (ms)"
        path={['lateness', 'boundMs']}
        placeholder={String(defaults.lateness.boundMs)}
        min={0}
        step={1}
        hint="A tuple this far behind the newest event time is late."
      />
    </div>
  );
}
