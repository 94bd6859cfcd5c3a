import type { Stores } from '../stores';
import type { Clock } from '../shared/clock';
import { invalid } from '../shared/errors';
import type { UnitOfWork } from '../shared/unit-of-work';
import { recordDocument, type DocumentEvent, type DocumentResult } from './document-recording';
import type { LogEntry, Origin } from './interaction-log';
import { checkPrivacy, numberToCall, resumeStartingValues, type ContactFacts, type InteractionValues, type TemplateFacts } from './logging';
import { refuse } from './logging.errors';
import {
  attachEntry,
  campaignEntryFor,
  checkBusinessRules,
  checkUploadedAttachment,
  draftWithReferences,
  entryOf,
  interactionDefaultSalesperson,
  mustContact,
  mustTemplate,
  writtenEntry,
  type Actor,
} from './logging-steps';
import { createPostponedInteractions, mustPostponed } from './logging-postponed';

type Opt<T> = T | undefined;

/** What a request to log one interaction carries besides its values (api.md §6.1). */
interface LogOptions {
  readonly comments?: Opt<readonly string[]>;
  readonly postponed?: Opt<boolean>;
  readonly deliver?: Opt<boolean>;
  readonly attachmentId?: Opt<number | null>;
}

export interface InteractionInput extends InteractionValues, LogOptions {
  readonly contactNo: string;
  readonly interactionTemplateCode: string;
}

export interface ResumeInput extends InteractionValues, LogOptions {
  readonly contactNo?: Opt<string>;
  readonly interactionTemplateCode?: Opt<string>;
}

/** POST /interactions/phone-call (api.md §6.2, §13.17): the values a call may give. */
export type PhoneCallInput = Pick<
  InteractionValues,
  'contactVia' | 'description' | 'evaluation' | 'costCents' | 'durationMin' | 'campaignNo' | 'opportunityNo' | 'salespersonCode' | 'taskNo'
> & {
  readonly contactNo: string;
  readonly successful?: Opt<boolean>;
  readonly comments?: Opt<readonly string[]>;
};

const INTERACTIONS = 'Interactions';

/** Only the values a request gives: omitted keys must not hide stored or default values. */
function givenValues(input: object): InteractionValues {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as InteractionValues;
}

