import { defineMethods } from './define';

export const documentContract = defineMethods({});
