/** The refusals of the campaign rules (domain.md §7). */
export type CampaignErrorCode = 'campaign_not_found';
