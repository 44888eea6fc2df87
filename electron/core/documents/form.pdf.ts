/** Placeholder until the form renderer lands (documents work in progress). */
import type { DocMeta, FormDoc } from './document.types';

export async function renderFormPdf(_doc: FormDoc, _meta: DocMeta, _opts: { fontDir: string | null }): Promise<Buffer> {
  throw new Error('renderFormPdf not implemented yet');
}
