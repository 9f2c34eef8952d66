// The words the API reference page puts beside a type.
import { refName, scalarType, schemaConstraints } from '@/lib/api/describeSchema';

describe('describeSchema', () => {
  it('words bounds, lengths and defaults, leaving out the safe-integer ceiling zod writes for every integer', () => {
    expect(schemaConstraints({ type: 'integer', minimum: 1, maximum: 1000, default: 50 })).toEqual(['1 to 1000', 'default 50']);
    expect(schemaConstraints({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER })).toEqual(['at least 1']);
    expect(schemaConstraints({ type: 'string', minLength: 1, maxLength: 2000 })).toEqual(['at least 1 character', 'at most 2,000 characters']);
    expect(schemaConstraints({ type: 'string', default: 'day' })).toEqual(['default "day"']);
  });

  it('shows a pattern only where no format says it better', () => {
    expect(schemaConstraints({ type: 'string', pattern: '^[a-z]{10}$' })).toEqual(['pattern ^[a-z]{10}$']);
    expect(schemaConstraints({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' })).toEqual([]);
  });

  it('names types and component references', () => {
    expect(scalarType({ type: 'string', format: 'date-time' })).toBe('string (date-time)');
    expect(scalarType({ type: ['string', 'null'] })).toBe('string or null');
    expect(refName({ $ref: '#/components/schemas/Claim' })).toBe('Claim');
    expect(refName({ type: 'string' })).toBeNull();
  });
});
