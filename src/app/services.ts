import { createAccountService } from '../domain/account/account.service';
import { createIdempotencyService } from '../domain/idempotency/idempotency.service';
import { createLanguageService } from '../domain/language/language.service';
import type { Clock } from '../domain/shared/clock';
import type { UnitOfWork } from '../domain/shared/unit-of-work';
import type { Stores } from '../domain/stores';
import { createJobRunner } from './job-runner';

export interface ServiceDeps {
  readonly uow: UnitOfWork<Stores>;
  readonly clock: Clock;
  readonly smtpUrl: string | null;
}

/** Every use case, built once over one unit of work; the transports call only these. */
export function createServices(deps: ServiceDeps) {
  const jobs = createJobRunner(deps);
  return {
    account: createAccountService(deps),
    idempotency: createIdempotencyService(deps),
    languages: createLanguageService(deps),
    jobs,
  };
}

export type Services = ReturnType<typeof createServices>;
