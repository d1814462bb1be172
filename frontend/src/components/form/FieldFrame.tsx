import type { ReactNode } from 'react';
import { describedBy, FieldMessages } from './FieldMessages';

/** What every labelled field shows around its control. */
export interface FieldFrameProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Adds "(optional)" to the label. */
  optional?: boolean;
}

interface FrameProps extends FieldFrameProps {
  /** The control's id, which the label points to. */
  id: string;
  children: ReactNode;
}

/** A field: its label, its hint and error message, then its control. */
export function FieldFrame({ id, label, hint, error, optional = false, children }: FrameProps) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> (optional)</span>}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** The attributes that tie a control to its frame: its id, its validity and its messages. */
export function controlAttributes({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy({ id, hint, error }),
  } as const;
}
