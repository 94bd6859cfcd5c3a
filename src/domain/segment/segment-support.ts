import { DomainError, notFound } from '../shared/errors';
import type { Stores } from '../stores';
import { bulkResolution, type BulkResolution, type ContactInfo, type TemplateInfo } from './line-resolution';
import type { Actor, SegmentHeader, SegmentLanguage } from './segment';

// Look-ups and refusals shared by the segment services.

export async function mustHeader(s: Stores, no: string): Promise<SegmentHeader> {
  return (await s.segments.header(no)) ?? Promise.reject(notFound.segment(no));
}

/** The header of a segment about to change: writers of one segment (lines, criteria, logging) queue. */
export async function lockedHeader(s: Stores, no: string): Promise<SegmentHeader> {
  await s.segments.lockSegment(no);
  return mustHeader(s, no);
}

export async function mustTemplate(s: Stores, code: string): Promise<TemplateInfo> {
  return (await s.segments.template(code)) ?? Promise.reject(notFound.template(code));
}

export async function mustContact(s: Stores, no: string): Promise<ContactInfo> {
  return (await s.segments.contact(no)) ?? Promise.reject(notFound.contact(no));
}

/** Existence of the references a request names, in the order given (api.md §2: 404s first). */
export async function checkReferences(
  s: Stores,
  refs: readonly {
    readonly kind: 'salesperson' | 'campaign' | 'template' | 'language' | 'contact' | 'opportunity';
    readonly code: string | null | undefined;
  }[],
): Promise<void> {
  for (const { kind, code } of refs) {
    if (code === null || code === undefined) continue;
    const exists = {
      salesperson: async () => (await s.segments.salesperson(code)) !== null,
      campaign: () => s.segments.campaignExists(code),
      template: async () => (await s.segments.template(code)) !== null,
      language: () => s.segments.languageExists(code),
      contact: async () => (await s.segments.contact(code)) !== null,
      opportunity: () => s.segments.opportunityExists(code),
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
export async function refuseBlockedSalesperson(s: Stores, code: string | null | undefined): Promise<void> {
  if (code === null || code === undefined) return;
  if ((await s.segments.salesperson(code))?.blocked) throw new DomainError('salesperson_blocked', `Salesperson ${code} is blocked.`);
}

export function refusePrivacyBlocked(contact: ContactInfo): void {
  if (contact.privacyBlocked)
    throw new DomainError(
      'contact_privacy_blocked',
      `You cannot use contact ${contact.no} ${contact.name} because they are marked as blocked due to privacy.`,
    );
}

/** R39: the user's salesperson, skipped when it is missing or blocked (api.md §13.6). */
export async function defaultSalesperson(s: Stores, actor: Actor): Promise<string | null> {
  if (actor.salespersonCode === null) return null;
  const sp = await s.segments.salesperson(actor.salespersonCode);
  return sp && !sp.blocked ? actor.salespersonCode : null;
}

/** The header's template and segment-level rows, and the R41 resolution they give. */
export async function resolutionOf(
  s: Stores,
  h: SegmentHeader,
): Promise<{ template: TemplateInfo | null; rows: SegmentLanguage[]; resolution: BulkResolution }> {
  const template = h.interactionTemplateCode === null ? null : await s.segments.template(h.interactionTemplateCode);
  const rows = await s.segments.languageRows(h.no, 0);
  return { template, rows, resolution: bulkResolution(h, template, rows) };
}

/** Copies a template's language rows with new copies of their attachments (R39, R41). */
export async function copiedTemplateRows(s: Stores, templateCode: string, createdAt: string): Promise<SegmentLanguage[]> {
  const rows = await s.segments.templateRows(templateCode);
  const out: SegmentLanguage[] = [];
  for (const r of rows)
    out.push({ ...r, attachmentId: r.attachmentId === null ? null : await s.segments.copyAttachment(r.attachmentId, createdAt) });
  return out;
}

export function segmentLanguageMissing(no: string, languageCode: string): DomainError {
  return new DomainError('template_language_not_found', `Segment ${no} has no language ${languageCode}.`);
}
