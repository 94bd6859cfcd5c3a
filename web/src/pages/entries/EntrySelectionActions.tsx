import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LogEntry } from '../../api/types';
import { useSession } from '../../app/session';
import type { EntryActions } from './use-entry-actions';

/** Switch Checkmark in Canceled and Evaluate on the selected entries: the log's and the History's first actions. */
export function EntrySelectionActions({ actions, selected }: { actions: EntryActions; selected: readonly LogEntry[] }) {
  const { t } = useTranslation();
  const { canWrite } = useSession();
  if (!canWrite) return null;
  return (
    <>
      <Button size="xs" variant="default" disabled={selected.length === 0} onClick={() => void actions.switchCanceled(selected)}>
        {t('actions.switchCanceled')}
      </Button>
      <Button size="xs" variant="default" disabled={selected.length === 0} onClick={() => actions.evaluate(selected)}>
        {t('actions.evaluate')}
      </Button>
    </>
  );
}
