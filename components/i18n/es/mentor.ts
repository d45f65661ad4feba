import type { Messages } from '../en';
import type { Fmt } from '../fmt';

// La conversación de vuelta: la respuesta del mentor o la mentora (escrita en la página del
// enlace, abierta en el Tandem de la persona, en Enlaces para tu mentor → De mis mentores) y su
// lista de un vistazo. A la persona y al mentor o la mentora, de tú.

type Mentor = Messages['mentor'];

export const mentor = (f: Fmt): Mentor => {
  const when = (at: number) => f.date(at, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const ago = (days: number) => (days <= 0 ? 'hoy' : days === 1 ? 'ayer' : f.plural(days, { one: 'hace # día', other: 'hace # días' }));
  return {
    errors: {
      missing: 'Aquí no hay ningún enlace de respuesta. Pega el enlace completo que te envió tu mentor o mentora.',
      truncated: 'Este enlace de respuesta está cortado: le falta una parte. Vuelve a copiar el enlace completo (algunas aplicaciones parten los enlaces largos).',
      tampered: 'Este enlace de respuesta ha cambiado o se ha dañado por el camino, así que no se puede abrir con seguridad. Pide que te lo envíen otra vez.',
      version: 'Esta respuesta se escribió con un Tandem más nuevo que este. Actualiza Tandem y vuelve a abrirla.',
      oversized: 'Este enlace de respuesta es más grande que cualquier respuesta que crea Tandem, así que no se abre.',
      invalid: 'La respuesta se ha abierto, pero lo que lleva dentro no es una respuesta de Tandem, así que no se muestra nada.',
      'not-reply': 'Este es un enlace de progreso, no una respuesta. El enlace de respuesta te lo envía tu mentor o mentora cuando te escribe.',
      'unknown-link':
        'Esta respuesta contesta a un enlace que no está en la lista de enlaces de este Tandem. Se abre en el Tandem donde creaste el enlace (o aquí, cuando la sincronización o una transferencia hayan traído esa lista).',
      removed: 'Esta respuesta contesta a un enlace que quitaste de tu lista, así que ya no se puede abrir. Tu mentor o mentora puede responder a un enlace nuevo.',
      'no-key':
        'Esta respuesta contesta a un enlace cuya clave no tiene este Tandem (llegó en una copia sin frase de contraseña, o de una versión anterior). Ábrela donde creaste el enlace, o pasa tus datos con una frase de contraseña.',
      expired: 'Esta respuesta es de un enlace que ya terminó, así que ya no se abre. Tu mentor o mentora puede responder a un enlace nuevo.',
      'from-the-future': 'Según esta respuesta, se escribió después de hoy, así que puede que un reloj esté mal. Pide que revisen el suyo y te la envíen otra vez.',
    },
    quickWords: {
      proud: 'Me enorgulleces',
      call: 'Llámame esta semana',
      together: 'Lo miramos en equipo',
    },
    problems: {
      'reply.fromMissing': () => 'Escribe tu nombre, para que sepa quién le responde.',
      'reply.fromTooLong': (p) => `Tu nombre puede tener hasta ${f.number(p.max)} caracteres.`,
      'reply.noteTooLong': (p) => `La nota puede tener hasta ${f.number(p.max)} caracteres; tiene ${f.number(p.length)}.`,
      'reply.empty': () => 'Escribe unas palabras, o elige una de las palabras rápidas.',
    },
    fromHeading: 'De mis mentores',
    fromIntro: 'Cuando tu mentor o mentora te responde, te envía un enlace de respuesta. Ábrelo, o pégalo aquí.',
    pasteLabel: 'Enlace de respuesta de tu mentor o mentora',
    pasteOpen: 'Abrir la respuesta',
    pasteWorking: 'Abriendo la respuesta…',
    openedNow: (name) => `La respuesta de ${name} está aquí abajo.`,
    openedBefore: (name) => `Esta respuesta de ${name} ya está guardada aquí; la tienes aquí abajo.`,
    none: 'Todavía no hay respuestas.',
    sentBy: (name, at) => `${name} escribió, ${when(at)}`,
    forLink: (mentor, made) => `En respuesta a tu enlace para ${mentor} del ${made}`,
    unreadBadge: 'Nueva',
    markRead: 'Marcar como leída',
    markReadLabel: (name, at) => `Marcar como leída la respuesta de ${name} del ${when(at)}`,
    remove: 'Quitar',
    removeLabel: (name, at) => `Quitar la respuesta de ${name} del ${when(at)}`,
    whereItOpens:
      'Una respuesta se abre en el Tandem donde creaste su enlace. Una respuesta a un enlace creado en la extensión del navegador se abre en la aplicación web solo cuando la sincronización o una transferencia (Ajustes → Tus datos) hayan llevado allí tu lista de enlaces.',
    writeBack: 'Responder',
    writeHeading: (name) => `Responder a ${name}`,
    writeIntro: (name) =>
      `Una nota corta y, si quieres, unas palabras rápidas. Se convierte en un enlace que solo el Tandem de ${name} puede abrir; no se envía ni se guarda nada hasta que lo compartas.`,
    fromLabel: 'Tu nombre',
    noteLabel: 'Nota (opcional)',
    noteCount: (n, max) => `${f.number(n)} de ${f.number(max)} caracteres`,
    wordsLegend: 'Palabras rápidas (opcional)',
    makeLink: 'Crear el enlace de respuesta',
    cancel: 'Cancelar',
    resultHeading: 'Tu enlace de respuesta',
    linkLabel: 'Enlace de respuesta',
    resultFacts: (name, length) =>
      `Envía este enlace a ${name} (por mensaje, correo o código QR). Solo se abre en su Tandem. ${f.plural(length, { one: '# carácter', other: '# caracteres' })}.`,
    copy: 'Copiar el enlace',
    copied: 'Copiado.',
    copyFailed: 'No se ha podido copiar: selecciona el enlace y cópialo tú.',
    shareSheet: 'Compartir…',
    showQr: 'Mostrar como código QR',
    hideQr: 'Ocultar el código QR',
    qrLabel: 'Código QR del enlace de respuesta',
    qrTooLong: 'Esta respuesta es demasiado larga para un código QR. Copia el enlace, o acorta la nota.',
    another: 'Escribir otra',
    keptNothing: 'Nada de lo que escribes aquí se guarda en este dispositivo.',
    listWriteBack: (name) => `Responder a ${name}`,
    heardFrom: (days) => `Última noticia: ${ago(days)}`,
    streakShort: (n) => f.plural(n, { one: 'racha de # día', other: 'racha de # días' }),
    trend: {
      up: 'ánimo al alza',
      down: 'ánimo más bajo',
      steady: 'ánimo estable',
      none: 'sin estado de ánimo compartido',
    },
    moodAverage: (n) => `ánimo ${f.number(n, { maximumFractionDigits: 1 })} de 5`,
    wellbeingTrend: {
      up: (score) => `bienestar ${f.number(score)}, al alza`,
      down: (score) => `bienestar ${f.number(score)}, más bajo`,
      steady: (score) => `bienestar ${f.number(score)}, estable`,
      one: (score) => `bienestar ${f.number(score)} de 100`,
    },
    sortedNote: 'Primero, de quien hace más tiempo que no tienes noticias.',
  };
};
