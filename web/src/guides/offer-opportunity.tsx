import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { LogEntry, Opportunity } from '../api/types';
import { problemText } from '../components/problem-text';

/** After Finish without an opportunity: "Do you want to create an opportunity for contact {name}?" (R52). */
export function useOfferOpportunity(): (entry: LogEntry, contactName: string) => void {
  const { t } = useTranslation();
  return useCallback(
    (entry: LogEntry, contactName: string) => {
      const id = `opportunity-${entry.entryNo}`;
      const create = async () => {
        notifications.hide(id);
        try {
          const res = await api.post<{ opportunity: Opportunity }>(`/interaction-log-entries/${entry.entryNo}/create-opportunity`, {});
          notifications.show({ message: t('entries.opportunityCreated', { no: res.opportunity.no }), color: 'green' });
        } catch (e) {
          notifications.show({ message: problemText(e, t), color: 'red' });
        }
      };
      notifications.show({
        id,
        autoClose: 12_000,
        message: (
          <>
            <Text size="sm">{t('guide.offerOpportunity', { name: contactName })}</Text>
            <Group gap="xs" mt={6}>
              <Button size="compact-xs" onClick={() => void create()}>
                {t('common.yes')}
              </Button>
              <Button size="compact-xs" variant="default" onClick={() => notifications.hide(id)}>
                {t('common.no')}
              </Button>
            </Group>
          </>
        ),
      });
    },
    [t],
  );
}
