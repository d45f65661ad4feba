import type { Messages } from '../en';
import type { Fmt } from '../fmt';

// El control de bienestar cada dos semanas: el Índice de Bienestar OMS-5 (WHO-5) en su versión
// española publicada, palabra por palabra (enunciados, periodo y respuestas), las palabras de
// Tandem alrededor y la evolución en Tendencias. Nunca un diagnóstico.

type Wellbeing = Messages['wellbeing'];

export const wellbeing = (f: Fmt): Wellbeing => ({
  // Versión española publicada del WHO-5, literal.
  who5: {
    stem: 'Durante las últimas dos semanas',
    items: [
      'Me he sentido alegre y de buen humor',
      'Me he sentido tranquilo y relajado',
      'Me he sentido activo y enérgico',
      'Me he despertado fresco y descansado',
      'Mi vida cotidiana ha estado llena de cosas que me interesan',
    ],
    answers: ['Nunca', 'De vez en cuando', 'Menos de la mitad del tiempo', 'Más de la mitad del tiempo', 'La mayor parte del tiempo', 'Todo el tiempo'],
  },
  credit:
    'Índice de Bienestar WHO-5, Oficina Regional de la OMS para Europa y Psychiatric Research Unit, Mental Health Centre North Zealand (1998). De uso libre.',
  languageNote: '',
  offerHeading: 'Un control corto de bienestar',
  offerIntro: 'Cada dos semanas, Tandem te ofrece cinco frases cortas sobre cómo te ha ido la vida últimamente. Cerca de un minuto. Hazlo o sáltalo: tú decides.',
  start: 'Empezar el control',
  skip: 'Saltar esta vez',
  skipped: 'Saltado. Se volverá a ofrecer dentro de dos semanas.',
  formHeading: 'Control de bienestar (WHO-5)',
  formIntro: 'En cada frase, elige la respuesta que más se acerque a cómo te has sentido.',
  save: 'Guardar mis respuestas',
  cancel: 'Ahora no',
  missing: (n) => f.plural(n, { one: 'Falta responder una frase.', other: 'Faltan # frases por responder.' }),
  saved: (score) => `Guardado. Tu puntuación: ${f.number(score)} de 100.`,
  trendHeading: 'Bienestar (WHO-5)',
  trendIntro: 'Tu puntuación del control de cada dos semanas, de 0 a 100: más alta quiere decir que te sentiste mejor. Sirve para ver cómo te va, no es un diagnóstico.',
  none: 'Todavía no hay ningún control de bienestar. Se ofrece en la página Registrar, una vez cada dos semanas.',
  latest: (score, when) => `La última: ${f.number(score)} de 100, ${when}.`,
  bands: {
    veryLow: 'Muy baja: la vida se te ha hecho pesada últimamente.',
    low: 'Baja: las cosas han sido más difíciles de lo normal.',
    fair: 'Regular: momentos buenos y otros más difíciles.',
    good: 'Buena: te has sentido bien gran parte del tiempo.',
  },
  since: (from, to) =>
    to > from ? `Sube desde ${f.number(from)} la vez anterior.` : to < from ? `Baja desde ${f.number(from)} la vez anterior.` : 'Igual que la vez anterior.',
  talk: 'Vale la pena hablar de una puntuación baja. Puedes compartirla con tu mentor o mentora, o con un médico o un terapeuta.',
  crisis: 'Abrir la hoja de crisis',
  tableCaption: 'Puntuaciones de bienestar',
  dateHead: 'Fecha',
  scoreHead: 'Puntuación (0–100)',
  bandHead: 'En pocas palabras',
  shareOption: 'Puntuaciones del control de bienestar (WHO-5)',
  shareOptionHint: 'Desactivado salvo que lo marques.',
  viewerHeading: 'Bienestar (WHO-5)',
  viewerLatest: (name, score) => `Última puntuación de bienestar de ${name}: ${f.number(score)} de 100.`,
  viewerNote: 'Del control WHO-5 de cada dos semanas; más alta quiere decir que se sintió mejor. No es un diagnóstico.',
});
