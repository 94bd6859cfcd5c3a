import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { cancelBody, deleteCanceledBody, entryListQuery, entryParams, evaluateBody, uncancelBody } from '../../contract/interaction-log';
import { toLogEntryCells } from '../../edge/json/interaction-log';
import { toLogEntryJson } from '../../edge/json/log-entry';
import { type LogEntry } from '../../domain/interaction-log/interaction-log';
import { LOG_ENTRY_FIELDS } from '../../edge/json/interaction-log';
import { invalid } from '../../domain/shared/errors';
import { csvChunks, jsonArrayChunks } from '../../edge/csv';
import { parseOptions, run, table, type CliContext } from '../context';

// `rapport entries …` (api.md §12.2): options become the API's query or body, so the same
// schemas validate both. Long runs draw a progress bar on standard error for a person watching.

type Options = Record<string, string | boolean | undefined>;

/** Option → query field of GET /interaction-log-entries. */
const LIST_FILTERS: Record<string, string> = {
  contact: 'contactNo',
  company: 'contactCompanyNo',
  template: 'interactionTemplateCode',
  group: 'interactionGroupCode',
  salesperson: 'salespersonCode',
  campaign: 'campaignNo',
  campaignEntry: 'campaignEntryNo',
  segment: 'segmentNo',
  loggedSegment: 'loggedSegmentEntryNo',
  canceled: 'canceled',
  failed: 'attemptFailed',
  evaluation: 'evaluation',
  documentType: 'documentType',
  documentNo: 'documentNo',
  opportunity: 'opportunityNo',
  task: 'taskNo',
  correspondenceType: 'correspondenceType',
  deliveryStatus: 'deliveryStatus',
  informationFlow: 'informationFlow',
  initiatedBy: 'initiatedBy',
  origin: 'origin',
  from: 'dateFrom',
  to: 'dateTo',
  entryFrom: 'entryNoFrom',
  entryTo: 'entryNoTo',
  q: 'q',
  sort: 'sort',
};

/** Option → body field of POST /interaction-log-entries/delete-canceled (numbers marked). */
const DELETE_FILTERS: Record<string, [string, 'text' | 'number']> = {
  entryFrom: ['entryNoFrom', 'number'],
  entryTo: ['entryNoTo', 'number'],
  contact: ['contactNo', 'text'],
  from: ['dateFrom', 'text'],
  to: ['dateTo', 'text'],
  campaign: ['campaignNo', 'text'],
  group: ['interactionGroupCode', 'text'],
  template: ['interactionTemplateCode', 'text'],
  salesperson: ['salespersonCode', 'text'],
};

const COLUMNS = [
  'entryNo',
  'date',
  'canceled',
  'interactionTemplateCode',
  'description',
  'contactNo',
  'contactName',
  'evaluation',
  'costLcy',
  'durationMin',
  'salespersonCode',
];

// A value that is not a number is passed on as text so that validation names the field.
const numberOr = (v: string) => (/^\d+$/.test(v) ? Number(v) : v);

function pick(o: Options, map: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [opt, field] of Object.entries(map)) if (typeof o[opt] === 'string') out[field] = o[opt];
  return out;
}

function listFilterOptions(cmd: Command): Command {
  return cmd
    .option('--contact <no>', 'contact number')
    .option('--company <no>', 'company of the contact')
    .option('--template <code>', 'interaction template code')
    .option('--group <code>', 'interaction group code')
    .option('--salesperson <code>', 'salesperson code')
    .option('--campaign <no>', 'campaign number')
    .option('--campaign-entry <entryNo>', 'campaign entry number')
    .option('--segment <no>', 'segment number')
    .option('--logged-segment <entryNo>', 'logged segment entry number')
    .option('--canceled <true|false>', 'canceled or not')
    .option('--failed <true|false>', 'attempt failed or not')
    .option('--evaluation <value>', 'very_positive | positive | neutral | negative | very_negative')
    .option('--document-type <type>', 'document type, e.g. sales_invoice')
    .option('--document-no <no>', 'document number')
    .option('--opportunity <no>', 'opportunity number')
    .option('--task <no>', 'task number')
    .option('--correspondence-type <type>', 'hard_copy | email')
    .option('--delivery-status <status>', 'in_progress | error')
    .option('--information-flow <flow>', 'outbound | inbound')
    .option('--initiated-by <who>', 'us | them')
    .option('--origin <origin>', 'interaction | phone_call | document | segment | import | email')
    .option('--from <date>', 'date from (YYYY-MM-DD)')
    .option('--to <date>', 'date to (YYYY-MM-DD)')
    .option('--entry-from <entryNo>', 'entry number from')
    .option('--entry-to <entryNo>', 'entry number to')
    .option('--q <text>', 'text in description or subject')
    .option('--sort <sort>', '-entryNo (default) | entryNo | -date | date');
}

