import type { PlanItem } from '../../../lib/plan';
import type { TextField, TextListField } from '../../../lib/text';
import type { Messages } from '../en';
import type { Fmt, PluralForms } from '../fmt';

// El plan de recuperación (situaciones y los pasos que ayudan), los valores y objetivos, y los
// contactos para una crisis. Sus `problems` dicen también lo que rechazan lib/text.ts y
// lib/phone.ts. De tú; las frases no dependen del género de la palabra que nombran.

export const plan = (f: Fmt): Messages['plan'] => {
  /** Cómo se nombra un campo al principio de una frase («Un paso no puede quedar en blanco.»). */
  const fieldNames: Record<TextField, string> = {
    trigger: 'Una situación',
    step: 'Un paso',
    helped: 'Lo que te ayudó',
    nextTime: 'Lo que quieres probar la próxima vez',
    valueText: 'Un valor u objetivo',
    contactName: 'El nombre',
    contactNote: 'La nota',
  };
  const listItems: Record<TextListField, PluralForms> = {
    trigger: { one: '# situación', other: '# situaciones' },
    step: { one: '# paso', other: '# pasos' },
  };
  const lists: Record<TextListField, string> = { trigger: 'Las situaciones', step: 'Los pasos' };
  const full: Record<PlanItem, PluralForms> = {
    entry: {
      one: 'Tu plan puede tener hasta # situación. Quita una primero.',
      other: 'Tu plan puede tener hasta # situaciones. Quita una primero.',
    },
    value: {
      one: 'Puedes guardar hasta # valor u objetivo. Quita uno primero.',
      other: 'Puedes guardar hasta # valores y objetivos. Quita uno primero.',
    },
    contact: {
      one: 'Puedes guardar hasta # contacto para una crisis. Quita uno primero.',
      other: 'Puedes guardar hasta # contactos para una crisis. Quita uno primero.',
    },
  };
  const gone: Record<PlanItem, string> = {
    entry: 'Esa situación ya no está en tu plan. Puede que se haya borrado en otra ventana.',
    value: 'Ese valor u objetivo ya no existe. Puede que se haya borrado en otra ventana.',
    contact: 'Ese contacto ya no existe. Puede que se haya borrado en otra ventana.',
  };

  return {
    heading: 'Mi plan de recuperación',
    intro:
      'Escribe las situaciones que tiran de ti y los pasos que te ayudan, en el orden en que los probarías. Aparecerán cuando anotes un momento difícil en esa situación, y también en la ayuda para una crisis.',
    empty: 'Tu plan todavía está vacío. Añade abajo una primera situación.',
    listLabel: 'Plan',
    updated: 'Plan actualizado.',
    removed: (trigger) => `Has quitado «${trigger}» de tu plan.`,
    addHeading: 'Añadir una situación',
    added: 'Añadido a tu plan.',
    addForm: 'Añadir a mi plan',
    editForm: (trigger) => `Editar el plan para ${trigger}`,
    situation: 'Situación de riesgo',
    situationExample: 'p. ej., el día de cobro, un turno hasta tarde',
    stepsLegend: 'Pasos que te ayudan, en el orden en que los probarías',
    step: (n) => `Paso ${f.number(n)}`,
    stepUp: (n) => `Subir el paso ${f.number(n)}`,
    stepDown: (n) => `Bajar el paso ${f.number(n)}`,
    stepRemove: (n) => `Quitar el paso ${f.number(n)}`,
    addStep: 'Añadir un paso',
    addSubmit: 'Añadir a mi plan',
    saveChanges: 'Guardar los cambios',

    contacts: {
      heading: 'Contactos para una crisis',
      intro:
        'Las personas a las que puedes llamar, tu mentor y una línea de ayuda de confianza. Aparecen en la ayuda para una crisis, con botones para llamar y enviar un mensaje.',
      listLabel: 'Contactos para una crisis',
      saved: 'Guardado.',
      removed: (name) => `Has quitado a ${name}.`,
      addHeading: 'Añadir a alguien',
      added: 'Añadido a tu ayuda para una crisis.',
      addForm: 'Añadir un contacto',
      editForm: (name) => `Editar ${name}`,
      role: '¿Quién es?',
      name: 'Nombre',
      phone: 'Número de teléfono',
      note: 'Nota (opcional)',
      add: 'Añadir el contacto',
      cantDial: (edit) =>
        `Este número no se puede marcar tal como está escrito. Elige «${edit}» y usa cifras, espacios, guiones, paréntesis y un + al principio.`,
      noNumber: (edit) => `Este contacto todavía no tiene número. Elige «${edit}» para añadirlo.`,
    },

    values: {
      heading: 'Lo que me importa',
      intro: 'Los valores son lo que te importa; los objetivos, aquello hacia lo que avanzas. Unas pocas palabras bastan.',
      listLabel: 'Valores y objetivos',
      saved: 'Guardado.',
      removed: (text) => `Has quitado «${text}».`,
      added: { value: 'Valor añadido.', goal: 'Objetivo añadido.' },
      addForm: 'Añadir un valor u objetivo',
      quoted: (text) => `«${text}»`,
      editForm: (text) => `Editar «${text}»`,
      kind: 'Tipo',
      kinds: { value: 'Valor', goal: 'Objetivo' },
      itemKind: { value: 'Valor:', goal: 'Objetivo:' },
      text: 'Con tus palabras',
      add: 'Añadir',
    },

    fieldNames,
    problems: {
      'plan.full': (p) => f.plural(p.max, full[p.what]),
      'plan.duplicate': (p) => `«${p.trigger}» ya está en tu plan. Añade tus pasos a esa situación.`,
      'plan.noStep': () => 'Añade al menos un paso que te ayude en esta situación.',
      'plan.kind': () => 'Elige si es un valor o un objetivo.',
      'plan.role': () => 'Elige si es un contacto, tu mentor o una línea de ayuda.',
      'plan.gone': (p) => gone[p.what],
      'plan.restoreDuplicate': (p) =>
        `«${p.trigger}» ya vuelve a estar en tu plan, así que no se ha recuperado la que borraste.`,
      'text.notText': (p) => `${fieldNames[p.field]} tiene que ser texto.`,
      'text.empty': (p) => `${fieldNames[p.field]} no puede quedar en blanco.`,
      'text.tooLong': (p) =>
        `${fieldNames[p.field]} admite hasta ${f.plural(p.max, { one: '# carácter', other: '# caracteres' })}; este texto tiene ${f.number(p.length)}. Acórtalo un poco, por favor.`,
      'text.forbiddenCharacter': (p) => `${fieldNames[p.field]} tiene caracteres que no se pueden guardar.`,
      'text.notList': (p) => `${lists[p.field]} tienen que ser una lista.`,
      'text.tooMany': (p) =>
        `Puedes guardar hasta ${f.plural(p.max, listItems[p.field])}; aquí hay ${f.number(p.count)}. Acorta la lista primero.`,
      'phone.notText': () => 'Un número de teléfono tiene que ser texto.',
      'phone.required': () => 'Añade un número de teléfono, o deja fuera este contacto.',
      'phone.characters': () =>
        'Ese número tiene caracteres que un teléfono no puede marcar. Usa cifras, espacios, guiones, paréntesis y un + al principio.',
      'phone.zeroAfterCountry': () =>
        'Quita el (0) que va después del prefijo del país: el teléfono lo marcaría como parte del número.',
      'phone.digits': (p) =>
        `Un número de teléfono tiene entre ${f.number(p.min)} y ${f.number(p.max)} cifras; este tiene ${f.number(p.digits)}.`,
    },
  };
};
