import { useCallback, useState } from 'react';

/**
 * Whether a DisclosurePanel is open; `onChange` runs on every opening and
 * closing (to clear a form's old errors, say).
 */
export function useDisclosure(onChange?: () => void) {
  const [open, setOpenState] = useState(false);
  const setOpen = useCallback(
    (next: boolean) => {
      onChange?.();
      setOpenState(next);
    },
    [onChange],
  );
  const close = useCallback(() => {
    setOpen(false);
  }, [setOpen]);
  return { open, setOpen, close };
}
