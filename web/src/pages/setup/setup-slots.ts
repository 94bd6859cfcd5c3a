import { TEMPLATE_SETUP_SLOTS } from '../../api/enums';

export type Slot = (typeof TEMPLATE_SETUP_SLOTS)[number];

/** The four groups of the setup card (domain.md §3.7, §6.5). */
export const SETUP_GROUPS: readonly { id: string; slots: readonly Slot[] }[] = [
  { id: 'general', slots: TEMPLATE_SETUP_SLOTS.slice(0, 5) },
  { id: 'sales', slots: TEMPLATE_SETUP_SLOTS.filter((s) => s.startsWith('sales')) },
  { id: 'purchases', slots: TEMPLATE_SETUP_SLOTS.filter((s) => s.startsWith('purchase')) },
  { id: 'service', slots: TEMPLATE_SETUP_SLOTS.filter((s) => s.startsWith('service')) },
];