/** Logging one interaction, a phone call, a recorded document; postponed interactions (domain.md §4.1, §4.2, §4.6). */
export function createLoggingService({
  uow,
  clock,
  exportUow,
}: {
  uow: UnitOfWork<Stores>;
  clock: Clock;
  exportUow?: UnitOfWork<Stores> | undefined;
}) {
  const guideMoment = () => ({ today: clock.today(), time: clock.timeRoundedUp() });

  /** R11 from the references on: the draft of an interaction that passed every check. */
  async function checkedDraft(
    s: Stores,
    actor: Actor,
    contact: ContactFacts,
    template: TemplateFacts,
    values: InteractionValues,
    opts: LogOptions & { readonly beforeRules?: () => void },
  ) {
    const referenced = await draftWithReferences(s, contact, template, values, guideMoment(), () =>
      interactionDefaultSalesperson(s, actor, contact),
    );
    await checkUploadedAttachment(s, opts.attachmentId);
    checkPrivacy(contact);
    opts.beforeRules?.();
    // R17: a postponed interaction skips the required values, the e-mail check and delivery
    if (opts.postponed) return referenced.draft;
    return checkBusinessRules(referenced, contact, { deliver: opts.deliver ?? false, salespersonRequired: true });
  }

  /** A new entry (R13–R16) from a checked draft. */
  async function logNew(
    s: Stores,
    actor: Actor,
    contact: ContactFacts,
    template: TemplateFacts,
    values: InteractionValues,
    opts: LogOptions & { readonly origin: Origin; readonly beforeRules?: () => void },
  ): Promise<LogEntry> {
    const postponed = opts.postponed ?? false;
    const checked = await checkedDraft(s, actor, contact, template, values, opts);
    const createdAt = clock.now().toISOString();
    const attachmentId = await attachEntry(s, opts.attachmentId, template, checked.interactionLanguageCode, createdAt);
    const campaignEntryNo = postponed ? null : await campaignEntryFor(s, checked, actor.username, null, INTERACTIONS);
    const entry = entryOf(checked, { userId: actor.username, origin: opts.origin, postponed, createdAt, campaignEntryNo, attachmentId });
    const comments = commentLines(opts.comments ?? [], checked.date);
    const entryNo = await s.logging.insertEntry(entry, comments);
    return writtenEntry(entryNo, entry, contact, comments.length > 0);
  }

  /** R15: comment lines are dated with the entry; a postponed entry without date takes today. */
  const commentLines = (comments: readonly string[], date: string | null) =>
    comments.map((comment) => ({ date: date ?? clock.today(), comment }));

  async function resume(actor: Actor, entryNo: number, input: ResumeInput): Promise<LogEntry> {
    return uow.transaction(async (s) => {
      const stored = await mustPostponed(s, entryNo);
      const contactNo = input.contactNo ?? stored.contactNo;
      if (contactNo === null)
        throw invalid([{ path: 'contactNo', message: 'is required: the contact of this postponed entry no longer exists' }]);
      const contact = await mustContact(s, contactNo);
      const templateCode = input.interactionTemplateCode ?? stored.interactionTemplateCode;
      if (templateCode === null) throw invalid([{ path: 'interactionTemplateCode', message: 'is required' }]);
      const template = await mustTemplate(s, templateCode);
      const templateChanged = templateCode !== stored.interactionTemplateCode;
      const values = { ...resumeStartingValues(stored, input, templateChanged), ...givenValues(valuesOf(input)) };
      const postponed = input.postponed ?? false;
      const checked = await checkedDraft(s, actor, contact, template, values, input);

      // api.md §13.10: the attachment copy changes only with the resolved template language
      let attachmentId = stored.attachmentId;
      const languageChanged = templateChanged || checked.interactionLanguageCode !== stored.interactionLanguageCode;
      if ((input.attachmentId !== undefined && input.attachmentId !== null) || languageChanged)
        attachmentId = await attachEntry(s, input.attachmentId, template, checked.interactionLanguageCode, clock.now().toISOString());
      const campaignEntryNo = postponed ? null : await campaignEntryFor(s, checked, actor.username, null, INTERACTIONS);
      const entry = entryOf(checked, {
        userId: actor.username,
        origin: stored.origin,
        postponed,
        createdAt: stored.createdAt,
        campaignEntryNo,
        attachmentId,
      });
      const comments = input.comments === undefined ? undefined : commentLines(input.comments, checked.date);
      await s.logging.updateEntry(entryNo, entry, comments);
      if (stored.attachmentId !== null && stored.attachmentId !== attachmentId) await s.attachments.deleteReleased([stored.attachmentId]);
      return writtenEntry(entryNo, entry, contact, comments === undefined ? stored.hasComments : comments.length > 0);
    });
  }

  return {
    /** POST /interactions: logs (or postpones) one interaction for one contact. */
    logInteraction: (actor: Actor, input: InteractionInput): Promise<LogEntry> =>
      uow.transaction(async (s) => {
        const contact = await mustContact(s, input.contactNo);
        const template = await mustTemplate(s, input.interactionTemplateCode);
        return logNew(s, actor, contact, template, givenValues(valuesOf(input)), { ...input, origin: 'interaction' });
      }),

    /** POST /interactions/phone-call: R38 with the template of the Outgoing Calls slot. */
    phoneCall: (actor: Actor, input: PhoneCallInput): Promise<LogEntry> =>
      uow.transaction(async (s) => {
        const contact = await mustContact(s, input.contactNo);
        const code = await s.logging.slotTemplate('outgoingCalls');
        if (code === null) throw refuse.outgoingCallsNotSet();
        const template = await mustTemplate(s, code);
        const { contactNo: _c, successful, comments, contactVia, ...rest } = input;
        const number = numberToCall(contactVia, contact);
        const values = givenValues({ ...rest, contactVia: number, ...(successful !== undefined && { attemptFailed: !successful }) });
        return logNew(s, actor, contact, template, values, {
          comments,
          origin: 'phone_call',
          beforeRules: () => {
            if (number === null) throw refuse.phoneNumberRequired();
          },
        });
      }),

    /** POST /document-events: R37. */
    recordDocument: (actor: Actor, input: DocumentEvent): Promise<DocumentResult> =>
      uow.transaction((s) => recordDocument(s, clock, actor, input)),

    resume,

    ...createPostponedInteractions({ uow, exportUow }),
  };
}

/** The interaction values of a request, without its contact, template and options. */
function valuesOf(input: InteractionInput | ResumeInput): InteractionValues {
  const { contactNo: _c, interactionTemplateCode: _t, comments: _m, postponed: _p, deliver: _d, attachmentId: _a, ...values } = input;
  return values;
}

export type LoggingService = ReturnType<typeof createLoggingService>;
