import type { Messages } from '../en';
import { clockText, weekdayNames, windowText, type SettingsProblems } from '../en/settings';
import type { Fmt } from '../fmt';

// Los ajustes de los recordatorios: días, franjas horarias, intervalo, avisos, inicio del día e idioma.

/** "lunes" → "Lunes": en una lista de casillas, cada día empieza con mayúscula. */
const capital = (text: string) => text.charAt(0).toLocaleUpperCase('es') + text.slice(1);

export const settings = (f: Fmt): Messages['settings'] => {
  const overnight = 'Termina al día siguiente';
  const names = weekdayNames(f);
  const problems: SettingsProblems = {
    'settings.noDays': () => 'Elige al menos un día para los recordatorios.',
    'settings.badDay': () => 'Uno de los días no es un día de la semana.',
    'settings.noWindows': () => 'Añade al menos una franja horaria para los recordatorios.',
    'settings.windowIncomplete': () => 'Cada franja necesita una hora de inicio y una de fin.',
    'settings.windowEmpty': (p) => `La franja ${windowText(f, p)} empieza y termina a la misma hora.`,
    'settings.windowBackwards': (p) =>
      `En ${windowText(f, p)} el fin es antes del inicio. Si pasa de medianoche, marca «${overnight}».`,
    'settings.windowTooLong': (p) =>
      `${windowText(f, p)} tiene marcado «${overnight}», así que duraría más de 24 horas. Desmárcalo o pon un fin más temprano.`,
    'settings.windowsOverlap': (p) =>
      `Las franjas ${windowText(f, p.a)} y ${windowText(f, p.b)} se solapan. Cambia una para que no coincidan.`,
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
    daysLegend: 'Días con recordatorios',
    timesLegend: 'Horas del día',
    windowLabel: (n: number) => `Franja ${f.number(n)}`,
    start: 'Inicio',
    end: 'Fin',
    overnight,
    remove: 'Quitar',
    removeWindow: (n: number) => `Quitar la franja ${f.number(n)}`,
    addWindow: 'Añadir una franja horaria',
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
