import { MAX_FILE_BYTES } from '../../../lib/backup/limits';
import type { RefusedRecord } from '../../../lib/backup/parse';
import type { BackupProblem, RecordFact } from '../../../lib/backup/problems';
import type { ImportSummary } from '../../../lib/backup/store';
import { TRANSFER_DAYS } from '../../../lib/backup/limits';
import type { Messages } from '../en';
import { bytesText, refusedWhen, yearText } from '../en/data';
import type { Fmt } from '../fmt';

// «Tus datos»: copias de seguridad, pasar los datos al teléfono, el almacenamiento y borrarlo
// todo. De tú. Aquí hay que ser muy claros con lo que se guarda, lo que sale del dispositivo y
// lo que no se puede deshacer, sin asustar.

/** «a la 1:00», «a las 9:30». */
const at = (time: string) => (/^0?1[:.]/.test(time) ? `a la ${time}` : `a las ${time}`);

const plural = (f: Fmt, n: number, one: string, many: string) => f.plural(n, { one: `# ${one}`, other: `# ${many}` });

/** Qué campo incumple qué regla, como «el campo «mood» tiene que ser un estado de ánimo del 1 al 5». */
export function factText(f: Fmt, fact: RecordFact): string {
  const field = `el campo «${fact.field}»`;
  switch (fact.rule) {
    case 'missing':
      return `falta el campo «${fact.field}»`;
    case 'unknownField':
      return `tiene un campo que Tandem no conoce («${fact.field}»)`;
    case 'type': {
      if (fact.field === '') return 'no es un registro';
      const kinds = { number: 'un número', text: 'un texto', list: 'una lista', yesNo: 'verdadero o falso', record: 'un grupo de campos' };
      return fact.expected ? `${field} tiene que ser ${kinds[fact.expected]}` : `${field} tiene un tipo de valor que no corresponde`;
    }
    case 'whole':
      return `${field} tiene que ser un número entero`;
    case 'range':
      return fact.min !== undefined
        ? `${field} tiene que ser como mínimo ${f.number(fact.min)}`
        : fact.max !== undefined
          ? `${field} tiene que ser como máximo ${f.number(fact.max)}`
          : `${field} está fuera de los valores posibles`;
    case 'date':
      return fact.max !== undefined
        ? `${field} es una fecha posterior al año ${yearText(f, fact.max)}`
        : `${field} es una fecha anterior al año ${yearText(f, fact.min ?? 2000)}`;
    case 'day':
      return `${field} no es un día del calendario entre 2000 y 2100`;
    case 'tooLong':
      return fact.max !== undefined ? `${field} tiene más de ${plural(f, fact.max, 'carácter', 'caracteres')}` : `${field} es demasiado largo`;
    case 'tooMany':
      return fact.max !== undefined ? `${field} tiene más de ${plural(f, fact.max, 'elemento', 'elementos')}` : `${field} tiene demasiados elementos`;
    case 'empty':
      return `${field} está vacío`;
    case 'mood':
      return `${field} tiene que ser un estado de ánimo del 1 al 5`;
    case 'choice':
      return `${field} no tiene ninguno de los valores que escribe Tandem`;
    case 'phone':
      return `${field} no es un número que un teléfono pueda marcar`;
    case 'id':
      return `${field} no es un identificador de registro`;
    case 'duplicate':
      return `${field} tiene el mismo elemento dos veces`;
    case 'future':
      return 'tiene una fecha posterior a la del reloj de este dispositivo';
    default:
      return fact.field === '' ? 'está mal formado' : `${field} no es válido`;
  }
}

