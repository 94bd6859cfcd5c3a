import { ERROR_CATALOGUE } from '../domain/shared/error-catalogue';
import type { ErrorCode } from '../domain/shared/errors';

/** HTTP status of each code (api.md §2.1), from the one catalogue. */
export const statusOf = (code: ErrorCode): number => ERROR_CATALOGUE[code].status;

/** Fixed short English title of each code. */
export function titleOf(code: ErrorCode): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance: string;
  [extension: string]: unknown;
}

export function problem(
  code: ErrorCode,
  detail: string,
  instance: string,
  extra: Record<string, unknown> = {},
  status = statusOf(code),
): Problem {
  return { type: `urn:rapport:problem:${code}`, title: titleOf(code), status, detail, code, instance, ...extra };
}
