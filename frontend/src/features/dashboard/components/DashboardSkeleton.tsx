/** The home page on its way: grey cards where the figures will be, and a status to read out. */
export function DashboardSkeleton() {
  return (
    <div className="dashboard-skeleton">
      <p role="status" className="visually-hidden">
        Loading your dashboard…
      </p>
      <div className="figure-cards" aria-hidden="true">
        {[1, 2, 3, 4].map((card) => (
          <div key={card} className="figure-card">
            <span className="skeleton-bar skeleton-bar--short" />
            <span className="skeleton-bar skeleton-bar--figure" />
            <span className="skeleton-bar" />
          </div>
        ))}
      </div>
      <div className="panel skeleton-panel" aria-hidden="true">
        <span className="skeleton-bar skeleton-bar--short" />
        <span className="skeleton-block" />
      </div>
    </div>
  );
}
