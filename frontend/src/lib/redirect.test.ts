import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './redirect';

describe('safeNextPath', () => {
  it.each([
    ['/account/people?search=x', '/account/people?search=x'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
  ])('goes from %s to %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe('loginPathFor', () => {
  it('remembers the page to come back to, but not the dashboard', () => {
    expect(loginPathFor('/account/people?search=a b')).toBe('/login?next=%2Faccount%2Fpeople%3Fsearch%3Da%20b');
    expect(loginPathFor('/')).toBe('/login');
  });
});
