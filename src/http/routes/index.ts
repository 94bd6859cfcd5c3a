import type { App } from '../../app/create-app';
import type { Router } from '../route';
import { authRoutes } from './auth.routes';
import { languageRoutes } from './languages.routes';
import { systemRoutes } from './system.routes';
import { userRoutes } from './users.routes';

/** Every resource's routes; one plugin function per resource. */
export function registerRoutes(r: Router, app: App): void {
  systemRoutes(r, app);
  authRoutes(r, app);
  userRoutes(r, app);
  languageRoutes(r, app);
}
