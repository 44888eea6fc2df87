/** Widgets shown on the home page, in order (alerts, inbox…). Each hides itself when the user lacks its permission. */
import type { ComponentType } from 'react';
import { AlertsWidget } from '../components/AlertsWidget';
import { AuditHomeWidget } from './audit/AuditHomeWidget';

export const homeWidgets: ComponentType[] = [AuditHomeWidget, AlertsWidget];
