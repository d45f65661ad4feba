import type { Messages } from '../en';
import type { Fmt } from '../fmt';
import { factText } from './data';

// «Importar desde otra app» (la exportación de Daylio, la hoja de cálculo de Tandem) y
// «Deshacer esta importación», en Ajustes → Tus datos.

export const sheet = (f: Fmt): Messages['sheet'] => {
  const entries = (n: number) => f.plural(n, { one: '# entrada', other: '# entradas' });
  return {
    heading: 'Importar desde otra app',
    hint: 'Un archivo CSV exportado desde Daylio, o una hoja de cálculo que guardó Tandem. También puedes soltar el archivo en cualquier parte de esta página.',
    timeZoneHint: (zone) =>
      `Daylio no dice dónde se escribió cada entrada, así que cada hora se lee como hora local en la zona horaria de este dispositivo (${zone}) en esa fecha.`,
    chooseFile: 'Elegir un archivo CSV de Daylio o de Tandem',
    reading: 'Leyendo el archivo…',
    preparing: 'Preparando tus entradas…',
    adding: 'Añadiendo a tus datos…',
    progressLabel: 'Progreso',
    placeHeading: 'Coloca tus estados de ánimo',
    placeHint: 'Daylio te deja poner nombre a tus estados de ánimo. Elige dónde va cada uno en la escala de Tandem, del 1 (muy bajo) al 5 (muy bien).',
    labelWithCount: (label, count) => `«${label}» (${entries(count)})`,
    skip: 'Dejarlas fuera',
    unplacedNote: (n) =>
      f.plural(n, {
        one: '# entrada tiene un estado de ánimo que aún no está en la escala y se quedará fuera.',
        other: '# entradas tienen un estado de ánimo que aún no está en la escala y se quedarán fuera.',
      }),
    showChanges: 'Ver qué cambiaría',
    unplacedPreview: (label, count) => `${entries(count)} con el estado de ánimo «${label}» se quedan fuera, porque no tiene sitio en la escala.`,
    problemsCount: (n) =>
      f.plural(n, {
        one: '# fila de este archivo no se puede leer y se queda fuera. Todo lo demás se puede añadir:',
        other: '# filas de este archivo no se pueden leer y se quedan fuera. Todo lo demás se puede añadir:',
      }),
    shortCount: (n) =>
      f.plural(n, {
        one: '# fila es más corta que las demás; se lee con los campos que faltan vacíos.',
        other: '# filas son más cortas que las demás; se leen con los campos que faltan vacíos.',
      }),
    problem: (p) => {
      const where = `Línea ${f.number(p.line)}`;
      switch (p.code) {
        case 'date':
          return `${where}: la fecha «${p.value}» no se puede leer.`;
        case 'time':
          return `${where}: la hora «${p.value}» no se puede leer.`;
        case 'mood':
          return `${where}: no tiene estado de ánimo.`;
        default:
          return `${where}: falta un campo.`;
      }
    },
    more: (n) => `…y ${f.number(n)} más.`,
    refusedLine: (r) => `Línea ${f.number(r.index)}: ${factText(f, r.detail)}.`,
    unknownType: (n) =>
      f.plural(n, { one: '# fila tiene un tipo que Tandem no escribe y se queda fuera.', other: '# filas tienen un tipo que Tandem no escribe y se quedan fuera.' }),
    activities: 'Actividades',
    errors: {
      empty: 'Este archivo está vacío. No se ha importado nada y tus datos siguen igual.',
      'too-large': 'Este archivo es demasiado grande para importarlo. No se ha importado nada y tus datos siguen igual.',
      'not-text': 'Este archivo no es un CSV de texto (o no está guardado en UTF-8). Vuelve a exportarlo desde la app. Tus datos siguen igual.',
      unknown:
        'Esto no es una exportación de Daylio ni una hoja de cálculo de Tandem. Para una copia de Tandem (.json), usa «Restaurar o añadir desde un archivo», más arriba. Tus datos siguen igual.',
      'old-tandem':
        'Esta hoja de cálculo es de una versión anterior de Tandem y no se puede distinguir de lo que ya tienes. Usa una copia de seguridad, o vuelve a guardar la hoja desde esta versión. Tus datos siguen igual.',
      damaged: 'Este archivo parece cortado: un texto entre comillas no termina. Vuelve a exportarlo. No se ha importado nada y tus datos siguen igual.',
      'no-entries': 'Este archivo no tiene entradas que importar. Tus datos siguen igual.',
    },
    undoHeading: 'Deshacer esta importación',
    undoHint: (records, when) =>
      `La última importación (${when}) escribió ${f.plural(records, { one: '# registro', other: '# registros' })}. Al deshacerla se quita lo que añadió y vuelve lo que cambió.`,
    undo: 'Deshacer esta importación',
    undoing: 'Deshaciendo…',
    undone: (u) =>
      `Deshecho: ${f.plural(u.removed, { one: '# registro quitado', other: '# registros quitados' })}, ${f.plural(u.restored, { one: '# recuperado', other: '# recuperados' })}${u.settings ? ', ajustes recuperados' : ''}.`,
    undoErrors: {
      nothing: 'No hay ninguna importación que deshacer.',
      changedSince: 'Algo ha cambiado desde la importación (un registro nuevo o una edición), así que ya forma parte de tu historia y no se puede deshacer entera.',
    },
  };
};
