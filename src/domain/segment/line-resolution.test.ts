import { describe, expect, it } from 'vitest';
import { blankHeader } from './header-rules';
import { bulkResolution, inheritedLanguage, lineCorrespondence, lineFromHeader, ownLanguage } from './line-resolution';
import type { ContactFacts, TemplateFacts } from '../interaction-log/logging';
import type { SegmentLanguage } from './segment';

const template: TemplateFacts = {
  code: 'LETTER',
  interactionGroupCode: 'POST',
  description: 'Letter',
  unitCostCents: 50,
  unitDurationMin: 3,
  informationFlow: 'outbound',
  initiatedBy: 'us',
  campaignNo: null,
  campaignTarget: false,
  campaignResponse: false,
  correspondenceTypeDefault: 'hard_copy',
  ignoreContactCorrespondenceType: false,
  languageCodeDefault: 'ENU',
  languages: [],
};
const contact: ContactFacts = {
  no: 'CT1',
  name: 'Anna',
  companyNo: 'CT0',
  companyName: null,
  email: null,
  phoneNo: null,
  mobilePhoneNo: null,
  languageCode: 'DEU',
  correspondenceType: null,
  salespersonCode: 'JO',
  salesperson: { code: 'JO', name: 'Jo', email: null, phoneNo: null, blocked: false },
  privacyBlocked: false,
};
const row = (languageCode: string, attachmentId: number | null = null, subject: string | null = null): SegmentLanguage => ({
  languageCode,
  description: null,
  subject,
  attachmentId,
});

describe('R4 for a segment line', () => {
  const header = { ignoreContactCorrespondenceType: false, correspondenceTypeDefault: null };
  it('takes the segment’s default when the segment ignores the contact’s preference', () => {
    expect(lineCorrespondence({ ignoreContactCorrespondenceType: true, correspondenceTypeDefault: 'email' }, template, 'hard_copy')).toBe(
      'email',
    );
  });
  it('falls through when the segment ignores the contact but has no default', () => {
    expect(lineCorrespondence({ ignoreContactCorrespondenceType: true, correspondenceTypeDefault: null }, template, 'email')).toBe('email');
  });
  it('takes the template’s default when the template ignores the contact, even a blank one', () => {
    expect(lineCorrespondence(header, { ignoreContactCorrespondenceType: true, correspondenceTypeDefault: null }, 'email')).toBeNull();
  });
  it('prefers the contact’s type, else the template’s default, else blank', () => {
    expect(lineCorrespondence(header, template, 'email')).toBe('email');
    expect(lineCorrespondence(header, template, null)).toBe('hard_copy');
    expect(lineCorrespondence(header, null, null)).toBeNull();
  });
});

describe('R7 language of a line', () => {
  it('inherits the contact’s language row, else the default, else the default subject without a row', () => {
    const rows = [row('DEU', 7, 'Hallo'), row('ENU', 8, 'Hello')];
    expect(inheritedLanguage({ languageCodeDefault: 'ENU', subjectDefault: 'Hello' }, rows, 'DEU')).toEqual({
      languageCode: 'DEU',
      subject: 'Hallo',
      attachmentId: 7,
      attachmentSource: 'inherited',
    });
    expect(inheritedLanguage({ languageCodeDefault: 'ENU', subjectDefault: 'Hello' }, rows, 'FRA')).toEqual({
      languageCode: 'ENU',
      subject: 'Hello',
      attachmentId: 8,
      attachmentSource: 'inherited',
    });
    expect(inheritedLanguage({ languageCodeDefault: null, subjectDefault: 'Hi' }, [], 'FRA')).toEqual({
      languageCode: null,
      subject: 'Hi',
      attachmentId: null,
      attachmentSource: null,
    });
  });
  it('uses a line’s own rows: the contact’s language, else the template default, else the lowest code', () => {
    const own = [row('SVE', 3), row('ENU', 2), row('DAN', null)];
    expect(ownLanguage(own, 'SVE', 'ENU').languageCode).toBe('SVE');
    expect(ownLanguage(own, 'FRA', 'ENU')).toEqual({ languageCode: 'ENU', subject: null, attachmentId: 2, attachmentSource: 'unique' });
    expect(ownLanguage(own, 'FRA', 'XXX')).toEqual({ languageCode: 'DAN', subject: null, attachmentId: null, attachmentSource: null });
  });
});

describe('R41 resolution', () => {
  it('resets a line from the header: the template’s description when the header has none, the contact’s salesperson as fallback', () => {
    const header = {
      ...blankHeader('SM1'),
      interactionTemplateCode: 'LETTER',
      interactionGroupCode: 'POST',
      unitCostCents: 50,
      date: '2026-11-28',
    };
    const line = lineFromHeader(header, template, [], contact);
    expect(line).toMatchObject({
      contactNo: 'CT1',
      contactCompanyNo: 'CT0',
      description: 'Letter',
      salespersonCode: 'JO',
      costCents: 50,
      correspondenceType: 'hard_copy',
      date: '2026-11-28',
    });
  });
  it('gives the set-based table the same values as one line for every contact language and correspondence type', () => {
    const header = {
      ...blankHeader('SM1'),
      interactionTemplateCode: 'LETTER',
      languageCodeDefault: 'ENU',
      subjectDefault: 'Hello',
      salespersonCode: 'JO',
    };
    const rows = [row('DEU', 7, 'Hallo'), row('ENU', 8, 'Hello')];
    const table = bulkResolution(header, template, rows);
    for (const languageCode of ['DEU', 'ENU', 'FRA', null])
      for (const correspondenceType of [null, 'hard_copy', 'email'] as const) {
        const one = lineFromHeader(header, template, rows, { ...contact, languageCode, correspondenceType });
        const choice = table.byContactLanguage.find(([code]) => code === languageCode)?.[1] ?? table.otherLanguage;
        expect({
          ...table.values,
          ...choice,
          correspondenceType: table.byContactCorrespondence[correspondenceType ?? 'none'],
          salespersonCode: table.salespersonCode,
        }).toEqual({
          description: one.description,
          date: one.date,
          interactionTemplateCode: one.interactionTemplateCode,
          interactionGroupCode: one.interactionGroupCode,
          informationFlow: one.informationFlow,
          initiatedBy: one.initiatedBy,
          campaignNo: one.campaignNo,
          campaignTarget: one.campaignTarget,
          campaignResponse: one.campaignResponse,
          costCents: one.costCents,
          durationMin: one.durationMin,
          languageCode: one.languageCode,
          subject: one.subject,
          attachmentId: one.attachmentId,
          attachmentSource: one.attachmentSource,
          correspondenceType: one.correspondenceType,
          salespersonCode: one.salespersonCode,
        });
      }
  });
});
