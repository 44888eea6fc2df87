/** pdfmake's QR encoder module (CommonJS, untyped); barcode.ts types what it uses. */
declare module 'pdfmake/js/qrEnc.js' {
  const qrEnc: unknown;
  export default qrEnc;
}
