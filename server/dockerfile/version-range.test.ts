import { describe, expect, it } from 'vitest';
import { pickVersion, satisfiesRange } from './version-range.ts';

describe('version ranges', () => {
  it.each([
    [[22], '>=20.19', true],
    [[22], '^20', false],
    [[20], '20.x', true],
    [[20], '>=18 <21', true],
    [[22], '>=18 <21', false],
    [[18], '^16 || ^18', true],
    [[3, 12], '>=3.11,<3.13', true],
    [[3, 13], '>=3.11,<3.13', false],
    [[3, 12], '^3.11', true],
    [[3, 11], '~=3.10', true],
    [[3, 12], '==3.11.*', false],
    [[3, 4], '~=3.2', true],
    [[8, 3], '^8.2', true],
    [[8, 4], '>= 8.4', true],
  ])('%j satisfies %s: %s', (candidate, range, expected) => {
    expect(satisfiesRange(candidate, range)).toBe(expected);
  });

  it('picks the first preferred candidate in range', () => {
    expect(pickVersion(['22', '24', '20'], '>=20')).toBe('22');
    expect(pickVersion(['22', '24', '20'], '^24')).toBe('24');
    expect(pickVersion(['22', '24', '20'], '^16')).toBeUndefined();
    expect(pickVersion(['22', '24', '20'], undefined)).toBe('22');
  });
});