export const data = (f: Fmt): Messages['data'] => {
  const dt: Messages['data'] = {
    heading: 'Tus datos',
    intro: 'Todo se queda en este dispositivo. Nada sale de aquí a menos que tú guardes un archivo o crees un enlace.',

    storageHeading: 'En este dispositivo',
    persistentYes: 'Tu navegador se ha comprometido a conservar los datos de Tandem, aunque el disco se llene.',
    neverEvicted: 'Como extensión del navegador con almacenamiento ilimitado, Tandem conserva sus datos aunque el disco se llene.',
    persistentNo:
      'Tu navegador podría borrar los datos de Tandem si el disco se llena mucho. Guardar una copia de seguridad de vez en cuando los mantiene a salvo.',
    persistentUnknown: 'Este navegador no dice si conservará los datos de Tandem cuando el disco se llene.',
    askPersist: 'Pedir al navegador que conserve mis datos',
    persistRefused:
      'El navegador ha dicho que no, por ahora. Cada navegador lo decide por su cuenta; de todos modos, las copias de seguridad mantienen tus datos a salvo.',
    usage: (usage, quota) =>
      quota
        ? `Tandem ocupa ${bytesText(f, usage)} de los ${bytesText(f, quota)} que permite este navegador.`
        : `Tandem ocupa ${bytesText(f, usage)}.`,
    lastBackup: (day, time) => `Última copia de seguridad: ${day}, ${at(time)}.`,
    today: 'hoy',
    yesterday: 'ayer',
    noBackup: 'Todavía no has guardado ninguna copia de seguridad desde este dispositivo.',
    nudge: 'Ha pasado más de un mes sin una copia de seguridad. Guardar una lleva un segundo y protege tu historial.',
    nudgeAction: 'Hacer una copia ahora',

    backupHeading: 'Copia de seguridad',
    backupHint:
      'Un archivo con todos tus registros, reflexiones, tu plan, valores, contactos, ajustes y la lista de enlaces que has compartido.',
    encryptLabel: 'Proteger el archivo con una frase de contraseña',
    passphraseLabel: 'Frase de contraseña',
    passphraseHint: (min) =>
      `Al menos ${plural(f, min, 'carácter', 'caracteres')}. Si la pierdes, Tandem no puede recuperarla.`,
    passphraseShort: (min) => `Usa una frase de contraseña de al menos ${plural(f, min, 'carácter', 'caracteres')}.`,
    showPassphrase: 'Mostrar',
    hidePassphrase: 'Ocultar',
    saveBackup: 'Guardar la copia de seguridad',
    saveCsv: 'Guardar como hoja de cálculo (CSV)',
    csvHint:
      'Tus registros y reflexiones para abrirlos en una hoja de cálculo. Se puede volver a importar en «Importar desde otra app»; tu plan, tus valores, tus contactos y tus ajustes solo viajan en la copia de seguridad.',
    backupSaved: (name) =>
      `Se ha guardado ${name}. Guárdalo en un lugar seguro, como una memoria USB o tu propia carpeta en la nube.`,
    csvSaved: (name) => `Se ha guardado ${name}.`,

    importHeading: 'Restaurar o añadir desde un archivo',
    importHint:
      'Los registros se comparan uno a uno: no se pierde nada de lo que hay en este dispositivo y se conserva la versión más reciente de cada uno.',
    chooseFile: 'Elegir una copia de seguridad o un archivo de traspaso',
    unreadable:
      'No se ha podido leer este archivo. Vuelve a elegirlo o cópialo antes a este dispositivo. Tus datos siguen sin cambios.',
    openWithPassphrase: 'Abrir',
    opening: 'Abriendo…',
    previewHeading: 'Lo que cambiaría este archivo',
    summary: (s: ImportSummary) =>
      `${f.plural(s.new, { one: '# nuevo', other: '# nuevos' })}, ${f.plural(s.updated, { one: '# actualizado', other: '# actualizados' })}, ${f.plural(s.deleted, { one: '# borrado', other: '# borrados' })}, ${f.plural(s.unchanged, { one: '# sin cambios', other: '# sin cambios' })}`,
    scopeRecent: (fromDay) =>
      `Este traspaso lleva los registros y las reflexiones desde el ${f.day(fromDay, { day: 'numeric', month: 'long', year: 'numeric' })}, además de tu plan, tus valores, tus contactos y tus ajustes.`,
    settingsReplaced: 'Sus ajustes son más recientes que los de este dispositivo y los sustituirán.',
    settingsKept: 'Los ajustes de este dispositivo son más recientes y se conservarán.',
    apply: 'Añadir a mis datos',
    refusedCount: (n) =>
      f.plural(n, {
        one: '# registro de este archivo no se puede añadir porque no cumple las reglas de Tandem. Todo lo demás, sí:',
        other: '# registros de este archivo no se pueden añadir porque no cumplen las reglas de Tandem. Todo lo demás, sí:',
      }),
    refusedRecord: (r: RefusedRecord) => {
      const when = refusedWhen(f, r.at);
      const text = factText(f, r.detail);
      return `${dt.recordNoun[r.table]} ${f.number(r.index)}${when ? ` (${when})` : ''}: ${text}.`;
    },
    recordNoun: {
      checkins: 'Registro',
      reflections: 'Reflexión',
      plan: 'Entrada del plan',
      values: 'Valor u objetivo',
      contacts: 'Contacto',
      shares: 'Entrada de la lista de enlaces',
      replies: 'Respuesta de un mentor',
      wellbeing: 'Control de bienestar',
    },
    refusedMore: (n) => `…y ${f.number(n)} más.`,
    refusedSettings: {
      invalid: 'Los ajustes de este archivo no son válidos, así que se conservan los de este dispositivo.',
      future: 'Los ajustes de este archivo tienen una fecha posterior a la del reloj de este dispositivo, así que se conservan los de aquí.',
    },
    refusedKeep: 'Esos se quedan fuera; nada de este dispositivo cambia por ellos.',
    cancel: 'Cancelar',
    nothingToDo: 'Todo lo que hay en este archivo ya está aquí. No hace falta cambiar nada.',
    applied: (s) => `Hecho: ${dt.summary(s)}.`,
    cancelled: 'No se ha importado nada.',
    linkHeading: 'Se ha abierto un enlace de traspaso',
    linkHint: 'Escribe la frase de contraseña que se eligió al crear el enlace.',

    backupErrors: {
      empty: 'Este archivo está vacío. No se ha importado nada y tus datos siguen sin cambios.',
      'too-large': `Este archivo ocupa más de ${bytesText(f, MAX_FILE_BYTES)}, demasiado para ser una copia de seguridad de Tandem. No se ha importado nada y tus datos siguen sin cambios.`,
      'not-json': 'Esto no es una copia de seguridad de Tandem. Elige el archivo .json que guardó Tandem. Tus datos siguen sin cambios.',
      damaged:
        'Parece que esta copia de seguridad está cortada o dañada, así que no se puede leer. Prueba otra vez con el archivo o con otra copia. Tus datos siguen sin cambios.',
      'other-app': 'Este archivo no lo ha creado Tandem. Elige un archivo que haya guardado Tandem. Tus datos siguen sin cambios.',
      'newer-version':
        'Esta copia de seguridad viene de una versión más nueva de Tandem. Actualiza Tandem en este dispositivo y vuelve a importarla. Tus datos siguen sin cambios.',
      'needs-passphrase': 'Este archivo está protegido con una frase de contraseña. Escríbela para seguir.',
      'wrong-passphrase':
        'Esa frase de contraseña no abre este archivo. Revísala y prueba de nuevo (las mayúsculas cuentan). Tus datos siguen sin cambios.',
      'unsafe-keys': 'Este archivo tiene campos que Tandem nunca escribe, así que se ha rechazado. Tus datos siguen sin cambios.',
      invalid: (detail?: RecordFact) =>
        `Una parte de este archivo no es válida: ${detail ? factText(f, detail) : 'hay algo mal formado'}. No se ha importado nada y tus datos siguen sin cambios.`,
    },
    backupError: (reason: BackupProblem, detail?: RecordFact): string =>
      reason === 'invalid' ? dt.backupErrors.invalid(detail) : dt.backupErrors[reason],

    moveHeading: 'Pasar a mi teléfono',
    moveHint:
      'Crea una copia protegida con una frase de contraseña para abrirla en Tandem en tu teléfono (o al revés). Envía la frase de contraseña por un camino distinto del archivo o del enlace.',
    moveFile: 'Guardar el archivo de traspaso (todo)',
    moveLink: `Crear un enlace (últimos ${f.number(TRANSFER_DAYS)} días)`,
    linkScope: `El enlace lleva los registros y las reflexiones de los últimos ${f.number(TRANSFER_DAYS)} días, además de tu plan, tus valores, tus contactos, tus ajustes y la lista de enlaces compartidos. El historial más antiguo solo viaja en el archivo.`,
    appAddressLabel: 'Dirección de la aplicación web de Tandem',
    appAddressHint: 'Donde abres Tandem en tu teléfono, por ejemplo https://example.org/tandem/',
    appAddressInvalid: 'Escribe la dirección de la aplicación web, empezando por https:// (o http://localhost).',
    linkLabel: 'Enlace de traspaso',
    linkLength: (chars) => `Tiene ${plural(f, chars, 'carácter', 'caracteres')}.`,
    copy: 'Copiar el enlace',
    copied: 'Enlace copiado.',
    copyFailed: 'Aquí no se ha podido copiar. Selecciona el enlace y cópialo a mano.',
    qrLabel: 'Código QR del enlace de traspaso. Escanéalo con la cámara de tu teléfono.',
    qrTooLong:
      'Este enlace es demasiado largo para un código QR. Envíatelo a ti (por correo, en una nota) y ábrelo en tu teléfono, o usa el archivo.',
    linkTooLong: 'Tu historial reciente es demasiado grande para un enlace. Usa mejor el archivo de traspaso.',

    eraseHeading: 'Borrar todos mis datos',
    eraseHint:
      'Esto quita de este dispositivo todos tus registros, reflexiones, entradas del plan, valores, contactos, ajustes y la lista de enlaces compartidos, y también los resúmenes de progreso que guardaste aquí como mentor o mentora. No se puede deshacer.',
    eraseCannot:
      'No puede quitar lo que ya ha salido de este dispositivo: los enlaces que enviaste a tu mentor o mentora (la página deja de abrirlos cuando caducan, pero quien tenga una copia aún puede leerlos), los archivos que guardaste o enviaste, y Tandem en tus otros dispositivos.',
    eraseConfirmLabel: 'Escribe BORRAR para confirmar',
    eraseWord: 'BORRAR',
    eraseButton: 'Borrar todos mis datos',
    eraseMismatch: 'Para borrarlo todo, primero escribe BORRAR en mayúsculas en la casilla.',
    erased: 'Se han borrado todos tus datos de Tandem de este dispositivo.',

    upgradeHeading: 'Tandem ha ordenado algunos de tus registros',
    upgradeIntro: (n) =>
      `Al actualizarse, Tandem ha cambiado un poco ${f.plural(n, { one: '# registro', other: '# registros' })}, para que todo se pueda seguir copiando, pasando a otro dispositivo y compartiendo. No se ha quitado nada:`,
    upgradeChange: (code, n) => {
      const times = plural(f, n, 'registro', 'registros');
      switch (code) {
        case 'textTidied':
          return `Se han quitado caracteres invisibles o de control de algunos textos, o se han escrito los acentos de la forma estándar (${times}).`;
        case 'textFilled':
          return `Un texto que solo tenía caracteres invisibles ahora dice «…» (${times}); puedes editarlo.`;
        case 'emptyEntryRemoved':
          return `Se han quitado elementos vacíos de algunas listas (${times}).`;
        case 'instantMoved':
          return `Una fecha anterior a 2000 o posterior a 2100, de un reloj mal puesto, se ha llevado a la fecha más cercana que Tandem puede guardar (${times}).`;
        case 'futureStamp':
          return `Un registro con fecha de más de un día por delante del reloj de este dispositivo ahora tiene la fecha de hoy (${times}).`;
        case 'offsetMoved':
          return `Una diferencia horaria de más de ±14 horas se ha ajustado a ese límite (${times}).`;
        case 'phoneMoved':
          return `Un número que un teléfono no puede marcar tal como está escrito se ha pasado a la nota del contacto (${times}). Vuelve a añadir el número en Mi plan → Contactos para una crisis.`;
        case 'listJoined':
          return `Una lista más larga de lo que Tandem guarda ha unido sus últimos elementos en uno (${times}).`;
        default:
          return `Otros cambios pequeños (${times}).`;
      }
    },
    upgradeSeen: 'Entendido',

    outdated: 'Tandem se ha actualizado en otra ventana. Vuelve a cargar esta página para seguir; no se pierde nada de lo que guardaste.',
    blocked: 'Tandem está esperando a que se cierre una ventana antigua de Tandem. Cierra las otras pestañas de Tandem y vuelve a cargar la página.',
    reload: 'Volver a cargar',
  };
  return dt;
};
