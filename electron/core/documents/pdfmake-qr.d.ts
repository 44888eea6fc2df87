/** pdfmake's QR encoder module (CommonJS, untyped); barcode.ts types what it uses. */
declare module 'pdfmake/js/qrEnc.js' {
  const qrEnc: unknown;
  export default qrEnc;
}

/// <reference types="pdfkit" />
/** pdfmake's pdfkit document (CommonJS): pdfkit itself, reached through pdfmake so bundles keep it external. */
declare module 'pdfmake/js/PDFDocument.js' {
  const PdfKitDocument: new (fonts: object, images: object, patterns: object, attachments: object, options: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument;
  export default PdfKitDocument;
}
