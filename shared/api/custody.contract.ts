import { defineMethods } from './define';

export const custodyContract = defineMethods({});
