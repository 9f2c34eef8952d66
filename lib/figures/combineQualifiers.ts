// How a bucket's total reads when it adds up claims stated in different ways.
import type { Qualifier } from '@/lib/vocabulary';

/**
 * The qualifier of a sum of headline claims: a shared qualifier stays; lower
 * bounds mixed with exact counts stay a lower bound (likewise upper bounds);
 * both kinds of bound make the sum approximate; other mixes with a spread are a
 * range, without one approximate.
 */
export function combineQualifiers(qualifiers: readonly Qualifier[], low: bigint, high: bigint): Qualifier {
  const set = new Set(qualifiers);
  if (set.size === 1) return qualifiers[0];
  const atLeast = set.has('AT_LEAST');
  const atMost = set.has('AT_MOST');
  if (atLeast && atMost) return 'APPROXIMATE';
  if (atLeast) return 'AT_LEAST';
  if (atMost) return 'AT_MOST';
  if (low !== high) return 'RANGE';
  return set.has('APPROXIMATE') ? 'APPROXIMATE' : 'EXACT';
}
