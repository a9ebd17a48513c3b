"use client";
/**
 * A native modal <dialog> driven by React: shown with showModal() (the page behind is inert, so
 * focus stays inside), closed by Esc through `onClose`, and focus given back to where it was.
 * Browsers without the dialog methods (old Safari, jsdom) get the `open` attribute instead.
 */
import { useEffect, useRef, type RefObject } from "react";

export function useModalDialog(
  ref: RefObject<HTMLDialogElement | null>,
  onClose: () => void,
  returnFocusTo?: Element | null,
): void {
  const latestOnClose = useRef(onClose);
  latestOnClose.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = returnFocusTo ?? document.activeElement;
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
    const onCancel = (event: Event) => {
      event.preventDefault(); // Esc: close through the owner, so its state stays the truth
      latestOnClose.current();
    };
    dialog.addEventListener("cancel", onCancel);
    return () => {
      dialog.removeEventListener("cancel", onCancel);
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
      if (opener instanceof HTMLElement) opener.focus();
    };
  }, [ref, returnFocusTo]);
}
