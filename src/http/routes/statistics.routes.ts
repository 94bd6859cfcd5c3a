import type { App } from '../../app/create-app';
import { campaignParams } from '../../contract/campaign';
import { contactParams } from '../../contract/contact';
import { interactionGroupParams } from '../../contract/interaction-group';
import { templateParams } from '../../contract/interaction-template';
import { salespersonParams } from '../../contract/salesperson';
import {
  campaignStatisticsOut,
  contactStatisticsOut,
  interactionStatisticsOut,
  salespersonStatisticsOut,
  statisticsQuery,
} from '../../contract/statistics';
import {
  toCampaignStatisticsJson,
  toContactStatisticsJson,
  toDateRange,
  toInteractionStatisticsJson,
  toSalespersonStatisticsJson,
} from '../../edge/json/statistics';
import type { Router } from '../route';

/** The statistics of contacts, templates, groups, salespeople and campaigns (R28–R31). */
export function statisticsRoutes(r: Router, app: App) {
  const statistics = app.services.statistics;
  const tags = ['statistics'];
  const query = statisticsQuery;
  r.route({
    method: 'GET',
    url: '/api/v1/contacts/:no/statistics',
    access: 'viewer',
    tags,
    query,
    params: contactParams,
    summary: "A contact's interactions, cost and duration for a date range, and its last dates (a company includes its persons)",
    response: contactStatisticsOut,
    handler: async ({ params, query: q }) => toContactStatisticsJson(await statistics.contact(params.no, toDateRange(q))),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/interaction-templates/:code/statistics',
    access: 'viewer',
    tags,
    query,
    params: templateParams,
    summary: "A template's interactions, cost and duration for a date range",
    response: interactionStatisticsOut,
    handler: async ({ params, query: q }) => toInteractionStatisticsJson(await statistics.template(params.code, toDateRange(q))),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/interaction-groups/:code/statistics',
    access: 'viewer',
    tags,
    query,
    params: interactionGroupParams,
    summary: "An interaction group's interactions, cost and duration for a date range",
    response: interactionStatisticsOut,
    handler: async ({ params, query: q }) => toInteractionStatisticsJson(await statistics.group(params.code, toDateRange(q))),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/salespeople/:code/statistics',
    access: 'viewer',
    tags,
    query,
    params: salespersonParams,
    summary: "A salesperson's interactions, cost and duration with averages per interaction for a date range",
    response: salespersonStatisticsOut,
    handler: async ({ params, query: q }) => toSalespersonStatisticsJson(await statistics.salesperson(params.code, toDateRange(q))),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/campaigns/:no/statistics',
    access: 'viewer',
    tags,
    query,
    params: campaignParams,
    summary: "A campaign's targets, responses, response rate, cost and duration for a date range",
    response: campaignStatisticsOut,
    handler: async ({ params, query: q }) => toCampaignStatisticsJson(await statistics.campaign(params.no, toDateRange(q))),
  });
}
