import type { Clock } from '../shared/clock';
import { DomainError, notFound, fail } from '../shared/errors';
import type { UnitOfWork } from '../shared/unit-of-work';
import type { Stores } from '../stores';
import { blankHeader } from './header-rules';
import { bulkResolution } from './line-resolution';
import { checksFor, refusal } from './log-checks';
import { LINE_STEP, type Actor, type SegmentHeader } from './segment';
import type { JobStarter, LogOptions, LogPreview, LogResult, Progress } from './segment-log';
import { defaultSalesperson } from './segment-support';

/** The storage ports this service uses. */
type LogStores = Pick<Stores, 'nextNumber' | 'segmentHeaders' | 'segmentLines' | 'segmentLog' | 'segmentRefs'>;

export interface SegmentLogService {
  preview(no: string, sendAttachments: boolean): Promise<LogPreview>;
  log(no: string, options: LogOptions, actor: Actor, progress?: Progress): Promise<LogResult>;
  /** Runs the checks up to `segment_empty`, then logs as a background job; answers the job id. */
  logAsync(no: string, options: LogOptions, actor: Actor): Promise<string>;
}

/**
 * Lines turned into entries per statement, so that a job reports its progress as it goes. Line
 * numbers step by 10000, so a key range of this many steps holds at most this many lines.
 */
const CHUNK = 5_000;

/** Groups sorted by their key in binary order, blank last (api.md §9.5). */
function byKey<T>(rows: readonly T[], key: (r: T) => string | null): T[] {
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  });
}

/** Log preview and logging of a segment (R47, R48), all or nothing. */
export function createSegmentLogService({
  uow,
  clock,
  jobs,
}: {
  uow: UnitOfWork<LogStores>;
  clock: Clock;
  jobs: JobStarter;
}): SegmentLogService {
  /** R47 checks up to `segment_empty`, in order. */
  async function precheck(s: LogStores, no: string): Promise<{ header: SegmentHeader; toLog: number; lastLineNo: number }> {
    if (await s.segmentLog.loggedSegmentExists(no)) throw alreadyLogged(no);
    const h = await s.segmentHeaders.header(no);
    if (!h) throw notFound.segment(no);
    if (h.description === null) throw fail('segment_description_required', no);
    const { total, skipped, lastLineNo } = await s.segmentLog.countLines(no);
    if (total - skipped === 0) throw fail('segment_empty', no);
    return { header: h, toLog: total - skipped, lastLineNo };
  }

  async function log(no: string, options: LogOptions, actor: Actor, progress: Progress = () => undefined): Promise<LogResult> {
    return uow.transaction(async (s) => {
      // concurrent logs of one segment queue here; the later ones then find it logged
      await s.segmentHeaders.lockSegment(no);
      const { header: h, toLog, lastLineNo } = await precheck(s, no);
      const refused = (await s.segmentLog.lineExceptions(no, checksFor(options.sendAttachments))).refused.map(refusal);
      const first = refused[0];
      if (first)
        throw new DomainError(first.code, `Segment ${no} cannot be logged: ${refused.length} line(s) refused. ${first.message}`, {
          refused,
        });
      progress(0, toLog);

      const loggedNo = await s.segmentLog.insertLoggedSegment({
        segmentNo: no,
        description: h.description,
        creationDate: clock.today(),
        userId: actor.username,
      });
      if (loggedNo === null) throw alreadyLogged(no);

      // decision a and api.md §13.9: the lowest non-canceled campaign entry of the campaign and segment, else a new one
      const campaignEntries = new Map<string, number>();
      for (const c of await s.segmentLog.campaignsOfLines(no)) {
        const found = await s.segmentLog.openCampaignEntry(c.campaignNo, no);
        campaignEntries.set(
          c.campaignNo,
          found ??
            (await s.segmentLog.insertCampaignEntry({
              campaignNo: c.campaignNo,
              description: h.description,
              date: c.date,
              userId: actor.username,
              segmentNo: no,
              loggedSegmentEntryNo: loggedNo,
              salespersonCode: c.salespersonCode,
            })),
        );
      }

      const ctx = {
        segmentNo: no,
        loggedSegmentEntryNo: loggedNo,
        campaignEntries,
        userId: actor.username,
        createdAt: clock.now().toISOString(),
      };
      let done = 0;
      for (let after = 0; after < lastLineNo; after += CHUNK * LINE_STEP) {
        done += await s.segmentLog.logLines(no, after, after + CHUNK * LINE_STEP, ctx);
        progress(done, toLog);
      }
      // every line counted was checked and must have become an entry: anything else is a fault, and rolls back
      if (done !== toLog) throw new Error(`segment ${no}: ${done} entries written for ${toLog} lines`);

      // the segment's attachments are now shared by its entries: read-only, and they stay when the segment goes
      await s.segmentLog.markAttachmentsReadOnly(no);
      await s.segmentRefs.releaseAttachments(await s.segmentHeaders.deleteSegment(no));

      let followUpSegmentNo: string | null = null;
      if (options.createFollowUpSegment) {
        // R48: a new segment with the campaign and one line per new entry's contact
        followUpSegmentNo = await s.nextNumber('segment');
        const follow: SegmentHeader = {
          ...blankHeader(followUpSegmentNo),
          description: `Follow-up on segment ${no}`,
          campaignNo: h.campaignNo,
          date: clock.today(),
          salespersonCode: await defaultSalesperson(s, actor),
        };
        await s.segmentHeaders.insertHeader(follow);
        await s.segmentLines.appendResolvedLines(followUpSegmentNo, bulkResolution(follow, null, []), {
          kind: 'logged-segment',
          loggedSegmentEntryNo: loggedNo,
        });
      }
      return { loggedSegmentEntryNo: loggedNo, noOfInteractions: done, followUpSegmentNo };
    });
  }

  return {
    preview: (no, sendAttachments) =>
      uow.read(async (s) => {
        if (!(await s.segmentHeaders.header(no))) throw notFound.segment(no);
        const figures = await s.segmentLog.previewFigures(no, sendAttachments);
        const { skipped, refused } = await s.segmentLog.lineExceptions(no, checksFor(sendAttachments));
        return {
          ...figures,
          byTemplate: byKey(figures.byTemplate, (r) => r.interactionTemplateCode),
          byLanguage: byKey(figures.byLanguage, (r) => r.languageCode),
          byCorrespondenceType: byKey(figures.byCorrespondenceType, (r) => r.correspondenceType),
          skipped,
          refused: refused.map(refusal),
        };
      }),

    log,

    async logAsync(no, options, actor) {
      await uow.read((s) => precheck(s, no));
      return jobs.start('segment_log', { segmentNo: no, options, actor }, { createdBy: actor.username });
    },
  };
}

function alreadyLogged(no: string): DomainError {
  return fail('segment_already_logged', no);
}
