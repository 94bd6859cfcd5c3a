import { messageOf } from '../shared/error-catalogue';
import type { ErrorCode } from '../shared/errors';

/** The per-line checks of R47, in the order they are applied; the first failing one refuses the line. */
export const LINE_CHECKS = [
  'template_not_found',
  'date_required',
  'salesperson_required',
  'salesperson_not_found',
  'salesperson_blocked',
  'description_required',
  'campaign_not_found',
] as const satisfies readonly ErrorCode[];

/** Checks added with `sendAttachments` (R5, decision l). */
export const DELIVERY_CHECKS = ['email_required_for_delivery', 'delivery_not_available'] as const satisfies readonly ErrorCode[];

export type LineCheck = (typeof LINE_CHECKS)[number] | (typeof DELIVERY_CHECKS)[number];

export function checksFor(sendAttachments: boolean): readonly LineCheck[] {
  return sendAttachments ? [...LINE_CHECKS, ...DELIVERY_CHECKS] : LINE_CHECKS;
}

/** What the store tells about a refused line. */
export interface RefusedLineFacts {
  readonly lineNo: number;
  readonly contactNo: string;
  readonly code: LineCheck;
  readonly interactionTemplateCode: string | null;
  readonly salespersonCode: string | null;
  readonly campaignNo: string | null;
  readonly correspondenceType: string | null;
}

export interface RefusedLine {
  readonly lineNo: number;
  readonly contactNo: string;
  readonly code: LineCheck;
  readonly message: string;
}

export interface SkippedLine {
  readonly lineNo: number;
  readonly contactNo: string;
  readonly reason: 'contact_privacy_blocked';
}

/** The catalogue message of a refused line (shared/error-catalogue.ts), naming the line. */
export function refusal(f: RefusedLineFacts): RefusedLine {
  const why = ((): string => {
    switch (f.code) {
      case 'template_not_found':
        return messageOf(f.code, f.interactionTemplateCode);
      case 'date_required':
      case 'salesperson_required':
      case 'description_required':
        return messageOf(f.code);
      case 'salesperson_not_found':
      case 'salesperson_blocked':
        return messageOf(f.code, f.salespersonCode ?? '');
      case 'campaign_not_found':
        return messageOf(f.code, f.campaignNo ?? '');
      case 'email_required_for_delivery':
        return messageOf(f.code, f.contactNo);
      case 'delivery_not_available':
        return messageOf(f.code, f.correspondenceType ?? '');
    }
  })();
  return { lineNo: f.lineNo, contactNo: f.contactNo, code: f.code, message: `Line ${f.lineNo}: ${why}` };
}
