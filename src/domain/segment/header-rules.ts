import type { TemplateFacts } from '../interaction-log/logging';
import type { LineValues, SegmentHeader } from './segment';

/** Header fields a request may give; an absent field is not given, `null` blanks it. */
export type SegmentInput = {
  readonly [K in Exclude<keyof SegmentHeader, 'no' | 'interactionGroupCode'>]?: SegmentHeader[K] | undefined;
};

/** A header without values: what a new segment starts from (api.md §9.1). */
export function blankHeader(no: string): SegmentHeader {
  return {
    no,
    description: null,
    salespersonCode: null,
    date: null,
    campaignNo: null,
    campaignTarget: false,
    campaignResponse: false,
    interactionTemplateCode: null,
    interactionGroupCode: null,
    languageCodeDefault: null,
    subjectDefault: null,
    correspondenceTypeDefault: null,
    ignoreContactCorrespondenceType: false,
    unitCostCents: 0,
    unitDurationMin: 0,
    informationFlow: null,
    initiatedBy: null,
  };
}

/** The given fields over the header. */
export function applyInput(h: SegmentHeader, input: SegmentInput): SegmentHeader {
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  return { ...h, ...given };
}

/** The fields R39 copies from a template, each unless the same request gives it. */
const FROM_TEMPLATE = [
  'languageCodeDefault',
  'unitCostCents',
  'unitDurationMin',
  'informationFlow',
  'initiatedBy',
  'campaignTarget',
  'campaignResponse',
  'correspondenceTypeDefault',
  'ignoreContactCorrespondenceType',
] as const;

/**
 * R39: choosing a template (or none) clears the template-derived fields, then copies the
 * template's values for each field the request does not give, and its campaign when it has one;
 * the default subject is cleared unless given. As BC, clearing the template keeps the campaign.
 */
export function withTemplate(h: SegmentHeader, t: TemplateFacts | null, input: SegmentInput): SegmentHeader {
  const blank = blankHeader(h.no);
  const copied: Partial<Record<(typeof FROM_TEMPLATE)[number], unknown>> = {};
  for (const field of FROM_TEMPLATE) if (input[field] === undefined) copied[field] = t ? t[field] : blank[field];
  return {
    ...h,
    ...(copied as Partial<SegmentHeader>),
    interactionTemplateCode: t?.code ?? null,
    interactionGroupCode: t?.interactionGroupCode ?? null,
    campaignNo: input.campaignNo === undefined && t?.campaignNo ? t.campaignNo : h.campaignNo,
    subjectDefault: input.subjectDefault ?? null,
  };
}

/** The header values R40 pushes to the lines, as line values. */
export type PushedValues = Partial<
  Pick<
    LineValues,
    | 'description'
    | 'salespersonCode'
    | 'date'
    | 'campaignNo'
    | 'campaignTarget'
    | 'campaignResponse'
    | 'informationFlow'
    | 'initiatedBy'
    | 'costCents'
    | 'durationMin'
    | 'correspondenceType'
  >
>;

/**
 * R40: the header values that changed, as the line values they become. After a template change
 * the lines are re-resolved, so only what re-resolution keeps (salesperson, date) is pushed.
 */
export function pushedValues(old: SegmentHeader, h: SegmentHeader, templateChanged: boolean): PushedValues {
  const out: Record<string, unknown> = {};
  const pairs: [keyof PushedValues, keyof SegmentHeader][] = templateChanged
    ? [
        ['salespersonCode', 'salespersonCode'],
        ['date', 'date'],
      ]
    : [
        ['description', 'description'],
        ['salespersonCode', 'salespersonCode'],
        ['date', 'date'],
        ['campaignNo', 'campaignNo'],
        ['campaignTarget', 'campaignTarget'],
        ['campaignResponse', 'campaignResponse'],
        ['informationFlow', 'informationFlow'],
        ['initiatedBy', 'initiatedBy'],
        ['costCents', 'unitCostCents'],
        ['durationMin', 'unitDurationMin'],
        ['correspondenceType', 'correspondenceTypeDefault'],
      ];
  for (const [line, header] of pairs) if (old[header] !== h[header]) out[line] = h[header];
  return out as PushedValues;
}
