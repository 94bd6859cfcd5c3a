import { sql, type Kysely, type Selectable } from 'kysely';
import type { InteractionTemplate, TemplateChanges, TemplateLanguage } from '../../domain/interaction-template/interaction-template';
import type { InteractionTemplateStore } from '../../domain/interaction-template/interaction-template.store';
import { fromFlag, toFlag } from './codec';
import type { Database, InteractionTemplatesTable, TemplateLanguagesTable } from './database';

type TemplateRow = Selectable<InteractionTemplatesTable> & { attachment_id: number | null };

function toTemplate(r: TemplateRow): InteractionTemplate {
  return {
    code: r.code,
    interactionGroupCode: r.interaction_group_code,
    description: r.description,
    unitCostCents: Number(r.unit_cost_cents),
    unitDurationMin: Number(r.unit_duration_min),
    informationFlow: r.information_flow as InteractionTemplate['informationFlow'],
    initiatedBy: r.initiated_by as InteractionTemplate['initiatedBy'],
    campaignNo: r.campaign_no,
    campaignTarget: fromFlag(r.campaign_target),
    campaignResponse: fromFlag(r.campaign_response),
    correspondenceTypeDefault: r.correspondence_type_default as InteractionTemplate['correspondenceTypeDefault'],
    ignoreContactCorrespondenceType: fromFlag(r.ignore_contact_correspondence_type),
    languageCodeDefault: r.language_code_default,
    wizardAction: r.wizard_action as InteractionTemplate['wizardAction'],
    attachmentId: r.attachment_id === null ? null : Number(r.attachment_id),
  };
}

function toLanguage(r: Selectable<TemplateLanguagesTable>): TemplateLanguage {
  return {
    templateCode: r.template_code,
    languageCode: r.language_code,
    description: r.description,
    attachmentId: r.attachment_id === null ? null : Number(r.attachment_id),
  };
}

/** Stored columns of a change; absent fields stay as they are. */
function columns(c: TemplateChanges): Partial<InteractionTemplatesTable> {
  const row: Partial<InteractionTemplatesTable> = {};
  if (c.interactionGroupCode !== undefined) row.interaction_group_code = c.interactionGroupCode;
  if (c.description !== undefined) row.description = c.description;
  if (c.unitCostCents !== undefined) row.unit_cost_cents = c.unitCostCents;
  if (c.unitDurationMin !== undefined) row.unit_duration_min = c.unitDurationMin;
  if (c.informationFlow !== undefined) row.information_flow = c.informationFlow;
  if (c.initiatedBy !== undefined) row.initiated_by = c.initiatedBy;
  if (c.campaignNo !== undefined) row.campaign_no = c.campaignNo;
  if (c.campaignTarget !== undefined) row.campaign_target = toFlag(c.campaignTarget);
  if (c.campaignResponse !== undefined) row.campaign_response = toFlag(c.campaignResponse);
  if (c.correspondenceTypeDefault !== undefined) row.correspondence_type_default = c.correspondenceTypeDefault;
  if (c.ignoreContactCorrespondenceType !== undefined) row.ignore_contact_correspondence_type = toFlag(c.ignoreContactCorrespondenceType);
  if (c.languageCodeDefault !== undefined) row.language_code_default = c.languageCodeDefault;
  if (c.wizardAction !== undefined) row.wizard_action = c.wizardAction;
  return row;
}

const LANGUAGE_COLUMNS = ['template_code', 'language_code', 'description', 'attachment_id'] as const;

