import { Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';

/** The page's title (also the document title), an optional caption and its action bar. */
export function PageHeader({ title, caption, actions }: { title: string; caption?: string | null; actions?: ReactNode }) {
  const full = caption ? `${title} — ${caption}` : title;
  useEffect(() => {
    document.title = `${full} · Rapport`;
  }, [full]);
  return (
    <Stack gap={6} mb="sm">
      <Title order={2} size="h3">
        {title}
        {caption && (
          <Text span inherit c="dimmed" fw={400}>
            {' '}
            — {caption}
          </Text>
        )}
      </Title>
      {actions && (
        <Group gap={6} role="toolbar" aria-label={title} wrap="wrap">
          {actions}
        </Group>
      )}
    </Stack>
  );
}
