import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import type { LogEntry } from './interaction-log';
import {
  afterEmailCheck,
  checkPrivacy,
  correspondenceTypeFor,
  defaultSalesperson,
  draftInteraction,
  languageAttachment,
  languageFor,
  numberToCall,
  resumeStartingValues,
  type ContactFacts,
  type TemplateFacts,
} from './logging';

const template: TemplateFacts = {
  code: 'CALL',
  interactionGroupCode: 'PHONE',
  description: 'Phone call',
  unitCostCents: 50,
  unitDurationMin: 5,
  informationFlow: 'outbound',
  initiatedBy: 'us',
  campaignNo: 'CP00001',
  campaignTarget: true,
  campaignResponse: false,
  correspondenceTypeDefault: 'email',
  ignoreContactCorrespondenceType: false,
  languageCodeDefault: 'ENU',
  languages: [
    { languageCode: 'DEU', attachmentId: 7 },
    { languageCode: 'ENU', attachmentId: null },
  ],
};

const contact: ContactFacts = {
  no: 'CT000010',
  name: 'Anna Berg',
  companyNo: 'CT000001',
  companyName: 'Nordic Tools AB',
  email: 'anna@example.com',
  phoneNo: null,
  mobilePhoneNo: '+46 70 1',
  salespersonCode: null,
  salesperson: null,
  languageCode: 'DEU',
  correspondenceType: null,
  privacyBlocked: false,
};

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'other';
  }
  return null;
};

describe('R4 correspondence type', () => {
  it('takes a given value first, even blank', () => {
    expect(correspondenceTypeFor('hard_copy', template, contact)).toBe('hard_copy');
    expect(correspondenceTypeFor(null, template, contact)).toBeNull();
  });
  it('takes the template default when the template ignores the contact or the contact has none', () => {
    expect(correspondenceTypeFor(undefined, template, contact)).toBe('email');
    expect(
      correspondenceTypeFor(
        undefined,
        { ...template, ignoreContactCorrespondenceType: true },
        { ...contact, correspondenceType: 'hard_copy' },
      ),
    ).toBe('email');
    expect(
      correspondenceTypeFor(
        undefined,
        { ...template, ignoreContactCorrespondenceType: true, correspondenceTypeDefault: null },
        { ...contact, correspondenceType: 'hard_copy' },
      ),
    ).toBeNull();
  });
  it('else the contact’s preference, else blank', () => {
    expect(correspondenceTypeFor(undefined, template, { ...contact, correspondenceType: 'hard_copy' })).toBe('hard_copy');
    expect(correspondenceTypeFor(undefined, { ...template, correspondenceTypeDefault: null }, contact)).toBeNull();
  });
});

describe('R5 e-mail check', () => {
  it('blanks an e-mail type for a contact without address, or refuses it for delivery', () => {
    const noEmail = { ...contact, email: null };
    expect(afterEmailCheck('email', noEmail, false)).toBeNull();
    expect(code(() => afterEmailCheck('email', noEmail, true))).toBe('email_required_for_delivery');
    expect(afterEmailCheck('email', contact, true)).toBe('email');
    expect(afterEmailCheck('hard_copy', noEmail, true)).toBe('hard_copy');
  });
});

describe('R6 language', () => {
  it('takes the given language, else the contact’s when the template has a row, else the default', () => {
    expect(languageFor('ENU', template, contact)).toBe('ENU');
    expect(languageFor(null, template, contact)).toBeNull();
    expect(languageFor(undefined, template, contact)).toBe('DEU');
    expect(languageFor(undefined, template, { ...contact, languageCode: 'FRA' })).toBe('ENU');
    expect(languageFor(undefined, { ...template, languageCodeDefault: null }, { ...contact, languageCode: null })).toBeNull();
  });
  it('supplies the attachment of the chosen row', () => {
    expect(languageAttachment(template, 'DEU')).toBe(7);
    expect(languageAttachment(template, 'ENU')).toBeNull();
    expect(languageAttachment(template, null)).toBeNull();
  });
});

describe('R9 default salesperson', () => {
  const sp = (code: string, blocked = false) => ({ code, name: code, email: null, phoneNo: null, blocked });
  it('takes the first default that exists and is not blocked', () => {
    expect(defaultSalesperson([sp('USER'), sp('CONTACT')])?.code).toBe('USER');
    expect(defaultSalesperson([null, sp('CONTACT')])?.code).toBe('CONTACT');
    expect(defaultSalesperson([sp('USER', true), sp('CONTACT')])?.code).toBe('CONTACT');
    expect(defaultSalesperson([sp('USER', true), sp('CONTACT', true)])).toBeNull();
  });
});

