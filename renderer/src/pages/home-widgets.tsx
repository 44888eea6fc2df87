/** Widgets shown on the home page, in order (alerts, inbox…). Each hides itself when the user lacks its permission. */
import type { ComponentType } from 'react';
import { AlertsWidget } from '../components/AlertsWidget';
import { AuditHomeWidget } from './audit/AuditHomeWidget';
import { StocktakeWarningsWidget } from './stocktake/StocktakeWarningsWidget';
import { DashboardWidget } from './reports/DashboardWidget';
import { BackupHomeWidget } from './admin/BackupHomeWidget';

export const homeWidgets: ComponentType[] = [BackupHomeWidget, StocktakeWarningsWidget, AuditHomeWidget, DashboardWidget, AlertsWidget];
