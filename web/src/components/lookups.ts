import { api } from '../api/client';
import type { Campaign, InteractionGroup, Language, Page, Salesperson, Template } from '../api/types';

// Small set-up lists used by selects, loaded once per page view and refreshed after a change.

export type LookupKind = 'salespeople' | 'templates' | 'groups' | 'campaigns' | 'languages';

export interface Option {
  readonly value: string;
  readonly label: string;
}

const PATHS: Record<LookupKind, string> = {
  salespeople: '/salespeople',
  templates: '/interaction-templates',
  groups: '/interaction-groups',
  campaigns: '/campaigns',
  languages: '/languages',
};

type Row = Salesperson | Template | InteractionGroup | Campaign | Language;
const cache = new Map<LookupKind, Promise<Row[]>>();

async function all<T>(path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api.get<Page<T>>(path, { limit: 500, cursor });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && out.length < 5000);
  return out;
}

export function lookupRows<T extends Row>(kind: LookupKind): Promise<T[]> {
  let p = cache.get(kind);
  if (!p) {
    p = all<Row>(PATHS[kind]);
    p.catch(() => cache.delete(kind));
    cache.set(kind, p);
  }
  return p as Promise<T[]>;
}

export function invalidateLookup(kind: LookupKind): void {
  cache.delete(kind);
}

export function toOption(kind: LookupKind, row: Row): Option {
  const key = 'code' in row ? row.code : row.no;
  const name = 'name' in row ? row.name : row.description;
  return { value: key, label: name ? `${key} · ${name}` : key };
}
