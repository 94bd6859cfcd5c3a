import { parseArgs } from 'node:util';
import { DIALECTS, type Dialect } from './lib/databases';
import { datasetReady, generateDataset } from './lib/large-dataset';
import { report } from './lib/report';
import { deleteCanceled } from './scenarios/delete-canceled';
import { exportCsv } from './scenarios/export';
import { generate } from './scenarios/generate';
import { list } from './scenarios/list';
import { postInteractions } from './scenarios/post-interactions';
import { runtime } from './scenarios/runtime';
import { segmentsScenario } from './scenarios/segments';
import type { BenchOptions, Scenario } from './scenarios/scenario';
import { statistics } from './scenarios/statistics';

// npm run bench                       every scenario, both dialects (about 15 minutes)
// npm run bench -- list statistics    only these scenarios (the data set is generated when missing)
// npm run bench -- segments --segment-lines=100000   one segment size only
// npm run bench -- runtime export      the started server's memory and start time, the export's peak memory
// npm run bench -- export --server-flags="--max-old-space-size=64"  the server with extra node flags
// npm run bench -- --help             the scenario names and the options

/** In run order: delete-canceled spends the data set, so it comes last. */
const SCENARIOS: readonly Scenario[] = [runtime, postInteractions, segmentsScenario, generate, list, statistics, exportCsv, deleteCanceled];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dialect: { type: 'string' },
    entries: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '32' },
    'list-requests': { type: 'string', default: '3000' },
    'list-concurrency': { type: 'string', default: '64' },
    'segment-lines': { type: 'string', default: '100000,1000000' },
    'server-flags': { type: 'string', default: '' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(
    'npm run bench -- [scenario …] [--dialect sqlite|postgres] [--entries N] [--requests N] [--concurrency N] [--list-requests N] [--list-concurrency N] [--segment-lines N,N] [--server-flags="<node flags>"]\n\nScenarios, in run order:',
  );
  for (const s of SCENARIOS) console.log(`  ${s.name.padEnd(18)} ${s.title}`);
  process.exit(0);
}

const unknown = positionals.filter((p) => !SCENARIOS.some((s) => s.name === p));
if (unknown.length) {
  console.error(`unknown scenario: ${unknown.join(', ')} (npm run bench -- --help)`);
  process.exit(2);
}
if (values.dialect !== undefined && !DIALECTS.includes(values.dialect as Dialect)) {
  console.error('--dialect must be sqlite or postgres');
  process.exit(2);
}

const segmentLines = values['segment-lines'].split(',').map(Number);
if (!segmentLines.every((n) => Number.isInteger(n) && n > 0)) {
  console.error('--segment-lines must be positive whole numbers separated by commas');
  process.exit(2);
}

const started = Date.now();
const log = (message: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const options: BenchOptions = {
  dialects: values.dialect ? [values.dialect as Dialect] : DIALECTS,
  entries: Number(values.entries),
  requests: Number(values.requests),
  concurrency: Number(values.concurrency),
  listRequests: Number(values['list-requests']),
  listConcurrency: Number(values['list-concurrency']),
  segmentLines,
  serverFlags: values['server-flags'].split(' ').filter(Boolean),
  log,
};

const selected = positionals.length ? SCENARIOS.filter((s) => positionals.includes(s.name)) : SCENARIOS;
for (const scenario of selected) {
  if (scenario.needsDataset)
    for (const dialect of options.dialects)
      if (!datasetReady(dialect, options.entries)) {
        log(`generating the data set for ${dialect} first`);
        await generateDataset(dialect, options.entries, log);
      }
  log(`${scenario.name}: ${scenario.title}`);
  report(await scenario.run(options));
}
log('done');
