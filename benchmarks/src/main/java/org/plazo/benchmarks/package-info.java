/**
 * Benchmarks of Plazo on one machine: Kafka ceiling, ingest, dispatch with baselines,
 * recovery, delivery, memory and start-up, written as a Markdown table and a JSON file
 * per run.
 */
package org.plazo.benchmarks;
