import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, downloadUrl } from '../../api/client';
import type { LogEntry, Opportunity, Task } from '../../api/types';
import { useSession } from '../../app/session';
import { useConfirm } from '../../components/confirm';
import { useSwitchCheckmark } from '../../components/switch-checkmark';
import { CommentsDialog } from './CommentsDialog';
import { CreateTaskDialog } from './CreateTaskDialog';
import { EvaluateDialog } from './EvaluateDialog';

export interface EntryActions {
  switchCanceled(selected: readonly LogEntry[]): Promise<void>;
  evaluate(selected: readonly LogEntry[]): void;
  comments(entry: LogEntry): void;
  showAttachment(entry: LogEntry): void;
  createOpportunity(entry: LogEntry): Promise<void>;
  createTask(entry: LogEntry): void;
  readonly error: unknown;
  clearError(): void;
  /** The dialogs the actions open; render once on the page. */
  readonly dialogs: ReactNode;
}

/** The actions on log entries shared by the log and a contact's History part (domain.md §6.1, §6.8). */
export function useEntryActions(onReplace: (rows: readonly LogEntry[]) => void): EntryActions {
  const { t } = useTranslation();
  const { canWrite } = useSession();
  const confirm = useConfirm();
  const switchCheckmark = useSwitchCheckmark('entry');
  const [error, setError] = useState<unknown>(null);
  const [evaluating, setEvaluating] = useState<readonly LogEntry[] | null>(null);
  const [commentsOf, setCommentsOf] = useState<LogEntry | null>(null);
  const [taskFor, setTaskFor] = useState<LogEntry | null>(null);

  async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(e);
      return undefined;
    }
  }

  async function switchCanceled(selected: readonly LogEntry[]) {
    const cancel = await switchCheckmark(selected);
    if (cancel === null) return;
    let removeUniqueAttachments = false;
    const withAttachment = selected.filter((e) => !e.canceled && e.attachmentId !== null);
    // R24: canceling may also remove attachments no one else uses; the default answer is No
    if (cancel && withAttachment.length > 0)
      removeUniqueAttachments = await confirm({
        message: t(selected.length === 1 ? 'cancel.removeAttachment' : 'cancel.removeAttachments'),
        defaultNo: true,
      });
    const res = await attempt(() =>
      api.post<{ items: LogEntry[] }>(`/interaction-log-entries/${cancel ? 'cancel' : 'uncancel'}`, {
        entryNos: selected.map((e) => e.entryNo),
        ...(cancel && { removeUniqueAttachments }),
      }),
    );
    if (res) onReplace(res.items);
  }

  async function createOpportunity(entry: LogEntry) {
    const res = await attempt(() =>
      api.post<{ opportunity: Opportunity; entry: LogEntry }>(`/interaction-log-entries/${entry.entryNo}/create-opportunity`, {}),
    );
    if (!res) return;
    onReplace([res.entry]);
    notifications.show({ message: t('entries.opportunityCreated', { no: res.opportunity.no }), color: 'green' });
  }

  const dialogs = (
    <>
      <EvaluateDialog
        opened={evaluating !== null}
        count={evaluating?.length ?? 0}
        onClose={() => setEvaluating(null)}
        onSubmit={async (evaluation) => {
          const rows = evaluating ?? [];
          setEvaluating(null);
          const res = await attempt(() =>
            api.post<{ items: LogEntry[] }>('/interaction-log-entries/evaluate', { entryNos: rows.map((e) => e.entryNo), evaluation }),
          );
          if (res) onReplace(res.items);
        }}
      />
      <CommentsDialog
        entryNo={commentsOf?.entryNo ?? null}
        canWrite={canWrite}
        onClose={() => setCommentsOf(null)}
        onChanged={() => {
          if (commentsOf)
            void api.get<LogEntry>(`/interaction-log-entries/${commentsOf.entryNo}`).then(
              (e) => onReplace([e]),
              () => undefined,
            );
        }}
      />
      <CreateTaskDialog
        entry={taskFor}
        onClose={() => setTaskFor(null)}
        onSubmit={async (body) => {
          const res = await api.post<{ task: Task }>(`/interaction-log-entries/${taskFor!.entryNo}/create-task`, body);
          setTaskFor(null);
          notifications.show({ message: t('entries.taskCreated', { no: res.task.no }), color: 'green' });
        }}
      />
    </>
  );

  return {
    switchCanceled,
    evaluate: (selected) => setEvaluating(selected),
    comments: (entry) => setCommentsOf(entry),
    showAttachment: (entry) => {
      if (entry.attachmentId !== null) window.open(downloadUrl(`/attachments/${entry.attachmentId}/content`), '_blank', 'noopener');
    },
    createOpportunity,
    createTask: (entry) => setTaskFor(entry),
    error,
    clearError: () => setError(null),
    dialogs,
  };
}
