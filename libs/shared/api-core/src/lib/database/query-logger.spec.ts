import { Logger } from '@nestjs/common';
import { Logger as TypeOrmLogger } from 'typeorm';
import { QueryLogger } from './query-logger';

describe('QueryLogger', () => {
  let warn: jest.SpyInstance;

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  it('logs a slow statement on one line with its time, without its parameters', () => {
    // TypeORM calls it with the parameters too.
    const logger: TypeOrmLogger = new QueryLogger();
    logger.logQuerySlow(1_250, 'SELECT *\n  FROM users\n  WHERE id = $1', ['secret-id']);

    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toBe('slow statement (1250 ms): SELECT * FROM users WHERE id = $1');
    expect(String(warn.mock.calls[0][0])).not.toContain('secret-id');
  });

  it('cuts a long statement short', () => {
    new QueryLogger().logQuerySlow(2_000, `INSERT INTO t VALUES ${'($1), '.repeat(500)}($2)`);

    const line = String(warn.mock.calls[0][0]);
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBeLessThan(560);
  });
});
