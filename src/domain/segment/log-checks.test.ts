import { describe, expect, it } from 'vitest';
import { checksFor, DELIVERY_CHECKS, LINE_CHECKS, refusal, type RefusedLineFacts } from './log-checks';

const facts = (over: Partial<RefusedLineFacts>): RefusedLineFacts => ({
  lineNo: 3,
  contactNo: 'CT000010',
  code: 'date_required',
  interactionTemplateCode: null,
  salespersonCode: null,
  campaignNo: null,
  correspondenceType: null,
  ...over,
});

describe('segment logging line checks (R47)', () => {
  it('adds the delivery checks only when attachments are sent', () => {
    expect(checksFor(false)).toEqual(LINE_CHECKS);
    expect(checksFor(true)).toEqual([...LINE_CHECKS, ...DELIVERY_CHECKS]);
  });

  it('words a refused line with the catalogue sentence, naming the line', () => {
    expect(refusal(facts({ code: 'date_required' })).message).toBe('Line 3: You must fill in the Date field.');
    expect(refusal(facts({ code: 'template_not_found' })).message).toBe('Line 3: You must fill in the Interaction Template Code field.');
    expect(refusal(facts({ code: 'template_not_found', interactionTemplateCode: 'ABSTRACT' })).message).toBe(
      'Line 3: Interaction template ABSTRACT does not exist.',
    );
    expect(refusal(facts({ code: 'salesperson_blocked', salespersonCode: 'JR' })).message).toBe('Line 3: Salesperson JR is blocked.');
    expect(refusal(facts({ code: 'campaign_not_found', campaignNo: 'CP1' })).message).toBe('Line 3: Campaign CP1 does not exist.');
    expect(refusal(facts({ code: 'email_required_for_delivery' })).message).toBe(
      'Line 3: Make sure that the Email field is specified for contact no. CT000010.',
    );
    expect(refusal(facts({ code: 'description_required' }))).toEqual({
      lineNo: 3,
      contactNo: 'CT000010',
      code: 'description_required',
      message: 'Line 3: Description is mandatory.',
    });
  });
});
