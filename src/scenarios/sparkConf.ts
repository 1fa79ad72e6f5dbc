import type { StreamingSpec } from '../engine';

/** The Spark settings a DStream application's scenario implies, each as `quoteSetting` writes it. */
export function confLines(spec: StreamingSpec, quoteSetting: (k: string, v: string) => string): string[] {
  const out: string[] = [];
  const ops = spec.pipeline;
  if (spec.backpressure.enabled) {
    out.push(quoteSetting('spark.streaming.backpressure.enabled', 'true'));
    if (spec.backpressure.initialRate > 0)
      out.push(
        quoteSetting('spark.streaming.backpressure.initialRate', String(spec.backpressure.initialRate)),
      );
  }
  const kafka = ops.find((o) => o.op === 'kafkaDirectStream' && (o.maxRatePerPartition ?? 0) > 0);
  if (kafka)
    out.push(quoteSetting('spark.streaming.kafka.maxRatePerPartition', String(kafka.maxRatePerPartition)));
  const receiver = ops.find((o) => o.op === 'receiverStream');
  if (receiver) {
    out.push(quoteSetting('spark.streaming.blockInterval', `${receiver.blockIntervalMs ?? 200}ms`));
    if (receiver.writeAheadLog)
      out.push(quoteSetting('spark.streaming.receiver.writeAheadLog.enable', 'true'));
    if (spec.receiverMaxRate > 0)
      out.push(quoteSetting('spark.streaming.receiver.maxRate', String(spec.receiverMaxRate)));
  }
  return out;
}
