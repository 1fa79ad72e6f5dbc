/**
 * The `State` object mapWithState passes to its function (issue 18). Every rule comes from Spark's
 * `State.scala` (`StateImpl`): its checks are `require`s, so a misuse throws an
 * IllegalArgumentException whose message starts “requirement failed: ”.
 */
import type { StaticQuestion } from '../types';

export const statefulStateApiQuestions: readonly StaticQuestion[] = [
  {
    id: 'stateful-state-update-timing-out',
    topic: 'stateful',
    kind: 'choice',
    prompt:
      '`mapWithState` with a timeout. For a key that is timing out, the function runs `state.update(total)` without first checking `state.isTimingOut()`. What happens?',
    options: [
      {
        text: 'The key is kept, with the new total, and its timeout starts again.',
        why: 'A timing-out key is being removed after this call; Spark refuses to update it.',
      },
      {
        text: 'The update is ignored silently, and the key is removed.',
        why: 'Spark does not ignore it: `update` checks its preconditions and fails.',
      },
      {
        text: 'The call fails: “requirement failed: Cannot update the state that is timing out”, and the batch fails with it.',
        why: 'Right: `StateImpl.update` requires `!timingOut`. Check `state.isTimingOut()` first and only emit a last result for such a key.',
      },
      {
        text: 'Spark waits for new data for the key before it calls the function again.',
        why: 'The timeout call happens precisely because no data came; there is no later call for this key.',
      },
    ],
    answer: 2,
    // State.scala, StateImpl.update: require(!removed, …) then require(!timingOut, "Cannot update the
    // state that is timing out"); StateImpl.remove has the same check ("Cannot remove the state that is timing out").
    explanation:
      'The last call for a timing-out key may read the state (`exists` is true, `get` returns it) and emit a final record, but it may neither `update` nor `remove` it: the state is dropped after the call anyway. A function written for mapWithState with a timeout therefore starts with `if (state.isTimingOut())`.',
    hint: 'What is about to happen to a key that is timing out, whatever the function does?',
  },
  {
    id: 'stateful-state-remove',
    topic: 'stateful',
    kind: 'short',
    prompt:
      'Inside the function of `mapWithState`, which method of the `State` object deletes the key’s state, so that the key has none in the next batch? Give the method name.',
    // State.scala: remove(): "Remove the state if it exists."
    accept: ['remove', 'state.remove'],
    explanation:
      '`state.remove()` drops the key’s state at the end of this call (it then has none, and `exists()` is false for it in a later batch). Once it has been called, `update` in the same call fails (“Cannot update the state after it has been removed”), and it may not be called for a key that is timing out. `updateStateByKey` does the same by returning `None`.',
    hint: 'The State API has five methods: exists, get, update, remove and isTimingOut.',
  },
  {
    id: 'stateful-state-get-missing',
    topic: 'stateful',
    kind: 'choice',
    prompt:
      'The first record of a new user arrives. The function of `mapWithState` calls `state.get()` before anything was stored for that user. What does it get?',
    options: [
      {
        text: 'A NoSuchElementException, “State is not set”: call `state.exists()` first, or use `state.getOption()`.',
        why: 'Right: `get` throws when no state exists; `getOption` returns `None` instead.',
      },
      {
        text: 'The default value of the state type, such as 0 for a Long.',
        why: 'Spark has no default state; `state.getOption.getOrElse(0)` would give you one.',
      },
      {
        text: '`None`, like `updateStateByKey` passes for a new key.',
        why: 'That is `getOption()`; `get()` returns the value itself, so with none it has nothing to return.',
      },
      {
        text: 'The state of the previous key in the same partition.',
        why: 'Spark reuses one State object per partition, but `wrap` resets it for every key, so nothing leaks between keys.',
      },
    ],
    answer: 0,
    // State.scala, StateImpl.get: if (defined) state else throw new NoSuchElementException("State is
    // not set"); getOption() = if (exists()) Some(get()) else None.
    explanation:
      'The State API: `exists()` says whether the key has state, `get()` returns it (and throws if there is none), `getOption()` avoids the exception (with `.getOrElse(default)` on its result), `update(v)` stores a new value, `remove()` drops it, and `isTimingOut()` is true only in the last call for an idle key.',
    hint: 'What can `get` return when there is nothing stored?',
  },
];
