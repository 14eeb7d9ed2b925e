export { type Column, PageLayout, wrap } from './page-layout';
export { A4_LANDSCAPE, A4_PORTRAIT, approximateWidth, FONT, type PageSize, pdfText, renderPdf, textAt } from './pdf-file';
