import { useTranslation } from 'react-i18next';
import { RecordListPage } from '../../components/RecordListPage';
import type { FieldSpec } from '../../components/fields';
import type { Language } from '../../api/types';

const FIELDS: readonly FieldSpec[] = [
  { name: 'code', kind: 'code', max: 10, required: true, key: true },
  { name: 'name', kind: 'text', max: 50, required: true },
];

export function LanguagesPage() {
  const { t } = useTranslation();
  return (
    <RecordListPage<Language>
      id="languages"
      title={t('pages.languages')}
      path="/languages"
      keyField="code"
      fields={FIELDS}
      columns={['code', 'name']}
      writeRole="admin"
      lookup="languages"
    />
  );
}
