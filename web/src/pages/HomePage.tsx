import { Card, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PAGES } from '../app/page-registry';
import { useSession } from '../app/session';
import { PageHeader } from '../components/PageHeader';
import { useGuides } from '../guides/guide-context';

/** The start page: the everyday pages and tasks at a glance. */
export function HomePage() {
  const { t } = useTranslation();
  const { user, canWrite } = useSession();
  const guides = useGuides();
  const tile = (key: string, title: string, body: string, to?: string, onClick?: () => void) => {
    const content = (
      <>
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed">
          {body}
        </Text>
      </>
    );
    return to ? (
      <Card key={key} withBorder padding="md" component={Link} to={to} className="tile">
        {content}
      </Card>
    ) : (
      <UnstyledButton key={key} onClick={onClick} className="tile">
        <Card withBorder padding="md" h="100%">
          {content}
        </Card>
      </UnstyledButton>
    );
  };
  return (
    <Stack>
      <PageHeader title={t('home.title', { name: user?.fullName ?? user?.username ?? '' })} />
      <Text c="dimmed">{t('home.hint')}</Text>
      {canWrite && (
        <>
          <Title order={3} size="h5">
            {t('home.actions')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {tile('create', t('actions.createInteraction'), t('home.createHint'), undefined, () => guides.openCreateInteraction({}))}
            {tile('call', t('actions.makePhoneCall'), t('home.callHint'), undefined, () => guides.openPhoneCall({}))}
            {tile('search', t('search.button'), t('home.searchHint'), undefined, () => spotlight.open())}
          </SimpleGrid>
        </>
      )}
      <Title order={3} size="h5">
        {t('search.group.relationships')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {PAGES.filter((p) => p.group === 'relationships').map((p) => tile(p.id, t(p.title), t(`home.about.${p.id}`), p.path))}
      </SimpleGrid>
      <Title order={3} size="h5">
        {t('search.group.setup')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {PAGES.filter((p) => p.group === 'setup').map((p) => tile(p.id, t(p.title), t(`home.about.${p.id}`), p.path))}
      </SimpleGrid>
    </Stack>
  );
}
