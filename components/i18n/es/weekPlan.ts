import type { Weekday } from '../../../lib/days';
import type { weekPlanWords as english } from '../en/weekPlan';
import type { Fmt } from '../fmt';

// El plan de la semana y los periodos fuera (components/settings/WeekPlanEditor.tsx y AwayEditor.tsx).

/** "lunes" → "Lunes", al principio de un nombre. */
const capital = (text: string) => text.charAt(0).toLocaleUpperCase('es') + text.slice(1);

export const weekPlanWords = (f: Fmt, days: Record<Weekday, string>, overnight: string): ReturnType<typeof english> => {
  const windowName = (day: Weekday, n: number) => `${capital(days[day])}, franja ${f.number(n)}`;
  return {
    legend: 'Horas de recordatorio de cada día',
    hint: 'Un día sin franjas no tiene recordatorios. Una franja puede pasar de medianoche, para un turno de noche.',
    noWindows: 'Sin recordatorios este día.',
    starts: 'Empieza',
    ends: 'Termina',
    windowStarts: (day, n) => `${windowName(day, n)} empieza`,
    windowEnds: (day, n) => `${windowName(day, n)} termina`,
    windowOvernight: (day, n) => `${windowName(day, n)}: ${overnight.toLowerCase()}`,
    windowGroup: windowName,
    addWindow: 'Añadir una franja',
    addWindowOn: (day) => `Añadir una franja el ${days[day]}`,
    removeWindow: (day, n) => `Quitar ${windowName(day, n).replace(/^./, (c) => c.toLocaleLowerCase('es'))}`,
    copyMonday: 'Copiar el lunes a todos los días laborables',
    copyMondayHint: 'De martes a viernes tendrán las horas del lunes. El sábado y el domingo se quedan como están.',
    copied: 'Las horas del lunes están copiadas de martes a viernes. Guarda para conservarlas.',

    awayLegend: 'Fuera',
    awayHint:
      'Estos días no hay recordatorios ni nada pendiente, del primer día al último. Tus horas se quedan como están para cuando vuelvas.',
    awayNone: 'No hay periodos fuera. Añade uno para unas vacaciones, unos días de baja o un descanso.',
    awayGroup: (n) => `Periodo fuera ${f.number(n)}`,
    awayFrom: 'Fuera desde',
    awayTo: 'hasta',
    awayFromName: (n) => `Fuera desde (periodo ${f.number(n)})`,
    awayToName: (n) => `hasta (periodo ${f.number(n)})`,
    addAway: 'Añadir un periodo fuera',
    removeAway: (n) => `Quitar el periodo fuera ${f.number(n)}`,
    awayNow: 'Fuera ahora',
    awayOver: 'Ya pasó',
  };
};
