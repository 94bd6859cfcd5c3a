import { describe, expect, it } from 'vitest';
import { selectedDialects } from './dialects';

describe('RAPPORT_TEST_DIALECTS', () => {
  it('runs both dialects unless narrowed, in the same order whatever order is given', () => {
    expect(selectedDialects(undefined)).toEqual(['sqlite', 'postgres']);
    expect(selectedDialects('')).toEqual(['sqlite', 'postgres']);
    expect(selectedDialects('sqlite')).toEqual(['sqlite']);
    expect(selectedDialects(' Postgres ')).toEqual(['postgres']);
    expect(selectedDialects('postgres,sqlite')).toEqual(['sqlite', 'postgres']);
  });

  it('refuses a name it does not know rather than running nothing', () => {
    expect(() => selectedDialects('sqlite,mysql')).toThrow(/unknown dialect mysql/);
  });
});
