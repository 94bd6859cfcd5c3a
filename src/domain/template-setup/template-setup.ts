import type { TemplateSetupSlot } from '../../contract/template-setup';
import type { DocumentType } from '../../contract/common';

export type { TemplateSetupSlot };

/** The setup record: every slot names a template or is null (domain.md §3.7). */
export type TemplateSetup = { readonly [S in TemplateSetupSlot]: string | null };

type SlotGroup = 'general' | 'sales' | 'purchases' | 'service';

interface SlotInfo {
  readonly group: SlotGroup;
  readonly caption: string;
  readonly documentType: DocumentType | null;
}

/** UI group, caption and the document type each slot serves (domain.md §3.7). */
export const SLOT_INFO: { readonly [S in TemplateSetupSlot]: SlotInfo } = {
  emails: { group: 'general', caption: 'Emails', documentType: null },
  emailDraft: { group: 'general', caption: 'Email Draft', documentType: null },
  coverSheets: { group: 'general', caption: 'Cover Sheets', documentType: 'cover_sheet' },
  outgoingCalls: { group: 'general', caption: 'Outgoing Calls', documentType: null },
  meetingInvitation: { group: 'general', caption: 'Meeting Invitation', documentType: null },
  salesInvoices: { group: 'sales', caption: 'Invoices', documentType: 'sales_invoice' },
  salesCreditMemos: { group: 'sales', caption: 'Credit Memos', documentType: 'sales_credit_memo' },
  salesOrderConfirmations: { group: 'sales', caption: 'Order Confirmations', documentType: 'sales_order_confirmation' },
  salesDraftInvoices: { group: 'sales', caption: 'Draft Invoices', documentType: 'sales_draft_invoice' },
  salesQuotes: { group: 'sales', caption: 'Quotes', documentType: 'sales_quote' },
  salesBlanketOrders: { group: 'sales', caption: 'Blanket Orders', documentType: 'sales_blanket_order' },
  salesShipmentNotes: { group: 'sales', caption: 'Shipment Notes', documentType: 'sales_shipment_note' },
  salesStatements: { group: 'sales', caption: 'Statements', documentType: 'sales_statement' },
  salesReminders: { group: 'sales', caption: 'Reminders', documentType: 'sales_reminder' },
  salesReturnOrders: { group: 'sales', caption: 'Return Orders', documentType: 'sales_return_order' },
  salesReturnReceipts: { group: 'sales', caption: 'Return Receipts', documentType: 'sales_return_receipt' },
  salesFinanceChargeMemos: { group: 'sales', caption: 'Finance Charge Memos', documentType: 'sales_finance_charge_memo' },
  purchaseInvoices: { group: 'purchases', caption: 'Invoices', documentType: 'purchase_invoice' },
  purchaseCreditMemos: { group: 'purchases', caption: 'Credit Memos', documentType: 'purchase_credit_memo' },
  purchaseOrders: { group: 'purchases', caption: 'Orders', documentType: 'purchase_order' },
  purchaseQuotes: { group: 'purchases', caption: 'Quotes', documentType: 'purchase_quote' },
  purchaseBlanketOrders: { group: 'purchases', caption: 'Blanket Orders', documentType: 'purchase_blanket_order' },
  purchaseReceipts: { group: 'purchases', caption: 'Receipts', documentType: 'purchase_receipt' },
  purchaseReturnShipments: { group: 'purchases', caption: 'Return Shipments', documentType: 'purchase_return_shipment' },
  purchaseReturnOrderConfirmations: {
    group: 'purchases',
    caption: 'Return Order Confirmations',
    documentType: 'purchase_return_order_confirmation',
  },
  serviceOrderCreate: { group: 'service', caption: 'Service Order Create', documentType: 'service_order_create' },
  serviceOrderPost: { group: 'service', caption: 'Service Order Post', documentType: 'service_order_post' },
  serviceContracts: { group: 'service', caption: 'Contracts', documentType: 'service_contract' },
  serviceContractQuotes: { group: 'service', caption: 'Contract Quotes', documentType: 'service_contract_quote' },
  serviceQuotes: { group: 'service', caption: 'Quotes', documentType: 'service_quote' },
};

/** Every slot in the order of the contract (SLOT_INFO names each one, in that order). */
export const TEMPLATE_SETUP_SLOTS = Object.keys(SLOT_INFO) as readonly TemplateSetupSlot[];

const SLOT_OF_DOCUMENT_TYPE = new Map<DocumentType, TemplateSetupSlot>(
  TEMPLATE_SETUP_SLOTS.flatMap((slot) => {
    const dt = SLOT_INFO[slot].documentType;
    return dt === null ? [] : [[dt, slot] as const];
  }),
);

/** The slot that serves a document type (R36: exactly one per type). */
export function slotOfDocumentType(documentType: DocumentType): TemplateSetupSlot {
  const slot = SLOT_OF_DOCUMENT_TYPE.get(documentType);
  if (slot === undefined) throw new Error(`no setup slot serves document type ${documentType}`);
  return slot;
}

const PREFIX: { readonly [G in SlotGroup]: string } = { general: '', sales: 'Sales ', purchases: 'Purchase ', service: 'Service ' };

/**
 * A slot's label: its caption, prefixed with its group's word unless the caption already starts
 * with it ("Sales Invoices", "Purchase Orders", "Service Order Create", "Cover Sheets"). It is the
 * description of campaign entries created for the slot's document type (R16).
 */
export function slotLabel(slot: TemplateSetupSlot): string {
  const { group, caption } = SLOT_INFO[slot];
  const prefix = PREFIX[group];
  return caption.startsWith(prefix) ? caption : `${prefix}${caption}`;
}

/** The record with every slot empty, as it is before the first change (R59). */
export function emptySetup(): Record<TemplateSetupSlot, string | null> {
  return Object.fromEntries(TEMPLATE_SETUP_SLOTS.map((slot) => [slot, null])) as Record<TemplateSetupSlot, string | null>;
}

/** Slots whose template must have no attachment in any language row (R36, R59). */
export function slotAllowsAttachment(slot: TemplateSetupSlot): boolean {
  return slot === 'meetingInvitation';
}
