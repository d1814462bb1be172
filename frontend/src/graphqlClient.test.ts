import { afterEach, describe, expect, it, vi } from 'vitest';
import { companyDetailsQuery } from './features/account/queries';
import { createGraphqlClient } from './graphqlClient';

function json(body: unknown) {
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
}

function operationNames(fetchMock: ReturnType<typeof vi.fn>): string[] {
  return fetchMock.mock.calls.map(([, init]) => {
    const { operationName } = JSON.parse((init as RequestInit).body as string) as { operationName: string };
    return operationName;
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createGraphqlClient', () => {
  it('asks again who is signed in when an answer says nobody is (the session expired)', async () => {
    const fetchMock = vi.fn((_url: string, init: RequestInit) => {
      const { operationName } = JSON.parse(init.body as string) as { operationName: string };
      return Promise.resolve(
        operationName === 'Viewer'
          ? json({ data: { viewer: null } })
          : json({ data: null, errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] }),
      );
    });
    vi.stubGlobal('fetch', fetchMock);
    const client = createGraphqlClient();

    const result = await client.query(companyDetailsQuery, {}).toPromise();

    expect(result.error?.message).toContain('Sign in first.');
    await vi.waitFor(() => {
      expect(operationNames(fetchMock)).toEqual(['CompanyDetails', 'Viewer']);
    });
    const [, init] = fetchMock.mock.calls[0] ?? [];
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
  });

  it('leaves the session alone when a role may not do something (FORBIDDEN)', async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(
        json({ data: null, errors: [{ message: 'Your role does not allow this.', extensions: { code: 'FORBIDDEN' } }] }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);

    await createGraphqlClient().query(companyDetailsQuery, {}).toPromise();

    expect(operationNames(fetchMock)).toEqual(['CompanyDetails']);
  });
});
