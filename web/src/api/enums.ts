import {
  contactType,
  correspondenceType,
  deliveryStatus,
  DOCUMENT_TYPES,
  evaluation,
  informationFlow,
  initiatedBy,
  origin,
  wizardAction,
} from '../../../src/contract/common';
import { OPPORTUNITY_STATUSES, TASK_STATUSES } from '../../../src/contract/opportunity';
import { TEMPLATE_SETUP_SLOTS } from '../../../src/contract/template-setup';

// The enumerations of api.md §1.3, taken from the contract so that the UI offers exactly them.

export const EVALUATIONS = evaluation.options;
export const INFORMATION_FLOWS = informationFlow.options;
export const INITIATED_BY = initiatedBy.options;
export const CORRESPONDENCE_TYPES = correspondenceType.options;
export const DELIVERY_STATUSES = deliveryStatus.options;
export const WIZARD_ACTIONS = wizardAction.options;
export const CONTACT_TYPES = contactType.options;
export const ORIGINS = origin.options;
export { DOCUMENT_TYPES, OPPORTUNITY_STATUSES, TASK_STATUSES, TEMPLATE_SETUP_SLOTS };
