import { describe, expect, it } from 'vitest';
import { campaignFigures, salespersonFigures, type Totals } from './statistics';

const totals = (t: Partial<Totals>): Totals => ({ noOfInteractions: 0, costCents: 0, durationMin: 0, targeted: 0, responded: 0, ...t });

describe('statistics maths (R30, R31, decision f)', () => {
  it('averages a salesperson per interaction to the cent and to 0.01 minute, half away from zero', () => {
    expect(salespersonFigures(totals({ noOfInteractions: 2, costCents: 1, durationMin: 1 }))).toEqual({
      noOfInteractions: 2,
      costCents: 1,
      durationMin: 1,
      avgCostCentsPerInteraction: 1,
      avgDurationPerInteraction: 0.5,
    });
    expect(salespersonFigures(totals({ noOfInteractions: 3, costCents: 2000, durationMin: 5 }))).toMatchObject({
      avgCostCentsPerInteraction: 667,
      avgDurationPerInteraction: 1.67,
    });
    expect(salespersonFigures(totals({ noOfInteractions: 200, durationMin: 1 }))).toMatchObject({ avgDurationPerInteraction: 0.01 });
  });

  it('answers 0 averages when there is nothing to divide by', () => {
    expect(salespersonFigures(totals({ costCents: 500, durationMin: 5 }))).toMatchObject({
      avgCostCentsPerInteraction: 0,
      avgDurationPerInteraction: 0,
    });
    expect(campaignFigures(totals({ costCents: 500, durationMin: 5 }))).toMatchObject({
      responseRatePct: 0,
      avgCostCentsPerResponse: 0,
      avgDurationPerResponse: 0,
    });
  });

  it('rounds the response rate to 0.1 % and the averages per response, half away from zero', () => {
    expect(campaignFigures(totals({ targeted: 16, responded: 1, costCents: 1605, durationMin: 19 }))).toEqual({
      targetContactsContacted: 16,
      contactsResponded: 1,
      responseRatePct: 6.3,
      costCents: 1605,
      avgCostCentsPerResponse: 1605,
      durationMin: 19,
      avgDurationPerResponse: 19,
    });
    expect(campaignFigures(totals({ targeted: 3, responded: 2, costCents: 1605, durationMin: 19 }))).toMatchObject({
      responseRatePct: 66.7,
      avgCostCentsPerResponse: 803,
      avgDurationPerResponse: 9.5,
    });
  });
});
