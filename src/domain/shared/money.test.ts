import { describe, expect, it } from 'vitest';
import { divRound, ratio } from './money';

describe('money arithmetic', () => {
  it('rounds half away from zero', () => {
    expect(divRound(5, 2)).toBe(3);
    expect(divRound(-5, 2)).toBe(-3);
    expect(divRound(4, 3)).toBe(1);
    expect(divRound(2, 3)).toBe(1);
    expect(divRound(1, 3)).toBe(0);
  });

  it('answers 0 for a division by zero', () => {
    expect(divRound(100, 0)).toBe(0);
    expect(ratio(1, 0, 1)).toBe(0);
  });

  it('gives percentages to one decimal and averages to two', () => {
    expect(ratio(100, 300, 1)).toBe(0.3);
    expect(ratio(2, 3, 2)).toBe(0.67);
    expect(ratio(1000, 8, 2)).toBe(125);
  });

  it('sums a million amounts of 0.10 exactly in cents', () => {
    let cents = 0;
    for (let i = 0; i < 1_000_000; i++) cents += 10;
    expect(cents / 100).toBe(100000);
    let float = 0;
    for (let i = 0; i < 1_000_000; i++) float += 0.1;
    expect(float).not.toBe(100000);
  });
});
