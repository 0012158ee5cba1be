import type { ReactNode } from 'react';

/** A message the user must see (bad file, divergence, missing backend): never a blank page. */
export function Notice({
  kind,
  children,
  onDismiss,
}: {
  kind: 'error' | 'warning' | 'info';
  children: ReactNode;
  onDismiss?: () => void;
}) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div className="notice-body">{children}</div>
      {onDismiss && (
        <button type="button" className="notice-dismiss" onClick={onDismiss} aria-label="Dismiss message">
          ×
        </button>
      )}
    </div>
  );
}
