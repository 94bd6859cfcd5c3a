import { Button, Grid, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, seg } from '../../api/client';
import type { Segment, SegmentLine } from '../../api/types';
import { useSession } from '../../app/session';
import { useConfirm } from '../../components/confirm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { bodyOf, type FieldSpec, type Values } from '../../components/fields';
import { PageHeader } from '../../components/PageHeader';
import { RecordFields, shownAtAField } from '../../components/RecordFields';
import { useFormat } from '../../format/format';
import { useKeysetList } from '../../hooks/use-keyset-list';
import { useLoad } from '../../hooks/use-load';
import { CriteriaDialog, type CriteriaKind } from './CriteriaDialog';
import { CriteriaHistoryDialog } from './CriteriaHistoryDialog';
import { LogPreviewDialog } from './LogPreviewDialog';
import { LogSegmentDialog } from './LogSegmentDialog';
import { ReuseCriteriaDialog } from './ReuseCriteriaDialog';
import { SaveCriteriaDialog } from './SaveCriteriaDialog';
import { SEGMENT_CAMPAIGN, SEGMENT_FIELDS, SEGMENT_GENERAL, SEGMENT_INTERACTION } from './segment-fields';
import { SegmentLanguagesDialog } from './SegmentLanguagesDialog';
import { SegmentLines } from './SegmentLines';

const EMPTY = {};

