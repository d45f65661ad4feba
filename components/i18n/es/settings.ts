import type { Messages } from '../en';
import { clockText, weekdayNames, windowText, type SettingsProblems } from '../en/settings';
import type { Weekday } from '../../../lib/days';
import type { Fmt } from '../fmt';
import { weekPlanWords } from './weekPlan';

// Los ajustes de los recordatorios: días, franjas horarias, intervalo, avisos, inicio del día e idioma.

/** "lunes" → "Lunes": en una lista de casillas, cada día empieza con mayúscula. */
const capital = (text: string) => text.charAt(0).toLocaleUpperCase('es') + text.slice(1);

export const settings = (f: Fmt): Messages['settings'] => {
  const overnight = 'Termina al día siguiente';
  const names = weekdayNames(f);
  const windowName = (p: { day: Weekday; index: number }) => `${capital(names[p.day])}, franja ${f.number(Number(p.index) + 1)}`;
  const problems: SettingsProblems = {
    'settings.badDay': () => 'El plan de recordatorios está dañado: no tiene siete días. Vuelve a poner tus horas.',
    'settings.noWindows': () =>
      'Añade al menos una franja horaria en algún día para los recordatorios. Para descansar de los recordatorios, añade un periodo fuera.',
    'settings.tooManyWindows': (p) => `El ${names[p.day]} tiene más de ${f.number(p.max)} franjas. Une algunas en una sola.`,
    'settings.windowIncomplete': (p) =>
      p.day !== undefined && p.index !== undefined
        ? `${windowName({ day: p.day, index: p.index })}: necesita una hora de inicio y una de fin.`
        : 'Cada franja necesita una hora de inicio y una de fin.',
    'settings.windowEmpty': (p) => `${windowName(p)} (${windowText(f, p)}) empieza y termina a la misma hora.`,
    'settings.windowBackwards': (p) =>
      `${windowName(p)} (${windowText(f, p)}): el fin es antes del inicio. Si pasa de medianoche, marca «${overnight}».`,
    'settings.windowTooLong': (p) =>
      `${windowName(p)} (${windowText(f, p)}) tiene marcado «${overnight}», así que duraría más de 24 horas. Desmárcalo o pon un fin más temprano.`,
    'settings.windowsOverlap': (p) =>
      p.a.day === p.b.day
        ? `El ${names[p.a.day]}, las franjas ${windowText(f, p.a)} y ${windowText(f, p.b)} se solapan. Cambia una para que no coincidan.`
        : `La franja ${windowText(f, p.a)} del ${names[p.a.day]} y la franja ${windowText(f, p.b)} del ${names[p.b.day]} se solapan. Cambia una para que no coincidan.`,
    'settings.awayIncomplete': (p) => `El periodo fuera ${f.number(Number(p.index) + 1)} necesita un primer y un último día.`,
    'settings.awayBackwards': (p) =>
      `El periodo fuera ${f.number(Number(p.index) + 1)} termina antes de empezar (del ${f.day(p.from)} al ${f.day(p.to)}). Intercambia los dos días.`,
    'settings.awayTooMany': (p) => `Puedes tener como máximo ${f.number(p.max)} periodos fuera. Quita los que ya pasaron.`,
    'settings.interval': (p) =>
      `Elige un intervalo de recordatorio entre ${f.number(p.min)} y ${f.number(p.max)} minutos (minutos enteros).`,
    'settings.notificationEmpty': () =>
      'El texto del aviso no tiene nada que se pueda leer. Escribe unas palabras o déjalo vacío para usar el texto de siempre.',
    'settings.notificationTooLong': (p) =>
      f.plural(p.max, {
        one: 'El texto del aviso puede tener como máximo # carácter.',
        other: 'El texto del aviso puede tener como máximo # caracteres.',
      }),
    'settings.dayStart': (p) => `El día puede empezar entre las ${clockText(f, p.min * 60)} y las ${clockText(f, p.max * 60)}.`,
  };
  return {
    weekdays: { 0: capital(names[0]), 1: capital(names[1]), 2: capital(names[2]), 3: capital(names[3]), 4: capital(names[4]), 5: capital(names[5]), 6: capital(names[6]) },
    overnight,
    remove: 'Quitar',
    week: weekPlanWords(f, names, overnight),
    interval: 'Recordarme cada (minutos)',
    dayStart: 'Un día nuevo empieza a las',
    dayStartOption: (hour: number) => clockText(f, hour * 60),
    dayStartHint:
      'Los registros hechos antes de esta hora cuentan para el día anterior: así, una noche larga sigue perteneciendo al día que viviste.',
    notificationsToggle: 'Mostrar también un aviso del sistema',
    notificationsDenied:
      'Tu navegador no ha permitido los avisos. El punto en el icono de la barra de herramientas sigue apareciendo cuando toca registrar cómo estás.',
    notificationTextLabel: 'Texto del aviso',
    notificationHint: 'Otras personas pueden verlo en tu pantalla, así que no dice nada personal, a menos que tú quieras.',
    notificationDefaultHint: 'Déjalo vacío para usar el texto de siempre, el que se ve en la casilla.',
    save: 'Guardar ajustes',

    languageLabel: 'Idioma',
    languageBrowser: 'El mismo que el navegador',
    languageNames: { en: 'English', es: 'Español' },
    languageHint: 'La página se vuelve a cargar para cambiar de idioma. Esta elección se guarda solo en este dispositivo.',

    problems,
  };
};
