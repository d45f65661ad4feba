import type { TimeWindow } from '../../../lib/settings';
import type { Messages } from '../en';
import { clockText, weekdayNames, windowText } from '../en/settings';
import { countryName } from '../en/welcome';
import type { Fmt } from '../fmt';

// La bienvenida (components/welcome): el primer minuto y medio, y «Volver a hacer la bienvenida».

/** "lunes" → "Lunes": en una lista de casillas, cada día empieza con mayúscula. */
const capital = (text: string) => text.charAt(0).toLocaleUpperCase('es') + text.slice(1);

export const welcome = (f: Fmt): Messages['welcome'] => {
  const names = weekdayNames(f);
  const hoursText = (days: readonly string[], w: TimeWindow) => {
    const when =
      w.start === 0 && w.end === 1440
        ? 'a cualquier hora'
        : w.overnight
          ? `de ${windowText(f, w)} (termina al día siguiente)`
          : `de ${windowText(f, w)}`;
    return `${days.length === 7 ? 'todos los días' : f.list(days)}, ${when}`;
  };
  return {
    title: 'Te damos la bienvenida a Tandem',
    intro:
      'Unas preguntas cortas, más o menos un minuto y medio, para preparar Tandem a tu medida. Cualquiera puede esperar: «Saltar por ahora» pasa a la siguiente, y puedes volver a hacerlo desde Ajustes.',
    progress: (n, total) => `Paso ${f.number(n)} de ${f.number(total)}`,
    skip: 'Saltar por ahora',
    hide: 'Ocultar la bienvenida',
    loading: 'Cargando…',

    hours: {
      heading: '¿Cuándo trabajas?',
      intro: 'Esto fija tus recordatorios: Tandem te recuerda registrar cómo estás en estas horas, y no fuera de ellas.',
      kindLegend: 'Tu horario',
      set: 'Tengo un horario fijo',
      change: 'Mi horario cambia',
      daysLegend: 'Los días que trabajo',
      weekdays: { 0: capital(names[0]), 1: capital(names[1]), 2: capital(names[2]), 3: capital(names[3]), 4: capital(names[4]), 5: capital(names[5]), 6: capital(names[6]) },
      from: 'Desde',
      to: 'Hasta',
      overnight: 'Termina al día siguiente (un turno de noche).',
      changeHint: 'Así, los recordatorios pueden llegar cualquier día, a cualquier hora. Más adelante puedes poner horas exactas en Ajustes.',
      moreWindows: (n) =>
        f.plural(n, {
          one: 'En Ajustes tienes # franja horaria; si cambias estas horas, se sustituye.',
          other: 'En Ajustes tienes # franjas horarias; si cambias estas horas, se sustituyen por esta.',
        }),
      variedPlan: 'En Ajustes tienes horas distintas según el día. Si cambias estas horas, cada día que marques tendrá solo esta franja.',
      save: 'Guardar mi horario',
      saved: (days, w) => `Guardado. Tandem te recordará registrar cómo estás ${hoursText(Array.from(days, (d) => d.toLocaleLowerCase('es')), w)}.`,
      savedPlan: (days) =>
        `Guardado. Tandem te recordará registrar cómo estás el ${f.list(Array.from(days, (d) => d.toLocaleLowerCase('es')))}, a las horas de cada día.`,
    },

    dayEnd: {
      heading: '¿Cuándo termina tu día?',
      intro: 'Después de una noche larga, un registro a la una de la madrugada sigue perteneciendo al día que viviste.',
      label: 'Mi día termina a las',
      option: (hour) => clockText(f, hour * 60),
      hint: 'Lo que registres antes de esta hora cuenta para el día anterior.',
      save: 'Guardar esta hora',
      saved: (hour) => `Guardado. Tu día termina a las ${clockText(f, hour * 60)}.`,
    },

    person: {
      heading: 'Una persona a la que llamar o escribir',
      intro: 'Alguien de confianza, para un momento difícil. Estará en tu ayuda para una crisis, a un toque. Solo tú puedes verlo.',
      name: 'Su nombre',
      phone: 'Su número de teléfono',
      phoneHint: 'Tal como lo marcarías. Puedes usar cifras, espacios, guiones y un + al principio.',
      mentor: 'Es mi mentor',
      already: (people) => `Ya está en tu ayuda para una crisis: ${f.list(people)}.`,
      save: 'Añadir a mi ayuda para una crisis',
      saved: (name) => `Guardado. ${name} ya está en tu ayuda para una crisis.`,
    },

    country: {
      heading: 'Tu país',
      intro: 'Tandem muestra el número de emergencias de tu país en la ayuda para una crisis.',
      label: 'País',
      choose: 'Elige tu país',
      name: (code) => countryName(f, code),
      number: (number) => `Número de emergencias: ${number}`,
      notListed:
        '¿No está en la lista? Sáltalo por ahora. La ayuda para una crisis te seguirá recordando que llames al número de emergencias de tu país.',
      save: 'Confirmar mi país',
      pick: 'Elige primero un país, o sáltalo por ahora.',
      saved: (country, number) => `Guardado. La ayuda para una crisis mostrará el ${number}, el número de emergencias de ${country}.`,
    },

    situation: {
      heading: 'Una situación de riesgo',
      intro: 'Un momento, un lugar o un sentimiento que puede empujarte a consumir, y de una a tres cosas que puedes hacer entonces.',
      label: 'La situación, con tus palabras',
      ideasLabel: 'Ideas para la situación',
      ideas: ['El día de cobro', 'Después de un mal día en el trabajo', 'Las tardes a solas', 'Una fiesta o una noche de salida'],
      stepsLegend: 'Lo que puedo hacer entonces (de uno a tres pasos)',
      step: (n) => `Paso ${f.number(n)}`,
      stepIdeasLabel: 'Ideas para los pasos',
      stepIdeasHint: 'Elige las que te sirvan y cambia las palabras como quieras. Ninguna es obligatoria.',
      stepIdeas: ['Esperar 15 minutos: el impulso pasa', 'Salir a caminar un rato', 'Comer algo y beber agua', 'Irme, o ir a un lugar seguro'],
      callPerson: (name) => `Llamar o escribir a ${name}`,
      save: 'Guardar esta situación',
      saved: (trigger) => `Guardado. «${trigger}» y sus pasos ya están en tu plan.`,
    },

    value: {
      heading: '¿Qué es importante para ti?',
      optional: 'Opcional.',
      intro: 'Algo que te importa da sentido a los días difíciles: una persona, tu salud, una promesa. Unas pocas palabras bastan.',
      label: 'Con tus palabras',
      save: 'Guardar',
      saved: (text) => `Guardado. «${text}» ya está en tu plan.`,
    },

    end: {
      heading: 'Ya está todo listo',
      headingNothing: 'Eso es todo por ahora',
      summaryLabel: 'Lo que Tandem sabe ahora',
      hours: (days, w) => `Recordatorios: ${hoursText(Array.from(days, (d) => d.toLocaleLowerCase('es')), w)}.`,
      hoursPlan: (days) => `Recordatorios: ${f.list(Array.from(days, (d) => d.toLocaleLowerCase('es')))}, a las horas de cada día.`,
      dayEnd: (hour) => `Tu día termina a las ${clockText(f, hour * 60)}.`,
      people: (people) => `En tu ayuda para una crisis: ${f.list(people)}.`,
      country: (country, number) => `Número de emergencias: ${number} (${country}).`,
      noCountry: 'Todavía no hay país: la ayuda para una crisis te recuerda que llames al número de emergencias de tu país.',
      situations: (triggers) => `En tu plan: ${f.list(triggers)}.`,
      values: (texts) => `Lo que te importa: ${f.list(texts)}.`,
      later: 'Lo que hayas saltado puedes añadirlo cuando quieras, en Mi plan y en Ajustes.',
      ask: 'Y ahora, ¿cómo estás ahora mismo?',
      askBelow: 'Elige aquí debajo cómo te sientes.',
      checkIn: 'Registrar cómo estoy',
    },

    runAgain: 'Volver a hacer la bienvenida',
    runAgainHint: 'Repasa otra vez los primeros pasos: tu horario, una persona a la que llamar, una situación de riesgo. No se borra nada.',
    runAgainStarted: 'La bienvenida te espera en la pantalla de registro.',
  };
};
