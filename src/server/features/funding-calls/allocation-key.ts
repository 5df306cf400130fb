/**
 * Shares a whole-krona total by weights (e.g. each municipality's residents aged 80+) with the largest
 * remainder method: everyone gets the floor of total × weight / sum, and the kronor left over go one
 * each to the largest fractional parts (ties to the earlier entry). The shares always sum to the total
 * exactly — rounding each share on its own would leave the sum a few kronor off.
 * BigInt because total × weight passes 2^53 for a national grant (billions × hundreds of thousands).
 */
export function largestRemainder(totalSek: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (sum === 0n) return weights.map(() => 0);
  const total = BigInt(totalSek);
  const exact = weights.map((w, i) => {
    const product = total * BigInt(w);
    return { i, floor: product / sum, remainder: product % sum };
  });
  let left = total - exact.reduce((a, e) => a + e.floor, 0n);
  const order = [...exact].sort((a, b) =>
    a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1,
  );
  const shares = exact.map((e) => e.floor);
  for (const e of order) {
    if (left === 0n) break;
    shares[e.i]! += 1n;
    left -= 1n;
  }
  return shares.map(Number);
}
