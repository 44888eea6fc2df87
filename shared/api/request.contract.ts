import { defineMethods } from './define';

export const requestContract = defineMethods({});