/** A progress bar on standard error, only for a person watching (never with --json or into a pipe). */
function progressBar(ctx: CliContext, label: string): SingleBar | null {
  return !ctx.json && process.stderr.isTTY
    ? new SingleBar({ stream: process.stderr, format: `${label} | {bar} | {value}/{total}` }, Presets.shades_classic)
    : null;
}

function entryNosOf(args: readonly string[]): (number | string)[] {
  return args.map(numberOr);
}

const numbersLine = (verb: string, items: readonly LogEntry[]) => `${verb}: ${items.map((e) => e.entryNo).join(', ')}`;

export function entriesCommands(program: Command): void {
  const entries = program.command('entries').description('manage interaction log entries');

  listFilterOptions(entries.command('list').description('list log entries (GET /interaction-log-entries)'))
    .option('--limit <n>', 'entries per page (1–500, default 50)')
    .option('--cursor <cursor>', 'the nextCursor of the previous page')
    .option('--all', 'follow nextCursor to the end')
    .action(async (o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const query = parseOptions(entryListQuery, {
          ...pick(o, LIST_FILTERS),
          ...(typeof o['limit'] === 'string' && { limit: o['limit'] }),
          ...(typeof o['cursor'] === 'string' && { cursor: o['cursor'] }),
        });
        const { sort = '-entryNo', limit = o['all'] ? 500 : 50, cursor, format: _format, ...filter } = query;
        const items: LogEntry[] = [];
        let next: string | null = cursor ?? null;
        do {
          const p = await ctx.app.services.entries.list({ filter, sort, limit, cursor: next ?? undefined });
          items.push(...p.items);
          next = p.nextCursor;
        } while (o['all'] && next);
        const json = items.map(toLogEntryJson);
        ctx.out({ items: json, nextCursor: next }, () =>
          [table(json, COLUMNS), ...(next ? [`next page: --cursor ${next}`] : [])].join('\n'),
        );
      }),
    );

  entries
    .command('show <entryNo>')
    .description('one log entry (GET /interaction-log-entries/{entryNo})')
    .action(async (entryNo: string, _o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const params = parseOptions(entryParams, { entryNo });
        const e = toLogEntryJson(await ctx.app.services.entries.get(params.entryNo));
        ctx.out(e, () =>
          Object.entries(e)
            .map(([k, v]) => `${k}: ${v ?? ''}`)
            .join('\n'),
        );
      }),
    );

  entries
    .command('cancel <entryNo...>')
    .description('cancel entries (POST /interaction-log-entries/cancel)')
    .option('--remove-unique-attachments', 'delete attachments that only these entries use')
    .action(async (nos: string[], o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const body = parseOptions(cancelBody, {
          entryNos: entryNosOf(nos),
          removeUniqueAttachments: o['removeUniqueAttachments'] === true,
        });
        const items = await ctx.app.services.entries.cancel(body.entryNos, {
          removeUniqueAttachments: body.removeUniqueAttachments ?? false,
        });
        ctx.out({ items: items.map(toLogEntryJson) }, () => numbersLine('canceled', items));
      }),
    );

  entries
    .command('uncancel <entryNo...>')
    .description('uncancel entries (POST /interaction-log-entries/uncancel)')
    .action(async (nos: string[], _o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const body = parseOptions(uncancelBody, { entryNos: entryNosOf(nos) });
        const items = await ctx.app.services.entries.uncancel(body.entryNos);
        ctx.out({ items: items.map(toLogEntryJson) }, () => numbersLine('uncanceled', items));
      }),
    );

  entries
    .command('evaluate <entryNo...>')
    .description('set or clear the evaluation of entries (POST /interaction-log-entries/evaluate)')
    .requiredOption('--evaluation <value>', 'very_positive | positive | neutral | negative | very_negative | none')
    .action(async (nos: string[], o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const body = parseOptions(evaluateBody, {
          entryNos: entryNosOf(nos),
          evaluation: o['evaluation'] === 'none' ? null : o['evaluation'],
        });
        const items = await ctx.app.services.entries.evaluate(body.entryNos, body.evaluation);
        ctx.out({ items: items.map(toLogEntryJson) }, () => numbersLine(`evaluation ${body.evaluation ?? 'cleared'}`, items));
      }),
    );

  entries
    .command('delete-canceled')
    .description('delete canceled entries matching the filters (POST /interaction-log-entries/delete-canceled)')
    .option('--entry-from <entryNo>', 'entry number from')
    .option('--entry-to <entryNo>', 'entry number to')
    .option('--contact <no>', 'contact number')
    .option('--from <date>', 'date from (YYYY-MM-DD)')
    .option('--to <date>', 'date to (YYYY-MM-DD)')
    .option('--campaign <no>', 'campaign number')
    .option('--group <code>', 'interaction group code')
    .option('--template <code>', 'interaction template code')
    .option('--salesperson <code>', 'salesperson code')
    .action(async (o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const raw: Record<string, string | number> = {};
        for (const [opt, [field, kind]] of Object.entries(DELETE_FILTERS)) {
          const v = o[opt];
          if (typeof v === 'string') raw[field] = kind === 'number' ? numberOr(v) : v;
        }
        const filter = parseOptions(deleteCanceledBody, raw);
        const bar = progressBar(ctx, 'deleting canceled entries');
        bar?.start(0, 0);
        const result = await ctx.app.services.entries
          .deleteCanceled(filter, (done, total) => {
            if (typeof total === 'number') bar?.setTotal(total);
            bar?.update(done);
          })
          .finally(() => bar?.stop());
        ctx.out(result, () => `${result.deleted} interaction log entries have been deleted.`);
      }),
    );

  listFilterOptions(entries.command('export').description('download the filtered, sorted log as CSV or JSON (format=csv|json)'))
    .option('--format <format>', 'csv (default) | json')
    .option('--output <file>', 'write to this file instead of standard output')
    .action(async (o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const query = parseOptions(entryListQuery, {
          ...pick(o, LIST_FILTERS),
          format: typeof o['format'] === 'string' ? o['format'] : 'csv',
        });
        const { sort = '-entryNo', format = 'csv', limit: _limit, cursor: _cursor, ...filter } = query;
        const service = ctx.app.services.entries;
        const bar = progressBar(ctx, 'exporting entries');
        if (bar) bar.start(await service.count(filter), 0);
        let exported = 0;
        async function* counted() {
          for await (const batch of service.exportBatches(filter, sort)) {
            yield batch;
            exported += batch.length;
            bar?.update(exported);
          }
        }
        const chunks =
          format === 'csv' ? csvChunks(counted(), LOG_ENTRY_FIELDS, toLogEntryCells) : jsonArrayChunks(counted(), toLogEntryJson);
        const file = typeof o['output'] === 'string' ? o['output'] : null;
        const target = file
          ? await open(file, 'w').catch(() => Promise.reject(invalid([{ path: 'output', message: `${file} cannot be written` }])))
          : null;
        try {
          // one batch in memory at a time: the source is read on only as the destination drains
          if (target) await pipeline(Readable.from(chunks), target.createWriteStream());
          else for await (const chunk of chunks) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
        } finally {
          bar?.stop();
          await target?.close().catch(() => undefined);
        }
        if (file) ctx.out({ exported, output: file }, () => `${exported} interaction log entries exported to ${file}`);
      }),
    );
}
