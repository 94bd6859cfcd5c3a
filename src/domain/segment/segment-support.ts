import { defaultSalesperson as firstUsable, type ContactFacts, type TemplateFacts } from '../interaction-log/logging';
import { refuseBlocked } from '../salesperson/salesperson-assignment';
import { DomainError, notFound, fail } from '../shared/errors';
import type { Stores } from '../stores';
import { bulkResolution, type BulkResolution } from './line-resolution';
import type { Actor, SegmentHeader, SegmentLanguage } from './segment';

// Look-ups and refusals shared by the segment services. Each takes only the ports it reads.

export async function mustHeader(s: Pick<Stores, 'segmentHeaders'>, no: string): Promise<SegmentHeader> {
  return (await s.segmentHeaders.header(no)) ?? Promise.reject(notFound.segment(no));
}

/** The header of a segment about to change: writers of one segment (lines, criteria, logging) queue. */
export async function lockedHeader(s: Pick<Stores, 'segmentHeaders'>, no: string): Promise<SegmentHeader> {
  await s.segmentHeaders.lockSegment(no);
  return mustHeader(s, no);
}

export async function mustTemplate(s: Pick<Stores, 'segmentRefs'>, code: string): Promise<TemplateFacts> {
  return (await s.segmentRefs.template(code)) ?? Promise.reject(notFound.template(code));
}

export async function mustContact(s: Pick<Stores, 'segmentRefs'>, no: string): Promise<ContactFacts> {
  return (await s.segmentRefs.contact(no)) ?? Promise.reject(notFound.contact(no));
}

/** Existence of the references a request names, in the order given (api.md §2: 404s first). */
export async function checkReferences(
  s: Pick<Stores, 'segmentRefs'>,
  refs: readonly {
    readonly kind: 'salesperson' | 'campaign' | 'template' | 'language' | 'contact' | 'opportunity';
    readonly code: string | null | undefined;
  }[],
): Promise<void> {
  for (const { kind, code } of refs) {
    if (code === null || code === undefined) continue;
    const exists = {
      salesperson: async () => (await s.segmentRefs.salesperson(code)) !== null,
      campaign: () => s.segmentRefs.campaignExists(code),
      template: async () => (await s.segmentRefs.template(code)) !== null,
      language: () => s.segmentRefs.languageExists(code),
      contact: async () => (await s.segmentRefs.contact(code)) !== null,
      opportunity: () => s.segmentRefs.opportunityExists(code),
    }[kind];
    if (await exists()) continue;
    throw kind === 'salesperson'
      ? notFound.salesperson(code)
      : kind === 'campaign'
        ? notFound.campaign(code)
        : kind === 'template'
          ? notFound.template(code)
          : kind === 'language'
            ? notFound.language(code)
            : kind === 'contact'
              ? notFound.contact(code)
              : notFound.opportunity(code);
  }
}

/** A salesperson put on a segment or line explicitly must not be blocked (3.2). */
export async function refuseBlockedSalesperson(s: Pick<Stores, 'segmentRefs'>, code: string | null | undefined): Promise<void> {
  if (code === null || code === undefined) return;
  refuseBlocked(await s.segmentRefs.salesperson(code));
}

/** R39: the user's salesperson, skipped when it is missing or blocked (api.md §13.6). */
export async function defaultSalesperson(s: Pick<Stores, 'segmentRefs'>, actor: Actor): Promise<string | null> {
  if (actor.salespersonCode === null) return null;
  return firstUsable([await s.segmentRefs.salesperson(actor.salespersonCode)])?.code ?? null;
}

/** The header's template and segment-level rows, and the R41 resolution they give. */
export async function resolutionOf(
  s: Pick<Stores, 'segmentRefs' | 'segmentLanguages'>,
  h: SegmentHeader,
): Promise<{ template: TemplateFacts | null; rows: SegmentLanguage[]; resolution: BulkResolution }> {
  const template = h.interactionTemplateCode === null ? null : await s.segmentRefs.template(h.interactionTemplateCode);
  const rows = await s.segmentLanguages.languageRows(h.no, 0);
  return { template, rows, resolution: bulkResolution(h, template, rows) };
}

/** Copies a template's language rows with new copies of their attachments (R39, R41). */
export async function copiedTemplateRows(
  s: Pick<Stores, 'segmentRefs'>,
  templateCode: string,
  createdAt: string,
): Promise<SegmentLanguage[]> {
  const rows = await s.segmentRefs.templateRows(templateCode);
  const out: SegmentLanguage[] = [];
  for (const r of rows)
    out.push({ ...r, attachmentId: r.attachmentId === null ? null : await s.segmentRefs.copyAttachment(r.attachmentId, createdAt) });
  return out;
}

export function segmentLanguageMissing(no: string, languageCode: string): DomainError {
  return fail('template_language_not_found', `Segment ${no}`, languageCode);
}
