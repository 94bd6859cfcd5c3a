import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { queryBool, requiredCode } from '../../contract/common';
import { reuseCriteriaBody, saveCriteriaBody } from '../../contract/saved-criteria';
import { toSavedCriteriaJson } from '../../edge/json/saved-criteria';
import { criteriaBody } from '../../contract/segment-criteria';
import { createSegmentBody } from '../../contract/segment-header';
import { segmentInput, toSegmentJson } from '../../edge/json/segment-header';
import { toPreviewJson } from '../../edge/json/segment-log';
import { deleteCanceledLoggedBody, entryNosBody, loggedSegmentListQuery } from '../../contract/segment-logged';
import { toLoggedSegmentJson } from '../../edge/json/segment-logged';
import type { CriteriaKind } from '../../domain/segment/criteria';
import type { LoggedSegment } from '../../domain/segment/segment';
import { actorOf, collect, idempotent, parseOptions, run, table } from '../context';

// `rapport segment …` and `rapport logged-segments …` (api.md §12.2): options become the API
// body and are checked by the same schemas.

type Options = Record<string, unknown>;
/** `none` blanks a nullable option (api.md §13.26). */
const textOf = (v: unknown) => (v === 'none' ? null : v);
/** A segment number argument: trimmed and upper-cased like every code. */
const segmentNo = (no: string) => parseOptions(requiredCode(20), no);
const numberOf = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);

/** Criteria options → the body of add-, reduce- and refine-contacts. */
function criteriaOf(o: Options) {
  const contactFilter: Options = {};
  const interactionFilter: Options = {};
  const options: Options = {};
  const text: [string, Options, string][] = [
    ['type', contactFilter, 'type'],
    ['company', contactFilter, 'companyNo'],
    ['salesperson', contactFilter, 'salespersonCode'],
    ['language', contactFilter, 'languageCode'],
    ['country', contactFilter, 'countryCode'],
    ['territory', contactFilter, 'territoryCode'],
    ['postCodeFrom', contactFilter, 'postCodeFrom'],
    ['postCodeTo', contactFilter, 'postCodeTo'],
    ['q', contactFilter, 'q'],
    ['interactionTemplate', interactionFilter, 'interactionTemplateCode'],
    ['interactionGroup', interactionFilter, 'interactionGroupCode'],
    ['interactionFrom', interactionFilter, 'dateFrom'],
    ['interactionTo', interactionFilter, 'dateTo'],
    ['interactionEvaluation', interactionFilter, 'evaluation'],
    ['interactionCampaign', interactionFilter, 'campaignNo'],
    ['interactionSalesperson', interactionFilter, 'salespersonCode'],
  ];
  for (const [opt, target, field] of text) if (typeof o[opt] === 'string') target[field] = textOf(o[opt]);
  for (const [opt, field] of [
    ['industryGroup', 'industryGroupCodes'],
    ['businessRelation', 'businessRelationCodes'],
    ['mailingGroup', 'mailingGroupCodes'],
  ] as const)
    if (Array.isArray(o[opt])) contactFilter[field] = o[opt];
  if (typeof o['interactionCanceled'] === 'string') interactionFilter['canceled'] = parseOptions(queryBool, o['interactionCanceled']);
  for (const [opt, field] of [
    ['allowExisting', 'allowExistingContacts'],
    ['expandCompanies', 'expandCompanies'],
    ['allowRelatedCompanies', 'allowRelatedCompanies'],
    ['ignoreExclusion', 'ignoreExclusion'],
  ] as const)
    if (o[opt] === true) options[field] = true;
  return parseOptions(criteriaBody, { contactFilter, interactionFilter, options });
}