export function createInteractionTemplateStore(db: Kysely<Database>): InteractionTemplateStore {
  // The computed attachment is the one of the default language's row.
  const templates = () =>
    db
      .selectFrom('interaction_templates as t')
      .leftJoin('template_languages as l', (j) =>
        j.onRef('l.template_code', '=', 't.code').onRef('l.language_code', '=', 't.language_code_default'),
      )
      .selectAll('t')
      .select('l.attachment_id');
  const one = sql<number>`1`.as('one');
  const exists = async (q: { executeTakeFirst(): Promise<unknown> }) => (await q.executeTakeFirst()) !== undefined;

  return {
    async get(code) {
      const r = await templates().where('t.code', '=', code).executeTakeFirst();
      return r ? toTemplate(r) : null;
    },
    async list({ interactionGroupCode, afterCode, limit }) {
      let q = templates().orderBy('t.code').limit(limit);
      if (interactionGroupCode !== null) q = q.where('t.interaction_group_code', '=', interactionGroupCode);
      if (afterCode !== null) q = q.where('t.code', '>', afterCode);
      return (await q.execute()).map(toTemplate);
    },
    async insert(t) {
      const { code, ...rest } = t;
      await db
        .insertInto('interaction_templates')
        .values({ code, ...(columns(rest) as Omit<InteractionTemplatesTable, 'code'>) })
        .execute();
    },
    async update(code, changes) {
      const row = columns(changes);
      if (Object.keys(row).length) await db.updateTable('interaction_templates').set(row).where('code', '=', code).execute();
    },
    async delete(code) {
      await db.deleteFrom('template_languages').where('template_code', '=', code).execute();
      await db.deleteFrom('interaction_templates').where('code', '=', code).execute();
    },
    async isUsed(code) {
      const r = await db
        .selectNoFrom((eb) => [
          eb.exists(eb.selectFrom('interaction_log_entries').select(one).where('interaction_template_code', '=', code)).as('entries'),
          eb.exists(eb.selectFrom('segments').select(one).where('interaction_template_code', '=', code)).as('segments'),
          eb.exists(eb.selectFrom('segment_lines').select(one).where('interaction_template_code', '=', code)).as('lines'),
          eb.exists(eb.selectFrom('template_setup').select(one).where('template_code', '=', code)).as('setup'),
        ])
        .executeTakeFirstOrThrow();
      return [r.entries, r.segments, r.lines, r.setup].some((v) => fromFlag(v as number | boolean));
    },
    groupExists: (code) => exists(db.selectFrom('interaction_groups').select('code').where('code', '=', code)),
    campaignExists: (no) => exists(db.selectFrom('campaigns').select('no').where('no', '=', no)),

    async getLanguage(code, languageCode) {
      const r = await db
        .selectFrom('template_languages')
        .select(LANGUAGE_COLUMNS)
        .where('template_code', '=', code)
        .where('language_code', '=', languageCode)
        .executeTakeFirst();
      return r ? toLanguage(r) : null;
    },
    async listLanguages(code, after, limit) {
      let q = db
        .selectFrom('template_languages')
        .select(LANGUAGE_COLUMNS)
        .where('template_code', '=', code)
        .orderBy('language_code')
        .limit(limit);
      if (after !== null) q = q.where('language_code', '>', after);
      return (await q.execute()).map(toLanguage);
    },
    async insertLanguage(row) {
      await db
        .insertInto('template_languages')
        .values({
          template_code: row.templateCode,
          language_code: row.languageCode,
          description: row.description,
          attachment_id: row.attachmentId,
        })
        .execute();
    },
    async updateLanguage(code, languageCode, c) {
      const row: Partial<TemplateLanguagesTable> = {};
      if (c.description !== undefined) row.description = c.description;
      if (c.attachmentId !== undefined) row.attachment_id = c.attachmentId;
      if (Object.keys(row).length === 0) return;
      await db
        .updateTable('template_languages')
        .set(row)
        .where('template_code', '=', code)
        .where('language_code', '=', languageCode)
        .execute();
    },
    async deleteLanguage(code, languageCode) {
      await db.deleteFrom('template_languages').where('template_code', '=', code).where('language_code', '=', languageCode).execute();
    },
    async languageAttachmentIds(code) {
      const rows = await db
        .selectFrom('template_languages')
        .select('attachment_id')
        .where('template_code', '=', code)
        .where('attachment_id', 'is not', null)
        .execute();
      return rows.map((r) => Number(r.attachment_id));
    },
  };
}
