interface LoadingStatusProps {
  label: string;
}

/** A polite live region telling that something is on its way. */
export function LoadingStatus({ label }: LoadingStatusProps) {
  return (
    <p role="status" className="status">
      {label}
    </p>
  );
}
