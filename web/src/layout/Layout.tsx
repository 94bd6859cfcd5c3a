import {
  AppShell,
  Burger,
  Button,
  Group,
  Kbd,
  Menu,
  NavLink,
  ScrollArea,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import { IconChevronDown, IconLanguage, IconLogout, IconSearch, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { PAGES, type PageGroup } from '../app/page-registry';
import { useSession } from '../app/session';
import { chooseLanguage, LANGUAGES } from '../i18n/i18n';
import { GlobalSearch } from './GlobalSearch';

const GROUPS: readonly PageGroup[] = ['relationships', 'setup'];

/** The frame of every signed-in page: header with search and user menu, navigation, content. */
export function Layout() {
  const { t, i18n } = useTranslation();
  const { user, logout } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        {t('layout.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('layout.navigation')} />
            <UnstyledButton component={Link} to="/" aria-label={t('layout.home')}>
              <Title order={1} size="h3" c="blue.8">
                Rapport
              </Title>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="default"
              leftSection={<IconSearch size={16} aria-hidden />}
              rightSection={
                <Kbd size="xs" visibleFrom="sm">
                  Ctrl K
                </Kbd>
              }
              onClick={() => spotlight.open()}
              aria-label={t('search.open')}
            >
              <Text size="sm" visibleFrom="sm">
                {t('search.button')}
              </Text>
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  variant="subtle"
                  leftSection={<IconUserCircle size={18} aria-hidden />}
                  rightSection={<IconChevronDown size={14} aria-hidden />}
                >
                  <VisuallyHidden>{t('layout.userMenu')}</VisuallyHidden>
                  <Text size="sm" visibleFrom="sm">
                    {user?.fullName ?? user?.username}
                  </Text>
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  {user?.username} · {t(`roles.${user?.role ?? 'viewer'}`)}
                </Menu.Label>
                <Menu.Divider />
                <Menu.Label>
                  <Group gap={4}>
                    <IconLanguage size={14} aria-hidden />
                    {t('layout.language')}
                  </Group>
                </Menu.Label>
                {LANGUAGES.map((lang) => (
                  <Menu.Item
                    key={lang}
                    onClick={() => chooseLanguage(lang, user?.username)}
                    aria-current={i18n.language === lang ? 'true' : undefined}
                    fw={i18n.language === lang ? 700 : 400}
                  >
                    {t(`languages.${lang}`)}
                  </Menu.Item>
                ))}
                <Menu.Divider />
                <Menu.Item leftSection={<IconLogout size={14} aria-hidden />} onClick={() => void logout()}>
                  {t('layout.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('layout.navigation')}>
        <ScrollArea>
          <nav>
            {GROUPS.map((group) => (
              <div key={group}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
                  {t(`search.group.${group}`)}
                </Text>
                {PAGES.filter((p) => p.nav && p.group === group).map((p) => (
                  <NavLink
                    key={p.id}
                    component={Link}
                    to={p.path}
                    label={t(p.title)}
                    active={location.pathname === p.path}
                    onClick={close}
                  />
                ))}
              </div>
            ))}
          </nav>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
      <GlobalSearch />
    </AppShell>
  );
}