describe('R10 privacy', () => {
  it('refuses a blocked contact', () => {
    expect(code(() => checkPrivacy({ ...contact, privacyBlocked: true }))).toBe('contact_privacy_blocked');
    expect(code(() => checkPrivacy(contact))).toBeNull();
  });
});

describe('draft of a single interaction', () => {
  const defaults = { today: '2026-11-28', time: '10:16:00', salespersonCode: 'JO' };
  it('inherits from the template, the contact and today (R1–R3, R8, R13)', () => {
    expect(draftInteraction({}, template, contact, defaults)).toEqual({
      contactNo: 'CT000010',
      contactCompanyNo: 'CT000001',
      date: '2026-11-28',
      timeOfInteraction: '10:16:00',
      description: 'Phone call',
      subject: 'Phone call',
      informationFlow: 'outbound',
      initiatedBy: 'us',
      interactionGroupCode: 'PHONE',
      interactionTemplateCode: 'CALL',
      interactionLanguageCode: 'DEU',
      costCents: 50,
      durationMin: 5,
      salespersonCode: 'JO',
      campaignNo: 'CP00001',
      campaignTarget: true,
      campaignResponse: false,
      evaluation: null,
      attemptFailed: false,
      correspondenceType: 'email',
      contactVia: null,
      opportunityNo: null,
      taskNo: null,
    });
  });
  it('keeps given values, a blank suppressing the default; the subject follows the description', () => {
    const d = draftInteraction(
      { description: 'Demo', campaignNo: null, costCents: 0, salespersonCode: null, date: null, campaignTarget: false },
      template,
      contact,
      defaults,
    );
    expect(d).toMatchObject({
      description: 'Demo',
      subject: 'Demo',
      campaignNo: null,
      costCents: 0,
      salespersonCode: null,
      date: null,
      campaignTarget: false,
    });
    expect(draftInteraction({ description: 'Demo', subject: 'Re: quote' }, template, contact, defaults).subject).toBe('Re: quote');
  });
});

describe('R38 number to call', () => {
  it('takes the given number, else the phone, else the mobile phone', () => {
    expect(numberToCall('+1 555', contact)).toBe('+1 555');
    expect(numberToCall(undefined, contact)).toBe('+46 70 1');
    expect(numberToCall(undefined, { ...contact, phoneNo: '+46 8 1' })).toBe('+46 8 1');
    expect(numberToCall(undefined, { ...contact, mobilePhoneNo: null })).toBeNull();
    expect(numberToCall(null, contact)).toBeNull();
  });
});

describe('R18 resume starting values', () => {
  const stored = {
    description: 'Draft',
    subject: 'Old subject',
    timeOfInteraction: '08:00:00',
    informationFlow: 'inbound',
    initiatedBy: 'them',
    interactionLanguageCode: 'DEU',
    costCents: 700,
    durationMin: 3,
    campaignNo: null,
    campaignTarget: false,
    campaignResponse: true,
    correspondenceType: 'hard_copy',
    opportunityNo: null,
    taskNo: 'TD000001',
    evaluation: 'positive',
    attemptFailed: false,
    contactVia: null,
    salespersonCode: 'JO',
    date: '2026-11-02',
  } as unknown as LogEntry;

  it('keeps the stored values as given, except the date, which becomes today', () => {
    const v = resumeStartingValues(stored, {}, false);
    expect(v).toMatchObject({
      description: 'Draft',
      subject: 'Old subject',
      costCents: 700,
      languageCode: 'DEU',
      salespersonCode: 'JO',
      taskNo: 'TD000001',
    });
    expect('date' in v).toBe(false);
  });
  it('lets the subject follow a new description and a blank salesperson take the default', () => {
    expect('subject' in resumeStartingValues(stored, { description: 'New' }, false)).toBe(false);
    // api.md §13.10: only a changed description carries the subject
    expect(resumeStartingValues(stored, { description: 'Draft' }, false).subject).toBe('Old subject');
    expect(resumeStartingValues(stored, { description: 'New', subject: 'Mine' }, false).subject).toBe('Old subject');
    expect('salespersonCode' in resumeStartingValues({ ...stored, salespersonCode: null }, {}, false)).toBe(false);
  });
  it('drops every template-derived value when the template changes', () => {
    const v = resumeStartingValues(stored, {}, true);
    for (const key of [
      'description',
      'subject',
      'costCents',
      'durationMin',
      'informationFlow',
      'initiatedBy',
      'languageCode',
      'campaignNo',
      'campaignTarget',
      'campaignResponse',
      'correspondenceType',
    ])
      expect(key in v).toBe(false);
    expect(v).toMatchObject({ evaluation: 'positive', taskNo: 'TD000001', timeOfInteraction: '08:00:00' });
  });
});
