import type { z } from 'zod';
import type { CriteriaAction } from '../../domain/segment/criteria';
import type { criteriaActionOut } from '../../contract/segment-criteria';

// The domain's segment criteria as the contract shapes it: shared by the HTTP routes and the CLI.

/** A criteria action's filters and options as the API shows them (mutable arrays for the schema). */
export function criteriaJson(a: Pick<CriteriaAction, 'contactFilter' | 'interactionFilter' | 'options'>) {
  return {
    contactFilter: {
      ...a.contactFilter,
      industryGroupCodes: [...a.contactFilter.industryGroupCodes],
      businessRelationCodes: [...a.contactFilter.businessRelationCodes],
      mailingGroupCodes: [...a.contactFilter.mailingGroupCodes],
    },
    interactionFilter: a.interactionFilter,
    options: a.options,
  };
}

export function toCriteriaActionJson(a: CriteriaAction): z.infer<typeof criteriaActionOut> {
  return {
    actionNo: a.actionNo,
    kind: a.kind,
    ...criteriaJson(a),
    affected: a.affected,
    createdAt: a.createdAt,
  };
}
