import { describe, expect, it } from 'vitest';
import { Timestamp } from '../../schemas/src/index.ts';
import { invalidQueries } from './parameters.ts';

describe('invalidQueries', () => {
  it('breaks each parameter as text can: a word or a fraction for an integer, a bound by one, a missing required one', () => {
    const queries = invalidQueries(
      [
        { name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 100 } },
        { name: 'from', schema: Timestamp, required: true },
      ],
      { limit: '20', from: '2026-03-01T00:00:00+08:00' },
    );
    expect(queries.map((q) => `${q.keyword} ${new URLSearchParams(q.query)}`)).toMatchInlineSnapshot(`
      [
        "required limit=20",
        "type limit=abc&from=2026-03-01T00%3A00%3A00%2B08%3A00",
        "minimum limit=0&from=2026-03-01T00%3A00%3A00%2B08%3A00",
        "maximum limit=101&from=2026-03-01T00%3A00%3A00%2B08%3A00",
        "type limit=20.5&from=2026-03-01T00%3A00%3A00%2B08%3A00",
        "maxLength limit=20&from=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "pattern limit=20&from=x",
        "format limit=20&from=2026-02-30T25%3A61%3A00%2B08%3A00",
      ]
    `);
  });

  it('never sends a number where text reads as one, nor an oversized query', () => {
    const queries = invalidQueries([{ name: 'cursor', schema: { type: 'string', minLength: 1, maxLength: 8 } }], { cursor: 'abc' });
    expect(queries.map((q) => q.query['cursor'])).toEqual(['', 'c'.repeat(9)]);
  });
});
