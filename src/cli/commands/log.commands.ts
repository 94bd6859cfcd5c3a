import type { Command } from 'commander';
import { createInteractionBody, documentEventBody, phoneCallBody } from '../../contract/interaction';
import { toLogEntryJson } from '../../edge/json/log-entry';
import type { LogEntry } from '../../domain/interaction-log/interaction-log';
import { actorOf, collect, idempotent, parseOptions, run, type CommandAnswer } from '../context';

// `rapport log`, `call` and `record-document` (api.md §12.2): options become the API body, so the
// same schema validates both; `none` blanks a nullable option and `--no-<flag>` sets false (api.md §13.26).

type Options = Record<string, unknown>;

/** Option name → body field, for options whose value is text (`none` → null where the field is nullable). */
type TextMap = Record<string, string>;

function bodyOf(o: Options, text: TextMap, numbers: TextMap, flags: TextMap, required: readonly string[] = []): Options {
  const body: Options = {};
  for (const [opt, field] of Object.entries(text)) {
    const v = o[opt];
    if (typeof v === 'string') body[field] = v === 'none' && !required.includes(opt) ? null : v;
  }
  for (const [opt, field] of Object.entries(numbers)) {
    const v = o[opt];
    // a value that is not a number is passed on as text so that validation names the field
    if (typeof v === 'string') body[field] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  }
  for (const [opt, field] of Object.entries(flags)) if (typeof o[opt] === 'boolean') body[field] = o[opt];
  if (Array.isArray(o['comment'])) body['comments'] = o['comment'];
  return body;
}

/** The answer of POST /interactions for the entry, so that a key is replayed alike over HTTP and here. */
function created(e: LogEntry): CommandAnswer {
  const where = e.postponed ? 'postponed-interactions' : 'interaction-log-entries';
  return { status: 201, headers: { Location: `/api/v1/${where}/${e.entryNo}` }, body: toLogEntryJson(e) };
}

const entryLine = (e: { entryNo: number; postponed: boolean }) => `Entry ${e.entryNo} ${e.postponed ? 'postponed' : 'logged'}.`;

