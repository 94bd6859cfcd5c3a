import { Button, Menu } from '@mantine/core';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { downloadUrl, toQuery } from '../../api/client';
import type { LogEntry } from '../../api/types';
import { useSession } from '../../app/session';
import { FilteredListPage } from '../../components/FilteredListPage';
import { useFormat } from '../../format/format';
import { useGuides } from '../../guides/guide-context';
import { useFilteredList } from '../../hooks/use-filtered-list';
import { deleteCanceledFilters, ENTRY_FILTERS } from './entry-filters';
import { entryColumnChoices, entryColumns } from './entry-columns';
import { useCaption } from './use-caption';
import { useEntryActions } from './use-entry-actions';
import { EntrySelectionActions } from './EntrySelectionActions';

const SORTS = ['-entryNo', 'entryNo', '-date', 'date'];
const entryNoOf = (e: LogEntry) => e.entryNo;

/** Interaction Log Entries (domain.md §6.1): active and canceled entries, newest first. */
export function EntriesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const guides = useGuides();
  const { canWrite } = useSession();
  const state = useFilteredList<LogEntry>({ path: '/interaction-log-entries', filters: ENTRY_FILTERS, keyOf: entryNoOf, sorts: SORTS });
  const { filters, params, query, list, selected, one } = state;
  const columns = useMemo(() => entryColumns(t, f), [t, f]);
  const choices = useMemo(() => entryColumnChoices(t), [t]);
  const actions = useEntryActions(list.replace);
  const caption = useCaption(filters);

  // the global search's "Create Interaction" lands here with ?guide=create
  useEffect(() => {
    if (params.get('guide') === 'create') {
      guides.openCreateInteraction({});
      void navigate('/entries', { replace: true });
    }
  }, [params, guides, navigate]);

  function createInteraction() {
    // as BC: the guide starts from the page's filters (domain.md §5.1)
    guides.openCreateInteraction({
      ...(filters.contactNo && { contactNo: filters.contactNo }),
      ...(!filters.contactNo && filters.contactCompanyNo && { contactNo: filters.contactCompanyNo }),
      ...(filters.salespersonCode && { salespersonCode: filters.salespersonCode }),
      ...(filters.campaignNo && { campaignNo: filters.campaignNo }),
      ...(filters.taskNo && { taskNo: filters.taskNo }),
      ...(filters.opportunityNo && { opportunityNo: filters.opportunityNo }),
      onLogged: () => list.reload(),
    });
  }

  return (
    <FilteredListPage<LogEntry>
      title={t('pages.entries')}
      caption={caption}
      state={state}
      columns={columns}
      rowName={(e) => t('entries.rowName', { entryNo: e.entryNo })}
      columnChoice={{ id: 'entries', columns: choices }}
      error={actions.error}
      onClearError={actions.clearError}
      onOpen={(e) => actions.comments(e)}
      actions={
        <>
          {canWrite && (
            <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={createInteraction}>
              {t('actions.createInteraction')}
            </Button>
          )}
          <EntrySelectionActions actions={actions} selected={selected} />
          <Button size="xs" variant="default" disabled={!one} onClick={() => one && actions.comments(one)}>
            {t('actions.comments')}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={!one || one.attachmentId === null}
            onClick={() => one && actions.showAttachment(one)}
          >
            {t('actions.showAttachment')}
          </Button>
          {canWrite && (
            <Menu withinPortal position="bottom-start">
              <Menu.Target>
                <Button size="xs" variant="default">
                  {t('actions.more')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  disabled={!one || one.canceled || one.opportunityNo !== null}
                  onClick={() => one && void actions.createOpportunity(one)}
                >
                  {t('actions.createOpportunity')}
                </Menu.Item>
                <Menu.Item disabled={!one || one.canceled} onClick={() => one && actions.createTask(one)}>
                  {t('actions.createTask')}
                </Menu.Item>
                {/* the delete request starts from those of the page's filters it has (R27) */}
                <Menu.Item onClick={() => navigate(`/entries/delete-canceled${toQuery(deleteCanceledFilters(filters))}`)}>
                  {t('pages.deleteCanceledEntries')}
                </Menu.Item>
                <Menu.Item disabled>{t('actions.resend')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </>
      }
      trailingActions={
        <Button
          size="xs"
          variant="default"
          component="a"
          href={downloadUrl('/interaction-log-entries', { ...query, format: 'csv' })}
          download
          leftSection={<IconDownload size={14} aria-hidden />}
        >
          {t('actions.exportCsv')}
        </Button>
      }
    >
      {actions.dialogs}
    </FilteredListPage>
  );
}
