/**
 * Spark's backpressure: org.apache.spark.streaming.scheduler.rate.PIDRateEstimator with its
 * defaults (proportional 1.0, integral 0.2, derivative 0.0, minRate 100), fed by the
 * RateController when a batch completes. The controller stores the rate as a Long, −1 until the
 * estimator has produced one (its first call only primes it).
 */
export class PidRateEstimator {
  private firstRun = true;
  private latestTime = -1;
  private latestRate = -1;
  private latestError = -1;
  /** RateController.rateLimit: what getLatestRate() returns. */
  rateLimit = -1;

  constructor(
    private readonly batchIntervalMs: number,
    private readonly proportional = 1.0,
    private readonly integral = 0.2,
    private readonly derivative = 0.0,
    private readonly minRate = 100,
  ) {}

  /** onBatchCompleted(processingEndTime, numRecords, processingDelay, schedulingDelay). */
  compute(
    timeMs: number,
    numElements: number,
    processingDelayMs: number,
    schedulingDelayMs: number,
  ): number | null {
    if (!(timeMs > this.latestTime && numElements > 0 && processingDelayMs > 0)) return null;
    const delaySinceUpdate = (timeMs - this.latestTime) / 1000;
    const processingRate = (numElements / processingDelayMs) * 1000;
    const error = this.latestRate - processingRate;
    const historicalError = (schedulingDelayMs * processingRate) / this.batchIntervalMs;
    const dError = (error - this.latestError) / delaySinceUpdate;
    const newRate = Math.max(
      this.latestRate -
        this.proportional * error -
        this.integral * historicalError -
        this.derivative * dError,
      this.minRate,
    );
    this.latestTime = timeMs;
    if (this.firstRun) {
      this.latestRate = processingRate;
      this.latestError = 0;
      this.firstRun = false;
      return null;
    }
    this.latestRate = newRate;
    this.latestError = error;
    this.rateLimit = Math.trunc(newRate);
    return newRate;
  }
}

/**
 * DirectKafkaInputDStream.maxMessagesPerPartition: how many records each partition may read in
 * one batch. With a rate (backpressure estimate, or initialRate before the first one), it is
 * shared out in proportion to each partition's lag and capped by maxRatePerPartition; without
 * one, maxRatePerPartition alone. Every limit is at least minRatePerPartition (1). Null: no limit.
 */
export function maxMessagesPerPartition(
  lags: readonly number[],
  batchIntervalMs: number,
  maxRatePerPartition: number,
  estimatedRate: number | null,
): number[] | null {
  let limits: number[];
  if (estimatedRate !== null && estimatedRate > 0) {
    const totalLag = lags.reduce((a, b) => a + b, 0);
    limits = lags.map((lag) => {
      const backpressureRate = (lag / totalLag) * estimatedRate;
      return maxRatePerPartition > 0 ? Math.min(backpressureRate, maxRatePerPartition) : backpressureRate;
    });
  } else {
    limits = lags.map(() => maxRatePerPartition);
  }
  const sum = limits.reduce((a, b) => a + b, 0);
  // NaN (no lag anywhere: 0 / 0) compares false, as in Scala: no limit.
  if (!(sum > 0)) return null;
  const secsPerBatch = batchIntervalMs / 1000;
  return limits.map((limit) => Math.max(Math.trunc(secsPerBatch * limit), 1));
}
