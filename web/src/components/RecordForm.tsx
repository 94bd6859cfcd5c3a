import { Button, Group, Modal, Stack } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';
import { bodyOf, type FieldSpec, type Values } from './fields';
import { RecordFields, shownAtAField } from './RecordFields';
import { useLatest } from '../hooks/use-latest';

export interface RecordFormProps {
  readonly opened: boolean;
  readonly title: string;
  readonly specs: readonly FieldSpec[];
  /** The record being changed; null creates a new one. */
  readonly original: Values | null;
  /** Values a new record starts with. */
  readonly initial?: Values;
  readonly readOnly?: boolean;
  readonly onClose: () => void;
  /** Sends the body (create: filled fields; change: changed fields). */
  readonly onSubmit: (body: Values) => Promise<void>;
}

/** A record's card as a dialog: every field labelled, each API error shown at its field. */
export function RecordForm({ opened, title, specs, original, initial, readOnly, onClose, onSubmit }: RecordFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const start = useLatest({ initial, original });
  useEffect(() => {
    // the form starts afresh each time it opens, not on every render of its parent
    if (opened) {
      setValues({ ...(start.current.initial ?? {}), ...(start.current.original ?? {}) });
      setError(null);
    }
  }, [opened, start]);

  const shownAtField = shownAtAField(error, specs);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(bodyOf(specs, values, original));
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          {error !== null && !shownAtField && <ErrorAlert error={error} />}
          <RecordFields
            specs={specs}
            values={values}
            onChange={(name, v) => setValues((prev) => ({ ...prev, [name]: v }))}
            error={error}
            readOnly={Boolean(readOnly)}
            existing={original !== null}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {readOnly ? t('common.close') : t('common.cancel')}
            </Button>
            {!readOnly && (
              <Button type="submit" loading={busy}>
                {t('common.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
