// When a step of the load test passes, and when it has collapsed (the run stops there).

export const LIMITS = {
  /** Every read operation: p95 and p99, in ms. */
  readP95: 300,
  readP99: 1000,
  /** Every write operation: p99, in ms. */
  writeP99: 2000,
  /** Requests that failed, of all. */
  errorShare: 0.00025,
  /** From a change's response to the bell holding its notification: p99, in ms. */
  seenP99: 1000,
};

export const COLLAPSE = {
  errorShare: 0.05,
  /** p99 of all reads, in ms. */
  readP99: 15_000,
};

const seconds = (ms) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

/** The rule in words, for the report. */
export const PASS_RULE =
  `A step passes when every read has p95 ≤ ${seconds(LIMITS.readP95)} and p99 ≤ ${seconds(LIMITS.readP99)}, every write p99 ≤ ${seconds(LIMITS.writeP99)}, ` +
  `errors ≤ ${100 * LIMITS.errorShare} %, notifications reach the bell with p99 ≤ ${seconds(LIMITS.seenP99)} from the change’s response, and none is lost. ` +
  'Capacity is the last step of the passing ones in a row from the first.';
