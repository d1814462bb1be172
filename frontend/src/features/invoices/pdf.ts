import { useFileDownload, type FileDownload, type FileKind } from '../../lib/useFileDownload';

/** Where a PDF download stands. */
export type PdfDownload = FileDownload;

/** An invoice's PDF is saved under its number: INV-2026-000123.pdf. */
export function pdfFileName(invoiceNumber: string): string {
  return `${invoiceNumber}.pdf`;
}

/** An invoice's PDF, as the download's messages name it. */
export const INVOICE_PDF: FileKind = {
  name: 'PDF',
  contentType: 'application/pdf',
  notAvailable: 'The PDF of this invoice is not available to you.',
};

/** Downloads an invoice's PDF with the session cookie, showing how it goes (see useFileDownload). */
export function usePdfDownload() {
  return useFileDownload(INVOICE_PDF);
}
