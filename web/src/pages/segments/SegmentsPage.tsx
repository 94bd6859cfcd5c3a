import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { seg } from '../../api/client';
import type { Segment } from '../../api/types';
import type { FieldSpec } from '../../components/fields';
import { RecordListPage } from '../../components/RecordListPage';
import { SEGMENT_FIELDS } from './segment-fields';

const COMPUTED: readonly FieldSpec[] = [{ name: 'noOfLines', kind: 'int' }];

/** Segments (domain.md §6.6). */
export function SegmentsPage() {
  const { t } = useTranslation();
  const empty = useMemo(() => ({}), []);
  return (
    <RecordListPage<Segment>
      id="segments"
      title={t('pages.segments')}
      path="/segments"
      keyField="no"
      fields={SEGMENT_FIELDS}
      displayFields={COMPUTED}
      columns={['no', 'description', 'campaignNo', 'salespersonCode', 'date', 'noOfLines', 'interactionTemplateCode']}
      writeRole="user"
      searchable
      initial={empty}
      cardPath={(s) => `/segments/${seg(s.no)}`}
    />
  );
}
