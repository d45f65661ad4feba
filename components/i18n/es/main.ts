import type { Mood } from '../../../lib/db/schema';
import type { Messages } from '../en';
import type { Fmt } from '../fmt';

// El registro del momento, la racha, los recordatorios y las palabras que comparten todas las
// pantallas. De tú, con palabras sencillas.

/** «a la 1:00», «a las 9:30». */
const at = (time: string) => (/^0?1[:.]/.test(time) ? `a la ${time}` : `a las ${time}`);

export const main = (f: Fmt): Messages['main'] => {
  const moods: Record<Mood, string> = { 1: 'Muy mal', 2: 'Mal', 3: 'Regular', 4: 'Bien', 5: 'Muy bien' };
  return {
    appName: 'Tandem',
    popupTitle: 'Tandem: ¿cómo estás?',
    checkinHeading: '¿Cómo estás ahora mismo?',
    checkinHint: 'Elige una opción o pulsa una tecla del 1 al 5.',
    checkinHintTouch: 'Toca la opción que más se parezca a cómo estás.',
    moodGroup: 'Estado de ánimo',
    moods,
    mood: (mood) => `${f.number(mood)} ${moods[mood]}`,
    saved: (mood, time) => `Guardado: ${mood}, ${at(time)}. Gracias por contar cómo estás.`,
    changed: (mood, time) => `Cambiado a ${mood}. Sigue siendo un solo registro, ${(/^0?1[:.]/.test(time) ? 'el de la ' : 'el de las ') + time}.`,
    undoCheckin: 'Deshacer este registro',
    undoChange: (mood) => `Deshacer y volver a ${mood}`,
    undoneCheckin: 'Registro deshecho. Elige cómo estás cuando quieras.',
    undoneChange: (mood) => `Deshecho: vuelve a ser ${mood}.`,
    winLabel: 'Pequeño logro',
    noteLabel: 'Nota',
    noteHint: 'Solo para ti: las notas se quedan en este dispositivo y en tus copias, nunca en un enlace para tu mentor.',
    winHint: 'Si quieres: algo pequeño que te haya salido bien. Pulsa Intro para guardarlo.',
    winHintTouch: 'Si quieres: algo pequeño que te haya salido bien.',
    winSave: 'Guardar el logro',
    winSaved: 'Logro guardado. ¡Bien hecho!',
    winAtLimit: (max) => `Has llegado al límite: ${f.number(max)} caracteres.`,
    winCount: (length, max) => `${f.number(length)}/${f.number(max)}`,
    haltLegend: '¿Hay algo que te esté afectando? (opcional)',
    halt: { hungry: 'Hambre', angry: 'Enfado', lonely: 'Soledad', tired: 'Cansancio' },
    // The first screen's ways into a reflection and the crisis sheet (the sheets' own words are in reflect).
    crisisButton: 'Ayuda para una crisis',
    nearMissButton: 'Superé un momento difícil',
    setbackButton: 'Tuve una recaída',
    streakHeading: 'Racha',
    streakCount: (days) => f.plural(days, { one: 'Racha de # día', other: 'Racha de # días' }),
    streakNone: 'Tu primer registro empieza una racha.',
    streakAtRisk: 'Registra cómo estás hoy para mantenerla.',
    streakToday: 'Hoy ya has contado cómo estás.',
    streakDayOff: 'Hoy es día libre: tu racha sigue a salvo.',
    streakBest: (days) => f.plural(days, { one: 'Mejor racha: # día', other: 'Mejor racha: # días' }),
    streakWeek: (days) => f.plural(days, { one: 'Esta semana: # día', other: 'Esta semana: # días' }),
    streakMonth: (days) => f.plural(days, { one: 'Este mes: # día', other: 'Este mes: # días' }),
    milestone: (days) =>
      f.plural(days, {
        one: '# día en el que has estado presente. Eso importa.',
        other: '# días en los que has estado presente. Eso importa.',
      }),
    milestoneThanks: 'Gracias',
    today: 'Hoy',
    yesterday: 'Ayer',
    inSentence: { today: 'hoy', yesterday: 'ayer', tomorrow: 'mañana' },
    dayAndTime: (day, time) => `${day}, ${time}`,
    todayHeading: 'Hoy',
    todayEmpty: 'Hoy todavía no has contado cómo estás.',
    todayList: 'Registros de hoy',
    recentHeading: 'Registros recientes',
    recentList: 'Registros recientes',
    recentEmpty: 'Aquí aparecerán tus registros.',
    editForm: 'Editar el registro',
    editCheckin: (day, time) => `Editar el registro (${day}, ${at(time)})`,
    deleteCheckin: (day, time) => `Borrar el registro (${day}, ${at(time)})`,
    edit: 'Editar',
    delete: 'Borrar',
    save: 'Guardar',
    cancel: 'Cancelar',
    undo: 'Deshacer',
    close: 'Cerrar',
    tryAgain: 'Intentar de nuevo',
    editItem: (name) => `Editar ${name}`,
    moveUp: (name) => `Subir ${name}`,
    moveDown: (name) => `Bajar ${name}`,
    deleteItem: (name) => `Borrar ${name}`,
    deleted: 'Registro borrado.',
    moodLabel: 'Estado de ánimo',
    noWin: '',
    openDashboard: 'Abrir el panel',
    wroteBack: (names) =>
      names.length <= 1 ? `${names[0] ?? ''} te ha respondido` : `${names[0]} y ${f.plural(names.length - 1, { one: '# persona más', other: '# personas más' })} te han respondido`,
    wroteBackOpen: 'Léelo en Enlaces para tu mentor',
    sections: 'Secciones',
    views: {
      home: 'Registrar',
      reflections: 'Reflexiones',
      plan: 'Mi plan',
      insights: 'Patrones',
      share: 'Enlaces para tu mentor',
      settings: 'Ajustes',
    },
    weekHeading: 'Esta semana',
    valuesHeading: 'Lo que me importa',
    goalMark: '(objetivo)',
    valuesEmpty: 'Escribe con tus palabras algunos valores u objetivos, y aparecerán aquí junto a tus logros.',
    editValues: 'Editar valores y objetivos',
    addValues: 'Añadir valores y objetivos',
    winsHeading: 'Pequeños logros',
    hardMoments: (n) =>
      f.plural(n, { one: '# momento difícil que superaste.', other: '# momentos difíciles que superaste.' }),
    hardMomentsCount: 'Cada uno cuenta como un logro.',
    weekWins: 'Pequeños logros de esta semana',
    weekWinsEmpty: 'Los pequeños logros que anotes al registrar cómo estás se irán juntando aquí.',
    remindersHeading: 'Recordatorios',
    due: 'Es buen momento para contar cómo estás. Cuando quieras.',
    snooze: 'Recordármelo en 30 minutos',
    pauseToday: 'Pausar por hoy',
    resume: 'Reanudar los recordatorios',
    snoozedUntil: (time) => `Pospuesto hasta ${at(time).slice(2)}.`,
    pausedToday: 'Los recordatorios están en pausa por hoy.',
    awayUntil: (day) => `Estás fuera hasta el ${day}. Hasta entonces, no hay recordatorios.`,
    nextAt: (day, time) => `Próximo recordatorio: ${day}, ${at(time)}.`,
    noNext: 'No hay recordatorios previstos para la próxima semana.',
    pwaReminders:
      'Esta aplicación web no puede avisarte mientras está cerrada: los teléfonos y los navegadores no dejan que las aplicaciones web lo hagan de forma fiable. Ábrela cuando quieras; aquí verás si toca registrar cómo estás. Para tener recordatorios durante la jornada, usa la extensión del navegador.',
    badge: {
      due: 'Tandem: es buen momento para contar cómo estás',
      idle: 'Tandem: cuenta cómo estás',
      notificationTitle: 'Tandem',
    },
    notificationDefault: '¿Cómo estás? Contarlo lleva cinco segundos.',
    settingsHeading: 'Ajustes de los recordatorios',
    settingsSaved: 'Ajustes guardados.',
    loading: 'Cargando…',
    updateReady: 'Hay una versión nueva de Tandem lista.',
    updateReload: 'Recargar para actualizar',
    storageProblem: 'Algo no ha salido bien al leer tus datos.',
    problems: {
      'checkin.mood': () => 'Elige un estado de ánimo del 1 al 5.',
      'checkin.winEmpty': () => 'Escribe unas palabras sobre tu logro, o simplemente sáltalo.',
      'checkin.winTooLong': (p) =>
        `Un pequeño logro puede tener hasta ${f.number(p.max)} caracteres; este tiene ${f.number(p.length)}. Acórtalo un poco, por favor.`,
      'checkin.noteTooLong': (p) =>
        `Una nota puede tener hasta ${f.number(p.max)} caracteres; esta tiene ${f.number(p.length)}. Acórtala un poco, por favor.`,
      'checkin.gone': () => 'Ese registro ya no existe. Puede que se haya borrado en otra ventana.',
      'checkin.unknownTag': (p) =>
        f.plural(p.tags.length, { one: 'Tandem no conoce esta etiqueta: ', other: 'Tandem no conoce estas etiquetas: ' }) +
        `${f.list(p.tags)}.`,
      'reminders.noAnswer': () =>
        'Los recordatorios de Tandem no han respondido. Cierra esta página y vuelve a abrirla; si sigue pasando, reinicia el navegador.',
    },
  };
};
