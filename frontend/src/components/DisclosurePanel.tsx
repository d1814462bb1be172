import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DisclosurePanelProps {
  /** The button's text and the panel's name, e.g. "Add a person". */
  label: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}

/**
 * A button that shows and hides a panel below it, such as a form to add
 * something above the list it adds to. When the panel closes, focus goes
 * back to the button rather than being lost with the panel.
 */
export function DisclosurePanel({ label, open, onOpenChange, children }: DisclosurePanelProps) {
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);

  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <div className="disclosure">
      <button
        ref={button}
        type="button"
        className={open ? 'button-secondary' : undefined}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          onOpenChange(!open);
        }}
      >
        {label}
      </button>
      <section id={panelId} className="panel" aria-label={label} hidden={!open}>
        {open && children}
      </section>
    </div>
  );
}
