/**
 * METHOD.md §6: every output must say plainly that validators are volunteers. Exported so that the
 * API, exports and dashboards all show the same sentence.
 */
export const VOLUNTEER_SAMPLE_NOTICE = {
  es:
    'Las personas validadoras participan de forma voluntaria (muestra no probabilística): los márgenes de error ' +
    'reflejan el ruido de muestreo, no el sesgo de selección.',
  en: 'Validators are volunteers (a non-probability sample): the margins of error cover sampling noise, not selection bias.',
} as const;
