import type { Stores } from '../stores';
import { decodeCursor, toPage } from '../shared/cursor';
import { duplicate, invalid, notFound } from '../shared/errors';
import { newSalesperson, refuseBlocked } from '../salesperson/salesperson-assignment';
import type { Page, UnitOfWork } from '../shared/unit-of-work';
import { datesInOrder, type Campaign, type CampaignChanges } from './campaign';

export interface NewCampaign {
  readonly no?: string | null | undefined;
  readonly description?: string | null | undefined;
  readonly startingDate?: string | null | undefined;
  readonly endingDate?: string | null | undefined;
  readonly salespersonCode?: string | null | undefined;
}

export interface CampaignService {
  list(q: { limit: number; cursor?: string | undefined }): Promise<Page<Campaign>>;
  get(no: string): Promise<Campaign>;
  create(input: NewCampaign): Promise<Campaign>;
  update(no: string, changes: CampaignChanges): Promise<Campaign>;
  remove(no: string): Promise<void>;
}

const datesOutOfOrder = (path: 'startingDate' | 'endingDate') =>
  invalid([{ path, message: path === 'endingDate' ? 'must not be before startingDate' : 'must not be after endingDate' }]);

/** Campaigns (domain.md §3.11): numbered from the CP series; deleting one takes its campaign entries. */
export function createCampaignService({ uow }: { uow: UnitOfWork<Stores> }): CampaignService {
  const must = async (s: Stores, no: string) => (await s.campaigns.get(no)) ?? Promise.reject(notFound.campaign(no));
  return {
    list: ({ limit, cursor }) =>
      uow.read(async (s) => {
        const after = decodeCursor(cursor, 'campaigns');
        const rows = await s.campaigns.list((after?.[0] as string | undefined) ?? null, limit + 1);
        return toPage(rows, limit, (r) => [r.no], 'campaigns');
      }),
    get: (no) => uow.read((s) => must(s, no)),
    create: (input) =>
      uow.transaction(async (s) => {
        const startingDate = input.startingDate ?? null;
        const endingDate = input.endingDate ?? null;
        if (!datesInOrder(startingDate, endingDate)) throw datesOutOfOrder('endingDate');
        const sp = await newSalesperson(s, input.salespersonCode, null);
        // the series lock also serialises manual numbers, so two creates of one number cannot race
        await s.lock('series:campaign');
        const no = input.no ?? (await s.nextNumber('campaign'));
        if (await s.campaigns.get(no)) throw duplicate('Campaign', no);
        refuseBlocked(sp);
        const campaign: Campaign = {
          no,
          description: input.description ?? null,
          startingDate,
          endingDate,
          salespersonCode: sp?.code ?? null,
        };
        await s.campaigns.insert(campaign);
        return campaign;
      }),
    update: (no, changes) =>
      uow.transaction(async (s) => {
        const stored = await must(s, no);
        const startingDate = changes.startingDate !== undefined ? changes.startingDate : stored.startingDate;
        const endingDate = changes.endingDate !== undefined ? changes.endingDate : stored.endingDate;
        if (!datesInOrder(startingDate, endingDate))
          throw datesOutOfOrder(changes.endingDate !== undefined ? 'endingDate' : 'startingDate');
        refuseBlocked(await newSalesperson(s, changes.salespersonCode, stored.salespersonCode));
        await s.campaigns.update(no, changes);
        return must(s, no);
      }),
    remove: (no) =>
      uow.transaction(async (s) => {
        await must(s, no);
        await s.campaigns.delete(no);
      }),
  };
}
