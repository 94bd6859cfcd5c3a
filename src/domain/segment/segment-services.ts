import type { Clock } from '../shared/clock';
import type { UnitOfWork } from '../shared/unit-of-work';
import type { Stores } from '../stores';
import { createLoggedSegmentService } from './logged-segment.service';
import { createSavedCriteriaService } from './saved-criteria.service';
import { createSegmentCriteriaService } from './segment-criteria.service';
import { createSegmentLanguageService } from './segment-language.service';
import { createSegmentLineService } from './segment-line.service';
import type { JobStarter } from './segment-log';
import { createSegmentLogService } from './segment-log.service';
import { createSegmentService } from './segment.service';

/** Every segment use case: headers, lines, criteria (saved criteria too), language rows, logging and logged segments. */
export function createSegmentServices(deps: { uow: UnitOfWork<Stores>; clock: Clock; jobs: JobStarter }) {
  return {
    headers: createSegmentService(deps),
    lines: createSegmentLineService(deps),
    criteria: createSegmentCriteriaService(deps),
    savedCriteria: createSavedCriteriaService(deps),
    languages: createSegmentLanguageService(deps),
    log: createSegmentLogService(deps),
    logged: createLoggedSegmentService(deps),
  };
}

export type SegmentServices = ReturnType<typeof createSegmentServices>;
