import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** How long a toast stays, unless the pointer or focus is on the toasts. */
export const TOAST_DURATION_MS = 6000;
/** The most toasts shown at once; the oldest goes first. */
const MAX_TOASTS = 4;

/** Says that something was done, in a toast that goes by itself. Errors are not toasts: they stay in the page. */
export interface ToastApi {
  show: (message: string) => void;
}

interface ToastItem {
  id: number;
  message: string;
}

const ToastContext = createContext<ToastApi | null>(null);

/** Whether a ToastProvider is above: without one (a view rendered alone), messages stay in the page. */
export function useToastOrNull(): ToastApi | null {
  return use(ToastContext);
}

const NO_TOASTS: ToastApi = {
  show: () => undefined,
};

/** The app's toasts; outside a ToastProvider the messages go nowhere. */
export function useToast(): ToastApi {
  return use(ToastContext) ?? NO_TOASTS;
}

/**
 * Completed actions as toasts: a polite live region fixed in a corner that is
 * always in the page (so that screen readers announce what appears in it);
 * each toast closes with its button or after a few seconds, which wait while
 * the pointer or the focus is on the toasts.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<readonly ToastItem[]>([]);
  const [paused, setPaused] = useState(false);
  const nextId = useRef(1);
  const region = useRef<HTMLDivElement>(null);

  const show = useCallback((message: string) => {
    const id = nextId.current;
    nextId.current += 1;
    // the same message again replaces the one shown (and starts its time again)
    setToasts((shown) => [...shown.filter((toast) => toast.message !== message), { id, message }].slice(-MAX_TOASTS));
  }, []);

  const dismiss = useCallback((id: number, byKeyboard: boolean) => {
    setToasts((shown) => shown.filter((toast) => toast.id !== id));
    if (byKeyboard) {
      // the button goes away with its toast: keep the focus near where it was
      const buttons = [...(region.current?.querySelectorAll<HTMLButtonElement>('.toast-close') ?? [])];
      const next = buttons.find((button) => button.dataset.toastId !== String(id));
      if (next) next.focus();
      else document.getElementById('main')?.focus();
    }
  }, []);

  const api = useMemo(() => ({ show }), [show]);

  return (
    <ToastContext value={api}>
      {children}
      <div
        ref={region}
        className="toast-region"
        role="status"
        aria-live="polite"
        onMouseEnter={() => {
          setPaused(true);
        }}
        onMouseLeave={() => {
          setPaused(region.current?.contains(document.activeElement) ?? false);
        }}
        onFocus={() => {
          setPaused(true);
        }}
        onBlur={(event) => {
          if (!region.current?.contains(event.relatedTarget)) setPaused(false);
        }}
      >
        {toasts.map((toast) => (
          <Toast key={toast.id} toast={toast} paused={paused} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext>
  );
}

interface ToastProps {
  toast: ToastItem;
  paused: boolean;
  onDismiss: (id: number, byKeyboard: boolean) => void;
}

function Toast({ toast, paused, onDismiss }: ToastProps) {
  useEffect(() => {
    if (paused) return undefined;
    const timer = window.setTimeout(() => {
      onDismiss(toast.id, false);
    }, TOAST_DURATION_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [paused, toast.id, onDismiss]);

  return (
    <div className="toast">
      <p>{toast.message}</p>
      <button
        type="button"
        className="toast-close"
        data-toast-id={toast.id}
        aria-label="Dismiss message"
        onClick={(event) => {
          // a click from the keyboard has no pointer position
          onDismiss(toast.id, event.detail === 0);
        }}
      >
        ×
      </button>
    </div>
  );
}