function criteriaCommand(segment: Command, name: string, kind: CriteriaKind, field: 'added' | 'removed' | 'kept', description: string) {
  segment
    .command(`${name} <no>`)
    .description(description)
    .option('--type <type>', 'company | person')
    .option('--company <no>', 'a company and its persons')
    .option('--salesperson <code>', 'salesperson code')
    .option('--language <code>', 'language code')
    .option('--country <code>', 'country code')
    .option('--territory <code>', 'territory code')
    .option('--post-code-from <code>', 'lowest post code')
    .option('--post-code-to <code>', 'highest post code')
    .option('--industry-group <code>', 'industry group (repeatable)', collect)
    .option('--business-relation <code>', 'business relation (repeatable)', collect)
    .option('--mailing-group <code>', 'mailing group (repeatable)', collect)
    .option('--q <text>', 'text in name or e-mail')
    .option('--interaction-template <code>', 'has an entry with this template')
    .option('--interaction-group <code>', 'has an entry of this group')
    .option('--interaction-from <date>', 'has an entry on or after this date')
    .option('--interaction-to <date>', 'has an entry on or before this date')
    .option('--interaction-evaluation <value>', 'has an entry with this evaluation')
    .option('--interaction-campaign <no>', 'has an entry of this campaign')
    .option('--interaction-salesperson <code>', 'has an entry of this salesperson')
    .option('--interaction-canceled <true|false>', 'has a canceled (or not canceled) entry')
    .option('--allow-existing', 'add contacts already on a line again')
    .option('--expand-companies', 'also add the persons of matching companies')
    .option('--allow-related-companies', 'also add the companies of matching persons')
    .option('--ignore-exclusion', 'also add contacts excluded from segments')
    .action(async (no: string, o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const res = await ctx.app.services.segments.criteria.apply(segmentNo(no), kind, criteriaOf(o));
        const body = { [field]: res.affected, noOfLines: res.noOfLines };
        ctx.out(body, () => `${field}: ${res.affected}\nlines: ${res.noOfLines}`);
      }),
    );
}

