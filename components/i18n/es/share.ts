import type { ShareRequestProblem } from '../../../lib/shares';
import type { Messages } from '../en';
import type { Fmt } from '../fmt';

// El enlace para el mentor o la mentora: el diálogo para compartir, la lista de enlaces creados y
// la página que abre el enlace. "Resumen" es lo que lleva el enlace (snapshot); "registro" es
// cada vez que la persona cuenta cómo está; "momento difícil que superaste" y "recaída", como
// en el resto de Tandem. La página del enlace habla al mentor o la mentora, también de tú.

type Share = Messages['share'];

const plural = (f: Fmt, n: number, one: string, many: string) => f.plural(n, { one: `# ${one}`, other: `# ${many}` });

export const share = (f: Fmt): Share => {
  const linkErrors: Share['linkErrors'] = {
    missing:
      'Esta página muestra un enlace de progreso que alguien ha compartido contigo, pero en la dirección no hay ningún enlace. Abre el enlace completo que te enviaron.',
    truncated:
      'Este enlace está cortado: le falta una parte. Vuelve a copiar el enlace completo (algunas aplicaciones parten los enlaces largos), o pide uno nuevo.',
    tampered:
      'Este enlace ha cambiado o se ha dañado por el camino, así que no se puede abrir con seguridad. Pide a la persona un enlace nuevo.',
    version:
      'Este enlace lo creó una versión de Tandem distinta de la que esta página sabe leer. Recarga la página; si eso no lo arregla, pide un enlace nuevo.',
    oversized: 'Este enlace es más grande que cualquier enlace que crea Tandem, así que no se abre. Pide a la persona un enlace nuevo.',
    invalid:
      'El enlace se ha abierto, pero lo que lleva dentro no es un resumen de progreso de Tandem, así que no se muestra nada. Pide a la persona un enlace nuevo.',
    expired: 'Este enlace ha caducado, como decidió la persona que lo compartió. Si quieres saber cómo sigue, pídele uno nuevo.',
    'from-the-future':
      'Según este enlace, se creó después de hoy, así que puede que el reloj del dispositivo de quien lo envió esté mal. Pídele que lo revise y que te envíe un enlace nuevo.',
    'needs-passphrase':
      'Este enlace está protegido con una frase de contraseña. Te la dirá la persona que lo compartió.',
    'wrong-passphrase':
      'Esa frase de contraseña no abre este enlace. Compruébala con la persona que lo compartió (cuentan las mayúsculas y los espacios).',
    reply:
      'Este es un enlace de respuesta de un mentor o una mentora. Se abre en el Tandem de la persona que creó el enlace de progreso, no aquí: envíaselo a ella.',
  };

  const request: { [P in ShareRequestProblem as P['code']]: (p: P) => string } = {
    'share.nameMissing': () => 'Escribe tu nombre tal como te conoce tu mentor o mentora.',
    'share.nameTooLong': (p) => `Tu nombre puede tener hasta ${f.number(p.max)} caracteres.`,
    'share.mentorMissing': () => 'Escribe el nombre de tu mentor o mentora, para saber más adelante quién tiene este enlace.',
    'share.mentorTooLong': (p) => `El nombre de tu mentor o mentora puede tener hasta ${f.number(p.max)} caracteres.`,
    'share.period': (p) => `Elige un periodo de ${f.list(p.periods.map((n) => f.number(n)), 'disjunction')} días.`,
    'share.expiry': (p) => `Elige cuánto tiempo funciona el enlace: ${f.list(p.days.map((n) => f.number(n)), 'disjunction')} días.`,
    'share.passphraseShort': (p) =>
      `La frase de contraseña necesita al menos ${f.number(p.min)} caracteres; tres palabras cortas funcionan bien.`,
    'share.passphraseLong': (p) => `La frase de contraseña puede tener hasta ${f.number(p.max)} caracteres.`,
  };
  const sayRequest = (p: ShareRequestProblem) => (request[p.code] as (p: ShareRequestProblem) => string)(p);

  const content: Share['content'] = (c) => {
    switch (c.kind) {
      case 'checkinDays':
        return 'días con registro y racha';
      case 'mood':
        return 'gráfico del estado de ánimo';
      case 'wins':
        return `textos de pequeños logros (${f.number(c.count)})`;
      case 'reflectionCounts':
        return 'cuántos momentos difíciles superaste y cuántas recaídas hubo';
      case 'reflectionTexts':
        return `textos sobre momentos difíciles que superaste y recaídas (${f.number(c.count)})`;
      case 'plan':
        return `plan (${plural(f, c.count, 'situación', 'situaciones')})`;
      case 'wellbeing':
        return `puntuaciones de bienestar (${f.number(c.count)})`;
      case 'text':
        return c.text;
    }
  };

  const change: Share['change'] = (c) => {
    switch (c.kind) {
      case 'streak':
        return `Racha actual: ${f.number(c.from)} → ${plural(f, c.to, 'día', 'días')}.`;
      case 'streakSame':
        return `La racha actual sigue igual: ${plural(f, c.days, 'día', 'días')}.`;
      case 'bestStreak':
        return `Nueva mejor racha: ${plural(f, c.days, 'día', 'días')}.`;
      case 'checkedIn':
        return `Días con registro desde el resumen anterior: ${f.number(c.days)} de ${f.number(c.of)}.`;
      case 'mood':
        return `Ánimo medio de los últimos 7 días: ${f.number(c.from)} → ${f.number(c.to)} (sobre 5).`;
      case 'wins':
        return c.count === 0
          ? 'Ningún pequeño logro nuevo.'
          : f.plural(c.count, { one: '# pequeño logro nuevo.', other: '# pequeños logros nuevos.' });
      case 'text':
        return c.text;
    }
  };

  const days = (n: number) => plural(f, n, 'día', 'días');
  const dates: Share['dates'] = {
    day: (day) => f.day(day, { day: 'numeric', month: 'short', year: 'numeric' }),
    weekday: (day) => f.day(day, { weekday: 'short', day: 'numeric', month: 'short' }),
    instant: (at) => f.date(at, { dateStyle: 'medium', timeStyle: 'short' }),
  };

  return {
    panelHeading: 'Enlaces para tu mentor',
    panelIntro:
      'Envía a tu mentor o mentora un resumen de tu progreso, solo para leer. Tú eliges qué lleva y durante cuánto tiempo se puede abrir.',
    openDialog: 'Compartir con tu mentor o mentora',
    logHeading: 'Enlaces que has compartido',
    logEmpty: 'Todavía no has compartido ningún enlace.',
    logEntry: (mentor, period) => `Para ${mentor} · últimos ${f.number(period)} días`,
    logCreated: (when) => `Creado el ${when}`,
    content,
    logContents: (parts) => `Contiene: ${parts.map(content).join(', ')}.`,
    logValid: (when, withPassphrase) => `Funciona hasta el ${when}${withPassphrase ? ', con frase de contraseña' : ''}.`,
    logExpired: (when, withPassphrase) => `Caducó el ${when}${withPassphrase ? ', con frase de contraseña' : ''}.`,
    logForget: (mentor, when) => `Quitar de la lista: el enlace para ${mentor}, creado el ${when}`,
    logForgetLabel: 'Quitar de la lista',
    expiryTruth:
      'Qué significa que un enlace «caduque»: pasada esa fecha, la página que lo muestra ya no lo abre. Pero no hay ningún servidor: todo lo que compartes va dentro del propio enlace. Quien guarde una copia del enlace (y la frase de contraseña, si pusiste una) podría leerlo con otras herramientas. Quitar un enlace de esta lista no lo anula.',

    dialogHeading: 'Compartir con tu mentor o mentora',
    close: 'Cerrar',
    yourName: 'Tu nombre, tal como lo verá tu mentor o mentora',
    mentorName: 'Nombre de tu mentor o mentora (solo para tu lista)',
    period: 'Periodo',
    periodOption: (days) => `Últimos ${f.number(days)} días`,
    include: 'Qué incluir',
    always: 'Siempre se incluye: los días en que registraste cómo estabas, tu racha actual y tu mejor racha.',
    includeMood: 'Gráfico del estado de ánimo',
    includeWins: 'Textos de los pequeños logros',
    includeReflectionTexts: 'Lo que escribí sobre momentos difíciles que superé y recaídas (si no, solo cuántos hubo)',
    includePlan: 'Mi plan: situaciones y pasos que me ayudan',
    expiry: 'El enlace funciona durante',
    expiryOption: (days) => plural(f, days, 'día', 'días'),
    passphrase: 'Frase de contraseña (opcional)',
    passphraseHint:
      'Si pones una, dísela a tu mentor o mentora por otra vía, por ejemplo por teléfono. Al menos 8 caracteres; tres palabras cortas funcionan bien.',
    showPassphrase: 'Mostrar la frase de contraseña',
    hidePassphrase: 'Ocultar la frase de contraseña',
    addressHeading: 'El teléfono de tu mentor o mentora no podrá abrir este enlace',
    addressWarning: (host) =>
      `El enlace llevaría a ${host}, una dirección a la que solo se llega desde este ordenador (o desde tu propia red). Para enviárselo a tu mentor o mentora, indica la dirección donde abres la aplicación web de Tandem.`,
    addressOffer: 'Indicar la dirección de la aplicación web',
    addressLabel: 'Dirección de la aplicación web de Tandem',
    addressHint:
      'Donde abres Tandem en tu teléfono, por ejemplo https://example.org/tandem/. Se guarda junto con «Pasar a mi teléfono», y a partir de ahora los enlaces llevarán ahí.',
    addressInvalid: 'Escribe la dirección de la aplicación web, empezando por https:// (o http://localhost).',
    addressSave: 'Guardar la dirección',
    addressCancel: 'Cancelar',
    addressSaved: (host) => `Guardada. Ahora los enlaces llevan a ${host}.`,
    addressAnyway: 'Aun así puedes crear el enlace, por ejemplo para probarlo en este ordenador.',
    previewHeading: 'Vista previa: exactamente lo que verá tu mentor o mentora',
    previewName: 'Tu nombre',
    previewLoading: 'Preparando la vista previa…',
    omitted: {
      wins: (n) =>
        f.plural(n, {
          one: '# pequeño logro no cabía en el enlace y se ha dejado fuera.',
          other: '# pequeños logros no cabían en el enlace y se han dejado fuera.',
        }),
      reflections: (n) =>
        f.plural(n, {
          one: '# reflexión no cabía en el enlace y se ha dejado fuera.',
          other: '# reflexiones no cabían en el enlace y se han dejado fuera.',
        }),
      plan: (n) =>
        f.plural(n, {
          one: '# situación del plan no cabía en el enlace y se ha dejado fuera.',
          other: '# situaciones del plan no cabían en el enlace y se han dejado fuera.',
        }),
    },
    create: 'Crear el enlace',
    creating: 'Creando el enlace…',
    resultHeading: 'Tu enlace está listo',
    linkLabel: 'Enlace para tu mentor o mentora',
    linkFacts: (chars, until) => `${plural(f, chars, 'carácter', 'caracteres')}. Funciona hasta el ${until}.`,
    tellPassphrase: (mentor) => `Dile a ${mentor} la frase de contraseña por separado, no en el mismo mensaje que el enlace.`,
    copy: 'Copiar el enlace',
    copied: 'Enlace copiado.',
    copyFailed: 'Aquí no se ha podido copiar. Selecciona el enlace de arriba y cópialo tú.',
    shareSheet: 'Compartir…',
    qrLabel: 'Código QR del enlace. Tu mentor o mentora puede escanearlo con la cámara del móvil.',
    qrTooLong: 'Este enlace es demasiado largo para un código QR. Cópialo en su lugar.',
    anotherLink: 'Crear otro enlace',

    dates,
    summaryHeading: 'De un vistazo',
    summary: {
      lastCheckIn: (day, daysBefore) =>
        daysBefore === 0
          ? `Último registro: ${day}, el mismo día en que se creó este enlace.`
          : `Último registro: ${day}, ${days(daysBefore)} antes de crear este enlace.`,
      noCheckIn: (period) => `Ningún registro en estos ${days(period)}.`,
      streak: (current, best) =>
        current === 0
          ? `Ahora mismo no hay una racha de registros; la más larga fue de ${days(best)}.`
          : `Lleva ${plural(f, current, 'día seguido', 'días seguidos')} con registro; la racha más larga fue de ${days(best)}.`,
      moodNone: 'Ningún registro en los últimos 7 días, así que no hay ánimo que mostrar.',
      mood: (week) => `Ánimo en los últimos 7 días: ${f.number(week)} sobre 5.`,
      moodUp: (week, before) => `Ánimo en los últimos 7 días: ${f.number(week)} sobre 5, por encima de los 7 días anteriores (${f.number(before)}).`,
      moodDown: (week, before) => `Ánimo en los últimos 7 días: ${f.number(week)} sobre 5, por debajo de los 7 días anteriores (${f.number(before)}).`,
      moodSame: (week, before) => `Ánimo en los últimos 7 días: ${f.number(week)} sobre 5, parecido al de los 7 días anteriores (${f.number(before)}).`,
      reflections: (nearMisses, setbacks, period) =>
        nearMisses === 0 && setbacks === 0
          ? `Ningún momento difícil superado ni recaída en estos ${days(period)}.`
          : `En estos ${days(period)}: ${plural(f, nearMisses, 'momento difícil superado', 'momentos difíciles superados')} y ${plural(f, setbacks, 'recaída', 'recaídas')}.`,
      pulled: (triggers, times) =>
        `Lo que más tiró de la persona: ${f.list(triggers)} (${f.plural(times, { one: 'una vez', other: '# veces' })}${triggers.length > 1 ? ' cada uno' : ''}).`,
    },
    readOnly: 'Solo lectura',
    readOnlyNote: (name) => `Un resumen que ${name} ha querido compartir contigo. Aquí no se puede cambiar nada.`,
    periodLine: (days, from, to) => `Últimos ${f.number(days)} días: del ${from} al ${to}`,
    sharedLine: (created, expires) => `Compartido el ${created}. El enlace funciona hasta el ${expires}.`,
    streakHeading: 'Constancia',
    currentStreak: (n) => `Racha actual: ${plural(f, n, 'día', 'días')}`,
    bestStreak: (n) => `Mejor racha: ${plural(f, n, 'día', 'días')}`,
    daysCheckedIn: (n, of) => `Días con registro: ${f.number(n)} de ${f.number(of)}.`,
    calendarHeading: 'Días con registro',
    calendarDay: (date, count) => (count === 0 ? `${date}: sin registro` : `${date}: ${plural(f, count, 'registro', 'registros')}`),
    weekdays: ['Lun', 'Mar', 'Mié', 'Jue', 'Vie', 'Sáb', 'Dom'],
    moodHeading: 'Estado de ánimo',
    moodNone: 'No hay registros en este periodo, así que no hay estado de ánimo que mostrar.',
    moodOverall: (avg) => `Ánimo medio: ${f.number(avg)} sobre 5 (1 es muy mal; 5, muy bien).`,
    moodWeeks: (last, before) => `Últimos 7 días: ${f.number(last)}; los 7 días anteriores: ${f.number(before)}.`,
    moodLastWeek: (last) => `Últimos 7 días: ${f.number(last)}.`,
    moodChartLabel: 'Gráfico del ánimo medio de cada día',
    moodTable: 'Ánimo de cada día, en una tabla',
    moodTableDay: 'Día',
    moodTableCount: 'Registros',
    moodTableMood: 'Ánimo medio',
    winsHeading: 'Pequeños logros',
    winsNone: 'En este periodo no se escribió ningún pequeño logro.',
    reflectionsHeading: 'Momentos difíciles superados y recaídas',
    reflectionCounts: (nearMisses, setbacks) =>
      `En este periodo: ${plural(f, nearMisses, 'momento difícil superado', 'momentos difíciles superados')} y ${plural(f, setbacks, 'recaída', 'recaídas')}.`,
    nearMiss: 'Momento difícil superado',
    setback: 'Recaída',
    pulled: 'Lo que tiró de la persona',
    helped: 'Lo que ayudó',
    nextTime: 'La próxima vez',
    planHeading: 'Plan: situaciones y pasos que ayudan',
    planEmpty: 'Todavía no hay ningún plan escrito.',

    viewerTitle: 'Tandem: progreso compartido',
    viewerHeading: 'Progreso compartido',
    opening: 'Abriendo el enlace…',
    passphraseHeading: 'Este enlace necesita una frase de contraseña',
    passphraseLabel: 'Frase de contraseña',
    passphraseShow: 'Mostrar',
    passphraseHide: 'Ocultar',
    passphraseOpen: 'Abrir',
    passphraseWorking: 'Comprobando la frase de contraseña… tarda un momento.',
    cannotOpen: 'No se puede abrir este enlace',
    cannotShow: 'Este resumen no se puede mostrar en este navegador. Prueba con una versión actual de Chrome, Firefox, Safari o Edge.',
    noCrypto: 'Este navegador no puede abrir enlaces protegidos en esta página. Abre el enlace por https, o en un navegador actual.',
    linkErrors,
    keep: 'Guardar en mi lista',
    keptNow: (name) => `Guardado. ${name} está en tu lista en este dispositivo hasta que caduque este resumen.`,
    keepNote: 'No se guarda nada en este dispositivo a menos que elijas «Guardar en mi lista».',
    listHeading: 'Mi lista',
    listEmpty: 'Tu lista está vacía. Abre un enlace que alguien haya compartido contigo; puedes guardarlo aquí.',
    listIntro: 'Los resúmenes que decidiste guardar, solo en este dispositivo. Cada uno sale de la lista cuando caduca su enlace.',
    listExpired: (n) =>
      f.plural(n, { one: '# resumen guardado caducó y se ha quitado.', other: '# resúmenes guardados caducaron y se han quitado.' }),
    listShared: (when) => `Último resumen compartido el ${when}`,
    listChanges: 'Desde el resumen anterior:',
    change,
    listFirst: 'Es el primer resumen que guardas de esta persona.',
    newerKept: (name, when) =>
      `Tu lista ya tiene un resumen más reciente de ${name} (compartido el ${when}), así que este, que es anterior, no se ha guardado.`,
    listOpen: (name) => `Ver el resumen de ${name}`,
    listRemove: (name) => `Quitar a ${name} de mi lista`,
    listShow: 'Ver',
    listRemoveLabel: 'Quitar',
    noLink: 'Esta página muestra los enlaces de progreso que otras personas comparten contigo desde Tandem. Abre el enlace completo que te enviaron.',

    problems: {
      ...request,
      'share.request': (p) => p.problems.map(sayRequest).join(' '),
      'share.previewChanged': () =>
        'Algo ha cambiado desde la vista previa (un registro nuevo, o ha empezado otro día). La vista previa ya muestra lo que llevaría el enlace; revísala y vuelve a crear el enlace.',
      'share.needsHttps': () =>
        'En esta página no se pueden crear enlaces: los navegadores solo cifran en páginas seguras (https). Para compartir, abre Tandem desde su dirección https o usa la extensión del navegador.',
      'share.fromTheFuture': () => linkErrors['from-the-future'],
    },
  };
};
