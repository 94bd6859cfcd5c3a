import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { matchesWords, PAGES } from '../app/page-registry';
import { useSession } from '../app/session';
import { useGuides } from '../guides/guide-context';

/** "Tell me": finds pages and tasks by words of their names, in either language (Ctrl+K, Alt+Q). */
export function GlobalSearch() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { canWrite } = useSession();
  const guides = useGuides();

  const actions = useMemo<SpotlightActionData[]>(
    () =>
      PAGES.filter((p) => canWrite || !p.writes).map((p) => {
        const other = i18n.language === 'ru' ? 'en' : 'ru';
        return {
          id: p.id,
          label: t(p.title),
          description: t(`search.group.${p.group}`),
          // the name in the other language finds the page too
          keywords: [t(p.title, { lng: other })],
          onClick: () => (p.id === 'createInteraction' ? guides.openCreateInteraction({}) : navigate(p.path)),
        };
      }),
    [t, i18n.language, canWrite, navigate, guides],
  );

  return (
    <Spotlight
      actions={actions}
      shortcut={['mod + K', 'alt + Q']}
      nothingFound={t('search.nothingFound')}
      filter={(query, all) =>
        (all as SpotlightActionData[]).filter((a) => matchesWords(query, [a.label ?? '', ...((a.keywords as string[] | undefined) ?? [])]))
      }
      limit={20}
      searchProps={{
        leftSection: <IconSearch size={18} aria-hidden />,
        placeholder: t('search.placeholder'),
        'aria-label': t('search.label'),
      }}
    />
  );
}
