/** Widgets shown on the home page, in order (alerts, inbox…). */
import type { ComponentType } from 'react';

export const homeWidgets: ComponentType[] = [];
