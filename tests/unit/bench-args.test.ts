import { ArgsError, parseArgs } from '../../scripts/bench/args';

describe('bench flags', () => {
  it('defaults to 10,000 articles on SQLite, 10 s × 20 connections', () => {
    expect(parseArgs([])).toMatchObject({ articles: 10_000, db: 'sqlite', duration: 10, connections: 20, skipSeed: false, compare: null });
  });

  it('reads every flag, spaced or with =', () => {
    const args = parseArgs(['--articles', '100000', '--db=postgres', '--duration', '30', '--connections=50', '--skip-seed', '--skip-build', '--skip-nginx', '--only', 'baseline, list-warm']);
    expect(args).toMatchObject({
      articles: 100_000, db: 'postgres', duration: 30, connections: 50, skipSeed: true, skipBuild: true, skipNginx: true,
      only: ['baseline', 'list-warm'],
    });
  });

  it('takes two files for --compare', () => {
    expect(parseArgs(['--compare', 'a.json', 'b.json']).compare).toEqual(['a.json', 'b.json']);
    expect(() => parseArgs(['--compare', 'a.json'])).toThrow(ArgsError);
    expect(() => parseArgs(['--compare', 'a.json', '--skip-seed'])).toThrow('--compare needs two result files');
  });

  it.each([
    [['--articles', '0'], '--articles needs a positive integer, got "0"'],
    [['--articles', '1e5'], '--articles needs a positive integer, got "1e5"'],
    [['--duration'], '--duration needs a positive integer, got nothing'],
    [['--connections', '-3'], '--connections needs a positive integer, got "-3"'],
    [['--db', 'mysql'], '--db must be sqlite or postgres, got "mysql"'],
    [['--only'], '--only needs a comma-separated list of scenario ids'],
    [['--artcles', '5'], 'Unknown flag "--artcles"'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(message);
  });
});
