import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Contact, Template, TemplateSetup } from '../api/types';
import { useSession } from '../app/session';
import { lookupRows } from '../components/lookups';
import type { PhoneCallStart } from './guide-context';
import { useDraftContact } from './use-draft-contact';

/** What the Make Phone Call guide collects before Finish sends one POST /interactions/phone-call. */
export interface CallDraft {
  readonly contactNo: string | null;
  readonly contactVia: string;
  readonly description: string;
  readonly salespersonCode: string | null;
  readonly evaluation: string | null;
  readonly costLcy: number;
  readonly durationMin: number;
  readonly successful: boolean;
  readonly campaignNo: string | null;
  readonly opportunityNo: string | null;
  readonly comments: readonly string[];
}

export interface CallDraftState {
  readonly draft: CallDraft;
  set(patch: Partial<CallDraft>): void;
  readonly contact: Contact | null;
  chooseContact(no: string | null, contact: Contact | null): void;
  /** The Outgoing Calls template: undefined while loading, null when the setup has none (R38). */
  readonly template: Template | null | undefined;
}

/** The phone call's draft: the Outgoing Calls template's values and the contact's phone number. */
export function useCallDraft(start: PhoneCallStart, onError: (e: unknown) => void): CallDraftState {
  const { user } = useSession();
  const [template, setTemplate] = useState<Template | null | undefined>(undefined);
  const [draft, setDraft] = useState<CallDraft>({
    contactNo: start.contactNo ?? null,
    contactVia: start.contactVia ?? '',
    description: '',
    salespersonCode: user?.salespersonCode ?? null,
    evaluation: null,
    costLcy: 0,
    durationMin: 0,
    successful: true,
    campaignNo: start.campaignNo ?? null,
    opportunityNo: null,
    comments: [],
  });
  const set = (p: Partial<CallDraft>) => setDraft((d) => ({ ...d, ...p }));
  // a contact given by the context brings its phone number
  const [contact, setContact] = useDraftContact(draft.contactNo, (c) =>
    setDraft((d) => ({ ...d, contactVia: d.contactVia || c.phoneNo || c.mobilePhoneNo || '' })),
  );

  // the guide does not open without an Outgoing Calls template (R38)
  useEffect(() => {
    void api.get<TemplateSetup>('/interaction-template-setup').then(async (s) => {
      if (!s.outgoingCalls) return setTemplate(null);
      const tpl = (await lookupRows<Template>('templates')).find((r) => r.code === s.outgoingCalls) ?? null;
      setTemplate(tpl);
      if (tpl)
        setDraft((d) => ({
          ...d,
          description: d.description || (tpl.description ?? ''),
          costLcy: tpl.unitCostLcy,
          durationMin: tpl.unitDurationMin,
          campaignNo: d.campaignNo ?? tpl.campaignNo,
        }));
    }, onError);
  }, [onError]);

  return {
    draft,
    set,
    contact,
    chooseContact(no, c) {
      setContact(c);
      set({ contactNo: no, contactVia: c?.phoneNo ?? c?.mobilePhoneNo ?? '' });
    },
    template,
  };
}
