import type { ReactNode } from 'react';

interface PageProps {
  title: string;
  children?: ReactNode;
}

/** A page's document title and its one top-level heading. */
export function Page({ title, children }: PageProps) {
  return (
    <>
      <title>{`${title} · Partner Portal`}</title>
      <h1>{title}</h1>
      {children}
    </>
  );
}
