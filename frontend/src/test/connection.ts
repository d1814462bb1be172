/** Where a page of a test's connection stands: cursors `start` and `end` when there are rows. */
export interface PageAt {
  hasNextPage?: boolean;
  hasPreviousPage?: boolean;
}

/** A connection's page of nodes as the API answers it, with its page info (cursors "start" and "end"). */
export function connectionOf<Node>(nodes: readonly Node[], { hasNextPage = false, hasPreviousPage = false }: PageAt = {}) {
  return {
    edges: nodes.map((node) => ({ node })),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: nodes.length > 0 ? 'start' : null,
      endCursor: nodes.length > 0 ? 'end' : null,
    },
  };
}
