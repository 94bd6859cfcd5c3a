import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconColumns } from '@tabler/icons-react';
import type { VisibilityState } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';

export interface ChoosableColumn {
  readonly id: string;
  readonly label: string;
  /** Shown until the user hides it. */
  readonly default: boolean;
}

/** Which columns a list shows, remembered per list in this browser. */
export function useColumnVisibility(listId: string, columns: readonly ChoosableColumn[]): [VisibilityState, (v: VisibilityState) => void] {
  const [stored, setStored] = useLocalStorage<VisibilityState>({ key: `rapport.columns.${listId}`, defaultValue: {} });
  const visibility: VisibilityState = Object.fromEntries(columns.map((c) => [c.id, stored[c.id] ?? c.default]));
  return [visibility, setStored];
}

/** "Choose columns": show or hide the optional columns of a list. */
export function ColumnChooser({
  columns,
  visibility,
  onChange,
}: {
  columns: readonly ChoosableColumn[];
  visibility: VisibilityState;
  onChange: (v: VisibilityState) => void;
}) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" withinPortal trapFocus shadow="md">
      <Popover.Target>
        <Button variant="default" size="xs" leftSection={<IconColumns size={14} aria-hidden />}>
          {t('table.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown mah={420} style={{ overflowY: 'auto' }}>
        <Stack gap={6} role="group" aria-label={t('table.columns')}>
          <Text size="xs" c="dimmed">
            {t('table.columnsHint')}
          </Text>
          {columns.map((c) => (
            <Checkbox
              key={c.id}
              size="xs"
              label={c.label}
              checked={visibility[c.id] ?? c.default}
              onChange={(e) => onChange({ ...visibility, [c.id]: e.currentTarget.checked })}
            />
          ))}
          <Button size="xs" variant="subtle" onClick={() => onChange(Object.fromEntries(columns.map((c) => [c.id, c.default])))}>
            {t('table.resetColumns')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
