import { ArgsError, parseArgs, phaseSeconds, resolveOnly, scenarioSeconds } from '../../scripts/bench/args';
import { ONLY_GROUPS, ONLY_IDS, SCENARIO_IDS, scenarios } from '../../scripts/bench/scenarios';

describe('bench flags', () => {
  it('defaults to 10,000 articles on SQLite, 16 connections, 10 s per scenario and 15 s per newsroom-day phase', () => {
    const args = parseArgs([]);
    expect(args).toMatchObject({ articles: 10_000, db: 'sqlite', duration: null, connections: 16, skipSeed: false, compare: null, only: [] });
    expect([scenarioSeconds(args), phaseSeconds(args)]).toEqual([10, 15]);
  });

  it('--duration sets both the scenarios and the phases', () => {
    const args = parseArgs(['--duration', '5']);
    expect([scenarioSeconds(args), phaseSeconds(args)]).toEqual([5, 5]);
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

describe('--only', () => {
  const known = ['baseline', 'list-cold', 'slug-cold', 'graphql-cold', 'nginx', 'quiet', 'drafting', 'publishing'];
  const groups = { 'newsroom-day': ['quiet', 'drafting', 'publishing'] };

  it('selects everything when empty', () => {
    expect(resolveOnly([], known, groups)).toEqual(known);
  });

  it('expands newsroom-day to its three phases and keeps run order', () => {
    expect(resolveOnly(parseArgs(['--only', 'newsroom-day']).only, known, groups)).toEqual(['quiet', 'drafting', 'publishing']);
    expect(resolveOnly(['publishing', 'quiet'], known, groups)).toEqual(['quiet', 'publishing']);
    expect(resolveOnly(['slug-cold', 'newsroom-day', 'baseline', 'quiet'], known, groups)).toEqual(['baseline', 'slug-cold', 'quiet', 'drafting', 'publishing']);
  });

  it('keeps working for single scenarios', () => {
    expect(resolveOnly(parseArgs(['--only=baseline,list-cold,slug-cold,graphql-cold']).only, known, groups)).toEqual(['baseline', 'list-cold', 'slug-cold', 'graphql-cold']);
  });

  it('refuses an unknown id, naming the known ones', () => {
    expect(() => resolveOnly(['list-colt'], known, groups)).toThrow(ArgsError);
    expect(() => resolveOnly(['list-colt'], known, groups)).toThrow('--only: unknown scenario "list-colt" (known: baseline, list-cold');
    expect(() => resolveOnly(['list-colt'], known, groups)).toThrow('newsroom-day)');
  });

  it('knows every scenario of the harness, nginx and the three phases', () => {
    expect(scenarios({ slug: 'خبر', searchWord: 'كلمة' }).map((s) => s.id)).toEqual([...SCENARIO_IDS]);
    expect(resolveOnly(['newsroom-day'], ONLY_IDS, ONLY_GROUPS)).toEqual(['quiet', 'drafting', 'publishing']);
    expect(resolveOnly(['graphql-cold', 'nginx'], ONLY_IDS, ONLY_GROUPS)).toEqual(['graphql-cold', 'nginx']);
  });
});
