/* global process, setInterval */
// Loaded into the server under test with `--import` when a scenario asks for the V8 heap's peaks
// (bench/lib/server.ts): samples process.memoryUsage() every 200 ms and, as the process exits,
// writes the peaks to the file named by RAPPORT_BENCH_MEMORY_FILE. It only observes.
import { writeFileSync } from 'node:fs';

const file = process.env.RAPPORT_BENCH_MEMORY_FILE;
if (file) {
  const peak = { heapTotal: 0, heapUsed: 0, external: 0 };
  setInterval(() => {
    const m = process.memoryUsage();
    peak.heapTotal = Math.max(peak.heapTotal, m.heapTotal);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.external = Math.max(peak.external, m.external);
  }, 200).unref();
  process.once('exit', () => writeFileSync(file, JSON.stringify(peak)));
}
