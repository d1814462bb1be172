import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphqlFetcher } from './fetcher';

function answering(response: Response) {
  const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(response);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('graphqlFetcher', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('POSTs the operation as JSON to /graphql with the session cookie and the typed headers', async () => {
    const fetchMock = answering(
      new Response(JSON.stringify({ data: { viewer: null } }), {
        headers: { 'content-type': 'application/graphql-response+json' },
      }),
    );

    const result = await graphqlFetcher(
      { query: 'query Viewer { viewer { name } }', operationName: 'Viewer', variables: {} },
      { headers: { 'X-Example': 'yes' } },
    );

    expect(result).toEqual({ data: { viewer: null } });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    const headers = new Headers(init?.headers);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('accept')).toContain('application/graphql-response+json');
    expect(headers.get('x-example')).toBe('yes');
    expect(JSON.parse(init?.body as string)).toEqual({
      query: 'query Viewer { viewer { name } }',
      operationName: 'Viewer',
      variables: {},
    });
  });

  it('turns an answer that is not JSON into a GraphQL error', async () => {
    answering(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));

    const result = await graphqlFetcher({ query: '{ viewer { name } }' });

    expect(JSON.parse(JSON.stringify(result))).toEqual({
      errors: [{ message: 'The server answered 502 Bad Gateway without a GraphQL result.' }],
    });
  });
});
