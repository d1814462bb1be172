import { useEffect, useRef, type ReactNode } from 'react';
import { assignedMessage, type Assignment } from '../assignment';

interface AssignedMessageProps {
  assignment: Assignment;
  /** Ways on, such as a link to the license. */
  children?: ReactNode;
}

/**
 * The confirmation after assigning: who got which license, and whether a new
 * customer account was created. Focus moves here when it appears (give each
 * assignment its own `key`), so that it is read out after the dialog closes.
 */
export function AssignedMessage({ assignment, children }: AssignedMessageProps) {
  const text = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    text.current?.focus();
  }, []);
  return (
    <div className="success assigned-message">
      <p ref={text} tabIndex={-1}>
        <strong>License assigned.</strong> {assignedMessage(assignment)}
      </p>
      {children}
    </div>
  );
}
