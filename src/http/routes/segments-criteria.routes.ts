import { z } from 'zod';
import type { App } from '../../app/create-app';
import { listQuery, page } from '../../contract/common';
import { reuseCriteriaBody, reuseCriteriaOut, saveCriteriaBody, savedCriteriaOut } from '../../contract/saved-criteria';
import { toSavedCriteriaJson } from '../../edge/json/saved-criteria';
import { addedOut, criteriaActionOut, criteriaBody, goBackOut, keptOut, removedOut } from '../../contract/segment-criteria';
import { toCriteriaActionJson } from '../../edge/json/segment-criteria';
import { segmentParams } from '../../contract/segment-header';
import { answer, type Router } from '../route';
import { actor, BASE, tags } from './segments-support';

// Criteria actions, their history and saved criteria of a segment (api.md §9).

export function criteriaRoutes(r: Router, app: App) {
  const criteria = app.services.segments.criteria;
  const kinds = [
    ['add-contacts', 'add', addedOut, 'added', 'Add contacts by criteria (R43)'],
    ['reduce-contacts', 'reduce', removedOut, 'removed', 'Remove the lines whose contact matches (R44)'],
    ['refine-contacts', 'refine', keptOut, 'kept', 'Keep only the lines whose contact matches (R44)'],
  ] as const;
  for (const [path, kind, response, field, summary] of kinds) {
    r.route({
      method: 'POST',
      url: `${BASE}/:no/${path}`,
      access: 'user',
      summary,
      tags,
      params: segmentParams,
      body: criteriaBody,
      response,
      async handler({ params, body }) {
        const res = await criteria.apply(params.no, kind, body);
        return { [field]: res.affected, noOfLines: res.noOfLines };
      },
    });
  }
  r.route({
    method: 'GET',
    url: `${BASE}/:no/criteria`,
    access: 'viewer',
    summary: 'Criteria history of a segment (R45)',
    tags,
    params: segmentParams,
    query: z.strictObject(listQuery),
    response: page(criteriaActionOut),
    async handler({ params, query }) {
      const p = await criteria.list(params.no, { limit: query.limit ?? 50, cursor: query.cursor });
      return { items: p.items.map(toCriteriaActionJson), nextCursor: p.nextCursor };
    },
  });
  r.route({
    method: 'POST',
    url: `${BASE}/:no/go-back`,
    access: 'user',
    summary: 'Undo the last criteria action (R45)',
    tags,
    params: segmentParams,
    response: goBackOut,
    handler: ({ params }) => criteria.goBack(params.no),
  });
  const saved = app.services.segments.savedCriteria;
  r.route({
    method: 'POST',
    url: `${BASE}/:no/save-criteria`,
    access: 'user',
    summary: "Save the segment's criteria actions under a code",
    tags,
    params: segmentParams,
    body: saveCriteriaBody,
    response: savedCriteriaOut,
    status: 201,
    async handler({ params, body, principal }) {
      const c = await saved.save(params.no, body, actor(principal));
      return answer(201, toSavedCriteriaJson(c), { Location: `/api/v1/saved-criteria/${encodeURIComponent(c.code)}` });
    },
  });
  r.route({
    method: 'POST',
    url: `${BASE}/:no/reuse-criteria`,
    access: 'user',
    summary: 'Apply saved criteria to the segment, each action recorded in its history, all or nothing',
    tags,
    params: segmentParams,
    body: reuseCriteriaBody,
    response: reuseCriteriaOut,
    handler: ({ params, body }) => saved.reuse(params.no, body.code),
  });
}
