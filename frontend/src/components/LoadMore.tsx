interface LoadMoreProps {
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  /** What the list holds, e.g. "people": "Showing 50 people". */
  noun: string;
  shown: number;
}

/** The count of what a list shows and, while there is more, a button to load the next page. */
export function LoadMore({ hasMore, loadingMore, onLoadMore, noun, shown }: LoadMoreProps) {
  return (
    <div className="load-more">
      <p role="status" className="status">
        {loadingMore ? `Loading more ${noun}…` : `Showing ${shown} ${noun}${hasMore ? '' : ', all there are'}.`}
      </p>
      {hasMore && (
        <button type="button" className="button-secondary" onClick={onLoadMore}>
          Load more
        </button>
      )}
    </div>
  );
}
