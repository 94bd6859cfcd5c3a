import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ru } from './ru';

// English and Russian, chosen per user and remembered in this browser.

export const LANGUAGES = ['en', 'ru'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];

const KEY = 'rapport.language';
const userKey = (username: string) => `${KEY}.${username}`;

function stored(key: string): UiLanguage | undefined {
  try {
    const v = localStorage.getItem(key);
    return (LANGUAGES as readonly string[]).includes(v ?? '') ? (v as UiLanguage) : undefined;
  } catch {
    return undefined;
  }
}

function initial(): UiLanguage {
  return stored(KEY) ?? (navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en');
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: initial(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

function apply(lang: UiLanguage): void {
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}
apply(i18next.language as UiLanguage);

/** Switches the UI language and remembers it for the user (and as the sign-in page's language). */
export function chooseLanguage(lang: UiLanguage, username?: string): void {
  try {
    localStorage.setItem(KEY, lang);
    if (username) localStorage.setItem(userKey(username), lang);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
  apply(lang);
}

/** After sign-in: the language this user chose before, if any. */
export function restoreLanguage(username: string): void {
  const lang = stored(userKey(username));
  if (lang && lang !== i18next.language) chooseLanguage(lang, username);
}

export { i18next };
