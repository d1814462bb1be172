import type { ReactNode } from 'react';
import type { ConnectionState } from '../lib/useConnection';
import { LoadMore } from './LoadMore';
import { QueryContent } from './QueryContent';

interface ConnectionContentProps<Node> {
  connection: ConnectionState<Node>;
  /** What the list holds, in lower case: "people" gives "Loading people…" and "Showing 4 people". */
  what: string;
  /** What to say when the list is empty. */
  empty: ReactNode;
  children: (nodes: readonly Node[]) => ReactNode;
}

/** A list read page by page: loading and error states, the empty case, and "Load more". */
export function ConnectionContent<Node>({ connection, what, empty, children }: ConnectionContentProps<Node>) {
  return (
    <QueryContent query={connection} what={what}>
      {(nodes) =>
        nodes.length === 0 ? (
          empty
        ) : (
          <>
            {children(nodes)}
            <LoadMore
              hasMore={connection.hasMore}
              loadingMore={connection.loadingMore}
              onLoadMore={connection.loadMore}
              noun={what}
              shown={nodes.length}
            />
          </>
        )
      }
    </QueryContent>
  );
}
