/** Whole-record exports: a case as one zip with a SHA-256 manifest (checked by `cli verify-export`). */
import { z } from 'zod';
import { defineMethods } from './define';
import { fileOut, id } from './common.schemas';

export const exportContract = defineMethods({
  'case.exportZip': {
    summary: '导出案件档案（物品、流转事件、文书 PDF、照片及 SHA-256 清单）',
    permission: 'item.read',
    input: z.object({ caseId: id }),
    output: fileOut,
    // Reads outside a transaction; the trail PDF's issue is a short write of its own.
    readonly: true,
  },
});
