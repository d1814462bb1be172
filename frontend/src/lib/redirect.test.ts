import { describe, expect, it } from 'vitest';
import { isServerPage, loginPathFor, safeNextPath } from './redirect';

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

describe('isServerPage', () => {
  it('knows GraphiQL is the server\'s page, not the app\'s', () => {
    expect(isServerPage('/graphql')).toBe(true);
    expect(isServerPage('/graphql?x=1')).toBe(true);
    expect(isServerPage('/graphqlx')).toBe(false);
    expect(isServerPage('/account')).toBe(false);
    expect(isServerPage('/')).toBe(false);
  });
});
