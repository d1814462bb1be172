import { useEffect, useRef, useState, type ReactNode } from 'react';

interface TableScrollProps {
  /** What the box holds (the table's caption): its name once it scrolls. */
  label: string;
  children: ReactNode;
}

/**
 * The box a wide table scrolls sideways in on a narrow screen, so that the
 * page itself does not. Once it does scroll, it takes keyboard focus (the arrow
 * keys then scroll it) and is named by its table.
 */
export function TableScroll({ label, children }: TableScrollProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const measure = () => {
      setScrolls(element.scrollWidth > element.clientWidth + 1);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => {
      observer.disconnect();
    };
  }, []);

  return (
    <div
      ref={box}
      className="table-scroll"
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': `${label} (scrolls sideways)` } : {})}
    >
      {children}
    </div>
  );
}
