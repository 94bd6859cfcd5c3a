import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVALUATIONS } from '../../api/enums';

/** Evaluate Interaction (R25): a value for the selected entries, or none to clear it. */
export function EvaluateDialog({
  opened,
  count,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  count: number;
  onClose: () => void;
  onSubmit: (evaluation: string | null) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened={opened} onClose={onClose} title={t('actions.evaluate')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void onSubmit(value).finally(() => setBusy(false));
        }}
      >
        <Stack>
          <Select
            label={t('fields.evaluation')}
            description={t('entries.evaluateFor', { count })}
            data={[
              { value: '', label: t('entries.noEvaluation') },
              ...EVALUATIONS.map((v) => ({ value: v, label: t(`enums.evaluation.${v}`) })),
            ]}
            value={value ?? ''}
            onChange={(v) => setValue(v || null)}
            data-autofocus
            comboboxProps={{ withinPortal: true }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.ok')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
