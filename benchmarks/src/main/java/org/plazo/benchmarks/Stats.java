package org.plazo.benchmarks;

import java.util.Arrays;

/** Percentiles of a set of samples. */
final class Stats {

	private final double[] sorted;

	Stats(double[] samples) {
		this.sorted = samples.clone();
		Arrays.sort(this.sorted);
	}

	static Stats of(java.util.Collection<? extends Number> samples) {
		return new Stats(samples.stream().mapToDouble(Number::doubleValue).toArray());
	}

	int count() {
		return this.sorted.length;
	}

	/** Nearest-rank percentile; NaN when empty. */
	double percentile(double p) {
		if (this.sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100.0 * this.sorted.length);
		return this.sorted[Math.max(0, Math.min(this.sorted.length - 1, rank - 1))];
	}

	double max() {
		return (this.sorted.length == 0) ? Double.NaN : this.sorted[this.sorted.length - 1];
	}

}
