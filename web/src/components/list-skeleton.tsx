interface ListSkeletonProps {
  /** How many placeholder rows: about as many as usually arrive, so little moves. */
  rows: number;
  /** Read by screen readers in place of the grey bars ("Loading notes…"). */
  label: string;
  /** Lines of text in each row's main column (default 2). */
  lines?: number;
  /** Label-and-value pairs under the lines (a device's dates), in the `details` layout. */
  details?: number;
  /** What sits beside each row's text: a button ("Delete note") or a time. */
  trailing?: "button" | "text";
  /** A button under the list ("Revoke all"). */
  footerButton?: boolean;
}

/**
 * Grey rows shaped like the list that is loading (same classes, so the same height at
 * every width), so the page does not jump when the data arrives. Not a live region: the
 * section around it is `aria-busy`, and the list simply replaces it.
 */
export function ListSkeleton({
  rows,
  label,
  lines = 2,
  details = 0,
  trailing,
  footerButton = false,
}: ListSkeletonProps) {
  return (
    <div className="list-skeleton">
      <p className="visually-hidden">{label}</p>
      <div className="list" aria-hidden="true">
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="list-item">
            <div className="list-item-main">
              {Array.from({ length: lines }, (_, line) => (
                <span
                  key={line}
                  className={line === 0 ? "skeleton-line" : "skeleton-line skeleton-line-short"}
                />
              ))}
              {details > 0 && (
                <div className="details">
                  {Array.from({ length: details }, (_, detail) => (
                    <div key={detail} className="skeleton-detail">
                      <span className="skeleton-line" />
                      <span className="skeleton-line" />
                    </div>
                  ))}
                </div>
              )}
            </div>
            {trailing === "button" && <span className="skeleton-button skeleton-button-small" />}
            {trailing === "text" && <span className="skeleton-line skeleton-time" />}
          </div>
        ))}
      </div>
      {footerButton && <span className="skeleton-button" aria-hidden="true" />}
    </div>
  );
}
