// The bench's percentiles of timed samples: the nearest-rank value, so a p95 is a time that was measured.
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? 0;
}

export const p95 = (samples: number[]) => percentile(samples, 0.95);
export const median = (samples: number[]) => percentile(samples, 0.5);
