import type { StaticQuestion } from '../types';

export const statefulQuestions: readonly StaticQuestion[] = [
  {
    id: 'stateful-update-state-by-key-every-key',
    topic: 'stateful',
    kind: 'choice',
    prompt:
      'Five users have state in an `updateStateByKey` running count. A batch brings clicks from only two of them. For which users is the update function called in this batch?',
    options: [
      {
        text: 'Only the two users with new clicks.',
        why: 'That is how `mapWithState` behaves. `updateStateByKey` visits every key that has state.',
      },
      {
        text: 'All five: the three idle users get an empty sequence of new values.',
        why: 'Right: in every batch the function runs for every key with state, with or without new values.',
      },
      {
        text: 'Only the three idle users, so that their state can age.',
        why: 'Users with new clicks must be updated too; the function runs for them as well.',
      },
      {
        text: "Once for the whole batch, with every user's values together.",
        why: "The function is per key: it receives one key's new values and that key's previous state.",
      },
    ],
    answer: 1,
    explanation:
      '`updateStateByKey` calls the update function for every key with state in every batch (new values as a possibly empty `Seq`), so its cost grows with the total state, not with the batch.',
    hint: 'One of the two stateful operations scales with the state, the other with the batch.',
    frame: { scenario: 'stateful-streams', timeMs: 14_000 },
  },
  {
    id: 'stateful-update-state-by-key-calls',
    topic: 'stateful',
    kind: 'numeric',
    prompt:
      'State holds 1000 keys. A batch brings 25 records for 10 of those keys and no new keys. How many times is the function of `updateStateByKey` called in this batch?',
    answer: 1000,
    unit: 'calls',
    explanation:
      'Once per key with state, whether or not it has new values: 1000 calls, 990 of them with an empty sequence. The 25 records are passed as sequences to the calls of their 10 keys.',
    hint: 'Does the update function run per record or per key, and for which keys?',
  },
  {
    id: 'stateful-map-with-state-calls',
    topic: 'stateful',
    kind: 'numeric',
    prompt:
      'State holds 1000 keys. A batch brings 25 records for 10 of those keys, no new keys, and no key is timing out. How many times is the mapping function of `mapWithState` called in this batch?',
    answer: 25,
    unit: 'calls',
    explanation:
      "`mapWithState` calls its function once for each record of the batch, with the record's key, value and state: 25 calls. The other 990 keys are not touched, which is why it scales with the batch, not the state.",
    hint: 'The function receives a single value, not a sequence of values.',
  },
  {
    id: 'stateful-return-none',
    topic: 'stateful',
    kind: 'choice',
    prompt: 'What happens when the function of `updateStateByKey` returns `None` for a key?',
    options: [
      {
        text: 'The state stays as it was.',
        why: 'To keep the state unchanged, the function returns the old state (`Some(state)`).',
      },
      {
        text: 'The state is reset to the initial value.',
        why: 'Nothing is reset: the key has no state at all until a new value for it arrives, and then the function sees `None` as its previous state.',
      },
      {
        text: 'Spark throws an exception.',
        why: 'Returning `None` is allowed and is the intended way to remove a key.',
      },
      {
        text: 'The key and its state are removed.',
        why: 'Right: returning `None` deletes the key from the state, which is how idle keys are cleaned up.',
      },
    ],
    answer: 3,
    explanation:
      '`updateStateByKey` keeps whatever the function returns as the new state; `None` means "no state", so the key disappears until a new value for it arrives.',
    hint: 'What would "no state" mean for a key?',
  },
  {
    id: 'stateful-map-with-state-timeout',
    topic: 'stateful',
    kind: 'choice',
    prompt:
      "`mapWithState(StateSpec.function(f).timeout(Seconds(4)))`. User kim stops clicking. What happens to kim's state?",
    options: [
      {
        text: 'It stays forever, because the function only runs for keys with new data.',
        why: 'The timeout exists exactly for this case: idle keys are visited once more when they time out.',
      },
      {
        text: 'Once kim has been idle longer than the timeout, `f` is called one last time with `state.isTimingOut()` true, and the state is removed.',
        why: 'Right: the last call lets the function emit a final result (for example a session summary) before the state goes.',
      },
      {
        text: '`f` is called in every batch with no value until it removes the state.',
        why: 'That is how `updateStateByKey` treats idle keys. `mapWithState` calls `f` for an idle key only when it times out.',
      },
      {
        text: 'It is deleted exactly 4 s after the last click, without calling `f`.',
        why: 'Spark calls `f` for the timing-out key, and only checks for idle keys at some batches, so removal can come after the 4 s.',
      },
    ],
    answer: 1,
    explanation:
      'With a timeout, `mapWithState` also calls its function for keys that have had no data for longer than the timeout (counted from the key’s last data, whether or not the function updated its state then), with `isTimingOut()` true, and then drops their state. Spark looks for idle keys when the state is checkpointed, so this can happen somewhat after the timeout.',
    hint: 'The timeout gives the function one more chance to see the key.',
    frame: { scenario: 'stateful-streams', timeMs: 21_000 },
  },
  {
    id: 'stateful-checkpoint-required',
    topic: 'stateful',
    kind: 'choice',
    prompt: 'An application uses `updateStateByKey` but never calls `ssc.checkpoint(dir)`. What happens?',
    options: [
      {
        text: 'It runs, but the state is lost when the driver restarts.',
        why: 'It does not get that far: stateful DStreams refuse to start without a checkpoint directory.',
      },
      {
        text: 'It runs with the state only in memory and a lineage that keeps growing.',
        why: 'Spark prevents exactly this: without checkpoints the lineage of the state would grow with every batch.',
      },
      {
        text: 'It fails when the context starts, asking for a checkpoint directory to be set.',
        why: 'Right: `updateStateByKey` (like `mapWithState`) requires a checkpoint directory and `ssc.start()` fails without one.',
      },
      {
        text: 'Spark creates a temporary checkpoint directory by itself.',
        why: 'Spark does not pick one; the directory must be on reliable storage chosen by the application.',
      },
    ],
    answer: 2,
    explanation:
      "Stateful operations must checkpoint their state RDDs to cut the lineage that links each batch's state to the previous one, so a checkpoint directory is mandatory for them.",
    hint: "Each batch's state is computed from the previous batch's state. Where does that chain end?",
  },
  {
    id: 'stateful-which-op-new-data',
    topic: 'stateful',
    kind: 'short',
    prompt:
      'Which Spark Streaming operation calls its function only for the records of the current batch (plus keys that are timing out), so that its cost follows the batch rather than the total state?',
    accept: ['mapWithState', 'map with state'],
    explanation:
      '`mapWithState` touches only keys with new data (and timing-out keys), whereas `updateStateByKey` runs for every key in every batch.',
    hint: 'It was added later than `updateStateByKey` to fix its cost.',
  },
  {
    id: 'stateful-map-with-state-lifecycle',
    topic: 'stateful',
    kind: 'order',
    prompt: "`mapWithState` with a timeout: put the life of one user's state in order.",
    items: [
      "The user's first click arrives and the function creates the state",
      'More clicks arrive and the function updates the state',
      'The user stops clicking for longer than the timeout',
      'The function is called with `isTimingOut()` true and the state is removed',
    ],
    explanation:
      'State is created and updated only by calls for new data; the timeout adds one final call for an idle key before its state is dropped.',
    // MapWithStateRDDRecord.updateRecordWithData: with a timeout set, every call with data re-puts the
    // key with the batch time, updated or not, so the timeout counts from the key's last data.
    hint: 'The timeout is measured from the last batch that brought data for the key.',
    frame: { scenario: 'stateful-streams', timeMs: 21_000 },
  },
];
