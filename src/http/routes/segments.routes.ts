import type { App } from '../../app/create-app';
import type { Router } from '../route';
import { criteriaRoutes } from './segments-criteria.routes';
import { headerRoutes } from './segments-header.routes';
import { languageRoutes } from './segments-languages.routes';
import { lineRoutes } from './segments-lines.routes';
import { logRoutes } from './segments-log.routes';

// /api/v1/segments, one file per sub-resource.

export function segmentRoutes(r: Router, app: App) {
  headerRoutes(r, app);
  lineRoutes(r, app);
  criteriaRoutes(r, app);
  languageRoutes(r, app);
  logRoutes(r, app);
}
