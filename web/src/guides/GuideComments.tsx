import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The Comments action of a guide: lines kept with the draft until Finish (R15). */
export function GuideComments({
  opened,
  lines,
  onChange,
  onClose,
}: {
  opened: boolean;
  lines: readonly string[];
  onChange: (lines: string[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={t('actions.comments')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        {lines.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('entries.noComments')}
          </Text>
        )}
        {lines.map((l, i) => (
          <Group key={i} justify="space-between" wrap="nowrap">
            <Text size="sm">{l}</Text>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('entries.deleteComment', { lineNo: i + 1 })}
              onClick={() => onChange(lines.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) onChange([...lines, text.trim()]);
            setText('');
          }}
        >
          <Group align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              label={t('entries.newComment')}
              value={text}
              maxLength={80}
              onChange={(e) => setText(e.currentTarget.value)}
              data-autofocus
            />
            <Button type="submit">{t('common.add')}</Button>
          </Group>
        </form>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
