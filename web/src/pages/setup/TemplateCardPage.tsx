import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, seg } from '../../api/client';
import type { Page, Template, TemplateLanguage } from '../../api/types';
import { useSession } from '../../app/session';
import { AttachmentActions } from '../../components/AttachmentActions';
import { useConfirm } from '../../components/confirm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { bodyOf, type FieldSpec, type Values } from '../../components/fields';
import { invalidateLookup } from '../../components/lookups';
import { PageHeader } from '../../components/PageHeader';
import { RecordFields, shownAtAField } from '../../components/RecordFields';
import { RecordForm } from '../../components/RecordForm';
import { INTERACTION_FIGURES, StatisticsDialog } from '../../components/StatisticsDialog';
import { useLoad } from '../../hooks/use-load';
import { TEMPLATE_FIELDS } from './template-fields';

const LANGUAGE_FIELDS: readonly FieldSpec[] = [
  { name: 'languageCode', kind: 'lookup', lookup: 'languages', required: true, key: true },
  { name: 'description', kind: 'text', max: 100 },
];

/** An interaction template's card with its languages and their attachments (domain.md §6.3). */
export function TemplateCardPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const confirm = useConfirm();
  const { isAdmin } = useSession();
  const base = `/interaction-templates/${seg(code)}`;
  const template = useLoad<Template>(base, (s) => api.get(base, undefined, s));
  const languages = useLoad<Page<TemplateLanguage>>(`${base}/languages`, (s) => api.get(`${base}/languages`, { limit: 500 }, s));
  const [values, setValues] = useState<Values | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [langForm, setLangForm] = useState<{ original: TemplateLanguage | null } | null>(null);
  const [stats, setStats] = useState(false);
  const current = values ?? (template.data as Values | undefined) ?? {};
  const rows = languages.data?.items ?? [];

  async function save() {
    if (!template.data) return;
    const body = bodyOf(TEMPLATE_FIELDS, current, template.data as Values);
    const lang = body.languageCodeDefault as string | null | undefined;
    // as BC: choosing a default language without a row asks before creating the row (R57)
    if (lang && !rows.some((r) => r.languageCode === lang) && !(await confirm({ message: t('templates.createLanguage', { code: lang }) })))
      return;
    setError(null);
    try {
      const saved = await api.patch<Template>(base, body);
      template.set(saved);
      setValues(null);
      invalidateLookup('templates');
      languages.reload();
      notifications.show({ message: t('common.saved'), color: 'green' });
    } catch (e) {
      setError(e);
    }
  }

  async function remove() {
    if (!(await confirm({ message: t('common.deleteOne', { key: code }), danger: true, defaultNo: true }))) return;
    try {
      await api.delete(base);
      invalidateLookup('templates');
      void navigate('/interaction-templates');
    } catch (e) {
      setError(e);
    }
  }

  async function removeLanguage(row: TemplateLanguage) {
    if (!(await confirm({ message: t('common.deleteOne', { key: row.languageCode }), danger: true, defaultNo: true }))) return;
    try {
      await api.delete(`${base}/languages/${seg(row.languageCode)}`);
      languages.reload();
      template.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <PageHeader
        title={t('pages.templateCard')}
        caption={template.data ? `${template.data.code} ${template.data.description ?? ''}` : code}
        actions={
          <>
            {isAdmin && (
              <Button size="xs" onClick={() => void save()} disabled={!values}>
                {t('common.save')}
              </Button>
            )}
            <Button size="xs" variant="default" onClick={() => navigate(`/entries?interactionTemplateCode=${seg(code)}`)}>
              {t('pages.entries')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setStats(true)}>
              {t('actions.statistics')}
            </Button>
            {isAdmin && (
              <Button size="xs" variant="default" color="red" onClick={() => void remove()}>
                {t('common.delete')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={template.error} />
      {error !== null && !shownAtAField(error, TEMPLATE_FIELDS) && <ErrorAlert error={error} onClose={() => setError(null)} />}
      <Stack>
        <Paper withBorder p="md">
          <RecordFields
            specs={TEMPLATE_FIELDS}
            values={current}
            onChange={(n, v) => setValues({ ...current, [n]: v })}
            error={error}
            readOnly={!isAdmin}
            existing
            cols={3}
          />
        </Paper>
        <Paper withBorder p="md" id="languages">
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5">
              {t('templates.languages')}
            </Title>
            {isAdmin && (
              <Button size="xs" variant="default" onClick={() => setLangForm({ original: null })}>
                {t('templates.addLanguage')}
              </Button>
            )}
          </Group>
          <Table aria-label={t('templates.languages')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.languageCode')}</Table.Th>
                <Table.Th>{t('fields.description')}</Table.Th>
                <Table.Th>{t('fields.attachment')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.languageCode}>
                  <Table.Td>
                    {r.languageCode}
                    {r.languageCode === template.data?.languageCodeDefault && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({t('templates.default')})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.description}</Table.Td>
                  <Table.Td>
                    <AttachmentActions
                      attachmentId={r.attachmentId}
                      path={`${base}/languages/${seg(r.languageCode)}/attachment`}
                      canWrite={isAdmin}
                      name={r.languageCode}
                      onChanged={() => {
                        languages.reload();
                        template.reload();
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    {isAdmin && (
                      <Group gap={4}>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setLangForm({ original: r })}
                          aria-label={t('templates.editLanguage', { code: r.languageCode })}
                        >
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => void removeLanguage(r)}
                          aria-label={t('templates.deleteLanguage', { code: r.languageCode })}
                        >
                          {t('common.delete')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed">
                      {t('templates.noLanguages')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>
      <RecordForm
        opened={langForm !== null}
        title={t('templates.languages')}
        specs={LANGUAGE_FIELDS}
        original={(langForm?.original as Values | null) ?? null}
        onClose={() => setLangForm(null)}
        onSubmit={async (body) => {
          if (langForm?.original) await api.patch(`${base}/languages/${seg(langForm.original.languageCode)}`, body);
          else await api.post(`${base}/languages`, body);
          languages.reload();
        }}
      />
      <StatisticsDialog
        title={`${t('actions.statistics')} — ${code}`}
        path={stats ? `${base}/statistics` : null}
        figures={INTERACTION_FIGURES}
        onClose={() => setStats(false)}
      />
    </>
  );
}
