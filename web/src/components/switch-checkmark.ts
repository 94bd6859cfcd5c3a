import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from './confirm';

/**
 * "Switch Checkmark in Canceled" (R22, R49, R51): the new value is the opposite of the first
 * selected line's, applied to all selected lines after the spec's question. Answers the value
 * to set, or null when the user said no.
 */
export function useSwitchCheckmark(record: 'entry' | 'loggedSegment' | 'campaignEntry') {
  const { t } = useTranslation();
  const confirm = useConfirm();
  return useCallback(
    async (rows: readonly { entryNo: number; canceled: boolean }[]): Promise<boolean | null> => {
      const first = rows[0];
      if (!first) return null;
      const cancel = !first.canceled;
      const name = t(`cancel.record.${record}`);
      const message =
        rows.length === 1
          ? t(cancel ? 'cancel.markOne' : 'cancel.unmarkOne', { record: name, entryNo: first.entryNo })
          : t(cancel ? 'cancel.markMany' : 'cancel.unmarkMany', { count: rows.length });
      return (await confirm({ message })) ? cancel : null;
    },
    [t, confirm, record],
  );
}
