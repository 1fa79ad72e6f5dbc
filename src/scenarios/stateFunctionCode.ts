/** The catalogue's state functions as Scala and PySpark write them, for the code export. */

export const UPDATE_FN_CODE: Readonly<Record<string, { readonly scala: string; readonly python: string }>> = {
  runningSum: {
    scala: '(values: Seq[Double], state: Option[Double]) => Some(state.getOrElse(0.0) + values.sum)',
    python: 'lambda values, state: (state or 0) + sum(values)',
  },
  runningCount: {
    scala: '(values: Seq[Double], state: Option[Long]) => Some(state.getOrElse(0L) + values.size)',
    python: 'lambda values, state: (state or 0) + len(values)',
  },
  sumWhileActive: {
    scala:
      '(values: Seq[Double], state: Option[Double]) => if (values.isEmpty) None else Some(state.getOrElse(0.0) + values.sum)',
    python: 'lambda values, state: None if not values else (state or 0) + sum(values)',
  },
};

export const MAPPING_FN_CODE: Readonly<Record<string, { readonly scala: string; readonly python: string }>> =
  {
    runningSum: {
      scala:
        '(key: String, value: Option[Double], state: State[Double]) => {\n    if (state.isTimingOut()) (key, state.get())\n    else { val sum = state.getOption.getOrElse(0.0) + value.getOrElse(0.0); state.update(sum); (key, sum) }\n  }',
      python: 'running_sum  # PySpark has no mapWithState: it exists in Scala and Java only',
    },
    runningCount: {
      scala:
        '(key: String, value: Option[Double], state: State[Long]) => {\n    if (state.isTimingOut()) (key, state.get())\n    else { val n = state.getOption.getOrElse(0L) + 1; state.update(n); (key, n) }\n  }',
      python: 'running_count  # PySpark has no mapWithState: it exists in Scala and Java only',
    },
  };
