import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from '../../contract/common';
import { slotLabel, slotOfDocumentType, TEMPLATE_SETUP_SLOTS } from './template-setup';

describe('template setup slots', () => {
  it('serves every document type by exactly one slot, named after it (api.md §4.5)', () => {
    const slots = DOCUMENT_TYPES.map(slotOfDocumentType);
    expect(new Set(slots).size).toBe(DOCUMENT_TYPES.length);
    expect(slotOfDocumentType('sales_invoice')).toBe('salesInvoices');
    expect(slotOfDocumentType('sales_credit_memo')).toBe('salesCreditMemos');
    expect(slotOfDocumentType('cover_sheet')).toBe('coverSheets');
    expect(slotOfDocumentType('purchase_return_order_confirmation')).toBe('purchaseReturnOrderConfirmations');
    expect(slotOfDocumentType('service_order_create')).toBe('serviceOrderCreate');
    expect(slotOfDocumentType('service_order_post')).toBe('serviceOrderPost');
    // every other type: camelCase plus "s"
    for (const dt of DOCUMENT_TYPES.filter((d) => !d.startsWith('service_order_'))) {
      const camel = dt.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
      expect(slotOfDocumentType(dt)).toBe(`${camel}s`);
    }
  });

  it('labels a slot with its group word unless the caption starts with it (domain.md §3.7)', () => {
    expect(slotLabel('salesInvoices')).toBe('Sales Invoices');
    expect(slotLabel('salesFinanceChargeMemos')).toBe('Sales Finance Charge Memos');
    expect(slotLabel('coverSheets')).toBe('Cover Sheets');
    expect(slotLabel('purchaseOrders')).toBe('Purchase Orders');
    expect(slotLabel('purchaseReturnOrderConfirmations')).toBe('Purchase Return Order Confirmations');
    expect(slotLabel('serviceOrderCreate')).toBe('Service Order Create');
    expect(slotLabel('serviceContracts')).toBe('Service Contracts');
    expect(slotLabel('outgoingCalls')).toBe('Outgoing Calls');
    expect(TEMPLATE_SETUP_SLOTS).toHaveLength(30);
  });
});