/** The segment card (domain.md §6.6): header groups, lines and the criteria and log actions. */
export function SegmentCardPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { no = '' } = useParams();
  const navigate = useNavigate();
  const confirm = useConfirm();
  const { canWrite } = useSession();
  const base = `/segments/${seg(no)}`;
  const segment = useLoad<Segment>(base, (s) => api.get(base, undefined, s));
  const lines = useKeysetList<SegmentLine>(`${base}/lines`, EMPTY, (l) => l.lineNo);
  const [values, setValues] = useState<Values | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [criteria, setCriteria] = useState<CriteriaKind | null>(null);
  const [dialog, setDialog] = useState<'history' | 'languages' | 'preview' | 'log' | 'saveCriteria' | 'reuseCriteria' | null>(null);
  const s = segment.data;
  const current = values ?? (s as unknown as Values | undefined) ?? {};
  const refresh = () => {
    segment.reload();
    lines.reload();
  };

  async function save() {
    if (!s) return;
    const body = bodyOf(SEGMENT_FIELDS, current, s as unknown as Values);
    let applyToLines = true;
    // as BC: a header change asks whether the lines follow (R40)
    if (s.noOfLines > 0) {
      if ('interactionTemplateCode' in body)
        applyToLines = await confirm({ message: t('segments.applyTemplate', { code: body.interactionTemplateCode ?? '' }) });
      else {
        const pushed = Object.keys(body).filter((k) => !['languageCodeDefault', 'ignoreContactCorrespondenceType'].includes(k));
        if (pushed.length > 0)
          applyToLines = await confirm({
            message: t('segments.applyField', {
              field: pushed.map((k) => t(`fields.${k}`)).join(', '),
              code: s.interactionTemplateCode ?? '',
            }),
          });
      }
    }
    setError(null);
    try {
      segment.set(await api.patch<Segment>(base, body, { applyToLines }));
      setValues(null);
      lines.reload();
      notifications.show({ message: t('common.saved'), color: 'green' });
    } catch (e) {
      setError(e);
    }
  }

  async function goBack() {
    if (!(await confirm({ message: t('segments.goBackConfirm') }))) return;
    setError(null);
    try {
      const res = await api.post<{ undoneActionNo: number | null; noOfLines: number }>(`${base}/go-back`, {});
      notifications.show({
        message:
          res.undoneActionNo === null
            ? t('segments.nothingToUndo')
            : t('segments.undone', { actionNo: res.undoneActionNo, lines: res.noOfLines }),
      });
      refresh();
    } catch (e) {
      setError(e);
    }
  }

  async function remove() {
    if (!(await confirm({ message: t('common.deleteOne', { key: no }), danger: true, defaultNo: true }))) return;
    try {
      await api.delete(base);
      void navigate('/segments');
    } catch (e) {
      setError(e);
    }
  }

  // the group's first field enables the others (a template, a campaign), as on BC's card
  const group = (title: string, specs: readonly FieldSpec[], gated: boolean) => {
    const [lead, ...rest] = gated ? specs : [undefined, ...specs];
    const enabled = !gated || Boolean(lead && current[lead.name]);
    const change = (n: string, v: unknown) => setValues({ ...current, [n]: v });
    return (
      <Paper withBorder p="md" component="section" aria-label={title}>
        <Title order={3} size="h5" mb="xs">
          {title}
        </Title>
        <Stack gap="xs">
          {lead && <RecordFields specs={[lead]} values={current} onChange={change} error={error} readOnly={!canWrite} existing cols={1} />}
          <RecordFields
            specs={rest as FieldSpec[]}
            values={current}
            onChange={change}
            error={error}
            readOnly={!canWrite || !enabled}
            existing
            cols={2}
          />
        </Stack>
      </Paper>
    );
  };

  return (
    <>
      <PageHeader
        title={t('pages.segmentCard')}
        caption={s ? `${s.no} ${s.description ?? ''}` : no}
        actions={
          <>
            {canWrite && (
              <Button size="xs" onClick={() => void save()} disabled={!values}>
                {t('common.save')}
              </Button>
            )}
            {canWrite && (
              <Menu withinPortal>
                <Menu.Target>
                  <Button size="xs" variant="default">
                    {t('segments.contacts')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => setCriteria('add')}>{t('segments.add')}</Menu.Item>
                  <Menu.Item onClick={() => setCriteria('reduce')}>{t('segments.reduce')}</Menu.Item>
                  <Menu.Item onClick={() => setCriteria('refine')}>{t('segments.refine')}</Menu.Item>
                  <Menu.Item onClick={() => void goBack()}>{t('segments.goBack')}</Menu.Item>
                  <Menu.Divider />
                  <Menu.Item onClick={() => setDialog('saveCriteria')}>{t('segments.saveCriteriaAction')}</Menu.Item>
                  <Menu.Item onClick={() => setDialog('reuseCriteria')}>{t('segments.reuseCriteriaAction')}</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
            <Button size="xs" variant="default" onClick={() => setDialog('history')}>
              {t('segments.criteria')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setDialog('languages')}>
              {t('actions.languages')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setDialog('preview')}>
              {t('segments.preview')}
            </Button>
            {canWrite && (
              <Button size="xs" variant="default" onClick={() => setDialog('log')}>
                {t('segments.log')}
              </Button>
            )}
            {canWrite && (
              <Button size="xs" variant="default" color="red" onClick={() => void remove()}>
                {t('common.delete')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={segment.error} />
      {error !== null && !shownAtAField(error, SEGMENT_FIELDS) && <ErrorAlert error={error} onClose={() => setError(null)} />}
      <Grid>
        <Grid.Col span={{ base: 12, md: 6, xl: 4 }}>
          {group(t('segments.general'), SEGMENT_GENERAL, false)}
          <Text size="sm" mt="xs" c="dimmed">
            {t('fields.noOfLines')}: {f.int(s?.noOfLines)} · {t('fields.noOfCriteriaActions')}: {f.int(s?.noOfCriteriaActions)} ·{' '}
            {t('fields.costLcy')}: {f.money(s?.costLcy)}
          </Text>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6, xl: 5 }}>{group(t('segments.interaction'), SEGMENT_INTERACTION, true)}</Grid.Col>
        <Grid.Col span={{ base: 12, md: 6, xl: 3 }}>{group(t('segments.campaign'), SEGMENT_CAMPAIGN, true)}</Grid.Col>
      </Grid>
      <Stack mt="md">
        <SegmentLines segmentNo={no} list={lines} canWrite={canWrite} onChanged={() => segment.reload()} />
      </Stack>
      <CriteriaDialog
        segmentNo={no}
        kind={criteria}
        onClose={() => setCriteria(null)}
        onDone={(message) => {
          setCriteria(null);
          notifications.show({ message, color: 'green' });
          refresh();
        }}
      />
      <CriteriaHistoryDialog segmentNo={no} opened={dialog === 'history'} onClose={() => setDialog(null)} />
      <SegmentLanguagesDialog
        segmentNo={no}
        opened={dialog === 'languages'}
        canWrite={canWrite}
        onClose={() => setDialog(null)}
        onChanged={refresh}
      />
      <LogPreviewDialog segmentNo={no} opened={dialog === 'preview'} onClose={() => setDialog(null)} />
      {/* mounted while open, so that each opening starts empty */}
      {dialog === 'saveCriteria' && (
        <SaveCriteriaDialog
          segmentNo={no}
          opened
          onClose={() => setDialog(null)}
          onSaved={(c) => {
            setDialog(null);
            notifications.show({ message: t('segments.criteriaSaved', { code: c.code, count: c.noOfActions }), color: 'green' });
          }}
        />
      )}
      {dialog === 'reuseCriteria' && (
        <ReuseCriteriaDialog
          segmentNo={no}
          opened
          onClose={() => setDialog(null)}
          onReused={(r) => {
            setDialog(null);
            notifications.show({ message: t('segments.criteriaReused', { count: r.applied, lines: r.noOfLines }), color: 'green' });
            refresh();
          }}
        />
      )}
      {dialog === 'log' && (
        <LogSegmentDialog
          segmentNo={no}
          opened
          onClose={() => setDialog(null)}
          onLogged={(r) => {
            setDialog(null);
            notifications.show({ message: t('segments.logged', { no }), color: 'green' });
            void navigate(`/entries?loggedSegmentEntryNo=${r.loggedSegmentEntryNo}`);
          }}
        />
      )}
    </>
  );
}