export function segmentCommands(program: Command): void {
  const segment = program.command('segment').description('segments: contacts to log one interaction with');
  segment
    .command('create')
    .description('create a segment (POST /segments)')
    .option('--no <no>', 'segment number (default: the next SM number)')
    .option('--description <text>', 'description')
    .option('--template <code>', 'interaction template code')
    .option('--campaign <no>', 'campaign number')
    .option('--salesperson <code>', 'salesperson code (default: yours; none = blank)')
    .option('--date <date>', 'date YYYY-MM-DD (default today)')
    .action(async (o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const raw: Options = {};
        for (const [opt, field] of [
          ['no', 'no'],
          ['description', 'description'],
          ['template', 'interactionTemplateCode'],
          ['campaign', 'campaignNo'],
          ['salesperson', 'salespersonCode'],
          ['date', 'date'],
        ] as const)
          if (typeof o[opt] === 'string') raw[field] = textOf(o[opt]);
        const { no, ...rest } = parseOptions(createSegmentBody, raw);
        const s = await ctx.app.services.segments.headers.create({ ...segmentInput(rest), ...(no !== undefined && { no }) }, actorOf(ctx));
        ctx.out(toSegmentJson(s), () => `segment ${s.no} created`);
      }),
    );
  criteriaCommand(segment, 'add-contacts', 'add', 'added', 'add contacts by criteria (POST /segments/{no}/add-contacts)');
  criteriaCommand(segment, 'reduce-contacts', 'reduce', 'removed', 'remove the lines whose contact matches');
  criteriaCommand(segment, 'refine-contacts', 'refine', 'kept', 'keep only the lines whose contact matches');
  segment
    .command('go-back <no>')
    .description('undo the last criteria action')
    .action(async (no: string, _o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const res = await ctx.app.services.segments.criteria.goBack(segmentNo(no));
        ctx.out(res, () =>
          res.undoneActionNo === null
            ? `nothing to undo\nlines: ${res.noOfLines}`
            : `action ${res.undoneActionNo} undone\nlines: ${res.noOfLines}`,
        );
      }),
    );
  segment
    .command('save-criteria <no>')
    .description('save the criteria actions of the segment under a code (POST /segments/{no}/save-criteria)')
    .requiredOption('--code <code>', 'code of the saved criteria')
    .option('--description <text>', 'description')
    .action(async (no: string, o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const body = parseOptions(saveCriteriaBody, {
          code: o['code'],
          ...(typeof o['description'] === 'string' && { description: textOf(o['description']) }),
        });
        const c = toSavedCriteriaJson(await ctx.app.services.segments.savedCriteria.save(segmentNo(no), body, actorOf(ctx)));
        ctx.out(c, () => `criteria ${c.code} saved\nactions: ${c.noOfActions}`);
      }),
    );
  segment
    .command('reuse-criteria <no>')
    .description('apply saved criteria to the segment, action by action (POST /segments/{no}/reuse-criteria)')
    .requiredOption('--code <code>', 'code of the saved criteria')
    .action(async (no: string, o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const body = parseOptions(reuseCriteriaBody, { code: o['code'] });
        const res = await ctx.app.services.segments.savedCriteria.reuse(segmentNo(no), body.code);
        ctx.out(res, () => `applied: ${res.applied}\nlines: ${res.noOfLines}`);
      }),
    );
  segment
    .command('preview <no>')
    .description('what logging the segment would do (GET /segments/{no}/log-preview)')
    .option('--send-attachments', 'check delivery as well')
    .action(async (no: string, o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const p = toPreviewJson(await ctx.app.services.segments.log.preview(segmentNo(no), o['sendAttachments'] === true));
        ctx.out(p, () =>
          [
            `entries: ${p.noOfEntries}  cost: ${p.costLcy.toFixed(2)}  duration: ${p.durationMin}`,
            table(p.byTemplate, ['interactionTemplateCode', 'noOfEntries', 'costLcy', 'durationMin']),
            '',
            table(p.byLanguage, ['languageCode', 'noOfEntries']),
            '',
            table(p.byCorrespondenceType, ['correspondenceType', 'noOfEntries']),
            ...p.skipped.map((s) => `skipped line ${s.lineNo} (${s.contactNo}): ${s.reason}`),
            ...p.refused.map((r) => `refused ${r.code}: ${r.message}`),
          ].join('\n'),
        );
      }),
    );
  segment
    .command('log <no>')
    .description('log the segment: one interaction per line (POST /segments/{no}/log)')
    .option('--send-attachments', 'deliver the attachments by e-mail')
    .option('--follow-up', 'create a follow-up segment')
    .option('--idempotency-key <key>', 'repeat-safe key')
    .action(async (no: string, o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const code = segmentNo(no);
        const options = { sendAttachments: o['sendAttachments'] === true, createFollowUpSegment: o['followUp'] === true };
        // progress only for a person watching: never with --json, never into a pipe or file
        const bar =
          !ctx.json && process.stderr.isTTY
            ? new SingleBar({ stream: process.stderr, format: 'logging segment | {bar} {value}/{total} lines' }, Presets.shades_classic)
            : null;
        // the body POST /segments/{no}/log would carry: only the options given
        const body = {
          ...(options.sendAttachments && { sendAttachments: true }),
          ...(options.createFollowUpSegment && { createFollowUpSegment: true }),
        };
        const res = (await idempotent(
          ctx,
          o['idempotencyKey'],
          { method: 'POST', path: `/api/v1/segments/${code}/log`, body },
          async () => {
            bar?.start(0, 0);
            try {
              const logged = await ctx.app.services.segments.log.log(code, options, actorOf(ctx), (done, total) => {
                if (total !== undefined && total !== null) bar?.setTotal(total);
                bar?.update(done);
              });
              return { status: 201, headers: { Location: `/api/v1/logged-segments/${logged.loggedSegmentEntryNo}` }, body: logged };
            } finally {
              bar?.stop();
            }
          },
        )) as { loggedSegmentEntryNo: number; noOfInteractions: number; followUpSegmentNo: string | null };
        ctx.out(res, () =>
          [
            `Segment ${code} has been logged.`,
            `logged segment: ${res.loggedSegmentEntryNo}`,
            `interactions: ${res.noOfInteractions}`,
            `follow-up segment: ${res.followUpSegmentNo ?? 'none'}`,
          ].join('\n'),
        );
      }),
    );

  loggedSegmentCommands(program);
}

