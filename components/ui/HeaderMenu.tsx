"use client";
// On a phone the header is one row: the site's name and a "Menu" button that shows the
// navigation and the account links below it (Escape or choosing a page closes it). On a wider
// screen the button is hidden and its contents sit in the header as they are (CSS:
// .site-menu is `display: contents` there).
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";

export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  // A link followed inside the menu lands on a new page with the menu closed.
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <button type="button" ref={button} className="menu-button" aria-expanded={open} aria-controls="site-menu" onClick={() => setOpen((o) => !o)}>
        Menu
      </button>
      <div id="site-menu" className="site-menu" data-open={open}>
        {children}
      </div>
    </>
  );
}
