import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, messageOf } from './error-catalogue';
import { fail, failWith, invalid } from './errors';

describe('error catalogue', () => {
  it('gives each code the exit code of its kind (api.md §12.2)', () => {
    for (const [code, row] of Object.entries(ERROR_CATALOGUE)) {
      const expected = row.status === 400 ? 2 : row.status === 404 ? 4 : row.status >= 409 && row.status <= 422 ? 3 : 1;
      expect([code, row.exit]).toEqual([code, expected]);
    }
  });

  it('builds a refusal with the sentence of its code', () => {
    const e = fail('segment_empty', 'SEG001');
    expect([e.code, e.detail]).toEqual(['segment_empty', 'Segment SEG001 is empty.']);
    expect(fail('forbidden', 'csrf').detail).toBe('The request is missing a valid X-CSRF-Token header.');
    expect(fail('forbidden').detail).toBe('Your role does not allow this action.');
    expect(fail('not_found').detail).toBe('The requested resource does not exist.');
    expect(messageOf('not_found', 'User ann')).toBe('User ann does not exist.');
    expect(failWith('rate_limited', { retryAfter: 30 }, 30)).toMatchObject({
      detail: 'Too many failed sign-in attempts; try again in 30 seconds.',
      extra: { retryAfter: 30 },
    });
  });

  it('words a validation failure after its fields', () => {
    expect(invalid([{ path: 'costLcy', message: 'must not be negative' }]).detail).toBe(
      'The request is not valid: costLcy must not be negative.',
    );
    expect(
      invalid([
        { path: 'a', message: 'x' },
        { path: 'b', message: 'y' },
      ]).detail,
    ).toBe('The request has 2 invalid fields.');
  });
});
