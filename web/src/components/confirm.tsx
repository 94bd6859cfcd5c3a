import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmOptions {
  readonly title?: string;
  readonly message: string;
  readonly yes?: string;
  readonly no?: string;
  /** Focus "No" first: the answer a user gets by pressing Enter (R24's default). */
  readonly defaultNo?: boolean;
  readonly danger?: boolean;
}

/** A yes/no question as a dialog; answers false when closed with Escape or "No". */
export function useConfirm(): (o: ConfirmOptions) => Promise<boolean> {
  const { t } = useTranslation();
  return useCallback(
    (o: ConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        let answered = false;
        const answer = (v: boolean) => {
          if (!answered) {
            answered = true;
            resolve(v);
          }
        };
        modals.openConfirmModal({
          title: o.title ?? t('common.confirmTitle'),
          children: <Text size="sm">{o.message}</Text>,
          labels: { confirm: o.yes ?? t('common.yes'), cancel: o.no ?? t('common.no') },
          confirmProps: { color: o.danger ? 'red' : 'blue', ...(o.defaultNo ? {} : { 'data-autofocus': true }) },
          cancelProps: o.defaultNo ? { 'data-autofocus': true } : {},
          onConfirm: () => answer(true),
          onCancel: () => answer(false),
          onClose: () => answer(false),
        });
      }),
    [t],
  );
}
