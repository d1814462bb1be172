import { useEffect, type RefObject } from 'react';

/**
 * Focuses an element in a dialog: at once when the dialog is shown, otherwise
 * as the element the dialog focuses when it opens (its autofocus delegate).
 */
function focusInDialog(element: HTMLElement | null | undefined): void {
  if (!element) return;
  if (element.closest('dialog')?.open) element.focus();
  else element.setAttribute('autofocus', '');
}

/**
 * Puts focus where the person continues in a dialog's body: the first field
 * the errors name (by its `name`), else the element `start` selects.
 */
export function useDialogFocus(
  body: RefObject<HTMLElement | null>,
  start: string,
  fieldsInError: readonly string[],
  fieldOrder: readonly string[],
): void {
  const first = fieldOrder.find((field) => fieldsInError.includes(field));
  useEffect(() => {
    const container = body.current;
    if (!container) return;
    focusInDialog(container.querySelector<HTMLElement>(first ? `[name="${first}"]` : start));
  }, [body, first, start]);
}
