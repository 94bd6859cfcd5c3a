import { sql, type RawBuilder } from 'kysely';
import { hasInteractionCriterion, type Criteria, type CriteriaAction } from '../../domain/segment/criteria';
import type { CriteriaPort } from '../../domain/segment/segment-criteria.store';
import type { SqlDialect } from './sql-dialect';
import { fold, likeContains } from './codec';
import { txt, type SegDb } from './segment-row.kysely-store';

const CODE_KINDS = [
  ['industryGroupCodes', 'industry_group'],
  ['businessRelationCodes', 'business_relation'],
  ['mailingGroupCodes', 'mailing_group'],
] as const;

/** R43: the contact aliased `a` meets every criterion of the contact and interaction filters. */
export function contactMatch(dialect: SqlDialect, a: string, { contactFilter: f, interactionFilter: i }: Criteria): RawBuilder<boolean> {
  const col = (name: string) => sql.ref(`${a}.${name}`);
  const parts: RawBuilder<unknown>[] = [];
  const eq = (name: string, v: string | null) => {
    if (v !== null) parts.push(sql`${col(name)} = ${v}`);
  };
  eq('type', f.type);
  eq('company_no', f.companyNo);
  eq('salesperson_code', f.salespersonCode);
  eq('language_code', f.languageCode);
  eq('country_code', f.countryCode);
  eq('territory_code', f.territoryCode);
  if (f.postCodeFrom !== null) parts.push(sql`${dialect.binary(col('post_code'))} >= ${txt(f.postCodeFrom)}`);
  if (f.postCodeTo !== null) parts.push(sql`${dialect.binary(col('post_code'))} <= ${txt(f.postCodeTo)}`);
  for (const [key, kind] of CODE_KINDS) {
    const codes = f[key];
    if (codes.length > 0)
      parts.push(
        sql`exists (select 1 from contact_codes cc where cc.contact_no = ${col('no')} and cc.kind = ${kind} and cc.code in (${sql.join(codes)}))`,
      );
  }
  if (f.q !== null) parts.push(sql`${col('search')} like ${likeContains(fold(f.q))} escape '\\'`);
  if (hasInteractionCriterion(i)) {
    const e: RawBuilder<unknown>[] = [sql`e.contact_no = ${col('no')}`, sql`e.postponed = 0`];
    if (i.interactionTemplateCode !== null) e.push(sql`e.interaction_template_code = ${i.interactionTemplateCode}`);
    if (i.interactionGroupCode !== null) e.push(sql`e.interaction_group_code = ${i.interactionGroupCode}`);
    if (i.dateFrom !== null) e.push(sql`e.date >= ${i.dateFrom}`);
    if (i.dateTo !== null) e.push(sql`e.date <= ${i.dateTo}`);
    if (i.evaluation !== null) e.push(sql`e.evaluation = ${i.evaluation}`);
    if (i.campaignNo !== null) e.push(sql`e.campaign_no = ${i.campaignNo}`);
    if (i.salespersonCode !== null) e.push(sql`e.salesperson_code = ${i.salespersonCode}`);
    if (i.canceled !== null) e.push(sql`e.canceled = ${i.canceled ? 1 : 0}`);
    parts.push(sql`exists (select 1 from interaction_log_entries e where ${sql.join(e, sql` and `)})`);
  }
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` and `)})` : sql<boolean>`(1 = 1)`;
}

/**
 * The contacts an `add` takes (R43): the matches, with `expandCompanies` the persons of matched
 * companies, with `allowRelatedCompanies` the companies of matched persons.
 */
export function contactsToAdd(dialect: SqlDialect, criteria: Criteria): RawBuilder<unknown> {
  const match = contactMatch(dialect, 'm', criteria);
  const sets = [sql`select m.no from contacts m where ${match}`];
  if (criteria.options.expandCompanies)
    sets.push(
      sql`select p.no from contacts p join contacts m on p.company_no = m.no where m.type = 'company' and p.type = 'person' and ${match}`,
    );
  if (criteria.options.allowRelatedCompanies)
    sets.push(sql`select m.company_no from contacts m where m.type = 'person' and m.company_no is not null and ${match}`);
  return sql.join(sets, sql` union `);
}

/** Criteria actions and the lines they added and removed (R44, R45). */
/** Criteria as stored (criteria actions and saved criteria): filters and options as JSON text. */
export const criteriaColumns = (c: Criteria) => ({
  contact_filter: JSON.stringify(c.contactFilter),
  interaction_filter: JSON.stringify(c.interactionFilter),
  options: JSON.stringify(c.options),
});

export const criteriaFromColumns = (r: { contact_filter: string; interaction_filter: string; options: string }): Criteria => ({
  contactFilter: JSON.parse(r.contact_filter) as Criteria['contactFilter'],
  interactionFilter: JSON.parse(r.interaction_filter) as Criteria['interactionFilter'],
  options: JSON.parse(r.options) as Criteria['options'],
});

export function createCriteriaStore(db: SegDb, dialect: SqlDialect): CriteriaPort {
  // Line sets are plain SQL so that they can be used as `in (…)` lists on both dialects.
  const removedLines = (no: string, actionNo: number) =>
    sql`select a.line_no from criteria_action_contacts a where a.segment_no = ${no} and a.action_no = ${actionNo} and a.change = 'removed'`;
  const stillAdded = (no: string, actionNo: number) =>
    sql`select a.line_no from criteria_action_contacts a where a.segment_no = ${no} and a.action_no = ${actionNo} and a.change = 'added'
      and exists (select 1 from segment_lines l where l.segment_no = a.segment_no and l.line_no = a.line_no and l.contact_no = a.contact_no)`;
  /** Deletes the lines and their own language rows; answers the rows' attachment ids. */
  const deleteLines = async (no: string, lineNos: RawBuilder<unknown>) => {
    const own = sql`segment_no = ${no} and line_no <> 0 and line_no in (${lineNos})`;
    const rows = (await sql<{ attachment_id: number | null }>`select attachment_id from segment_languages where ${own}`.execute(db)).rows;
    await sql`delete from segment_languages where ${own}`.execute(db);
    await sql`delete from segment_lines where segment_no = ${no} and line_no in (${lineNos})`.execute(db);
    return rows.flatMap((r) => (r.attachment_id === null ? [] : [Number(r.attachment_id)]));
  };
  const toAction = (r: {
    action_no: number;
    kind: string;
    contact_filter: string;
    interaction_filter: string;
    options: string;
    affected: number;
    created_at: string;
  }): CriteriaAction => ({
    actionNo: Number(r.action_no),
    kind: r.kind as CriteriaAction['kind'],
    ...criteriaFromColumns(r),
    affected: Number(r.affected),
    createdAt: r.created_at,
  });
  const actions = (no: string) => db.selectFrom('criteria_actions').selectAll().where('segment_no', '=', no);

  return {
    criteriaActions: async (no) => (await actions(no).orderBy('action_no').execute()).map(toAction),
    async lastCriteriaAction(no) {
      const r = await actions(no).orderBy('action_no', 'desc').limit(1).executeTakeFirst();
      return r ? toAction(r) : null;
    },
    async insertCriteriaAction(no, a) {
      await db
        .insertInto('criteria_actions')
        .values({
          segment_no: no,
          action_no: a.actionNo,
          kind: a.kind,
          ...criteriaColumns(a),
          affected: a.affected,
          created_at: a.createdAt,
        })
        .execute();
    },
    async recordAdded(no, actionNo, fromLineNo) {
      await sql`insert into criteria_action_contacts (segment_no, action_no, change, line_no, contact_no)
        select l.segment_no, ${actionNo}, 'added', l.line_no, l.contact_no from segment_lines l
        where l.segment_no = ${no} and l.line_no >= ${fromLineNo}`.execute(db);
    },
    async removeLines(no, actionNo, criteria, keepMatching) {
      // a criterion on a blank value is unknown, not true: refining removes such contacts
      const match = contactMatch(dialect, 'c', criteria);
      const r = await sql`insert into criteria_action_contacts (segment_no, action_no, change, line_no, contact_no)
        select l.segment_no, ${actionNo}, 'removed', l.line_no, l.contact_no
        from segment_lines l join contacts c on c.no = l.contact_no
        where l.segment_no = ${no} and ${keepMatching ? sql`not coalesce(${match}, false)` : match}`.execute(db);
      const attachmentIds = await deleteLines(no, removedLines(no, actionNo));
      return { count: Number(r.numAffectedRows ?? 0), attachmentIds };
    },
    undoAdded: (no, actionNo) => deleteLines(no, stillAdded(no, actionNo)),
    async deleteCriteriaAction(no, actionNo) {
      await db.deleteFrom('criteria_action_contacts').where('segment_no', '=', no).where('action_no', '=', actionNo).execute();
      await db.deleteFrom('criteria_actions').where('segment_no', '=', no).where('action_no', '=', actionNo).execute();
    },
  };
}
