import { z } from 'zod';
import { code } from './common';

/** The 30 slots of the interaction template setup, in the order of api.md §4.5. */
export const TEMPLATE_SETUP_SLOTS = [
  'emails',
  'emailDraft',
  'coverSheets',
  'outgoingCalls',
  'meetingInvitation',
  'salesInvoices',
  'salesCreditMemos',
  'salesOrderConfirmations',
  'salesDraftInvoices',
  'salesQuotes',
  'salesBlanketOrders',
  'salesShipmentNotes',
  'salesStatements',
  'salesReminders',
  'salesReturnOrders',
  'salesReturnReceipts',
  'salesFinanceChargeMemos',
  'purchaseInvoices',
  'purchaseCreditMemos',
  'purchaseOrders',
  'purchaseQuotes',
  'purchaseBlanketOrders',
  'purchaseReceipts',
  'purchaseReturnShipments',
  'purchaseReturnOrderConfirmations',
  'serviceOrderCreate',
  'serviceOrderPost',
  'serviceContracts',
  'serviceContractQuotes',
  'serviceQuotes',
] as const;
export type TemplateSetupSlot = (typeof TEMPLATE_SETUP_SLOTS)[number];

function everySlot<T extends z.ZodType>(field: () => T): Record<TemplateSetupSlot, T> {
  return Object.fromEntries(TEMPLATE_SETUP_SLOTS.map((slot) => [slot, field()])) as Record<TemplateSetupSlot, T>;
}

/** Each slot: a template code or null. */
export const templateSetupOut = z.object(everySlot(() => z.string().nullable()));
/** Any subset of the slots; `null` empties a slot. */
export const patchTemplateSetupBody = z.strictObject(everySlot(() => code(10).nullable().optional()));
