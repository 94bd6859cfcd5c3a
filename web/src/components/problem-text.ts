import type { TFunction } from 'i18next';
import { isApiError } from '../api/problem';

/**
 * A readable sentence for a failure: the catalogue message of its code in the UI language; the
 * server's detail (which names the record) follows when the UI is not in English.
 */
export function problemText(err: unknown, t: TFunction): string {
  if (!isApiError(err)) return t('errors.unexpected');
  if (err.code === 'validation_failed' && err.errors.length > 0) {
    const fields = err.errors.map((e) => `${fieldLabel(e.path, t)}: ${e.message}`).join('; ');
    return t('errors.validation', { fields });
  }
  const known = t(`errors.${err.code}`, { defaultValue: '' });
  if (!known) return err.detail;
  // English details are the catalogue messages with the record named: more precise than ours
  if (t('meta.lang') === 'en' && err.detail) return err.detail;
  return err.detail && err.detail !== known ? `${known} (${err.detail})` : known;
}

/** The label of an input path such as `contactNo`, `query.dateFrom` or `lines.3.name`. */
export function fieldLabel(path: string, t: TFunction): string {
  const name = path.replace(/^(query|params|headers)\./, '');
  if (name === '') return t('errors.request');
  const last =
    name
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? name;
  return t(`fields.${last}`, { defaultValue: name });
}
