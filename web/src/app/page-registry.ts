// Every page and task a user can open from the navigation or the global search (domain.md §6.9).

export type PageGroup = 'relationships' | 'setup' | 'tasks';

export interface PageInfo {
  readonly id: string;
  readonly path: string;
  /** i18n key of the page's name. */
  readonly title: string;
  readonly group: PageGroup;
  /** Shown in the navigation (tasks are reached through the search and the pages' actions). */
  readonly nav: boolean;
  /** A task that changes data: hidden from viewers. */
  readonly writes?: boolean;
}

export const PAGES: readonly PageInfo[] = [
  { id: 'contacts', path: '/contacts', title: 'pages.contacts', group: 'relationships', nav: true },
  { id: 'entries', path: '/entries', title: 'pages.entries', group: 'relationships', nav: true },
  { id: 'postponed', path: '/postponed', title: 'pages.postponed', group: 'relationships', nav: true },
  { id: 'segments', path: '/segments', title: 'pages.segments', group: 'relationships', nav: true },
  { id: 'loggedSegments', path: '/logged-segments', title: 'pages.loggedSegments', group: 'relationships', nav: true },
  { id: 'campaigns', path: '/campaigns', title: 'pages.campaigns', group: 'relationships', nav: true },
  { id: 'groups', path: '/interaction-groups', title: 'pages.groups', group: 'setup', nav: true },
  { id: 'templates', path: '/interaction-templates', title: 'pages.templates', group: 'setup', nav: true },
  { id: 'templateSetup', path: '/interaction-template-setup', title: 'pages.templateSetup', group: 'setup', nav: true },
  { id: 'salespeople', path: '/salespeople', title: 'pages.salespeople', group: 'setup', nav: true },
  { id: 'languages', path: '/languages', title: 'pages.languages', group: 'setup', nav: true },
  {
    id: 'deleteCanceledEntries',
    path: '/entries/delete-canceled',
    title: 'pages.deleteCanceledEntries',
    group: 'tasks',
    nav: false,
    writes: true,
  },
  {
    id: 'deleteCanceledLoggedSegments',
    path: '/logged-segments/delete-canceled',
    title: 'pages.deleteCanceledLoggedSegments',
    group: 'tasks',
    nav: false,
    writes: true,
  },
  { id: 'importContacts', path: '/contacts/import', title: 'pages.importContacts', group: 'tasks', nav: false, writes: true },
  { id: 'createInteraction', path: '/entries?guide=create', title: 'pages.createInteraction', group: 'tasks', nav: false, writes: true },
];

/** True when every word of the query occurs in one of the names, in any order, ignoring case. */
export function matchesWords(query: string, names: readonly string[]): boolean {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  return names.some((name) => {
    const n = name.toLocaleLowerCase();
    return words.every((w) => n.includes(w));
  });
}
