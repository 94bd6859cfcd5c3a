import { Button } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl } from '../../api/client';
import type { LogEntry } from '../../api/types';
import { useSession } from '../../app/session';
import { useConfirm } from '../../components/confirm';
import { FilteredListPage } from '../../components/FilteredListPage';
import { useFormat } from '../../format/format';
import { useGuides } from '../../guides/guide-context';
import { useFilteredList } from '../../hooks/use-filtered-list';
import { entryColumnChoices, entryColumns } from './entry-columns';
import { POSTPONED_FILTERS } from './entry-filters';
import { useCaption } from './use-caption';

const WITHOUT = ['canceled'];
const entryNoOf = (e: LogEntry) => e.entryNo;

/** Postponed Interactions (domain.md §6.2): resume in the guide, or delete. */
export function PostponedPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const guides = useGuides();
  const confirm = useConfirm();
  const { canWrite } = useSession();
  const state = useFilteredList<LogEntry>({ path: '/postponed-interactions', filters: POSTPONED_FILTERS, keyOf: entryNoOf });
  const { list, selected, one } = state;
  const [error, setError] = useState<unknown>(null);
  const columns = useMemo(() => entryColumns(t, f, WITHOUT), [t, f]);
  const choices = useMemo(() => entryColumnChoices(t, WITHOUT), [t]);
  const caption = useCaption(state.filters);
  const resume = (e: LogEntry) => guides.openCreateInteraction({ resume: e, onLogged: () => list.reload() });

  async function remove() {
    if (!(await confirm({ message: t('postponed.deleteConfirm'), danger: true, defaultNo: true }))) return;
    setError(null);
    const gone: number[] = [];
    try {
      for (const e of selected) {
        await api.delete(`/postponed-interactions/${e.entryNo}`);
        gone.push(e.entryNo);
      }
    } catch (e) {
      setError(e);
    } finally {
      list.remove(gone);
      state.setSelection({});
    }
  }

  return (
    <FilteredListPage<LogEntry>
      title={t('pages.postponed')}
      caption={caption}
      state={state}
      columns={columns}
      rowName={(e) => t('entries.rowName', { entryNo: e.entryNo })}
      columnChoice={{ id: 'postponed', columns: choices }}
      error={error}
      onClearError={() => setError(null)}
      onOpen={(e) => canWrite && resume(e)}
      actions={
        <>
          {canWrite && (
            <Button size="xs" disabled={!one} onClick={() => one && resume(one)}>
              {t('postponed.resume')}
            </Button>
          )}
          {canWrite && (
            <Button size="xs" variant="default" color="red" disabled={selected.length === 0} onClick={() => void remove()}>
              {t('common.delete')}
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            disabled={!one || one.attachmentId === null}
            component="a"
            href={one?.attachmentId ? downloadUrl(`/attachments/${one.attachmentId}/content`) : undefined}
            target="_blank"
          >
            {t('actions.showAttachment')}
          </Button>
        </>
      }
    />
  );
}
