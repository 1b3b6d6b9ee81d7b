import { isDatabaseUnavailable } from '../../src/lib/database-errors';

describe('isDatabaseUnavailable', () => {
  it('recognises a database that is down, restarting or out of connections', () => {
    for (const err of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('x'), { name: 'KnexTimeoutError' }),
      new Error('Connection terminated unexpectedly'),
      new Error('Transaction query already complete, run with DEBUG=knex:tx for more info'),
      new Error('Knex: Timeout acquiring a connection. The pool is probably full.'),
      Object.assign(new Error('wrapped'), { cause: Object.assign(new Error('inner'), { code: 'ECONNRESET' }) }),
      new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })], 'all failed'),
    ]) {
      expect([err.message, isDatabaseUnavailable(err)]).toEqual([err.message, true]);
    }
  });

  it('leaves query and application errors alone', () => {
    for (const err of [
      Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }),
      Object.assign(new Error('syntax error at or near'), { code: '42601' }),
      new Error('An article needs a section before it is published'),
      null,
      'ECONNREFUSED',
    ]) {
      expect(isDatabaseUnavailable(err)).toBe(false);
    }
  });
});
