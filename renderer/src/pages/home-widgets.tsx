/** Widgets shown on the home page, in order (alerts, inbox…). */
import type { ComponentType } from 'react';
import { AlertsWidget } from '../components/AlertsWidget';

export const homeWidgets: ComponentType[] = [AlertsWidget];
