import type { DemoProblem } from '../../../lib/demo';
import type { HaltTag } from '../../../lib/db/schema';
import type { DayPart, Insight, MoodSummary } from '../../../lib/insights';
import type { Messages } from '../en';
import type { Fmt } from '../fmt';

// Gráficas, tablas y patrones, y la oferta de datos de ejemplo. Cada patrón empieza con una
// frase sencilla y después da los números. "Registro" es cada vez que la persona anota cómo está.

export const insights = (f: Fmt): Messages['insights'] => {
  /** Una media de ánimo o de ganas, siempre con un decimal: 2,0; 3,4. */
  const one = (n: number) => f.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const days = (n: number) => f.plural(n, { one: '# día', other: '# días' });
  const checkins = (n: number) => f.plural(n, { one: '# registro', other: '# registros' });
  // Sustantivos, para que la frase no dependa del género de la persona.
  const tag: Record<HaltTag, string> = { hungry: 'hambre', angry: 'enfado', lonely: 'soledad', tired: 'cansancio' };
  const part: Record<DayPart, { name: string; hours: string }> = {
    night: { name: 'Las madrugadas', hours: 'de 0 a 6 h' },
    morning: { name: 'Las mañanas', hours: 'de 6 a 12 h' },
    afternoon: { name: 'Las tardes', hours: 'de 12 a 18 h' },
    evening: { name: 'Las noches', hours: 'de 18 a 24 h' },
  };

  return {
    heading: 'Patrones',
    loading: 'Cargando…',
    today: 'Hoy',
    yesterday: 'Ayer',
    periodLegend: 'Periodo',
    period: (n: number) => (n === 365 ? '1 año' : days(n)),

    patternsHeading: 'Lo que muestran tus datos',
    patternsNone: (minDays: number) =>
      `Todavía no hay datos suficientes para ver patrones en este periodo. Para comparar hacen falta al menos ${days(minDays)} de cada lado, así que aquí nada es una suposición. Sigue registrando cómo estás, o elige un periodo más largo.`,
    pattern: (i: Insight): string => {
      switch (i.kind) {
        case 'tagLowersMood':
        case 'tagRaisesMood':
          return `${i.kind === 'tagLowersMood' ? `Los días con ${tag[i.tag]} son más duros para ti.` : `Los días con ${tag[i.tag]} te suelen ir mejor.`} Esos días tu ánimo es de ${one(i.with)} sobre 5 de media; los demás días, de ${one(i.without)} (${days(i.days.with)} frente a ${days(i.days.without)}).`;
        case 'hardDaysLowerMood':
        case 'hardDaysRaiseMood':
          return `${i.kind === 'hardDaysLowerMood' ? 'Un momento difícil o una recaída se nota en todo el día.' : 'Tu ánimo aguanta incluso los días con un momento difícil o una recaída.'} Esos días tu ánimo es de ${one(i.with)} sobre 5 de media; los demás días, de ${one(i.without)} (${days(i.days.with)} frente a ${days(i.days.without)}).`;
        case 'lowestPartOfDay':
          return `${part[i.part].name} (${part[i.part].hours}) son el momento del día más duro para ti. A esas horas tu ánimo es de ${one(i.mean)} sobre 5 de media; el resto del día, de ${one(i.otherMean)} (${checkins(i.checkins.part)} frente a ${checkins(i.checkins.other)}).`;
        case 'stepLowersPull':
          return `«${i.step}» parece ayudarte. Después, el impulso bajó ${one(i.drop)} puntos de media (${f.plural(i.measured, { one: 'lo mediste # vez', other: 'lo mediste # veces' })}).`;
      }
    },

    patternPlanAdd: (situation) => `Añadir pasos para «${situation}»`,
    patternPlanSee: (situation) => `Ver mis pasos para «${situation}»`,
    partSituation: { night: 'De madrugada', morning: 'Por la mañana', afternoon: 'Por la tarde', evening: 'Por la noche' },

    moodAxis: ['Muy mal', 'Mal', 'Regular', 'Bien', 'Muy bien'],
    showTable: 'Ver como tabla',
    tableDay: 'Día',
    tableCheckins: 'Registros',

    moodTitle: 'Tu ánimo a lo largo del tiempo',
    moodSummary: (s: MoodSummary) => {
      if (s.average === null) return 'Todavía no hay registros en este periodo.';
      const trend =
        s.trend === null
          ? ''
          : s.trend.kind === 'steady'
            ? ' Tu ánimo se ha mantenido estable.'
            : s.trend.kind === 'rose'
              ? ` Tu ánimo ha subido, de ${one(s.trend.from)} a ${one(s.trend.to)}.`
              : ` Tu ánimo ha bajado un poco, de ${one(s.trend.from)} a ${one(s.trend.to)}.`;
      return `Registraste cómo estabas ${f.number(s.daysCheckedIn)} de ${f.plural(s.periodDays, { one: '# día', other: 'los # días' })} (${checkins(s.checkins)}). Ánimo medio: ${one(s.average)} sobre 5.${trend}`;
    },
    moodHighest: 'Más alto',
    moodAverage: 'Media del día',
    moodLowest: 'Más bajo',
    moodTable: 'Ánimo por día',
    moodTableAverage: 'Media',

    countTitle: 'Registros por día',
    countSummary: (total: number, period: number) => `${checkins(total)} en los últimos ${days(period)}.`,
    countSeries: 'Registros',
    countTable: 'Registros por día',

    pullTitle: 'La fuerza del impulso',
    pullNone: 'No hay reflexiones con la fuerza anotada en este periodo.',
    pullSummary: (dayCount: number, strongest: number) =>
      `${f.plural(dayCount, { one: '# día', other: '# días' })} con un momento difícil o una recaída; el impulso más fuerte fue de ${f.number(strongest)} sobre 10.`,
    pullSeries: 'Impulso más fuerte',
    pullTable: 'Impulso más fuerte por día',
    pullTableStrength: 'Impulso (0\u2060–\u206010)',
    pullTableReflections: 'Reflexiones',

    hoursTitle: 'Tu ánimo según la hora del día',
    hoursSummary: (hour: string, mean: number, count: number) =>
      `Tu ánimo está más bajo hacia las ${hour} (media ${one(mean)}, ${checkins(count)}).`,
    hoursNotEnough: (min: number) =>
      `Todavía no hay registros suficientes para señalar una hora del día (hacen falta al menos ${f.number(min)} en una misma hora).`,
    hoursSeries: 'Ánimo medio',
    hoursTable: 'Ánimo por hora',
    hoursTableHour: 'Hora',
    hoursTableMood: 'Ánimo medio',

    triggersHeading: 'Lo que más a menudo te afecta',
    triggersNone: 'No has anotado situaciones en este periodo.',
    triggersTrigger: 'Situación',
    triggersReflections: 'Reflexiones',
    triggersCheckins: 'Registros marcados',

    stepsHeading: 'Qué pasos te ayudan',
    stepsIntro: (min: number) =>
      `Sale de tus reflexiones: cuántas veces usaste cada paso y cuánto bajó el impulso después (cuando anotaste la fuerza antes y después). Los pasos medidos al menos ${f.plural(min, { one: 'una vez', other: '# veces' })} aparecen ordenados; los demás, debajo. Vale la pena repasarlo con tu mentor o mentora.`,
    stepsNone: 'Todavía no has anotado pasos en este periodo.',
    stepsStep: 'Paso',
    stepsUses: 'Veces que lo usaste',
    stepsDrop: 'Bajada media (puntos)',
    stepsRanked: (drop: number, measured: number) => `${one(drop)} (medido ${f.plural(measured, { one: '# vez', other: '# veces' })})`,
    stepsNotMeasured: 'aún sin medir',
    stepsTooFew: (measured: number) => `muy pocas veces para comparar (medido ${f.plural(measured, { one: '# vez', other: '# veces' })})`,

    demoOffer:
      'Todavía no has registrado nada. Para ver cómo quedan las gráficas, puedes cargar seis meses de datos de ejemplo inventados. Sirven para probar Tandem: cárgalos solo en un dispositivo que aún no uses de verdad.',
    demoLoad: 'Cargar datos de ejemplo',

    problems: {
      'demo.notEmpty': (_p: DemoProblem) => 'Los datos de ejemplo solo se pueden cargar en un Tandem vacío. Tus propios registros siguen igual.',
    },
  };
};