function loggedSegmentCommands(program: Command): void {
  const logged = program.command('logged-segments').description('logged segments');
  const columns = ['entryNo', 'canceled', 'creationDate', 'userId', 'segmentNo', 'description', 'noOfInteractions', 'noOfCampaignEntries'];
  logged
    .command('list')
    .description('list logged segments, newest first (GET /logged-segments)')
    .option('--segment <no>', 'segment number')
    .option('--canceled <true|false>', 'canceled or not')
    .option('--from <date>', 'created on or after')
    .option('--to <date>', 'created on or before')
    .action(async (o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const q = parseOptions(loggedSegmentListQuery, {
          ...(typeof o['segment'] === 'string' && { segmentNo: o['segment'] }),
          ...(typeof o['canceled'] === 'string' && { canceled: o['canceled'] }),
          ...(typeof o['from'] === 'string' && { dateFrom: o['from'] }),
          ...(typeof o['to'] === 'string' && { dateTo: o['to'] }),
        });
        const items: LoggedSegment[] = [];
        let cursor: string | undefined;
        do {
          const p = await ctx.app.services.segments.logged.list({
            limit: 500,
            cursor,
            segmentNo: q.segmentNo ?? null,
            canceled: q.canceled ?? null,
            dateFrom: q.dateFrom ?? null,
            dateTo: q.dateTo ?? null,
          });
          items.push(...p.items);
          cursor = p.nextCursor ?? undefined;
        } while (cursor);
        const json = items.map(toLoggedSegmentJson);
        ctx.out({ items: json, nextCursor: null }, () => table(json, columns));
      }),
    );
  for (const [name, canceled] of [
    ['cancel', true],
    ['uncancel', false],
  ] as const)
    logged
      .command(`${name} <entryNo...>`)
      .description(`${canceled ? 'cancel' : 'uncancel'} logged segments with their interactions and campaign entries`)
      .action(async (entryNos: string[], _o: Options, cmd: Command) =>
        run(cmd, async (ctx) => {
          const body = parseOptions(entryNosBody, { entryNos: entryNos.map(numberOf) });
          const items = (await ctx.app.services.segments.logged.setCanceled(body.entryNos, canceled)).map(toLoggedSegmentJson);
          ctx.out({ items }, () => table(items, columns));
        }),
      );
  logged
    .command('delete-canceled')
    .description('delete canceled logged segments; their interactions stay')
    .option('--entry-from <entryNo>', 'lowest entry number')
    .option('--entry-to <entryNo>', 'highest entry number')
    .option('--segment <no>', 'segment number')
    .action(async (o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const body = parseOptions(deleteCanceledLoggedBody, {
          ...(o['entryFrom'] !== undefined && { entryNoFrom: numberOf(o['entryFrom']) }),
          ...(o['entryTo'] !== undefined && { entryNoTo: numberOf(o['entryTo']) }),
          ...(typeof o['segment'] === 'string' && { segmentNo: o['segment'] }),
        });
        const deleted = await ctx.app.services.segments.logged.deleteCanceled({
          entryNoFrom: body.entryNoFrom ?? null,
          entryNoTo: body.entryNoTo ?? null,
          segmentNo: body.segmentNo ?? null,
        });
        ctx.out({ deleted }, () => `${deleted} logged segments have been deleted.`);
      }),
    );
}
