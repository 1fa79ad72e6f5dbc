import type { StaticQuestion } from '../types';

export const tuplesQuestions: readonly StaticQuestion[] = [
  {
    id: 'tuples-stream-definition',
    topic: 'tuples',
    kind: 'choice',
    prompt: 'What is a data stream, in the sense stream processors use the word?',
    options: [
      {
        text: 'A file that is read from its first record to its last.',
        why: 'A file is bounded: it has a last record. A stream has no last tuple the processor can wait for.',
      },
      {
        text: 'A table whose rows are updated in place as things change.',
        why: 'A stream only grows: new tuples are appended, old ones are not edited.',
      },
      {
        text: 'A possibly unbounded sequence of tuples that keep arriving over time.',
        why: 'Right: tuples arrive one after another, without a known end.',
      },
      {
        text: 'A fixed batch of records collected once an hour.',
        why: 'That is batch processing: the data is collected first and then processed as a bounded whole.',
      },
    ],
    answer: 2,
    explanation:
      'A stream is an unbounded, append-only sequence of tuples. Because it never ends, a stream processor cannot wait for "all the data" before computing.',
    hint: 'Ask whether the thing has an end.',
  },
  {
    id: 'tuples-json-kind',
    topic: 'tuples',
    kind: 'choice',
    prompt:
      'A phone app sends messages such as `{"user": "ana", "steps": 812}`, and some messages carry extra fields such as `"battery": 54`. What kind of data is this?',
    options: [
      {
        text: 'Structured',
        why: 'Structured data has a fixed schema that every row follows; here the fields vary from message to message.',
      },
      {
        text: 'Semi-structured',
        why: 'Right: each message names its own fields (it is self-describing), but not every message has the same fields.',
      },
      {
        text: 'Unstructured',
        why: 'Unstructured data (free text, images) has no fields at all; these messages have named fields that can be read directly.',
      },
      {
        text: 'None of the three, because JSON is a transport format',
        why: 'JSON is the classic example of semi-structured data: the format carries the field names with the values.',
      },
    ],
    answer: 1,
    explanation:
      'Semi-structured data such as JSON is self-describing: field names travel with the values, so records can have different fields without a schema change.',
    hint: 'Does every message have the same fields? Does each message say what its fields are?',
    frame: { scenario: 'three-kinds', timeMs: 10_000 },
  },
  {
    id: 'tuples-log-line-kind',
    topic: 'tuples',
    kind: 'choice',
    prompt:
      'A service writes free-text lines such as `Payment service restarted after a timeout talking to db-2, retrying`. What kind of data is this?',
    options: [
      {
        text: 'Structured, because every line is a string',
        why: 'Being a string is not a schema: there are no named, typed fields to read.',
      },
      {
        text: 'Semi-structured, because the line contains a host name',
        why: 'Semi-structured data names its fields (like JSON keys); here any "fields" must be guessed by parsing the text.',
      },
      {
        text: 'It is not data until someone parses it',
        why: 'It is data, just unstructured: it can still be stored, counted or searched as text.',
      },
      {
        text: 'Unstructured',
        why: 'Right: free text has no schema; to use parts of it, a processor must extract them, for example with patterns.',
      },
    ],
    answer: 3,
    explanation:
      'Free text, images and audio are unstructured: there is no schema, so a processor must parse or extract whatever it needs before it can filter or group.',
    hint: 'Can a processor read a named field out of this line without parsing it?',
    frame: { scenario: 'three-kinds', timeMs: 20_000 },
  },
  {
    id: 'tuples-structured-benefit',
    topic: 'tuples',
    kind: 'choice',
    prompt:
      'A thermostat sends rows with the fixed schema `(sensorId, eventTime, temperature)`. What does the fixed schema give a stream processor that free text does not?',
    options: [
      {
        text: 'It can read fields by name and type directly, for example filter on `temperature`, without parsing.',
        why: 'Right: a known schema means every field is where the processor expects it, with a known type.',
      },
      {
        text: 'It no longer needs to think about event time, because structured rows arrive in order.',
        why: 'The schema says nothing about arrival order: structured rows can be delayed or out of order like any others.',
      },
      {
        text: 'It can keep the whole stream in memory, because rows of a fixed size are small.',
        why: 'However small each row, an unbounded stream of them is still unbounded.',
      },
      {
        text: 'It is guaranteed that no rows are lost.',
        why: 'Loss depends on the transport (broker, acknowledgements, replication), not on the schema of the data.',
      },
    ],
    answer: 0,
    explanation:
      'Structured data has a fixed schema agreed in advance, so a processor can select, filter and aggregate fields directly. The schema does not help with ordering, memory or loss.',
    hint: 'What is a schema for?',
  },
  {
    id: 'tuples-unbounded-average',
    topic: 'tuples',
    kind: 'choice',
    prompt:
      'A standing query computes the average temperature over a stream of readings, with no window. Since the stream is unbounded, what does it produce?',
    options: [
      {
        text: 'One exact final average, once all readings have arrived.',
        why: 'On an unbounded stream "all readings" never arrive, so there is no moment at which a final answer could be given.',
      },
      {
        text: 'Nothing: averages cannot be computed on streams.',
        why: 'An average can be maintained incrementally by keeping a running sum and count.',
      },
      {
        text: 'A running average that is updated as readings arrive, or else averages per window.',
        why: 'Right: without an end of input, a query either reports a result that keeps changing or limits itself to finite windows.',
      },
      {
        text: 'The average of the first batch of readings, which it then keeps.',
        why: 'That ignores every later reading: a standing query must account for new tuples.',
      },
    ],
    answer: 2,
    explanation:
      'Aggregates over an unbounded stream have no final value. They are either continuously updated running results, or computed over windows that do end.',
    hint: 'When would a "final" answer be possible?',
  },
  {
    id: 'tuples-self-describing-name',
    topic: 'tuples',
    kind: 'short',
    prompt:
      'Data that carries its field names with each record (for example JSON or XML), so that records may differ in which fields they have, is called ___ data.',
    accept: ['semi-structured', 'semi structured'],
    explanation:
      'Semi-structured data sits between structured rows with a fixed schema and unstructured text: it has fields, but each record describes its own.',
    hint: 'It is between the other two kinds.',
  },
  {
    id: 'tuples-schema-rigidity',
    topic: 'tuples',
    kind: 'order',
    prompt: 'Order these sources from the most rigid schema to no schema at all.',
    items: [
      'Sensor rows that always have the columns `(sensorId, eventTime, temperature)`',
      'JSON events from a phone app whose fields vary from message to message',
      'Free-text log messages and camera images',
    ],
    explanation:
      'Structured rows follow one fixed schema; semi-structured JSON names its own fields, which may vary; unstructured text and images have no fields at all.',
    hint: 'Ask, for each source, whether the fields are fixed, named per record, or absent.',
    frame: { scenario: 'three-kinds', timeMs: 10_000 },
  },
  {
    id: 'tuples-parse-unstructured',
    topic: 'tuples',
    kind: 'choice',
    prompt:
      'A stream carries free-text log lines such as `2026-03-01 10:00:02 payment ERROR timeout talking to db-2`. You want a count of errors per service every minute. What must the stream processor do first?',
    options: [
      {
        text: 'Nothing: a stream processor groups free text by its words automatically.',
        why: 'A processor only groups by fields it is given; free text has none until something extracts them.',
      },
      {
        text: 'Extract fields from each line (time, service, level), for example with a pattern, turning it into a structured tuple.',
        why: 'Right: parsing gives the unstructured line a schema, after which grouping by service and windowing by time are ordinary operations.',
      },
      {
        text: 'Store the lines in a database first: streams cannot hold text.',
        why: 'Streams carry any payload, text and images included; the question is what the processor can compute on it.',
      },
    ],
    answer: 1,
    explanation:
      'Unstructured data has no fields a query can name. A pipeline usually parses it early (a `map` with a pattern, or `split`) into structured tuples; lines that do not match are counted or sent aside rather than silently lost.',
    hint: 'What does a GROUP BY need that a line of text does not have?',
  },
  {
    id: 'tuples-semi-structured-missing-field',
    topic: 'tuples',
    kind: 'choice',
    prompt:
      'A query reads JSON messages with the schema `user STRING, steps INT, battery INT`. One message is `{"user": "ana", "steps": 812}`. What does the query see for `battery` in that tuple?',
    options: [
      {
        text: 'The query fails, because the message does not match the schema.',
        why: 'Semi-structured sources are expected to vary; a missing field is not a mismatch.',
      },
      {
        text: 'The battery value of ana’s previous message.',
        why: 'Each tuple stands alone; nothing is carried over from earlier messages.',
      },
      {
        text: 'A null: the field is absent from this message, so it has no value.',
        why: 'Right: when JSON is read with a schema, a field the message lacks becomes null, and the query has to allow for it.',
      },
    ],
    answer: 2,
    // Spark SQL JSON source / from_json (JacksonParser.convertObject): a schema field the record lacks
    // is never set, so it reads as null (the JSON reader makes the schema nullable).
    explanation:
      'Semi-structured data names its fields in every message, so messages may differ. Reading it against a schema (schema on read) gives nulls for missing fields; queries must handle them, for example with `COALESCE(battery, …)` or by filtering.',
    hint: 'The message names its fields; which one is not named?',
  },
];