export function logCommands(program: Command): void {
  program
    .command('log')
    .description('log one interaction (POST /interactions); prints the new entry number')
    .requiredOption('--contact <no>', 'contact number')
    .requiredOption('--template <code>', 'interaction template code')
    .option('--description <text>', 'description (none = blank)')
    .option('--subject <text>', 'subject')
    .option('--date <date>', 'date YYYY-MM-DD (default today)')
    .option('--time <time>', 'time HH:MM:SS (default now, rounded up to the minute)')
    .option('--salesperson <code>', 'salesperson code')
    .option('--language <code>', 'language code')
    .option('--correspondence-type <type>', 'hard_copy | email | none')
    .option('--information-flow <flow>', 'outbound | inbound | none')
    .option('--initiated-by <who>', 'us | them | none')
    .option('--campaign <no>', 'campaign number')
    .option('--campaign-target', 'the contact is targeted by the campaign')
    .option('--no-campaign-target', 'not targeted')
    .option('--campaign-response', 'the interaction responds to the campaign')
    .option('--no-campaign-response', 'not a response')
    .option('--opportunity <no>', 'opportunity number')
    .option('--task <no>', 'task number')
    .option('--cost <amount>', 'cost in LCY, at most 2 decimals')
    .option('--duration <minutes>', 'duration in whole minutes')
    .option('--evaluation <value>', 'very_positive | positive | neutral | negative | very_negative | none')
    .option('--failed', 'the attempt to reach the contact failed')
    .option('--no-failed', 'the attempt succeeded')
    .option('--via <text>', 'phone number or address used')
    .option('--comment <text>', 'a comment line (repeatable)', collect)
    .option('--postponed', 'save to finish later')
    .option('--no-postponed', 'log now')
    .option('--deliver', 'deliver the attachment to the contact')
    .option('--no-deliver', 'do not deliver')
    .option('--idempotency-key <key>', 'repeat-safe key')
    .action(async (o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const raw = bodyOf(
          o,
          {
            contact: 'contactNo',
            template: 'interactionTemplateCode',
            description: 'description',
            subject: 'subject',
            date: 'date',
            time: 'timeOfInteraction',
            salesperson: 'salespersonCode',
            language: 'languageCode',
            correspondenceType: 'correspondenceType',
            informationFlow: 'informationFlow',
            initiatedBy: 'initiatedBy',
            campaign: 'campaignNo',
            opportunity: 'opportunityNo',
            task: 'taskNo',
            evaluation: 'evaluation',
            via: 'contactVia',
          },
          { cost: 'costLcy', duration: 'durationMin' },
          {
            campaignTarget: 'campaignTarget',
            campaignResponse: 'campaignResponse',
            failed: 'attemptFailed',
            postponed: 'postponed',
            deliver: 'deliver',
          },
          ['contact', 'template'],
        );
        const body = parseOptions(createInteractionBody, raw);
        const out = (await idempotent(ctx, o['idempotencyKey'], { method: 'POST', path: '/api/v1/interactions', body }, async () =>
          created(await ctx.app.services.logging.logInteraction(actorOf(ctx), body)),
        )) as { entryNo: number; postponed: boolean };
        ctx.out(out, () => entryLine(out));
      }),
    );

  program
    .command('call')
    .description('log a phone call (POST /interactions/phone-call); prints the new entry number')
    .requiredOption('--contact <no>', 'contact number')
    .option('--via <phone>', 'number called (default the contact’s phone, else mobile phone)')
    .option('--failed', 'the call did not reach the contact')
    .option('--no-failed', 'the call succeeded')
    .option('--description <text>', 'description')
    .option('--evaluation <value>', 'evaluation or none')
    .option('--cost <amount>', 'cost in LCY')
    .option('--duration <minutes>', 'duration in whole minutes')
    .option('--campaign <no>', 'campaign number')
    .option('--opportunity <no>', 'opportunity number')
    .option('--task <no>', 'the task the call is made for')
    .option('--salesperson <code>', 'salesperson code')
    .option('--comment <text>', 'a comment line (repeatable)', collect)
    .option('--idempotency-key <key>', 'repeat-safe key')
    .action(async (o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const raw = bodyOf(
          o,
          {
            contact: 'contactNo',
            via: 'contactVia',
            description: 'description',
            evaluation: 'evaluation',
            campaign: 'campaignNo',
            opportunity: 'opportunityNo',
            task: 'taskNo',
            salesperson: 'salespersonCode',
          },
          { cost: 'costLcy', duration: 'durationMin' },
          {},
          ['contact'],
        );
        if (typeof o['failed'] === 'boolean') raw['successful'] = !o['failed'];
        const body = parseOptions(phoneCallBody, raw);
        const out = (await idempotent(
          ctx,
          o['idempotencyKey'],
          { method: 'POST', path: '/api/v1/interactions/phone-call', body },
          async () => created(await ctx.app.services.logging.phoneCall(actorOf(ctx), body)),
        )) as { entryNo: number; postponed: boolean };
        ctx.out(out, () => entryLine(out));
      }),
    );

  program
    .command('record-document')
    .description('record a sent document (POST /document-events); "not logged: <reason>" is not an error')
    .requiredOption('--type <documentType>', 'document type, e.g. sales_invoice')
    .option('--no <documentNo>', 'document number (not for cover_sheet)')
    .option('--contact <no>', 'contact number')
    .option('--customer <no>', 'customer number of the contact')
    .option('--vendor <no>', 'vendor number of the contact')
    .option('--salesperson <code>', 'salesperson code')
    .option('--campaign <no>', 'campaign number')
    .option('--description <text>', 'description')
    .option('--opportunity <no>', 'opportunity number')
    .option('--version <n>', 'archived version number')
    .option('--occurrence <n>', 'occurrence of a re-used document number')
    .option('--idempotency-key <key>', 'repeat-safe key')
    .action(async (o: Options, cmd: Command) =>
      run(cmd, async (ctx) => {
        const raw = bodyOf(
          o,
          {
            type: 'documentType',
            no: 'documentNo',
            contact: 'contactNo',
            customer: 'customerNo',
            vendor: 'vendorNo',
            salesperson: 'salespersonCode',
            campaign: 'campaignNo',
            description: 'description',
            opportunity: 'opportunityNo',
          },
          { version: 'versionNo', occurrence: 'docNoOccurrence' },
          {},
          ['type'],
        );
        const body = parseOptions(documentEventBody, raw);
        const out = (await idempotent(ctx, o['idempotencyKey'], { method: 'POST', path: '/api/v1/document-events', body }, async () => {
          const r = await ctx.app.services.logging.recordDocument(actorOf(ctx), body);
          if (!r.logged) return { status: 200, body: r };
          const entry = toLogEntryJson(r.entry);
          return { status: 201, headers: { Location: `/api/v1/interaction-log-entries/${entry.entryNo}` }, body: { logged: true, entry } };
        })) as { logged: true; entry: { entryNo: number; postponed: boolean } } | { logged: false; reason: string };
        ctx.out(out, () => (out.logged ? entryLine(out.entry) : `not logged: ${out.reason}`));
      }),
    );
}
