import { useEffect, useEffectEvent, useState } from 'react';
import { api, seg } from '../api/client';
import type { Contact } from '../api/types';

/**
 * The contact a guide's draft names: the one the user chose, or the one a context or a resumed
 * entry gave, loaded for its company, language and phone numbers.
 */
export function useDraftContact(contactNo: string | null, onLoaded?: (c: Contact) => void): [Contact | null, (c: Contact | null) => void] {
  const [contact, setContact] = useState<Contact | null>(null);
  const loaded = useEffectEvent((c: Contact) => {
    setContact(c);
    onLoaded?.(c);
  });
  const heldNo = contact?.no;
  useEffect(() => {
    if (!contactNo || heldNo === contactNo) return;
    let live = true;
    void api.get<Contact>(`/contacts/${seg(contactNo)}`).then(
      (c) => live && loaded(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [contactNo, heldNo]);
  return [contact, setContact];
}
