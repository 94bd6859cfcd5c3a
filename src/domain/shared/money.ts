/** Integer division rounded half away from zero (decision f): money averages to the cent. */
export function divRound(numerator: number, denominator: number): number {
  if (denominator === 0) return 0;
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const q = Math.floor(n / d);
  const r = n - q * d;
  return sign * (2 * r >= d ? q + 1 : q);
}

/** cents / count rounded to the cent → cents. */
export function avgCents(totalCents: number, count: number): number {
  return divRound(totalCents, count);
}

/** a / b rounded half away from zero to `decimals` places, as a number (for averages/percentages). */
export function ratio(a: number, b: number, decimals: number): number {
  if (b === 0) return 0;
  const scale = 10 ** decimals;
  return divRound(a * scale, b) / scale;
}
